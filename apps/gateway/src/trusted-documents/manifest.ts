import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** How the gateway treats documents outside the manifest (docs/contracts.md#trusted-documents). */
export const TRUSTED_DOCUMENTS_MODES = ['allow', 'require'] as const;
export type TrustedDocumentsMode = (typeof TRUSTED_DOCUMENTS_MODES)[number];

/** One trusted document: the exact text a client sends and the sha256 of that text (hex). */
export interface TrustedEntry {
  hash: string;
  text: string;
}

/**
 * A manifest that cannot be trusted. The message says what is wrong without quoting the file
 * (an operator's file may hold anything): the caller says which file, or which variable, it is.
 */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

const SHA256_KEY = /^(?:sha256:)?([0-9a-f]{64})$/;

/**
 * A persisted-documents manifest as GraphQL Code Generator's client preset writes it:
 * `{ "sha256:<hex>": "<document text>" }` (a bare hex key is accepted too).
 */
const Manifest = z.record(z.string(), z.unknown());

/** The sha256 of a document's exact text, as a manifest and Apollo's APQ carry it (hex). */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads a manifest's entries, checking each hash against its text, so a manifest edited by hand
 * (or a text reformatted after hashing) stops the gateway at start rather than being trusted.
 * An entry is named by its position or, once its key is known to be a hash, by that hash: never
 * by quoting what the file holds.
 * @throws {ManifestError} naming the entry at fault
 */
export function parseManifest(json: unknown): TrustedEntry[] {
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    throw new ManifestError(
      'is not a persisted-documents manifest: expected a JSON object of "sha256:<hex>": "<document>"',
    );
  }
  const entries = Object.entries(parsed.data);
  if (entries.length === 0) {
    throw new ManifestError('has no documents: every request would be refused or served by yoga');
  }
  const byHash = new Map<string, TrustedEntry>();
  entries.forEach(([key, text], index) => {
    const hash = SHA256_KEY.exec(key)?.[1];
    if (hash === undefined) {
      throw new ManifestError(
        `entry ${index + 1}: the key must be sha256:<64 lowercase hex digits>`,
      );
    }
    if (typeof text !== 'string' || text.length === 0) {
      throw new ManifestError(`sha256:${hash}: the document must be a non-empty string`);
    }
    if (documentHash(text) !== hash) {
      throw new ManifestError(
        `sha256:${hash} is not the sha256 of its document: regenerate the manifest`,
      );
    }
    // `sha256:<hex>` and `<hex>` may both be present; the hash check makes their texts equal.
    byHash.set(hash, { hash, text });
  });
  return [...byHash.values()];
}

/**
 * Reads and checks a manifest file.
 * @throws {ManifestError} when it cannot be read, is not JSON or is not a manifest
 */
export function readManifest(path: string): TrustedEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ManifestError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ManifestError('is not JSON');
  }
  return parseManifest(json);
}

/**
 * The hash a `documentId` names: the manifest's own key form, `sha256:<hex>`, or the bare hex.
 * Whatever else it is, it names no manifest document.
 */
export function documentIdHash(documentId: string): string {
  return documentId.startsWith('sha256:') ? documentId.slice(7) : documentId;
}
