import { describe, expect, it } from 'vitest';
import { manualClock } from '../test/manual-clock.ts';
import { callKindOf, ThrottleGate } from './throttle-gate.ts';

describe('ThrottleGate', () => {
  it('is open until closed, then closed exactly until the wait passes', async () => {
    const { clock } = manualClock();
    const gate = new ThrottleGate(clock);
    expect(gate.remainingMs()).toBe(0);
    expect(gate.close(2_000)).toBe(true);
    expect(gate.remainingMs()).toBe(2_000);
    await clock.sleep(1_999);
    expect(gate.remainingMs()).toBe(1);
    await clock.sleep(1);
    expect(gate.remainingMs()).toBe(0);
  });

  it('a shorter wait never shortens a closing; a longer one extends it without a new closing', async () => {
    const { clock } = manualClock();
    const gate = new ThrottleGate(clock);
    gate.close(2_000);
    expect(gate.close(500)).toBe(false);
    expect(gate.remainingMs()).toBe(2_000);
    expect(gate.close(5_000)).toBe(false);
    expect(gate.remainingMs()).toBe(5_000);
    expect(gate.closings).toBe(1);
    expect(gate.close(0)).toBe(false);
  });

  it('counts closed seconds as they pass, overlapping closings once', async () => {
    const { clock } = manualClock();
    const gate = new ThrottleGate(clock);
    gate.close(2_000);
    await clock.sleep(1_000);
    expect(gate.closedSeconds()).toBe(1);
    gate.close(3_000);
    await clock.sleep(10_000);
    expect(gate.closedSeconds()).toBe(4);
    gate.close(1_000);
    expect(gate.closings).toBe(2);
    await clock.sleep(500);
    expect(gate.closedSeconds()).toBe(4.5);
  });

  it('a GET is a read, anything else a write', () => {
    expect(['GET', 'POST', 'PATCH', 'DELETE'].map(callKindOf)).toEqual([
      'read',
      'write',
      'write',
      'write',
    ]);
  });
});

describe('ThrottleGate.open', () => {
  it('opens at once, keeping the closed time so far', async () => {
    const { clock } = manualClock();
    const gate = new ThrottleGate(clock);
    gate.close(10_000);
    await clock.sleep(3_000);
    gate.open();
    expect(gate.remainingMs()).toBe(0);
    await clock.sleep(5_000);
    expect(gate.closedSeconds()).toBe(3);
  });
});
