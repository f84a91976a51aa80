import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  SwaggerMockValidatorFactory,
  type ValidationResult,
} from '@pactflow/swagger-mock-validator';

/** The validator's verdict, with a readable summary for a failing assertion. */
export interface OpenApiCheck {
  success: boolean;
  errors: ValidationResult[];
  warnings: ValidationResult[];
  summary: string;
}

function describe(result: ValidationResult): string {
  const where = result.mockDetails?.interactionDescription ?? result.specDetails?.pathName ?? '';
  return `${result.code}: ${result.message}${where ? ` (${where})` : ''}`;
}

interface ServerObject {
  url: string;
}

interface OpenApiDocument {
  servers?: ServerObject[];
  paths: Record<string, unknown>;
  [key: string]: unknown;
}

function basePathsOf(servers: ServerObject[]): string[] {
  return [
    ...new Set(
      servers.map((server) =>
        new URL(server.url, 'http://relative.invalid').pathname.replace(/\/+$/, ''),
      ),
    ),
  ];
}

/**
 * The document with each path prefixed by its servers' base paths (`/v1.0`, `/beta`), which the
 * validator (14.x) does not apply for OpenAPI 3 (pactflow/swagger-mock-validator#28): it only
 * reads Swagger 2's `basePath`. A path item's own `servers` override the document's (OpenAPI
 * 3.1, section 4.8.9); a path served under several base paths appears once under each. Two
 * paths that would land on the same key are refused: a pact path would then be ambiguous.
 */
export function withServerBasePath(document: OpenApiDocument): OpenApiDocument {
  const documentServers = document.servers ?? [{ url: '/' }];
  const { servers: _servers, paths, ...rest } = document;
  const prefixed: Record<string, unknown> = {};
  for (const [path, item] of Object.entries(paths)) {
    const { servers, ...operations } = item as { servers?: ServerObject[] };
    for (const basePath of basePathsOf(servers ?? documentServers)) {
      const key = basePath + path;
      if (key in prefixed) throw new Error(`two paths of the document are both served at ${key}`);
      prefixed[key] = operations;
    }
  }
  return { ...rest, paths: prefixed };
}

/**
 * Checks a pact against an OpenAPI document with @pactflow/swagger-mock-validator: every
 * request must be one the document describes, every response one it allows.
 * @param workDir where the prepared copy of the document is written for the validator
 */
export async function checkPactAgainstOpenApi(
  openApiPath: string,
  pactPath: string,
  workDir: string,
): Promise<OpenApiCheck> {
  const prepared = `${workDir}/openapi.validator.json`;
  mkdirSync(dirname(prepared), { recursive: true });
  const document = JSON.parse(readFileSync(openApiPath, 'utf8')) as OpenApiDocument;
  writeFileSync(prepared, JSON.stringify(withServerBasePath(document), null, 2));
  const outcome = await SwaggerMockValidatorFactory.create().validate({
    specPathOrUrl: prepared,
    mockPathOrUrl: pactPath,
  });
  const lines = [
    ...(outcome.failureReason ? [outcome.failureReason] : []),
    ...outcome.errors.map(describe),
    ...outcome.warnings.map((warning) => `warning ${describe(warning)}`),
  ];
  return {
    success: outcome.success,
    errors: outcome.errors,
    warnings: outcome.warnings,
    summary: lines.join('\n'),
  };
}
