import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SEED } from '@connectors/domain';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_HEADERS } from '../bench-request.ts';
import { createUpstream, UPSTREAM_BASE_PATH, UPSTREAM_COUNT_PATH } from './upstream.ts';

const REF = `/applications/${SEED.applicationId}/connectorGroup/members/${SEED.connectorId}/memberOf/$ref`;
const BODY = JSON.stringify({
  '@odata.type': '#microsoft.graph.connectorGroup',
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  name: 'Bench group',
  region: 'eur',
});

const upstream = createUpstream();
let origin = '';

beforeAll(async () => {
  upstream.server.listen(0, '127.0.0.1');
  await once(upstream.server, 'listening');
  origin = `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`;
});
afterAll(() => {
  upstream.server.close();
});

async function calls(): Promise<number> {
  const response = await request(`${origin}${UPSTREAM_COUNT_PATH}`);
  return ((await response.body.json()) as { calls: number }).calls;
}

async function post(path: string, headers: Record<string, string>, body = BODY) {
  const response = await request(`${origin}${path}`, { method: 'POST', headers, body });
  return {
    status: response.statusCode,
    headers: response.headers,
    text: await response.body.text(),
  };
}

describe('the minimal upstream', () => {
  it('answers the $ref POST with 204 and a request-id, and counts it', async () => {
    const before = await calls();
    const answer = await post(`${UPSTREAM_BASE_PATH}${REF}`, BENCH_HEADERS);
    expect(answer.status).toBe(204);
    expect(answer.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await calls()).toBe(before + 1);
  });

  it.each([
    ['an encoded %24ref', `${UPSTREAM_BASE_PATH}${REF.replace('$ref', '%24ref')}`],
    ['a path without the version', REF],
  ])('refuses %s with 404 and a Graph envelope', async (_label, path) => {
    const answer = await post(path, BENCH_HEADERS);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: 'Request_ResourceNotFound' } });
  });

  it('refuses a missing or other token with 401', async () => {
    const answer = await post(`${UPSTREAM_BASE_PATH}${REF}`, {
      ...BENCH_HEADERS,
      authorization: 'Bearer someone-else',
    });
    expect(answer.status).toBe(401);
  });

  it('refuses a body the domain refuses, without counting it', async () => {
    const before = await calls();
    const answer = await post(
      `${UPSTREAM_BASE_PATH}${REF}`,
      BENCH_HEADERS,
      JSON.stringify({ name: 'x' }),
    );
    expect(answer.status).toBe(400);
    expect(await calls()).toBe(before);
  });
});

describe('the slow upstream (the overload scenario)', () => {
  const slow = createUpstream({ capacity: 2, latencyMs: 200 });
  let slowOrigin = '';
  beforeAll(async () => {
    slow.server.listen(0, '127.0.0.1');
    await once(slow.server, 'listening');
    slowOrigin = `http://127.0.0.1:${(slow.server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    slow.server.close();
  });

  it('serves `capacity` calls at once, slowly, and sheds the rest at once with 503 and Retry-After: 0', async () => {
    const send = async () => {
      const response = await request(`${slowOrigin}${UPSTREAM_BASE_PATH}${REF}`, {
        method: 'POST',
        headers: BENCH_HEADERS,
        body: BODY,
      });
      await response.body.text();
      return { status: response.statusCode, retryAfter: response.headers['retry-after'] };
    };
    const answers = await Promise.all([send(), send(), send(), send()]);
    expect(answers.filter((answer) => answer.status === 204)).toHaveLength(2);
    const shed = answers.filter((answer) => answer.status === 503);
    expect(shed).toHaveLength(2);
    expect(shed.every((answer) => answer.retryAfter === '0')).toBe(true);
    const count = await request(`${slowOrigin}${UPSTREAM_COUNT_PATH}`);
    expect(await count.body.json()).toEqual({ calls: 2, received: 4 });
  });
});
