import type { TestProject } from 'vitest/node';
import { type BrokerTarget, brokerTarget } from '../src/broker-target.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    broker: BrokerTarget;
  }
}

/**
 * One broker for every test file of this package: installed and started once (the first install
 * compiles a few native gems; measured 3 min 35 s on the shared 2-core machine, then 0.3 s), stopped
 * and its database deleted after the last file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { target, started } = await brokerTarget();
  // Skipped suites show only their names: say here why, and what would run them.
  if (!target.ok)
    console.warn(`@connectors/pact-broker: skipping the broker suites: ${target.reason}`);
  project.provide('broker', target);
  return async () => {
    await started?.close();
  };
}
