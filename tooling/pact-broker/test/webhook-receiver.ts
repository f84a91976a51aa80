import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the broker's webhook posted, as the README's webhook (a GitHub `repository_dispatch`) puts
 * it in `client_payload`.
 */
export interface WebhookCall {
  pactUrl: string;
  providerVersionNumber: string;
  providerVersionBranch: string;
  consumerVersionNumber: string;
}

/**
 * Stands in for the CI system a `contract_requiring_verification_published` webhook triggers: a
 * real HTTP server on 127.0.0.1:0 recording each call's JSON body.
 */
export async function startWebhookReceiver() {
  const calls: WebhookCall[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      try {
        calls.push((JSON.parse(body) as { client_payload: WebhookCall }).client_payload);
        response.writeHead(202).end();
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/verify`,
    calls,
    /** Resolves once `count` calls arrived; bounded (the broker fires webhooks asynchronously). */
    async waitForCalls(count: number, timeoutMs = 60_000): Promise<WebhookCall[]> {
      const deadline = Date.now() + timeoutMs;
      while (calls.length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `the broker's webhook called ${calls.length} time(s) in ${timeoutMs} ms, not ${count}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return calls.slice();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
