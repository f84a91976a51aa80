import { z } from 'zod';

/**
 * Which broker the tests talk to, parsed once here from the environment: PACT_BROKER_BASE_URL
 * (with its credentials) points them at a running broker, for example the official container
 * (`docker run -p 9292:9292 pactfoundation/pact-broker`) on a laptop without Ruby; unset, they
 * start their own from the Gemfile.
 */
export interface BrokerTestEnv {
  external?: {
    url: string;
    /** The variables the broker commands read, passed on as they are. */
    credentials: Record<string, string>;
  };
}

const Optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));
const Env = z.object({
  PACT_BROKER_BASE_URL: Optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  PACT_BROKER_TOKEN: Optional,
  PACT_BROKER_USERNAME: Optional,
  PACT_BROKER_PASSWORD: Optional,
});

/** Parses the variables, or throws naming the one that is wrong. */
export function parseBrokerTestEnv(
  env: Readonly<Record<string, string | undefined>>,
): BrokerTestEnv {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `${parsed.error.issues[0]?.path.join('.') ?? 'the broker settings'} must be an absolute http(s) URL`,
    );
  }
  const { PACT_BROKER_BASE_URL: url, ...rest } = parsed.data;
  if (url === undefined) return {};
  const credentials = Object.fromEntries(
    Object.entries(rest).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return { external: { url, credentials } };
}

/** {@link parseBrokerTestEnv} of this process: the only read of `process.env` in this package's tests. */
export function loadBrokerTestEnv(): BrokerTestEnv {
  return parseBrokerTestEnv(process.env);
}

/**
 * The environment a child process (Bundler, puma, a pipeline's command) starts with: this
 * process's, minus every variable whose name `drop` matches, so no caller's broker or CI setting
 * leaks into a process configured on purpose.
 */
export function inheritedEnv(drop: RegExp): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !drop.test(name)));
}
