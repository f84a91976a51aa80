import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * `pnpm pack` of this package into `destination`, as a release would publish it: `prepack` builds
 * dist/, and pnpm writes the manifest with `publishConfig.exports` and the catalogs' ranges in
 * place of `catalog:`. Returns the tarball's path. For the tests that install the client as a
 * frontend in another repository would (test/packed-client.test.ts, tooling/pact-broker).
 */
export function packGatewayClient(destination: string): string {
  const { version } = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
    version: string;
  };
  execFileSync('pnpm', ['pack', '--pack-destination', destination], {
    cwd: PACKAGE_DIR,
    stdio: 'pipe',
    timeout: 120_000,
  });
  const tarball = join(destination, `connectors-gateway-client-${version}.tgz`);
  if (!existsSync(tarball)) throw new Error(`pnpm pack wrote no ${tarball}`);
  return tarball;
}
