/** What of Web Crypto this needs; `globalThis.crypto` in browsers and Node 20. */
export interface RandomSource {
  randomUUID?: () => string;
  /** Fills `array` in place. */
  getRandomValues(array: Uint8Array<ArrayBuffer>): unknown;
}

/**
 * A fresh GUID for `client-request-id` (the gateway forwards a GUID to the upstream, so one id
 * names the call end to end). `crypto.randomUUID` exists only in secure contexts (https,
 * localhost): elsewhere a version 4 UUID is built from `getRandomValues`, which is everywhere.
 */
export function newClientRequestId(random: RandomSource = globalThis.crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = new Uint8Array(16);
  random.getRandomValues(bytes);
  // RFC 9562: version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
