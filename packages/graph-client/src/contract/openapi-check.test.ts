import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED } from '@connectors/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPactAgainstOpenApi, withServerBasePath } from './openapi-check.ts';
import { OPENAPI_DOCUMENT } from './pact-file.ts';

const workDir = mkdtempSync(join(tmpdir(), 'openapi-check-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const PATH = `/v1.0/applications/${SEED.applicationId}/connectorGroup/members/${SEED.connectorId}/memberOf/$ref`;

// A minimal V4 pact with one interaction, for checking the checker itself.
function pactWith(status: number, responseBody?: unknown): string {
  const file = join(workDir, `pact-${status}.json`);
  const pact = {
    consumer: { name: 'connector-gateway' },
    provider: { name: 'graph-api' },
    interactions: [
      {
        type: 'Synchronous/HTTP',
        description: `answers ${status}`,
        request: {
          method: 'POST',
          path: PATH,
          headers: { Authorization: ['Bearer token'], 'Content-Type': ['application/json'] },
          body: {
            contentType: 'application/json',
            encoded: false,
            content: {
              '@odata.type': '#microsoft.graph.connectorGroup',
              connectorGroupType: 'applicationProxy',
              isDefault: false,
              name: 'West Europe connectors',
              region: 'eur',
            },
          },
        },
        response: {
          status,
          ...(responseBody === undefined
            ? {}
            : {
                headers: { 'Content-Type': ['application/json'] },
                body: { contentType: 'application/json', encoded: false, content: responseBody },
              }),
        },
      },
    ],
    metadata: { pactSpecification: { version: '4.0' } },
  };
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

describe('withServerBasePath', () => {
  it("prefixes every path with the servers' common base path", () => {
    const document = withServerBasePath({
      servers: [{ url: 'https://graph.example/v1.0' }, { url: 'http://localhost:4010/v1.0/' }],
      paths: { '/a': {}, '/b/$ref': {} },
    });
    expect(Object.keys(document.paths)).toEqual(['/v1.0/a', '/v1.0/b/$ref']);
    expect(document).not.toHaveProperty('servers');
  });

  it('refuses servers that disagree, since a pact path would then be ambiguous', () => {
    expect(() =>
      withServerBasePath({
        servers: [{ url: 'http://a/v1.0' }, { url: 'http://b/beta' }],
        paths: {},
      }),
    ).toThrow(/disagree/);
  });
});

describe('checkPactAgainstOpenApi with packages/domain/openapi.json', () => {
  it('accepts an interaction the document describes', async () => {
    const outcome = await checkPactAgainstOpenApi(OPENAPI_DOCUMENT, pactWith(204), workDir);
    expect(outcome.summary).toBe('');
    expect(outcome.success).toBe(true);
  });

  it('refuses a status the document does not offer', async () => {
    const outcome = await checkPactAgainstOpenApi(OPENAPI_DOCUMENT, pactWith(409), workDir);
    expect(outcome.success).toBe(false);
    expect(outcome.errors.map((error) => error.code)).toContain('response.status.unknown');
  });

  it('refuses a response body the document does not describe', async () => {
    const outcome = await checkPactAgainstOpenApi(
      OPENAPI_DOCUMENT,
      pactWith(201, { id: 'not-a-guid', isDefault: 'yes' }),
      workDir,
    );
    expect(outcome.success).toBe(false);
    expect(outcome.errors.map((error) => error.code)).toContain('response.body.incompatible');
  });

  it('reads the document as committed (OpenAPI 3.1)', () => {
    expect(JSON.parse(readFileSync(OPENAPI_DOCUMENT, 'utf8')).openapi).toBe('3.1.0');
  });
});
