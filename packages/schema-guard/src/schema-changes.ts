import { CriticalityLevel, diff } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';

/** How a change affects the schema's existing clients. */
export type ChangeLevel = 'breaking' | 'dangerous' | 'safe';

/** One difference between the released schema and the current one. */
export interface SchemaChange {
  level: ChangeLevel;
  /** graphql-inspector's change type, e.g. `FIELD_REMOVED`, `ENUM_VALUE_ADDED`. */
  type: string;
  /** e.g. `Field 'userErrors' was removed from object type 'AddConnectorMemberOfPayload'`. */
  message: string;
  /** Schema coordinate, e.g. `AddConnectorMemberOfPayload.userErrors`. */
  path?: string;
  /** Why it is breaking or dangerous, when graphql-inspector says. */
  reason?: string;
  /** For `ENUM_VALUE_ADDED`: the enum and its new value. */
  enumValueAdded?: { enumName: string; value: string };
}

const LEVELS: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/**
 * Every change from `released` to `current`, classified by @graphql-inspector/core 8 (its
 * `diff` is async), breaking first, then dangerous, then safe, each group in inspector's order.
 */
export async function classifySchemaChanges(
  released: GraphQLSchema,
  current: GraphQLSchema,
): Promise<SchemaChange[]> {
  const changes = await diff(released, current);
  const classified = changes.map((change): SchemaChange => {
    const meta = change.meta as { enumName?: unknown; addedEnumValueName?: unknown };
    const enumValueAdded =
      change.type === 'ENUM_VALUE_ADDED' &&
      typeof meta.enumName === 'string' &&
      typeof meta.addedEnumValueName === 'string'
        ? { enumName: meta.enumName, value: meta.addedEnumValueName }
        : undefined;
    return {
      level: LEVELS[change.criticality.level],
      type: String(change.type),
      message: change.message,
      ...(change.path === undefined ? {} : { path: change.path }),
      ...(change.criticality.reason === undefined ? {} : { reason: change.criticality.reason }),
      ...(enumValueAdded === undefined ? {} : { enumValueAdded }),
    };
  });
  const order: ChangeLevel[] = ['breaking', 'dangerous', 'safe'];
  return order.flatMap((level) => classified.filter((change) => change.level === level));
}
