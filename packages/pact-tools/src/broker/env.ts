import { parseBrokerEnv } from './broker-env.ts';

/**
 * {@link parseBrokerEnv} of this process's environment: the only module of this package that
 * reads `process.env` (the broker commands and the providers' verifications call it once).
 */
export function loadBrokerEnv(): ReturnType<typeof parseBrokerEnv> {
  return parseBrokerEnv(process.env);
}

/**
 * The `Authorization` header for the broker's credentials (PACT_BROKER_TOKEN, else
 * PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD), for the one lookup this package makes itself
 * (failedInteractions). Sent to PACT_BROKER_BASE_URL only; never logged, never in BrokerEnv.
 */
export function brokerAuthorization(): string | undefined {
  const {
    PACT_BROKER_TOKEN: token,
    PACT_BROKER_USERNAME: user,
    PACT_BROKER_PASSWORD: password,
  } = process.env;
  if (token) return `Bearer ${token}`;
  if (user && password) return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return undefined;
}
