/**
 * Every forwarding target of the bench answers the bench request with the success payload by
 * making exactly one correct REST call (the upstream checks path, token and body), and refuses
 * a request without a token before any call. This is what lets the harness compare them.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_BODY, BENCH_HEADERS, isSuccessPayload } from '../bench-request.ts';
import { createApolloPeer } from './apollo.ts';
import { createFloorProxy } from './floor-proxy.ts';
import type { TargetDeps, TargetServer } from './target-server.ts';
import { createUpstream, UPSTREAM_BASE_PATH, UPSTREAM_COUNT_PATH } from './upstream.ts';
import { createYogaFetch } from './yoga-fetch.ts';
import { createYogaFloor } from './yoga-floor.ts';

async function listen(target: TargetServer): Promise<string> {
  target.server.listen(0, '127.0.0.1');
  await once(target.server, 'listening');
  return `http://127.0.0.1:${(target.server.address() as AddressInfo).port}`;
}

const upstream = createUpstream();
let upstreamOrigin = '';

beforeAll(async () => {
  upstreamOrigin = await listen(upstream);
});
afterAll(() => {
  upstream.server.close();
});

async function upstreamCalls(): Promise<number> {
  const response = await request(`${upstreamOrigin}${UPSTREAM_COUNT_PATH}`);
  return ((await response.body.json()) as { calls: number }).calls;
}

const factories: [string, (deps: TargetDeps) => TargetServer | Promise<TargetServer>][] = [
  ['floor', createFloorProxy],
  ['yoga-floor', createYogaFloor],
  ['yoga-fetch', createYogaFetch],
  ['apollo', createApolloPeer],
];

describe.each(factories)('%s', (_name, create) => {
  let target: TargetServer;
  let url = '';

  beforeAll(async () => {
    target = await create({ upstreamUrl: `${upstreamOrigin}${UPSTREAM_BASE_PATH}` });
    url = `${await listen(target)}/graphql`;
  });
  afterAll(async () => {
    target.server.closeAllConnections();
    target.server.close();
    await target.dispose();
  });

  it('answers the success payload through exactly one upstream call', async () => {
    const before = await upstreamCalls();
    const response = await request(url, {
      method: 'POST',
      headers: BENCH_HEADERS,
      body: BENCH_BODY,
    });
    const text = await response.body.text();
    expect(response.statusCode).toBe(200);
    expect(isSuccessPayload(text)).toBe(true);
    expect(JSON.parse(text).data.addConnectorMemberOf.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await upstreamCalls()).toBe(before + 1);
  });

  it('refuses a request without a bearer token before calling the upstream', async () => {
    const before = await upstreamCalls();
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: BENCH_BODY,
    });
    const body = JSON.parse(await response.body.text()) as {
      errors?: { extensions?: { code?: string } }[];
    };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await upstreamCalls()).toBe(before);
  });
});
