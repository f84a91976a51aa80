import manifest from '@connectors/gateway-client/persisted-documents.json' with { type: 'json' };
import { parseManifest, type TrustedEntry } from './manifest.ts';

/**
 * The default trusted documents: `@connectors/gateway-client`'s committed manifest, imported as
 * JSON so the production bundle carries it (esbuild inlines it; the bundle reads no file for it,
 * wherever it runs). The client never imports the gateway: this edge runs one way.
 */
export const CLIENT_MANIFEST = '@connectors/gateway-client/persisted-documents.json';

/**
 * The client's manifest, checked like any other.
 * @throws {ManifestError} only if the committed manifest was edited by hand
 */
export function clientManifestEntries(): TrustedEntry[] {
  return parseManifest(manifest);
}
