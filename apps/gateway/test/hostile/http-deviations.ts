/**
 * Deviations at the HTTP layer: request line, headers, Host, Accept, Content-Type, framing and
 * body size. Each carries its verdict from the HTTP RFCs and docs/running.md.
 */
import { type DeviationSpec, get, pick, post, postMutation, setHeader } from './model.ts';

/** Request-line, header and framing deviations, by kind. */
export const HTTP_DEVIATIONS: Record<string, DeviationSpec> = {
  // Request line.
  'method-other': {
    stage: 'line',
    verdict: 'invalid',
    apply: (d, n) => {
      d.method = pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'], n);
    },
  },
  'method-get-for-post': {
    stage: 'line',
    verdict: 'invalid',
    when: postMutation,
    apply: (d) => {
      d.method = 'GET';
    },
  },
  'method-post-for-get': {
    stage: 'line',
    verdict: 'invalid',
    when: get,
    apply: (d) => {
      d.method = 'POST';
    },
  },
  'method-malformed': {
    stage: 'line',
    verdict: 'invalid',
    apply: (d, n) => {
      d.method = pick(['post', 'P0ST', 'PO ST', 'POST\u0000', '', 'P\u00d3ST'], n);
    },
  },
  'version-1.0': {
    stage: 'line',
    verdict: 'either',
    apply: (d) => {
      d.version = 'HTTP/1.0';
    },
  },
  'version-malformed': {
    stage: 'line',
    verdict: 'invalid',
    apply: (d, n) => {
      d.version = pick(['http/1.1', 'HTTP/1.1x', 'HTTP/11', 'HTTP/', 'HTTPS/1.1', 'HTTP/3.0'], n);
    },
  },
  'version-odd': {
    stage: 'line',
    verdict: 'either',
    apply: (d, n) => {
      // RFC 9112 2.3: a higher minor version is served as 1.1 (SHOULD); another major may be
      // refused with 505 (MAY). No version at all is HTTP/0.9's simple request.
      d.version = pick(['HTTP/1.2', 'HTTP/2.0', 'HTTP/0.9', ''], n);
    },
  },
  'target-odd': {
    stage: 'line',
    verdict: 'either',
    apply: (d, n) => {
      const [path, query] = d.target.split('?');
      const odd = pick(
        [
          `${path}/`,
          `/${path}`,
          `${path}?`,
          `${path}#fragment`,
          `${path}/../graphql`,
          '/GRAPHQL',
          '/%67raphql',
          `https://127.0.0.1:${d.port}/graphql`,
          `http://[::1]:${d.port}/graphql`,
        ],
        n,
      );
      d.target = query === undefined ? odd : `${odd}${odd.includes('?') ? '&' : '?'}${query}`;
    },
  },
  'target-elsewhere': {
    stage: 'line',
    verdict: 'invalid',
    apply: (d, n) => {
      d.target = pick(
        ['/healthz', '/readyz', '/metrics', '/', '/favicon.ico', '/graphiql', '/graphql/x'],
        n,
      );
    },
  },
  'target-malformed': {
    stage: 'line',
    verdict: 'invalid',
    apply: (d, n) => {
      d.target = pick(
        [
          'graphql',
          '*',
          '/gra phql',
          '/graphql\u0001',
          '/graphql\u007f',
          `/graphql?${'q'.repeat(20000)}`,
          'http://',
          'http://@/graphql',
          'http://a b/graphql',
          '//',
        ],
        n,
      );
    },
  },
  // Headers.
  'header-malformed': {
    stage: 'headers',
    verdict: 'invalid',
    apply: (d, n) => {
      d.headers.push(
        pick(
          [
            'X-No-Colon header',
            'X-Space : before colon',
            'X(Bad): name',
            ': empty-name',
            'X-Nul: a\u0000b',
            'X-Cr: a\rb',
            'X-Del: a\u007fb',
            `X-Big: ${'a'.repeat(20000)}`,
            'X-Esc: \u001b[31m',
          ],
          n,
        ),
      );
    },
  },
  'header-odd': {
    stage: 'headers',
    verdict: 'either',
    apply: (d, n) => {
      const odd = pick(['fold', 'many', 'latin1', 'bare-lf', 'leading-crlf'], n);
      if (odd === 'fold') d.headers.push('X-Folded: a', ' b');
      if (odd === 'many') for (let i = 0; i < 150; i += 1) d.headers.push(`X-Many-${i}: ${i}`);
      if (odd === 'latin1') d.headers.push('X-Latin1: caf\u00e9');
      if (odd === 'bare-lf') d.eol = '\n';
      if (odd === 'leading-crlf') d.method = `\r\n${d.method}`;
    },
  },
  // Host.
  'host-invalid': {
    stage: 'headers',
    slot: 'host',
    verdict: 'valid', // decided when rendered: see `hostFault`
    apply: (d, n) => {
      d.hostFault = 'invalid';
      setHeader(
        d,
        'Host',
        pick(
          [
            `a b:${d.port}`,
            'gateway.example/path',
            'gateway.example?x=1',
            'gateway.example#x',
            `[::1:${d.port}`,
            'gateway.example:port',
            'gateway.example:12ab',
            'gate\tway.example',
            'g\u00e2teway.example',
            'gateway\\example',
            '<script>',
            '"quoted"',
          ],
          n,
        ),
      );
    },
  },
  'host-duplicate': {
    stage: 'headers',
    slot: 'host',
    verdict: 'valid', // decided when rendered: see `hostFault`
    apply: (d, n) => {
      d.hostFault = 'duplicate';
      d.headers.push(`Host: ${pick(['evil.example', `127.0.0.1:${d.port}`], n)}`);
    },
  },
  'host-missing': {
    stage: 'headers',
    slot: 'host',
    verdict: 'valid', // decided when rendered: see `hostFault`
    apply: (d) => {
      setHeader(d, 'Host', null);
      d.hostFault = 'missing';
    },
  },
  'host-odd': {
    stage: 'headers',
    slot: 'host',
    verdict: 'either',
    apply: (d, n) => {
      setHeader(
        d,
        'Host',
        pick(
          [
            '',
            'user@gateway.example',
            'gateway.example:',
            '%41gateway.example',
            'gateway.example:99999',
            '0x7f.1',
          ],
          n,
        ),
      );
    },
  },
  // Accept.
  'accept-no-json': {
    stage: 'headers',
    slot: 'accept',
    verdict: 'invalid',
    apply: (d, n) => {
      setHeader(
        d,
        'Accept',
        pick(
          [
            'application/xml',
            'text/html',
            'image/png',
            'text/plain',
            'application/octet-stream',
            'text/xml, application/xhtml+xml',
          ],
          n,
        ),
      );
    },
  },
  'accept-odd': {
    stage: 'headers',
    slot: 'accept',
    verdict: 'either',
    apply: (d, n) => {
      setHeader(
        d,
        'Accept',
        pick(
          [
            'text/event-stream',
            'multipart/mixed',
            'application/json;q=0',
            '*/*;q=0',
            '',
            ',,,;;',
            'application/graphql-response+json;charset=latin1',
          ],
          n,
        ),
      );
    },
  },
  // Content-Type.
  'content-type-wrong': {
    stage: 'headers',
    slot: 'content-type',
    verdict: 'invalid',
    when: post,
    apply: (d, n) => {
      setHeader(
        d,
        'Content-Type',
        pick(
          [
            null,
            'text/plain',
            'text/plain;charset=utf-8',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'application/graphql',
          ],
          n,
        ),
      );
    },
  },
  'content-type-odd': {
    stage: 'headers',
    slot: 'content-type',
    verdict: 'either',
    when: post,
    apply: (d, n) => {
      const odd = pick(
        [
          'APPLICATION/JSON',
          'application/json; charset=utf-16',
          'application/graphql-response+json',
          'application/json; charset="utf-8"',
          'application/json;;;',
          'duplicate',
        ],
        n,
      );
      if (odd === 'duplicate') d.headers.push('Content-Type: application/json');
      else setHeader(d, 'Content-Type', odd);
    },
  },
  // Framing.
  'framing-invalid': {
    stage: 'framing',
    verdict: 'invalid',
    when: post,
    apply: (d, n) => {
      const kind = pick(
        [
          'te-and-cl',
          'two-cl',
          'cl-abc',
          'cl-negative',
          'cl-plus',
          'cl-hex',
          'te-xchunked',
          'chunk-size-bad',
          'no-length',
        ],
        n,
      );
      const length = d.body.length;
      if (kind === 'te-and-cl') {
        d.framing = 'chunked';
        d.headers.push(`Content-Length: ${length}`);
      }
      if (kind === 'two-cl') {
        d.framing = 'none';
        d.headers.push(`Content-Length: ${length}`, `Content-Length: ${length + 1}`);
      }
      for (const [name, value] of [
        ['cl-abc', 'abc'],
        ['cl-negative', `-${length}`],
        ['cl-plus', `+${length}`],
        ['cl-hex', `0x${length.toString(16)}`],
      ] as const) {
        if (kind === name) {
          d.framing = 'none';
          d.headers.push(`Content-Length: ${value}`);
        }
      }
      if (kind === 'te-xchunked') {
        d.framing = 'none';
        d.headers.push('Transfer-Encoding: xchunked');
        d.halfClose = true;
      }
      if (kind === 'chunk-size-bad') {
        d.framing = 'none';
        d.headers.push('Transfer-Encoding: chunked');
        d.body = Buffer.concat([Buffer.from('zz\r\n'), d.body, Buffer.from('\r\n0\r\n\r\n')]);
      }
      if (kind === 'no-length') {
        // No length and no chunks: the body is empty, so none is sent (it would be a request).
        d.framing = 'none';
        d.body = Buffer.alloc(0);
      }
    },
  },
  'framing-odd': {
    stage: 'framing',
    verdict: 'either',
    when: post,
    apply: (d, n) => {
      const kind = pick(
        ['te-gzip-chunked', 'two-cl-same', 'cl-list', 'te-identity', 'expect-other'],
        n,
      );
      const length = d.body.length;
      if (kind === 'te-gzip-chunked') {
        d.framing = 'chunked';
        setHeader(d, 'Transfer-Encoding', null);
        d.headers.push('Transfer-Encoding: gzip, chunked');
      }
      if (kind === 'two-cl-same') {
        d.framing = 'none';
        d.headers.push(`Content-Length: ${length}`, `Content-Length: ${length}`);
      }
      if (kind === 'cl-list') {
        d.framing = 'none';
        d.headers.push(`Content-Length: ${length}, ${length}`);
      }
      // RFC 9110 10.1.1: an expectation other than 100-continue MAY be refused with 417.
      if (kind === 'expect-other') setHeader(d, 'Expect', 'a-pony');
      if (kind === 'te-identity') {
        d.framing = 'none';
        d.headers.push('Transfer-Encoding: identity', `Content-Length: ${length}`);
      }
    },
  },
  truncated: {
    stage: 'framing',
    verdict: 'invalid',
    when: post,
    apply: (d, n) => {
      const kind = pick(['length-short', 'length-half', 'chunked-unterminated', 'chunk-short'], n);
      const body = d.body;
      d.halfClose = true;
      d.framing = 'none';
      if (kind === 'length-short') {
        // Every byte of a complete, valid JSON body, but fewer than declared: still incomplete.
        d.headers.push(`Content-Length: ${body.length + 1 + (n % 50)}`);
      }
      if (kind === 'length-half') {
        d.headers.push(`Content-Length: ${body.length}`);
        d.body = body.subarray(0, Math.floor(body.length / 2));
      }
      if (kind === 'chunked-unterminated') {
        d.headers.push('Transfer-Encoding: chunked');
        d.body = Buffer.concat([
          Buffer.from(`${body.length.toString(16)}\r\n`),
          body,
          Buffer.from('\r\n'),
        ]);
      }
      if (kind === 'chunk-short') {
        d.headers.push('Transfer-Encoding: chunked');
        d.body = Buffer.concat([Buffer.from(`${(body.length + 10).toString(16)}\r\n`), body]);
      }
    },
  },
  oversized: {
    stage: 'framing',
    verdict: 'invalid',
    when: post,
    apply: (d, n) => {
      const kind = pick(
        ['declared-full', 'declared-partial', 'chunked', 'chunked-large', 'one-byte-over'],
        n,
      );
      const limit = 100 * 1024;
      const padded = (size: number) =>
        Buffer.concat([d.body, Buffer.alloc(Math.max(0, size - d.body.length), 0x20)]);
      if (kind === 'declared-full') {
        d.body = padded(limit + 20_000);
      }
      if (kind === 'one-byte-over') d.body = padded(limit + 1);
      if (kind === 'declared-partial') {
        d.framing = 'none';
        d.headers.push(`Content-Length: ${limit * 2}`);
        d.halfClose = true;
      }
      if (kind === 'chunked' || kind === 'chunked-large') {
        d.framing = 'chunked';
        // 1 MiB: more than Node reads ahead, so a 413 that stops reading leaves bytes unread.
        d.body = padded(kind === 'chunked' ? limit + 20_000 : 1024 * 1024);
      }
    },
  },
  'at-the-limit': {
    stage: 'framing',
    verdict: 'valid',
    when: post,
    apply: (d) => {
      // JSON allows trailing whitespace: exactly 100 KiB is within the limit.
      d.body = Buffer.concat([d.body, Buffer.alloc(Math.max(0, 100 * 1024 - d.body.length), 0x20)]);
    },
  },
};
