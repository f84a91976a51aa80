/**
 * Contract: the domain's modules depend one way. No file imports a file that imports it, however
 * far round, type-only imports included (issue 16 ended the last one, ids.ts <-> seed.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SOURCE = new URL('./', import.meta.url);
const RELATIVE_IMPORT = /\bfrom\s+'\.\/([\w.-]+\.ts)'/g;

function importGraph(): Map<string, string[]> {
  const files = readdirSync(SOURCE).filter(
    (file) => file.endsWith('.ts') && !file.includes('.test'),
  );
  return new Map(
    files.map((file) => {
      const text = readFileSync(new URL(file, SOURCE), 'utf8');
      return [file, [...text.matchAll(RELATIVE_IMPORT)].map((match) => match[1] as string)];
    }),
  );
}

/** The first cycle found, as the files in order, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle !== undefined) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

describe('the domain has no import cycle', () => {
  it('reads every module and its imports', () => {
    const graph = importGraph();
    expect(graph.get('seed.ts')).toContain('seed-ids.ts');
    expect(graph.get('index.ts')?.length).toBeGreaterThan(10);
  });

  it('finds none among its modules', () => {
    expect(findCycle(importGraph())).toBeUndefined();
  });

  it('would find one, type imports included', () => {
    const graph = new Map([
      ['ids.ts', ['seed.ts']],
      ['seed.ts', ['ids.ts']],
      ['index.ts', ['ids.ts']],
    ]);
    expect(findCycle(graph)).toEqual(['ids.ts', 'seed.ts', 'ids.ts']);
  });
});
