/**
 * Contract: an operation compiled by graphql-jit answers as graphql-js `execute` answers, in
 * everything the fast path passes on (the differential test covers the gateway's own schema end
 * to end; this covers what its corpus cannot make the real resolvers do): the same bytes once
 * serialised, errors of graphql-js's class with the same `locations`, `path`, `extensions` and
 * kind of `originalError` (so yoga masks the same ones), resolvers run in the same order with the
 * same `info`, and variables that do not coerce refused before anything runs.
 */
import {
  execute,
  GraphQLEnumType,
  GraphQLError,
  GraphQLID,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  GraphQLSchema,
  GraphQLString,
  type OperationDefinitionNode,
  parse,
  responsePathAsArray,
} from 'graphql';
import { maskError } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { gatewaySchema } from '../schema/schema.ts';
import { compileOperation } from './compiled-operation.ts';

/** What each resolver saw, in the order they ran. */
let seen: string[] = [];
const record = (info: GraphQLResolveInfo) =>
  seen.push(
    JSON.stringify({
      fieldName: info.fieldName,
      path: responsePathAsArray(info.path),
      parentType: info.parentType.name,
      returnType: String(info.returnType),
      operation: info.operation.name?.value,
      variableValues: info.variableValues,
    }),
  );

class CodedError extends GraphQLError {
  constructor(code: string) {
    super(`coded ${code}`, { extensions: { code, sent: false } });
  }
}

const Region = new GraphQLEnumType({
  name: 'Region',
  // Internal values differ from the names, as the gateway's enums map REST values.
  values: { NAM: { value: 'nam' }, EUR: { value: 'eur' } },
});
const Item: GraphQLObjectType = new GraphQLObjectType({
  name: 'Item',
  fields: () => ({
    id: { type: new GraphQLNonNull(GraphQLID) },
    region: { type: Region },
    requiredName: { type: new GraphQLNonNull(GraphQLString) },
    count: { type: GraphQLInt },
    child: { type: Item },
  }),
});
const Input = new GraphQLInputObjectType({
  name: 'Input',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    region: { type: new GraphQLNonNull(Region) },
    nested: {
      type: new GraphQLInputObjectType({
        name: 'Nested',
        fields: { flag: { type: GraphQLString, defaultValue: 'default' } },
      }),
    },
  },
});
const item = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  region: 'eur',
  requiredName: `name ${id}`,
  count: 1,
  child: null,
  ...overrides,
});

// Objects the default resolver reads: their fields have no resolver of their own.
const Wrapper = new GraphQLObjectType({
  name: 'Wrapper',
  fields: {
    items: { type: new GraphQLList(new GraphQLNonNull(Item)) },
    nullableItems: { type: new GraphQLList(Item) },
    badEnum: { type: Region },
    badInt: { type: GraphQLInt },
    requiredBadEnum: { type: new GraphQLNonNull(Region) },
    // A nullable field with a resolver: operations selecting it are fenced (graphql-js runs them).
    nullableThrown: {
      type: GraphQLString,
      resolve: () => {
        throw new TypeError('nullable thrown');
      },
    },
  },
});
const wrapper = () => ({
  items: [item('1'), item('2', { requiredName: null }), item('3')],
  nullableItems: [item('1'), item('2', { requiredName: null }), item('3')],
  badEnum: 'mars',
  badInt: 'many',
  requiredBadEnum: 'mars',
});

