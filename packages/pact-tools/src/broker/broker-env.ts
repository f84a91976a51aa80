import { z } from 'zod';

/**
 * The Pact Broker settings that `pact:publish`, `pact:can-i-deploy` and the providers'
 * verifications read. Parsed once, here. The credentials (PACT_BROKER_TOKEN, or
 * PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD) are not part of it on purpose: the pact-broker
 * CLI and the Pact core read them from the environment themselves, so they never appear on a
 * command line, in an options object or in a log line.
 */
export interface BrokerEnv {
  /** PACT_BROKER_BASE_URL: the broker. */
  baseUrl: string;
  /** PACT_VERSION: this repo's version as a pacticipant (consumer and provider), else the git commit. */
  version?: string;
  /** PACT_BRANCH: the branch that version is on, else the git branch. */
  branch?: string;
  /** PACT_ENVIRONMENT for can-i-deploy, default `production`. */
  environment: string;
  /** CI (`true` or `1`): only CI publishes verification results; a laptop's run is no evidence. */
  ci: boolean;
  /**
   * PACT_URL: one pact to verify instead of the broker's selection, as a
   * `contract_requiring_verification_published` webhook hands it to the provider's build.
   */
  pactUrl?: string;
}

/** What {@link parseBrokerEnv} says when there is no broker; every broker command prints it. */
export const NO_BROKER_MESSAGE =
  'PACT_BROKER_BASE_URL is not set: there is no Pact Broker to talk to. Set it (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD) to publish the pacts, ask can-i-deploy or verify from the broker. See packages/pact-tools/README.md.';

const Optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const Env = z.object({
  PACT_BROKER_BASE_URL: Optional,
  PACT_VERSION: Optional,
  PACT_BRANCH: Optional,
  PACT_ENVIRONMENT: Optional,
  CI: Optional,
  PACT_URL: Optional,
});

/** Parses the broker settings, or explains what is missing or wrong (naming the variable). */
export function parseBrokerEnv(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; value: BrokerEnv } | { ok: false; message: string } {
  const parsed = Env.parse(env);
  const baseUrl = parsed.PACT_BROKER_BASE_URL;
  if (baseUrl === undefined) return { ok: false, message: NO_BROKER_MESSAGE };
  if (!isHttpUrl(baseUrl)) {
    return { ok: false, message: 'PACT_BROKER_BASE_URL must be an absolute http(s) URL' };
  }
  const { PACT_VERSION: version, PACT_BRANCH: branch, PACT_URL: pactUrl } = parsed;
  if (pactUrl !== undefined && !isHttpUrl(pactUrl)) {
    return {
      ok: false,
      message: 'PACT_URL must be an absolute http(s) URL (the pact the webhook names)',
    };
  }
  return {
    ok: true,
    value: {
      baseUrl,
      ...(version === undefined ? {} : { version }),
      ...(branch === undefined ? {} : { branch }),
      environment: parsed.PACT_ENVIRONMENT ?? 'production',
      ci: parsed.CI === 'true' || parsed.CI === '1',
      ...(pactUrl === undefined ? {} : { pactUrl }),
    },
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
