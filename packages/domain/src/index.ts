export * from './connector-group.ts';
export * from './graph-error.ts';
export * from './graphql-enums.ts';
export * from './ids.ts';
export { buildOpenApiDocument, renderOpenApiDocument } from './openapi.ts';
export * from './rest-body.ts';
export * from './rest-path.ts';
export * from './validation.ts';
export * from './well-formed.ts';
