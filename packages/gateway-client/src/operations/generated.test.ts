/**
 * Contract: `src/generated/` (types, document strings, the persisted-documents manifest) is what
 * GraphQL Code Generator makes of `src/operations/*.graphql` and the gateway's committed
 * `schema.graphql`. A schema or document change without a regeneration fails here, naming the
 * files and the command.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.ts';
import { CODEGEN_COMMAND, staleGeneratedFiles } from '../../test/generated-files.ts';
import { createGatewayClient } from '../create-gateway-client.ts';
import { OPERATIONS, PERSISTED_DOCUMENTS } from './documents.ts';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const documents = config.documents as string[];

describe('src/generated', () => {
  it(`is up to date (regenerate: ${CODEGEN_COMMAND})`, async () => {
    const stale = await staleGeneratedFiles(config, packageDir, 'src/generated');
    expect(stale, `stale generated files: run ${CODEGEN_COMMAND} and commit src/generated`).toEqual(
      [],
    );
  });

  it('would be stale after a new operation: the check can fail', async () => {
    const withExtra = { ...config, documents: [...documents, 'query Extra { __typename }'] };
    const stale = await staleGeneratedFiles(withExtra, packageDir, 'src/generated');
    expect(stale).toEqual([
      'src/generated/gql.ts',
      'src/generated/graphql.ts',
      'src/generated/persisted-documents.json',
    ]);
  });

  it('has one operation, and one client function, per manifest entry', () => {
    const operations = Object.values(OPERATIONS);
    expect(operations.map((operation) => operation.hash).sort()).toEqual(
      Object.keys(PERSISTED_DOCUMENTS).sort(),
    );
    const client = createGatewayClient({ url: 'http://127.0.0.1:9/graphql', getToken: () => '' });
    expect(Object.keys(client).sort()).toEqual(
      operations
        .map((operation) => operation.name[0]?.toLowerCase() + operation.name.slice(1))
        .sort(),
    );
  });
});
