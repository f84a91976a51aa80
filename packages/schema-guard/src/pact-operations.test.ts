import { describe, expect, it } from 'vitest';
import { pactOperations } from './pact-operations.ts';

describe('pactOperations', () => {
  it('reads V4 wrapped bodies and bare V3 bodies with a string query, and nothing else', () => {
    const operations = pactOperations([
      {
        path: '/pacts/web.json',
        pact: {
          consumer: { name: 'web' },
          provider: { name: 'api' },
          interactions: [
            {
              description: 'v4',
              request: { body: { content: { query: '{ a }', operationName: 'A' } } },
            },
            { description: 'v3', request: { body: { query: '{ b }' } } },
            { description: 'rest', request: { body: { content: { name: 'x' } } } },
            { description: 'text body', request: { body: { content: 'query=x' } } },
            { description: 'no body', request: {} },
            { description: 'no request' },
          ],
        },
      },
    ]);
    expect(operations).toEqual([
      {
        consumer: 'web',
        interaction: 'v4',
        pactFile: '/pacts/web.json',
        query: '{ a }',
        operationName: 'A',
      },
      { consumer: 'web', interaction: 'v3', pactFile: '/pacts/web.json', query: '{ b }' },
    ]);
  });
});
