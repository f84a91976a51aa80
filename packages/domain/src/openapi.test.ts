import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, renderOpenApiDocument } from './openapi.ts';

describe('openapi.json', () => {
  it('is up to date with the schemas (regenerate: pnpm --filter @connectors/domain openapi)', () => {
    const committed = readFileSync(new URL('../openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderOpenApiDocument());
  });

  it('describes the $ref POST with its body, 204 and error envelope', () => {
    const doc = buildOpenApiDocument() as {
      openapi: string;
      paths: Record<string, { post?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { required?: string[] }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    const post =
      doc.paths['/applications/{applicationId}/connectorGroup/members/{connectorId}/memberOf/$ref']
        ?.post;
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(['204', '400', '401', '403', '404', '429', '503']),
    );
    expect(doc.components.schemas.ConnectorGroupBody?.required).toEqual([
      'connectorGroupType',
      'isDefault',
      'name',
      'region',
    ]);
    expect(doc.components.schemas.GraphError?.required).toEqual(['error']);
  });

  it("describes Graph's documented operations with their own beta servers", () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<
        string,
        {
          servers?: { url: string }[];
          post?: { requestBody: unknown; responses: Record<string, unknown> };
          get?: {
            parameters: { name?: string; in?: string }[];
            responses: Record<string, unknown>;
          };
        }
      >;
      components: { schemas: Record<string, { required?: string[]; properties?: object }> };
    };
    const base = '/onPremisesPublishingProfiles/applicationProxy';
    const add = doc.paths[`${base}/connectors/{connectorId}/memberOf/$ref`];
    expect(add?.servers?.map((server) => server.url)).toContain('https://graph.microsoft.com/beta');
    expect(JSON.stringify(add?.post?.requestBody)).toContain('#/components/schemas/ODataReference');
    expect(Object.keys(add?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['204', '400', '401', '403', '404', '429', '503']),
    );
    expect(doc.paths[`${base}/connectors/{connectorId}/memberOf`]?.get).toBeDefined();
    const list = doc.paths[`${base}/connectorGroups`]?.get;
    expect(list?.parameters).toContainEqual(
      expect.objectContaining({ name: '$filter', in: 'query' }),
    );
    expect(doc.components.schemas.ODataReference?.required).toEqual(['@odata.id']);
    expect(doc.components.schemas.ListedConnectorGroup?.required).toContain('id');
  });
});

describe('openapi.json: JSON batching', () => {
  it('describes POST /$batch with its request, its per-step answers and the batch-level errors', () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<
        string,
        { post?: { requestBody: unknown; responses: Record<string, unknown> } }
      >;
      components: {
        schemas: Record<
          string,
          { required?: string[]; properties?: Record<string, { maxItems?: number }> }
        >;
      };
    };
    const batch = doc.paths['/$batch']?.post;
    expect(JSON.stringify(batch?.requestBody)).toContain('#/components/schemas/BatchRequest');
    expect(Object.keys(batch?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '429', '503']),
    );
    expect(doc.components.schemas.BatchRequest?.properties?.requests?.maxItems).toBe(20);
    expect(doc.components.schemas.BatchResponse?.required).toEqual(['responses']);
  });
});