// Root fields are non-null, as the gateway's are: graphql-jit compiles operations selecting them.
const required = (type: GraphQLOutputType) => new GraphQLNonNull(type);
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      item: {
        type: required(Item),
        args: { input: { type: Input } },
        resolve: async (_root, args, _context, info) => {
          record(info);
          return item(String(args.input?.id ?? 'none'), {
            region: args.input?.region ?? 'nam',
            requiredName: JSON.stringify(args.input ?? null),
          });
        },
      },
      wrap: {
        type: required(Wrapper),
        resolve: (_root, _args, _context, info) => {
          record(info);
          return wrapper();
        },
      },
      asyncWrap: { type: required(Wrapper), resolve: async () => wrapper() },
      thrown: {
        type: required(GraphQLString),
        resolve: () => {
          throw new TypeError('thrown detail');
        },
      },
      rejected: {
        type: required(GraphQLString),
        resolve: () => Promise.reject(new TypeError('rejected')),
      },
      coded: {
        type: required(GraphQLString),
        resolve: async () => Promise.reject(new CodedError('FORBIDDEN')),
      },
      codedSync: {
        type: required(GraphQLString),
        resolve: () => {
          throw new CodedError('UNAUTHENTICATED');
        },
      },
      returnedError: { type: required(GraphQLString), resolve: () => new Error('returned') },
      requiredFails: {
        type: required(GraphQLString),
        args: { delay: { type: GraphQLInt } },
        resolve: async (_root, { delay }) => {
          await new Promise((resolve) => setTimeout(resolve, delay ?? 0));
          // Seen only if it settled before the answer: graphql-js answers at the first failure.
          seen.push(`failed after ${delay}`);
          throw new CodedError(`FAILED_AFTER_${delay}`);
        },
      },
      requiredNull: { type: required(GraphQLString), resolve: async () => null },
      echo: {
        type: required(GraphQLString),
        args: { text: { type: GraphQLString, defaultValue: 'fallback' }, id: { type: GraphQLID } },
        resolve: (_root, args, _context, info) => {
          record(info);
          return `${args.text}/${args.id}`;
        },
      },
    },
  }),
  mutation: new GraphQLObjectType({
    name: 'Mutation',
    fields: {
      step: {
        type: required(GraphQLString),
        args: { n: { type: new GraphQLNonNull(GraphQLInt) }, delay: { type: GraphQLInt } },
        resolve: async (_root, { n, delay }, _context, info) => {
          record(info);
          await new Promise((resolve) => setTimeout(resolve, delay ?? 0));
          seen.push(`done ${n}`);
          if (n === 2) throw new CodedError('RATE_LIMITED');
          return `step ${n}`;
        },
      },
    },
  }),
});

interface Run {
  mode: string;
  body: string;
  errors: unknown[];
  masked: unknown[];
  seen: string[];
}

