import { gatewaySchema } from '@connectors/gateway';
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { BENCH_TYPE_DEFS } from './schema.ts';

// The peers keep their own SDL (they run without the gateway), so this keeps it honest: every
// type they serve has the gateway's shape, descriptions aside.
function shape(type: GraphQLNamedType | null | undefined): string[] {
  if (isEnumType(type)) return type.getValues().map((value) => value.name);
  if (isObjectType(type) || isInputObjectType(type)) {
    return Object.values<GraphQLField<unknown, unknown> | GraphQLInputField>(type.getFields()).map(
      (field) => {
        const args = 'args' in field ? field.args.map((arg) => `${arg.name}: ${arg.type}`) : [];
        return `${field.name}(${args.join(', ')}): ${field.type}`;
      },
    );
  }
  return [String(type)];
}

describe("the peers' schema", () => {
  const bench = buildSchema(BENCH_TYPE_DEFS);

  it.each([
    'AddConnectorMemberOfInput',
    'ConnectorGroupInput',
    'ConnectorGroupType',
    'ConnectorGroupRegion',
    'ConnectorGroup',
    'AddConnectorMemberOfPayload',
    'UserError',
    'UserErrorCode',
  ])('has the gateway shape of %s', (name) => {
    expect(shape(bench.getType(name))).toEqual(shape(gatewaySchema.getType(name)));
  });

  it("has the gateway's mutation", () => {
    const field = (schema: typeof bench) =>
      shape(schema.getMutationType()).find((line) => line.startsWith('addConnectorMemberOf('));
    expect(field(bench)).toBeDefined();
    expect(field(bench)).toBe(field(gatewaySchema));
  });
});
