import { describe, expect, it } from 'vitest';
import { detectCpuPinning, pinnedCommand } from './cpu-pinning.ts';

describe('pinnedCommand', () => {
  const pinned = { pinned: true, note: '' };

  it('puts the server under test on core 0 and load on core 1', () => {
    expect(pinnedCommand(pinned, 'server', 'node', ['a.ts'])).toEqual({
      command: 'taskset',
      args: ['-c', '0', 'node', 'a.ts'],
    });
    expect(pinnedCommand(pinned, 'load', 'node', ['b.ts'])).toEqual({
      command: 'taskset',
      args: ['-c', '1', 'node', 'b.ts'],
    });
  });

  it('runs the command as is when unpinned', () => {
    expect(pinnedCommand({ pinned: false, note: '' }, 'server', 'node', ['a.ts'])).toEqual({
      command: 'node',
      args: ['a.ts'],
    });
  });
});

describe('detectCpuPinning', () => {
  it('says in its note whether and how processes are pinned', () => {
    const pinning = detectCpuPinning();
    expect(pinning.note).toMatch(pinning.pinned ? /^pinned with taskset/ : /^unpinned: /);
  });
});
