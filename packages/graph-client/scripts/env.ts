/**
 * The Pact Broker settings `pact:publish` and `pact:can-i-deploy` read. Parsed once, here, the
 * only module of this package that reads `process.env`; the pact-broker CLI itself reads the
 * credentials (PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD) from the
 * environment, so they never appear on a command line.
 */
export interface BrokerEnv {
  /** PACT_BROKER_BASE_URL: the broker. */
  baseUrl: string;
  /** PACT_CONSUMER_VERSION, else the git commit. */
  version?: string;
  /** PACT_CONSUMER_BRANCH, else the git branch. */
  branch?: string;
  /** PACT_ENVIRONMENT for can-i-deploy, default `production`. */
  environment: string;
}

/** Parses the broker settings, or explains what is missing. */
export function parseBrokerEnv(
  env: Record<string, string | undefined>,
): { ok: true; value: BrokerEnv } | { ok: false; message: string } {
  const baseUrl = env.PACT_BROKER_BASE_URL?.trim();
  if (!baseUrl) {
    return {
      ok: false,
      message:
        'PACT_BROKER_BASE_URL is not set: there is no Pact Broker to talk to. Set it (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD) to publish the pact or ask can-i-deploy. See packages/graph-client/README.md.',
    };
  }
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    return { ok: false, message: 'PACT_BROKER_BASE_URL must be an absolute http(s) URL' };
  }
  const version = env.PACT_CONSUMER_VERSION?.trim() || undefined;
  const branch = env.PACT_CONSUMER_BRANCH?.trim() || undefined;
  return {
    ok: true,
    value: {
      baseUrl,
      ...(version ? { version } : {}),
      ...(branch ? { branch } : {}),
      environment: env.PACT_ENVIRONMENT?.trim() || 'production',
    },
  };
}

/** {@link parseBrokerEnv} of this process's environment. */
export function loadBrokerEnv(): ReturnType<typeof parseBrokerEnv> {
  return parseBrokerEnv(process.env);
}
