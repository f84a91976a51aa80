/**
 * Contract: `/healthz` answers while the process serves, `/readyz` turns 503 once draining
 * begins (so a load balancer stops sending traffic), and neither needs a token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/gateway-harness.ts';

describe('health endpoints', () => {
  let harness: TestGateway;
  beforeAll(() => {
    harness = createTestGateway({ upstreamBaseUrl: 'http://127.0.0.1:9/v1.0' });
  });
  afterAll(() => harness.close());

  const get = (path: string) => harness.fetch(path);

  it('/healthz is 200', async () => {
    expect((await get('/healthz')).status).toBe(200);
  });

  it('/readyz is 200, then 503 while draining', async () => {
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe('ready\n');

    harness.health.draining = true;
    try {
      const draining = await get('/readyz');
      expect(draining.status).toBe(503);
      expect(await draining.text()).toBe('draining\n');
      // Liveness is unaffected: the process is still fine, just leaving.
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      harness.health.draining = false;
    }
  });
});