async function run(
  executor: 'graphql-js' | 'compiled',
  text: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Promise<Run> {
  const document = parse(text);
  const operation = document.definitions.find(
    (definition) =>
      definition.kind === 'OperationDefinition' &&
      (operationName === undefined || definition.name?.value === operationName),
  );
  if (operation?.kind !== 'OperationDefinition') throw new Error('no such operation');
  seen = [];
  const compiled = compileOperation(schema, text, document, operation);
  const result = await (executor === 'graphql-js'
    ? execute({ schema, document, operationName, variableValues: variables, contextValue: {} })
    : compiled.execute(variables, {}));
  const errors = result.errors ?? [];
  const seenBeforeAnswer = [...seen];
  // What graphql-js leaves running after it answered settles here, not in the next run.
  await new Promise((resolve) => setTimeout(resolve, 40));
  return {
    mode: typeof compiled.mode === 'string' ? compiled.mode : compiled.mode.by,
    body: JSON.stringify(result),
    errors: errors.map((error) => ({
      isGraphQLError: error instanceof GraphQLError,
      nodes: error.nodes?.length,
      positions: error.positions,
      original: error.originalError?.constructor.name,
      originalMessage: error.originalError?.message,
      enumerable: Object.keys(error),
    })),
    masked: errors.map((error) => JSON.stringify(maskError(error, 'Unexpected error.', false))),
    seen: seenBeforeAnswer,
  };
}

type Case = { name: string; text: string; variables?: Record<string, unknown>; op?: string };

/** Operations graphql-jit compiles: one root field each (besides `__typename`), as the client's. */
const COMPILED: Case[] = [
  {
    name: 'nested input, enum internal values, defaults of input fields, an ID given as a number',
    text: 'query Q($input: Input) { item(input: $input) { id region requiredName } }',
    variables: { input: { id: 7, region: 'NAM', nested: {} } },
  },
  {
    name: 'aliases, __typename, fragments, inline fragments',
    text: 'query { __typename a: item { ...F x: __typename ... on Item { c: count } } } fragment F on Item { id region }',
  },
  {
    name: '@include and @skip with variables, default variable values',
    text: 'query Q($yes: Boolean = true, $no: Boolean!) { item { id @include(if: $yes) skipped: id @skip(if: $yes) kept: count @skip(if: $no) ... on Item @include(if: $no) { region } child { id } } }',
    variables: { no: false },
  },
  { name: 'argument default values, an ID argument', text: '{ echo(id: 5) }' },
  {
    name: 'null bubbling through a list of non-null items, and of nullable items',
    text: '{ wrap { items { id requiredName } nullableItems { id requiredName } } }',
  },
  { name: 'null bubbling up to the root field', text: '{ wrap { requiredBadEnum } }' },
  { name: 'a non-null root field resolving null', text: '{ requiredNull }' },
  {
    name: 'leaves that do not serialise (an enum, an Int), nullable',
    text: '{ asyncWrap { badEnum badInt } }',
  },
  { name: 'a rejected TypeError', text: '{ rejected }' },
  { name: 'a rejected GraphQLError with extensions', text: '{ coded }' },
  { name: 'a thrown GraphQLError with extensions', text: '{ codedSync }' },
  { name: 'a thrown TypeError', text: '{ thrown __typename }' },
  { name: 'a returned Error', text: '{ returnedError }' },
  {
    name: 'one operation of two, by name',
    text: 'query A { echo } query B { b: echo(text: "b") }',
    op: 'B',
  },
  {
    name: 'a mutation',
    text: 'mutation M($n: Int!) { step(n: $n) }',
    variables: { n: 2 },
  },
];

/** Operations graphql-jit would answer otherwise: graphql-js runs them (compileOperation's fence). */
const FENCED: Case[] = [
  {
    name: 'non-null root fields failing one after another (graphql-js answers at the first)',
    text: '{ a: requiredFails(delay: 1) b: requiredFails(delay: 20) c: requiredFails(delay: 1) }',
  },
  {
    name: 'root fields through a fragment, one failing synchronously (graphql-js skips the rest)',
    text: '{ ...F echo } fragment F on Query { wrap { requiredBadEnum } asyncWrap { badInt } }',
  },
  {
    name: 'mutations run serially (graphql-js stops at a failed non-null one)',
    text: 'mutation M { one: step(n: 1, delay: 20) two: step(n: 2, delay: 5) three: step(n: 3) }',
  },
  {
    name: 'a nullable field with a resolver (graphql-jit reports its error first)',
    text: '{ wrap { items { requiredName } nullableThrown } }',
  },
];

describe('an operation compiled by graphql-jit against graphql-js execute', () => {
  it.each(COMPILED)('$name', async ({ text, variables, op }) => {
    const compiled = await run('compiled', text, variables, op);
    const interpreted = await run('graphql-js', text, variables, op);
    expect(compiled.mode).toBe('compiled');
    expect(compiled).toEqual(interpreted);
  });

  it.each(FENCED)('fences $name', async ({ text, variables, op }) => {
    const fenced = await run('compiled', text, variables, op);
    const interpreted = await run('graphql-js', text, variables, op);
    expect(fenced.mode).toBe('fence');
    expect(fenced).toEqual({ ...interpreted, mode: 'fence' });
  });

  it('differs only in the order of errors when a nullable leaf does not serialise beside a non-null error', async () => {
    // Known and left compiled: the gateway's resolvers return the domain's parsed values, so a
    // leaf that does not serialise is a bug, and its answer holds the same errors in another order.
    const text = '{ wrap { items { requiredName } badEnum } }';
    const compiled = await run('compiled', text);
    const interpreted = await run('graphql-js', text);
    expect(compiled.mode).toBe('compiled');
    const messages = (run: Run) =>
      (JSON.parse(run.body) as { errors: { message: string }[] }).errors.map(
        (error) => error.message,
      );
    expect(messages(compiled)).toEqual([...messages(interpreted)].reverse());
    expect(messages(compiled).sort()).toEqual(messages(interpreted).sort());
  });

  it.each([
    { name: 'an enum name unknown', variables: { input: { id: '1', region: 'MARS' } } },
    { name: 'a required field missing', variables: { input: { region: 'EUR' } } },
    { name: 'an unknown field', variables: { input: { id: '1', region: 'EUR', other: 1 } } },
    { name: 'an ID as a boolean', variables: { input: { id: true, region: 'EUR' } } },
    { name: 'an input as a string', variables: { input: 'x' } },
  ])('refuses variables that do not coerce, running nothing ($name)', async ({ variables }) => {
    const text = 'query Q($input: Input) { item(input: $input) { id } }';
    const compiled = await run('compiled', text, variables);
    const interpreted = await run('graphql-js', text, variables);
    // The fast path hands these to yoga, which answers with graphql-js's messages.
    expect(JSON.parse(compiled.body)).toEqual({ errors: expect.any(Array) });
    expect(JSON.parse(interpreted.body)).toEqual({ errors: expect.any(Array) });
    expect(compiled.seen).toEqual([]);
  });
});

describe("variables of the gateway's input types, compiled against graphql-js", () => {
  // Every JSON kind of value in every place of the mutation's and moveConnectors' inputs.
  const probeSchema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        probe: {
          type: new GraphQLNonNull(GraphQLString),
          args: {
            add: { type: gatewaySchema.getType('AddConnectorMemberOfInput') as GraphQLInputType },
            move: { type: gatewaySchema.getType('MoveConnectorsInput') as GraphQLInputType },
            first: { type: GraphQLInt },
          },
          resolve: (_root, args) => JSON.stringify(args),
        },
      },
    }),
  });
  const text =
    'query P($add: AddConnectorMemberOfInput, $move: MoveConnectorsInput, $first: Int) { probe(add: $add, move: $move, first: $first) }';
  const document = parse(text);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const group = {
    connectorGroupType: 'APPLICATION_PROXY',
    isDefault: false,
    name: 'n',
    region: 'EUR',
  };
  const add = (overrides: Record<string, unknown>) => ({
    add: { applicationId: 'a', connectorId: 'c', connectorGroup: group, ...overrides },
  });
  const inGroup = (overrides: Record<string, unknown>) =>
    add({ connectorGroup: { ...group, ...overrides } });
  const odd = [5, 5.5, true, null, 'x', '', [], ['x'], {}, 1e21];
  const variants: Record<string, unknown>[] = [
    add({}),
    ...odd.flatMap((value) => [
      add({ applicationId: value }),
      add({ connectorId: value }),
      add({ connectorGroup: value }),
      add({ extra: value }),
      inGroup({ id: value }),
      inGroup({ isDefault: value }),
      inGroup({ name: value }),
      inGroup({ region: value }),
      inGroup({ connectorGroupType: value }),
      inGroup({ other: value }),
      { move: { connectorIds: value, connectorGroupId: 'g' } },
      { move: { connectorIds: ['a', value], connectorGroupId: 'g' } },
      { move: value },
      { add: value },
      { first: value },
    ]),
    inGroup({ region: 'eur' }),
    inGroup({ region: 'UNKNOWN_FUTURE_VALUE' }),
    inGroup({ region: 'valueOf' }),
    { first: 2 ** 31 },
  ];

  it('accepts and refuses the same values, and hands resolvers the same arguments', async () => {
    const compiled = compileOperation(probeSchema, text, document, operation);
    expect(compiled.mode).toBe('compiled');
    for (const variables of variants) {
      const viaCompiled = await compiled.execute(variables, {});
      const viaExecute = await execute({
        schema: probeSchema,
        document,
        variableValues: variables,
      });
      const outcome = (result: { data?: unknown }) => ('data' in result ? result.data : 'refused');
      expect({ variables, outcome: outcome(viaCompiled) }).toEqual({
        variables,
        outcome: outcome(viaExecute),
      });
    }
  });
});
