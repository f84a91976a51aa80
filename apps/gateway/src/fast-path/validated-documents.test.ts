import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  MAX_VALIDATED_DOCUMENT_CHARS,
  MAX_VALIDATED_DOCUMENTS,
  ValidatedDocuments,
} from './validated-documents.ts';

describe('ValidatedDocuments', () => {
  it('finds a document by its exact text, with its operations by name', () => {
    const documents = new ValidatedDocuments();
    const text = 'query A { __typename } mutation B { __typename }';
    documents.add(text, parse(text));
    const found = documents.get(text);
    expect(found?.soleOperation).toBeUndefined();
    expect([...(found?.operations.keys() ?? [])]).toEqual(['A', 'B']);
    expect(documents.get(`${text} `)).toBeUndefined();
  });

  it('knows the sole operation of a one-operation document, named or not', () => {
    const documents = new ValidatedDocuments();
    documents.add('{ __typename }', parse('{ __typename }'));
    expect(documents.get('{ __typename }')?.soleOperation?.operation).toBe('query');
  });

  it(`keeps at most ${MAX_VALIDATED_DOCUMENTS} documents, forgetting the oldest first`, () => {
    const documents = new ValidatedDocuments();
    const text = (i: number) => `query Q${i} { __typename }`;
    for (let i = 0; i < MAX_VALIDATED_DOCUMENTS + 10; i++) documents.add(text(i), parse(text(i)));
    expect(documents.size).toBe(MAX_VALIDATED_DOCUMENTS);
    expect(documents.get(text(0))).toBeUndefined();
    expect(documents.get(text(9))).toBeUndefined();
    expect(documents.get(text(10))).toBeDefined();
    expect(documents.get(text(MAX_VALIDATED_DOCUMENTS + 9))).toBeDefined();
  });

  it(`never keeps a document over ${MAX_VALIDATED_DOCUMENT_CHARS} characters`, () => {
    const documents = new ValidatedDocuments();
    const long = `{ __typename }${' '.repeat(MAX_VALIDATED_DOCUMENT_CHARS)}`;
    documents.add(long, parse(long));
    expect(documents.size).toBe(0);
  });
});
