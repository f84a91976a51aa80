import { parseBrokerEnv } from './broker-env.ts';

/**
 * {@link parseBrokerEnv} of this process's environment: the only module of this package that
 * reads `process.env` (the broker commands and the providers' verifications call it once).
 */
export function loadBrokerEnv(): ReturnType<typeof parseBrokerEnv> {
  return parseBrokerEnv(process.env);
}
