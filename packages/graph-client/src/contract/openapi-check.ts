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

interface OpenApiDocument {
  servers?: Array<{ url: string }>;
  paths: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The document with each path prefixed by the servers' base path (`/v1.0`), which the
 * validator (14.x) does not apply for OpenAPI 3 (pactflow/swagger-mock-validator#28): it only
 * reads Swagger 2's `basePath`. Every server must carry the same base path, or the pact's paths
 * would be ambiguous.
 */
export function withServerBasePath(document: OpenApiDocument): OpenApiDocument {
  const basePaths = new Set(
    (document.servers ?? [{ url: '/' }]).map((server) =>
      new URL(server.url, 'http://relative.invalid').pathname.replace(/\/+$/, ''),
    ),
  );
  if (basePaths.size !== 1) {
    throw new Error(`servers disagree on the base path: ${[...basePaths].join(', ')}`);
  }
  const [basePath = ''] = basePaths;
  const { servers: _servers, paths, ...rest } = document;
  return {
    ...rest,
    paths: Object.fromEntries(Object.entries(paths).map(([path, item]) => [basePath + path, item])),
  };
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
