import { describe, expect, it } from 'vitest';
import { manualClock } from '../test/manual-clock.ts';
import { DEFAULT_RETRY_BUDGET, RetryBudget } from './retry-budget.ts';

describe('RetryBudget', () => {
  it('allows the floor of retries with no traffic, then refuses', () => {
    const budget = new RetryBudget(
      { ratio: 0.2, minRetries: 3, windowMs: 10_000 },
      manualClock().clock,
    );
    expect([1, 2, 3, 4].map(() => budget.tryRetry())).toEqual([true, true, true, false]);
    expect([budget.spent, budget.denied]).toEqual([3, 1]);
  });

  it('earns ratio retries per first attempt, on top of the floor', () => {
    const budget = new RetryBudget(
      { ratio: 0.2, minRetries: 10, windowMs: 10_000 },
      manualClock().clock,
    );
    for (let i = 0; i < 100; i++) budget.recordFirstAttempt();
    let granted = 0;
    while (budget.tryRetry()) granted += 1;
    expect(granted).toBe(30);
  });

  it('forgets what left the window', async () => {
    const { clock } = manualClock();
    const budget = new RetryBudget({ ratio: 0, minRetries: 2, windowMs: 10_000 }, clock);
    expect([budget.tryRetry(), budget.tryRetry(), budget.tryRetry()]).toEqual([true, true, false]);
    await clock.sleep(5_000);
    expect(budget.tryRetry()).toBe(false);
    await clock.sleep(5_000);
    expect(budget.tryRetry()).toBe(true);
  });

  it('slides: first attempts older than the window earn nothing', async () => {
    const { clock } = manualClock();
    const budget = new RetryBudget({ ratio: 1, minRetries: 0, windowMs: 1_000 }, clock);
    for (let i = 0; i < 5; i++) budget.recordFirstAttempt();
    await clock.sleep(1_000);
    expect(budget.tryRetry()).toBe(false);
    budget.recordFirstAttempt();
    expect([budget.tryRetry(), budget.tryRetry()]).toEqual([true, false]);
  });

  it('a permanent failure costs at most about 1.5 calls per request (400 callers, 3 retries each)', () => {
    const budget = new RetryBudget(DEFAULT_RETRY_BUDGET, manualClock().clock);
    let calls = 0;
    for (let request = 0; request < 400; request++) {
      budget.recordFirstAttempt();
      calls += 1;
      for (let retry = 0; retry < 3 && budget.tryRetry(); retry++) calls += 1;
    }
    // 400 first attempts earn 80 retries plus the floor of 10.
    expect(calls).toBe(490);
    expect(calls / 400).toBeLessThanOrEqual(1.5);
  });
});

describe('RetryBudget.reset', () => {
  it('empties the window and keeps the totals', () => {
    const budget = new RetryBudget(
      { ratio: 0, minRetries: 1, windowMs: 10_000 },
      manualClock().clock,
    );
    expect([budget.tryRetry(), budget.tryRetry()]).toEqual([true, false]);
    budget.reset();
    expect(budget.tryRetry()).toBe(true);
    expect([budget.spent, budget.denied]).toEqual([2, 1]);
  });
});
