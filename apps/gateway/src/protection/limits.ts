import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';
import { madeBy } from '../plugin-origin.ts';

/**
 * GraphQL Armor's limits, at or below its defaults. The schema is three levels deep and no
 * legitimate operation needs more than a handful of aliases, so these leave ample room for real
 * clients (GraphiQL's introspection is exempt from depth and cost) while capping what one
 * request can make the gateway, and through it the upstream, do.
 */
export const ARMOR_LIMITS = {
  /** Aliases per operation (Armor's default is 15): each aliased mutation is an upstream call. */
  maxAliases: 10,
  /** Selection depth (Armor's default). */
  maxDepth: 6,
  /** Lexer tokens per document (Armor's default). */
  maxTokens: 1000,
  /** Directives per operation (Armor's default is 50; the schema defines none of its own). */
  maxDirectives: 10,
  /** Armor's cost model (default 5000): each object 2, each scalar 1, times 1.5 per level. */
  maxCost: 5000,
} as const;

/**
 * Armor's envelop plugin with {@link ARMOR_LIMITS}. Field suggestions ("Did you mean ...") are
 * blocked only where introspection is off too: elsewhere they leak nothing the schema doesn't.
 */
export function useGraphQLLimits(options: { production: boolean }): Plugin {
  const armor = EnvelopArmorPlugin({
    maxAliases: { n: ARMOR_LIMITS.maxAliases },
    maxDepth: { n: ARMOR_LIMITS.maxDepth },
    maxTokens: { n: ARMOR_LIMITS.maxTokens },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives },
    costLimit: { maxCost: ARMOR_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: options.production },
  }) as Plugin;
  return madeBy(useGraphQLLimits, armor);
}
