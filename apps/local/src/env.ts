import { UpstreamApi } from '@connectors/domain';
import { parseEnv, port, wholeNumber } from '@connectors/env';
import { z } from 'zod';

/**
 * The launcher's configuration. Both ports are optional overrides (tests pick free ones); the
 * defaults are docs/running.md's, so `pnpm start` needs no configuration.
 */
export const LocalEnv = z.object({
  GATEWAY_PORT: port(4000, { allowZero: false }),
  FAKE_GRAPH_PORT: port(4010, { allowZero: false }),
  /**
   * The gateway's upstream profile, read here too because it chooses the version path the
   * gateway is pointed at ({@link fakeGraphBase}); passed on to the gateway as is.
   */
  UPSTREAM_API: UpstreamApi.default('seed'),
  /**
   * Where both apps listen. Loopback by default: `pnpm start` runs a development gateway
   * (GraphiQL, introspection) that a laptop should not offer its network. The gateway's own
   * default, every interface, is the bundle's, for containers. Checked by each app.
   */
  HOST: z.string().default('127.0.0.1'),
  /**
   * The gateway's shutdown delay under `pnpm start`: 0, since no balancer sits in front of a
   * development gateway to wait for, so Ctrl+C stops at once. The bundle's 5 s is production's.
   */
  SHUTDOWN_DELAY_MS: wholeNumber(0, 600_000, 'ms', 0),
});
export type LocalEnv = z.output<typeof LocalEnv>;

/**
 * fake-graph's base for the gateway's `UPSTREAM_URL`. fake-graph serves every route under both
 * versions; `graph` uses `/beta` because Microsoft Graph serves the connector-group API on beta
 * only, so the local run has the very URL shape production uses
 * (`https://graph.microsoft.com/beta`), and `seed` keeps `/v1.0`, as it always started.
 */
export function fakeGraphBase(env: LocalEnv): string {
  const version = env.UPSTREAM_API === 'graph' ? 'beta' : 'v1.0';
  return `http://localhost:${env.FAKE_GRAPH_PORT}/${version}`;
}

/**
 * Parses the launcher's environment once; an empty variable counts as unset. With
 * {@link childEnvironment}, the only code that reads `process.env`.
 * @throws {EnvError} naming each bad variable
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): LocalEnv {
  return parseEnv('local', LocalEnv, source);
}

/**
 * A child's environment: this process's, so that the apps' own variables (`DATABASE_PATH`,
 * `LOG_LEVEL`, `FAKE_GRAPH_TOKEN`, ...) reach them, with `overrides` on top.
 */
export function childEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
