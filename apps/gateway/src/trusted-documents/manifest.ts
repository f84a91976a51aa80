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

const SHA256_KEY = /^(?:sha256:)?([0-9a-f]{64})$/;

/**
 * A persisted-documents manifest as GraphQL Code Generator's client preset writes it:
 * `{ "sha256:<hex>": "<document text>" }` (a bare hex key is accepted too).
 */
const Manifest = z.record(
  z.string().regex(SHA256_KEY, { error: 'must be sha256:<64 lowercase hex digits>' }),
  z.string().min(1, { error: 'must be a non-empty document' }),
);

/** The sha256 of a document's exact text, as a manifest and Apollo's APQ carry it (hex). */
export function documentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads a manifest's entries, checking each hash against its text, so a manifest edited by hand
 * (or a text reformatted after hashing) stops the gateway at start rather than being trusted.
 * @throws {Error} naming the entry at fault
 */
export function parseManifest(json: unknown, source: string): TrustedEntry[] {
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${JSON.stringify(issue.path.join('.'))}` : '';
    // A bad key's own message sits one level down (zod reports "Invalid key in record").
    const message =
      issue?.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue?.message;
    throw new Error(
      `trusted documents ${source}: not a persisted-documents manifest${where}: ${message}`,
    );
  }
  return Object.entries(parsed.data).map(([key, text]) => {
    const hash = (SHA256_KEY.exec(key) as RegExpExecArray)[1] as string;
    if (documentHash(text) !== hash) {
      throw new Error(
        `trusted documents ${source}: ${key} is not the sha256 of its document: regenerate the manifest`,
      );
    }
    return { hash, text };
  });
}

/**
 * Reads and checks a manifest file.
 * @throws {Error} naming the file when it cannot be read, is not JSON or is not a manifest
 */
export function readManifest(path: string): TrustedEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `trusted documents ${path}: cannot be read (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`trusted documents ${path}: not JSON`);
  }
  return parseManifest(json, path);
}
