/**
 * The README's stub gateway (`pact stub` of @pact-foundation/pact-cli), run as documented on the
 * frontend pact this repo commits, answers the client's own query as the pact says: a frontend
 * can develop against it without a gateway. Needs no broker.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGatewayClient } from '@connectors/gateway-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelineEnv } from './command.ts';
import { pipelineCommands } from './readme-pipeline.ts';

const PACT = fileURLToPath(
  new URL('../../../pacts/connector-admin-web-connector-gateway.json', import.meta.url),
);
const BIN = fileURLToPath(new URL('../node_modules/.bin/', import.meta.url));
const STARTED = /Server started on port (\d+)/;

let dir: string;
let stub: ChildProcess;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pact-stub-'));
  mkdirSync(join(dir, 'pacts'));
  cpSync(PACT, join(dir, 'pacts', 'connector-admin-web-connector-gateway.json'));
  const [command] = pipelineCommands('a stub gateway');
  if (command === undefined) throw new Error('README documents no pact stub command');
  expect(command).toBe(
    'npx pact stub --file pacts/connector-admin-web-connector-gateway.json --port 4000 --cors',
  );
  // As documented, but on a free port (0) and with the CLI this workspace installed (npx finds
  // it the same way in a frontend's repository).
  const args = command
    .replace(/^npx pact /, '')
    .replace('--port 4000', '--port 0')
    .split(' ');
  stub = spawn(join(BIN, 'pact'), args, { cwd: dir, env: pipelineEnv({}), stdio: 'pipe' });
  let output = '';
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pact stub did not start: ${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const port = STARTED.exec(output)?.[1];
      if (port !== undefined) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}/graphql`);
      }
    };
    stub.stdout?.on('data', read);
    stub.stderr?.on('data', read);
    stub.once('exit', (code) => reject(new Error(`pact stub exited (${code}): ${output}`)));
  });
});
afterAll(() => {
  stub?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('pact stub, as the README documents it', () => {
  it("answers the client's query with the pact's response", async () => {
    const result = await createGatewayClient({ url, getToken: () => 'a-token' }).connectorMemberOf({
      applicationId: '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12',
      connectorId: 'e98f0710-0710-e98f-1007-8fe910078fe9',
    });
    expect(result).toMatchObject({
      kind: 'success',
      data: { connectorGroups: [{ name: 'Default', isDefault: true, region: 'NAM' }] },
    });
  });
});
