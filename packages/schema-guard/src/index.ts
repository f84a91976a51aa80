export { operationsReadingEnum } from './enum-readers.ts';
export {
  guardSchema,
  RELEASE_COMMAND,
  type SchemaGuardInput,
  type SchemaGuardReport,
  type SchemaSource,
} from './guard-schema.ts';
export { type InvalidOperation, invalidOperations } from './operation-validation.ts';
export { type PactOperation, pactOperations } from './pact-operations.ts';
export { type ChangeLevel, classifySchemaChanges, type SchemaChange } from './schema-changes.ts';
