import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU time and memory of one process at one instant, from Linux's /proc. */
export interface ProcessSample {
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
  /** Resident set size (VmRSS), bytes. */
  rssBytes: number;
  /** Peak resident set size so far (VmHWM), bytes. */
  peakRssBytes: number;
}

/**
 * utime + stime from a `/proc/<pid>/stat` line. The command name (field 2) may hold spaces and
 * parentheses, so fields are counted from its last `)`.
 */
export function parseStatCpuTicks(stat: string): number {
  const end = stat.lastIndexOf(')');
  if (end < 0) throw new Error('not a /proc/<pid>/stat line');
  // After ")": field 3 (state) is index 0, so utime (field 14) is 11 and stime (15) is 12.
  const fields = stat.slice(end + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isInteger(utime) || !Number.isInteger(stime)) {
    throw new Error('no utime/stime in /proc/<pid>/stat');
  }
  return utime + stime;
}

/** A `kB` field (`VmRSS`, `VmHWM`) of `/proc/<pid>/status`, in bytes. */
export function parseStatusBytes(status: string, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/<pid>/status`);
  return Number(match[1]) * 1024;
}

/** Reads CPU and memory of `pid` (Linux only). */
export function sampleProcess(pid: number): ProcessSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    cpuTicks: parseStatCpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')),
    rssBytes: parseStatusBytes(status, 'VmRSS'),
    peakRssBytes: parseStatusBytes(status, 'VmHWM'),
  };
}

/** Clock ticks per second (`getconf CLK_TCK`), the unit of {@link ProcessSample.cpuTicks}. */
export function clockTicksPerSecond(): number {
  const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  if (!Number.isInteger(ticks) || ticks <= 0) throw new Error(`getconf CLK_TCK gave ${ticks}`);
  return ticks;
}
