import { createServer } from 'node:net';

/**
 * A port free right now. The gateway takes `PORT` rather than printing what it bound, so the OS
 * picks one here; the short gap before the gateway binds it is harmless on loopback.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
