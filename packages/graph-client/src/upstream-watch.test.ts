import { describe, expect, it } from 'vitest';
import { manualClock } from '../test/manual-clock.ts';
import type { TriedOutcome } from './attempt.ts';
import { ThrottleGate } from './throttle-gate.ts';
import type { UpstreamStateEvent } from './upstream-observations.ts';
import { UpstreamWatch } from './upstream-watch.ts';

function setUp(quietMs = 10_000) {
  const manual = manualClock();
  const gates = { read: new ThrottleGate(manual.clock), write: new ThrottleGate(manual.clock) };
  const events: UpstreamStateEvent[] = [];
  const watch = new UpstreamWatch(gates, (event) => events.push(event), manual.clock, quietMs);
  return { clock: manual.clock, gates, events, watch };
}

function answer(status: number, throttle?: Record<string, string>): TriedOutcome {
  return {
    type: 'answer',
    answer: { status, empty: true, ...(throttle === undefined ? {} : { throttle }) },
  };
}

describe('UpstreamWatch', () => {
  it('closes the gate of the kind on a 429 or 503 with Retry-After, reporting each closing once', () => {
    const { gates, events, watch } = setUp();
    watch.observe('write', 'addConnectorMemberOf', answer(429), {
      status: 429,
      retryAfterMs: 1500,
    });
    watch.observe('write', 'addConnectorMemberOf', answer(429), {
      status: 429,
      retryAfterMs: 1000,
    });
    watch.observe('read', 'listConnectorGroups', answer(503), { status: 503, retryAfterMs: 0 });

    expect(gates.write.remainingMs()).toBe(1500);
    expect(gates.read.remainingMs()).toBe(0);
    expect(events).toEqual([
      {
        type: 'gateClosed',
        kind: 'write',
        operation: 'addConnectorMemberOf',
        status: 429,
        retryAfterSeconds: 2,
        throttle: {},
      },
    ]);
  });

  it('leaves the gates alone for other statuses, a missing Retry-After, or no answer', () => {
    const { gates, events, watch } = setUp();
    watch.observe('write', 'addConnectorMemberOf', answer(504), {
      status: 504,
      retryAfterMs: 5000,
    });
    watch.observe('write', 'addConnectorMemberOf', answer(429), { status: 429 });
    watch.observe('write', 'addConnectorMemberOf', { type: 'timeout' }, {});
    expect(gates.write.remainingMs()).toBe(0);
    expect(events).toEqual([]);
  });

  it('ignores a limit percentage that is not a positive number', () => {
    const { events, watch } = setUp();
    for (const value of ['', 'high', '-1', '0']) {
      const outcome = answer(200, { 'x-ms-throttle-limit-percentage': value });
      watch.observe('read', 'listConnectorGroups', outcome, { status: 200 });
    }
    expect(watch.throttleLimitPercentage()).toEqual({ read: 0, write: 0 });
    expect(events).toEqual([]);
  });

  it('reports the retry budget spent at most once per quiet period, with the throttle headers', async () => {
    const { clock, events, watch } = setUp(10_000);
    const throttle = { 'x-ms-throttle-scope': 'Tenant/All/Write' };
    watch.retryBudget(false, 'addConnectorMemberOf', answer(503, throttle), 503);
    watch.retryBudget(true, 'addConnectorMemberOf', answer(503), 503);
    watch.retryBudget(false, 'addConnectorMemberOf', answer(503), 503);
    await clock.sleep(10_000);
    watch.retryBudget(false, 'addConnectorMemberOf', { type: 'timeout' }, undefined);

    expect(events).toEqual([
      { type: 'retryBudgetExhausted', operation: 'addConnectorMemberOf', status: 503, throttle },
      { type: 'retryBudgetExhausted', operation: 'addConnectorMemberOf', throttle: {} },
    ]);
  });

  it('a listener that throws changes nothing', () => {
    const manual = manualClock();
    const gate = new ThrottleGate(manual.clock);
    const watch = new UpstreamWatch(
      { read: gate, write: new ThrottleGate(manual.clock) },
      () => {
        throw new Error('broken logger');
      },
      manual.clock,
      1000,
    );
    watch.observe('read', 'listConnectorGroups', answer(429), { status: 429, retryAfterMs: 1000 });
    expect(gate.remainingMs()).toBe(1000);
  });
});
