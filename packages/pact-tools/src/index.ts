export { type BrokerEnv, NO_BROKER_MESSAGE, parseBrokerEnv } from './broker/broker-env.ts';
export { type BrokerCall, explainBrokerFailure } from './broker/broker-failure.ts';
export { brokerAuthorization, loadBrokerEnv } from './broker/env.ts';
export { type DeploymentQuestion, failedInteractions } from './broker/failed-interactions.ts';
export {
  type Git,
  type PacticipantVersion,
  pacticipantVersion,
} from './broker/pacticipant-version.ts';
export {
  type BrokerVerifierOptions,
  brokerVerifierOptions,
  CONSUMER_VERSION_SELECTORS,
  WIP_PACTS_SINCE,
} from './broker/verification-source.ts';
export {
  interactionStates,
  type LoadedPact,
  PactFile,
  PactFileError,
  PactInteraction,
  PactProviderState,
  readPactDir,
  readPactFile,
} from './pact-file/pact-file.ts';
export {
  assertStateSetupsExist,
  missingStateSetups,
  type StateUse,
} from './provider-states/missing-state-setups.ts';
export { ProviderStateError } from './provider-states/provider-state-error.ts';
export {
  type RecordingStateHandlers,
  recordingStateHandlers,
} from './provider-states/recording-state-handlers.ts';
export type { StateSetup, StateSetups } from './provider-states/state-setup.ts';
export { type PactSourceOptions, pactSourceFor } from './verification/pact-source.ts';
export {
  describeVerificationFailure,
  ProviderVerificationError,
} from './verification/verification-failure.ts';
export {
  type PactSource,
  type VerifyProviderOptions,
  verifyProvider,
} from './verification/verify-provider.ts';
