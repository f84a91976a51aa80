import type { BrokerTarget } from '../src/broker-target.ts';

type Ready = Extract<BrokerTarget, { ok: true }>;

/** The `Authorization` header for the target's credentials (basic auth or a token). */
export function authorization(broker: Ready): string | undefined {
  const {
    PACT_BROKER_TOKEN: token,
    PACT_BROKER_USERNAME: user,
    PACT_BROKER_PASSWORD: password,
  } = broker.env;
  if (token) return `Bearer ${token}`;
  if (user && password) return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return undefined;
}

/** A request to the broker's HAL API, its JSON answer (throws naming the status otherwise). */
export async function hal<T = Record<string, unknown>>(
  broker: Ready,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const url = path.startsWith('http') ? path : `${broker.url}${path}`;
  const auth = authorization(broker);
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      accept: 'application/hal+json',
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(auth === undefined ? {} : { authorization: auth }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${text.slice(0, 300)}`,
    );
  return (text === '' ? {} : JSON.parse(text)) as T;
}
