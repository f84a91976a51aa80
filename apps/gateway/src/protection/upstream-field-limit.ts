import {
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { madeBy } from '../plugin-origin.ts';

/**
 * `MAX_UPSTREAM_FIELDS`' default: root fields that call the upstream, per operation. Every
 * operation of the typed client selects one, and a screen that reads a list and a group at once
 * selects two; 5 leaves room for such a screen while one request can hold at most 5 of the
 * upstream's 64 in-flight slots (`UPSTREAM_MAX_IN_FLIGHT`'s default), so no fewer than 13
 * callers fill them.
 * Armor's alias limit alone let one request make 13 calls (10 aliases and the 3 root fields by
 * name), each retried on a 429 or 503.
 */
export const DEFAULT_MAX_UPSTREAM_FIELDS = 5;

/** `extensions.code` of the refusal (docs/errors.md). */
export const TOO_MANY_UPSTREAM_FIELDS = 'TOO_MANY_UPSTREAM_FIELDS';

/**
 * The root fields an operation's selection runs, by response key (an alias, else the name), so
 * two selections of one field under one key count once, as GraphQL merges them into one call.
 * Fragment spreads and inline fragments are followed (each fragment once); `@skip`/`@include`
 * are not evaluated: a field that may run counts. Introspection (`__typename`, `__schema`,
 * `__type`) calls nothing and is not counted; every other root field of this schema calls the
 * upstream, and a new one is counted until it says otherwise here.
 */
function rootResponseKeys(
  selectionSet: SelectionSetNode,
  context: ValidationContext,
  keys: Set<string>,
  fragmentsSeen: Set<string>,
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) {
        keys.add(selection.alias?.value ?? selection.name.value);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootResponseKeys(selection.selectionSet, context, keys, fragmentsSeen);
    } else if (!fragmentsSeen.has(selection.name.value)) {
      fragmentsSeen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      // An unknown fragment is graphql-js's own validation error (KnownFragmentNames).
      if (fragment != null) {
        rootResponseKeys(fragment.selectionSet, context, keys, fragmentsSeen);
      }
    }
  }
  return keys;
}

/**
 * A validation rule refusing an operation that selects more than `limit` root fields calling the
 * upstream, aliases and fragments included. Being validation, it runs before anything executes
 * (no upstream call), once per distinct document (yoga caches validation), and for trusted
 * documents at start, so the fast path never serves a document over the limit.
 */
export function upstreamFieldLimitRule(limit: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const count = rootResponseKeys(operation.selectionSet, context, new Set(), new Set()).size;
      if (count > limit) {
        const name =
          operation.name === undefined ? 'The operation' : `Operation "${operation.name.value}"`;
        context.reportError(
          new GraphQLError(
            `${name} selects ${count} root fields that call the upstream; at most ${limit} are allowed (MAX_UPSTREAM_FIELDS). Split it into several requests.`,
            { nodes: [operation], extensions: { code: TOO_MANY_UPSTREAM_FIELDS } },
          ),
        );
      }
      // Only the root selection matters; deeper fields are the resolvers' payloads.
      return false;
    },
  });
}

/** The yoga plugin adding {@link upstreamFieldLimitRule} to validation. */
export function useUpstreamFieldLimit(limit: number): Plugin {
  const rule = upstreamFieldLimitRule(limit);
  return madeBy(useUpstreamFieldLimit, {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  });
}
