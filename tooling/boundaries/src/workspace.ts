import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** One workspace package, as its manifest describes it. */
export interface WorkspacePackage {
  name: string;
  /** Absolute path of its folder. */
  dir: string;
  /** Every package it declares, in any dependency field. */
  declared: ReadonlySet<string>;
}

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

/** The folders a package keeps its code in; top-level files (`vitest.config.ts`) count too. */
export const SOURCE_DIRS = ['src', 'scripts', 'test'] as const;
const SOURCE_FILE = /\.(?:[cm]?ts|tsx|[cm]?js)$/;
const NEVER_SCANNED = new Set(['node_modules', 'build', 'dist', 'coverage', '.turbo']);

/** The nearest folder at or above `start` that holds `pnpm-workspace.yaml`. */
export function findWorkspaceRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml at or above ${start}`);
    dir = parent;
  }
  return dir;
}

/**
 * The `packages:` globs of `pnpm-workspace.yaml`. Only the forms this repository uses are
 * understood (`dir` and `dir/*`); any other pattern is an error rather than silently skipped.
 */
export function workspaceGlobs(yaml: string): string[] {
  const globs: string[] = [];
  let inPackages = false;
  for (const raw of yaml.split('\n')) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (line === '') continue;
    if (/^\S/.test(line)) {
      inPackages = line === 'packages:';
      continue;
    }
    if (!inPackages) continue;
    const item = /^\s+-\s+["']?([^"']+)["']?$/.exec(line);
    if (item?.[1] === undefined) throw new Error(`cannot read the workspace entry: ${raw}`);
    const glob = item[1].replace(/\/$/, '');
    if (!/^[\w.-]+(?:\/[\w.-]+)*(?:\/\*)?$/.test(glob)) {
      throw new Error(`unsupported workspace pattern ${glob}: teach workspace.ts to read it`);
    }
    globs.push(glob);
  }
  return globs;
}

function readPackage(dir: string): WorkspacePackage {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  if (typeof manifest.name !== 'string') throw new Error(`${dir}/package.json has no name`);
  const declared = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest[field];
    if (deps !== null && typeof deps === 'object') {
      for (const name of Object.keys(deps)) declared.add(name);
    }
  }
  return { name: manifest.name, dir, declared };
}

/** Every package of the workspace at `root`, in the order of its globs, then by folder. */
export function listPackages(root: string): WorkspacePackage[] {
  const globs = workspaceGlobs(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8'));
  const dirs: string[] = [];
  for (const glob of globs) {
    if (glob.endsWith('/*')) {
      const parent = join(root, glob.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const entry of readdirSync(parent).sort()) dirs.push(join(parent, entry));
    } else {
      dirs.push(join(root, glob));
    }
  }
  return dirs.filter((dir) => existsSync(join(dir, 'package.json'))).map(readPackage);
}

function walk(dir: string, files: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (NEVER_SCANNED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, files);
    else if (SOURCE_FILE.test(entry.name)) files.push(path);
  }
}

/** The code files of a package: its source folders, and the files beside its manifest. */
export function sourceFiles(pkg: WorkspacePackage): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(pkg.dir).sort()) {
    const path = join(pkg.dir, entry);
    if (SOURCE_FILE.test(entry) && statSync(path).isFile()) files.push(path);
  }
  for (const sub of SOURCE_DIRS) {
    const dir = join(pkg.dir, sub);
    if (existsSync(dir)) walk(dir, files);
  }
  return files;
}

/** `path` relative to `root`, with forward slashes, for messages. */
export function display(root: string, path: string): string {
  return relative(root, path).split('\\').join('/');
}
