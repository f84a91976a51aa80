import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { madeBy } from '../plugin-origin.ts';

/**
 * Refuses `__schema` and `__type` in validation (graphql-js's own rule); `__typename` still works.
 * Used when `NODE_ENV=production`. Validation results are cached, so this costs one visit per
 * distinct document.
 */
export function useDisableIntrospection(): Plugin {
  return madeBy(useDisableIntrospection, {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  });
}
