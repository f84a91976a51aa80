/**
 * The load generator, in its own process (pinned by the harness to the core the server under
 * test does not use). Reads one {@link LoadSpec} JSON line at a time on stdin, fires the bench
 * request with autocannon, and answers one {@link LoadResult} JSON line on stdout. Exits when
 * stdin closes.
 */
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { BENCH_BODY, BENCH_HEADERS, isSuccessPayload } from './bench-request.ts';
import { LatencyRecorder } from './latency-recorder.ts';
import { LoadResult, LoadSpec } from './load-protocol.ts';

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies = new LatencyRecorder();
  const options: autocannon.Options = {
    url: spec.url,
    method: 'POST',
    headers: BENCH_HEADERS,
    body: BENCH_BODY,
    connections: spec.connections,
    duration: spec.durationSeconds,
    // Checked on every response so a target answering errors fast cannot look fast.
    verifyBody: (body) => body !== undefined && isSuccessPayload(body.toString()),
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result) => {
      if (error) {
        reject(error);
        return;
      }
      const responses = latencies.count + latencies.dropped;
      resolve({
        durationSeconds: result.duration,
        successes: responses - result.mismatches,
        responses,
        sent: result.requests.sent,
        failedBodies: result.mismatches,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        latencyMs: latencies.summary(),
      });
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.record(responseTime);
    });
  });
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') continue;
  const spec = LoadSpec.parse(JSON.parse(line));
  const result = LoadResult.parse(await runLoad(spec));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
