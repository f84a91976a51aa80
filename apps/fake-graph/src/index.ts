export { API_VERSIONS, type AppDeps, createApp, MAX_BODY_BYTES } from './app.ts';
export { type Controls, createControls } from './controls.ts';
export {
  FAKE_GRAPH_ERROR_CODES,
  type FakeGraphErrorCode,
  GraphHttpError,
} from './graph-http-error.ts';
export { createLogger, type Logger, silentLogger } from './logger.ts';
export {
  addMemberOf,
  DEFAULT_GROUP_CREATE_MESSAGE,
  LEAVE_DEFAULT_GROUP_MESSAGE,
  listMemberOf,
  removeMemberOf,
  toRepresentation,
} from './member-of.ts';
export { type MemberOfTarget, parseMemberOfBody } from './member-of-body.ts';
export {
  PROVIDER_STATES,
  type ProviderStateName,
  providerStateSetups,
  resetProviderState,
  type StateSetup,
} from './provider-states.ts';
export { SEED } from './seed.ts';
export { type RunningFakeGraph, type StartFakeGraphOptions, startFakeGraph } from './start.ts';
export { groupNameKey, type NewGroup, openStore, type Store, type StoredGroup } from './store.ts';
