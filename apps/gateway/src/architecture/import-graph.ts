import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Which modules a module imports, by path relative to the scanned root (`a/b.ts`). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

// Static imports and re-exports (`import ... from`, `export ... from`, `import '...'`) and dynamic
// `import('...')` with a literal: every way one of our modules can load another.
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The relative imports among the production modules under `root` (tests and test helpers left
 * out: a test may import anything it tests). Only the modules themselves are read, never run.
 */
export function readImportGraph(root: string): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of productionModules(root)) {
    const source = readFileSync(join(root, file), 'utf8');
    const targets = new Set<string>();
    for (const match of source.matchAll(IMPORT)) {
      const target = relative(root, resolve(root, dirname(file), match[1] as string));
      if (!target.startsWith('..')) targets.add(target.split(sep).join('/'));
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

function productionModules(root: string, folder = ''): string[] {
  const modules: string[] = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) modules.push(...productionModules(root, path));
    else if (entry.name.endsWith('.ts') && !/\.test\.ts$|\.d\.ts$/.test(entry.name)) {
      modules.push(path);
    }
  }
  return modules.sort();
}

/**
 * The folder graph: each module stands for its top-level folder (`schema/x.ts` is `schema/`);
 * a module at the root stands for itself, as yoga lays out `src/context.ts` and the factory.
 * Imports within one folder are dropped.
 */
export function folderGraph(graph: ImportGraph): ImportGraph {
  const unit = (file: string) => {
    const slash = file.indexOf('/');
    return slash < 0 ? file : `${file.slice(0, slash)}/`;
  };
  const folders = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    const source = unit(from);
    const edges = folders.get(source) ?? new Set<string>();
    for (const target of targets) if (unit(target) !== source) edges.add(unit(target));
    folders.set(source, edges);
  }
  return new Map([...folders].map(([folder, edges]) => [folder, [...edges].sort()]));
}

/**
 * Every import cycle, as the strongly connected components with more than one node (or a node
 * importing itself), each listed from its alphabetically first node (Tarjan's algorithm).
 */
export function importCycles(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (;;) {
      const member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
      cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}
