import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { madeBy } from '../plugin-origin.ts';

// graphql-js ends every message that suggests names with one last sentence, "Did you mean ...?",
// and suggests nothing else after it: fields, arguments, types, enum values (in a document and
// in variables), input fields.
const SUGGESTION = /\s*Did you mean .*\?$/s;

/** A message without graphql-js's "Did you mean ...?" sentence. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/**
 * In production, no error message suggests a name: with introspection off, "Did you mean" is the
 * schema read out one typo at a time. Armor's `blockFieldSuggestion` covers validation only; enum
 * values in variables ("Value \"X\" does not exist in \"ConnectorGroupRegion\" enum. Did you mean
 * the enum value \"EUR\"?") are coerced later, by the executor, and leaked until this ran on every
 * result yoga renders, whatever produced its errors.
 */
export function useHideSuggestions(): Plugin {
  return madeBy(useHideSuggestions, {
    onResultProcess({ result }) {
      const results = Array.isArray(result) ? result : [result];
      for (const single of results as ExecutionResult[]) {
        for (const error of single?.errors ?? []) {
          const message = withoutSuggestions(error.message);
          if (message !== error.message) (error as { message: string }).message = message;
        }
      }
    },
  });
}
