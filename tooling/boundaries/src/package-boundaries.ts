import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { findReferences, type SourceReference } from './source-references.ts';
import { display, listPackages, sourceFiles, type WorkspacePackage } from './workspace.ts';

/** A reference that breaks a package boundary, with what to do instead. */
export interface Violation {
  /** `path/from/root.ts:line`. */
  at: string;
  message: string;
}

/**
 * Folders at the workspace root that packages may name by path, each with its reason. Only file
 * paths (`new URL(..., import.meta.url)`), never imports.
 */
export const SHARED_ROOT_FOLDERS: Readonly<Record<string, string>> = {
  // The committed REST contract is written by graph-client's consumer test and verified by
  // fake-graph: it belongs to neither side (a Pact Broker holds it between them), so it sits at
  // the root where review sees it as a diff.
  pacts: 'the committed Pact contract, shared by its consumer and its provider',
  // The product's README documents commands; a test runs them exactly as written, from the root.
  'README.md': 'the root README, whose documented commands tests run as a reader would',
  // `pnpm start` passes only what turbo.json lists; a test holds that list to the apps' env
  // schemas and to docs/running.md's configuration table, the page that promises it.
  'turbo.json': "the task graph, whose pass-through env a test holds to the apps' env schemas",
  docs: "the product's contract pages, which tests hold the code to",
};

/**
 * Files of another package that one package reads by path, as a build input rather than an import,
 * each with its reason: `owner package -> path from the root -> reason`.
 */
export const BUILD_INPUTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '@connectors/gateway-client': {
    // The client's types are generated from the gateway's schema, and the gateway depends on the
    // client for its trusted documents (the manifest): a dependency back would be a cycle, which
    // turbo refuses. The schema is read by codegen, never imported.
    'apps/gateway/schema.graphql': 'the schema the client is generated from',
  },
};

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function isRelative(specifier: string): boolean {
  return (
    specifier === '.' ||
    specifier === '..' ||
    specifier.startsWith('./') ||
    specifier.startsWith('../')
  );
}

/** The workspace package a bare specifier names (`@connectors/gateway/main` names the gateway). */
function packageNamed(specifier: string, names: readonly string[]): string | undefined {
  return names.find((name) => specifier === name || specifier.startsWith(`${name}/`));
}

function describe(reference: SourceReference): string {
  return reference.kind === 'url'
    ? `new URL('${reference.specifier}', import.meta.url)`
    : `${reference.kind} '${reference.specifier}'`;
}

/** What one reference in `file` of `pkg` breaks, if anything. */
function checkReference(
  root: string,
  pkg: WorkspacePackage,
  packages: readonly WorkspacePackage[],
  file: string,
  reference: SourceReference,
): string | undefined {
  if (isRelative(reference.specifier)) {
    const target = resolve(dirname(file), reference.specifier);
    if (isInside(pkg.dir, target)) return undefined;
    const owner = packages.find((other) => isInside(other.dir, target));
    const input = BUILD_INPUTS[pkg.name]?.[display(root, target)];
    if (reference.kind === 'url' && input !== undefined) return undefined;
    if (owner !== undefined) {
      return `${describe(reference)} reaches into ${owner.name} (${display(root, target)}): expose it in ${owner.name}'s "exports" and name it by the package, declared as a dependency`;
    }
    const shared = display(root, target).split('/')[0] ?? '';
    if (reference.kind === 'url' && Object.hasOwn(SHARED_ROOT_FOLDERS, shared)) return undefined;
    return `${describe(reference)} leaves ${pkg.name} for ${display(root, target) || 'the workspace root'}, which no package owns: move it into a package and export it`;
  }
  const named = packageNamed(
    reference.specifier,
    packages.map((other) => other.name),
  );
  if (named !== undefined && named !== pkg.name && !pkg.declared.has(named)) {
    return `${describe(reference)} uses ${named}, which ${pkg.name} does not declare: add "${named}": "workspace:*" to its package.json`;
  }
  return undefined;
}

/** What the boundary check looked at, and what it found. */
export interface BoundaryReport {
  packages: readonly WorkspacePackage[];
  filesScanned: number;
  referencesChecked: number;
  violations: Violation[];
}

/**
 * Checks every code file of every workspace package under `root`: a relative import, require,
 * resolve or `new URL(..., import.meta.url)` must stay inside its own package (siblings meet
 * through `exports`), and a workspace package it names must be a declared dependency.
 */
export function checkPackageBoundaries(root: string): BoundaryReport {
  const packages = listPackages(root);
  const violations: Violation[] = [];
  let filesScanned = 0;
  let referencesChecked = 0;
  for (const pkg of packages) {
    for (const file of sourceFiles(pkg)) {
      filesScanned += 1;
      for (const reference of findReferences(readFileSync(file, 'utf8'))) {
        referencesChecked += 1;
        const message = checkReference(root, pkg, packages, file, reference);
        if (message !== undefined) {
          violations.push({ at: `${display(root, file)}:${reference.line}`, message });
        }
      }
    }
  }
  return { packages, filesScanned, referencesChecked, violations };
}

/** The violations as lines for a test failure. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map((violation) => `${violation.at}: ${violation.message}`).join('\n');
}
