import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** Where the harness puts its processes: the server under test alone on one core. */
export interface CpuPinning {
  pinned: boolean;
  /** One line for the report saying how processes were placed, and why. */
  note: string;
}

/** Core of the server under test. */
const SERVER_CORE = '0';
/** Core of the load generator and the upstream. */
const LOAD_CORE = '1';

/**
 * Pins with `taskset` (util-linux) when it works and there are two cores: the server under test
 * on core 0, load generator and upstream on core 1, so they do not steal the server's CPU.
 */
export function detectCpuPinning(): CpuPinning {
  const cores = availableParallelism();
  if (cores < 2) return { pinned: false, note: `unpinned: only ${cores} core available` };
  const probe = spawnSync('taskset', ['-c', LOAD_CORE, 'true'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    return { pinned: false, note: 'unpinned: taskset (util-linux) is not available' };
  }
  return {
    pinned: true,
    note: `pinned with taskset: server under test on core ${SERVER_CORE}, load generator and upstream on core ${LOAD_CORE} (${cores} cores)`,
  };
}

/** What a process does in the bench, which decides its core. */
export type ProcessRole = 'server' | 'load';

/** `command args` wrapped in `taskset -c <core>` when pinned; taskset execs, so the pid stays. */
export function pinnedCommand(
  pinning: CpuPinning,
  role: ProcessRole,
  command: string,
  args: readonly string[],
): { command: string; args: string[] } {
  if (!pinning.pinned) return { command, args: [...args] };
  return {
    command: 'taskset',
    args: ['-c', role === 'server' ? SERVER_CORE : LOAD_CORE, command, ...args],
  };
}
