/**
 * Contract: the gateway's modules depend one way. No import cycle among its production modules,
 * neither between files nor between its folders (auth/, errors/, schema/, ...), so any folder can
 * be read, tested or removed with only what is below it. The request context (`src/context.ts`)
 * and the error vocabulary (`src/errors/`) are the kernel at the bottom.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderGraph, importCycles, readImportGraph } from './import-graph.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));

describe("the gateway's import graph", () => {
  const graph = readImportGraph(SRC);

  it('is read from the real sources', () => {
    expect(graph.get('create-gateway.ts')).toContain('context.ts');
    expect(graph.get('schema/upstream-field.ts')).toContain('errors/upstream-failure.ts');
    expect([...graph.keys()].some((file) => file.endsWith('.test.ts'))).toBe(false);
  });

  it('has no cycle between files', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(importCycles(folderGraph(graph))).toEqual([]);
  });
});

describe('importCycles', () => {
  it('finds a cycle between two files and a longer one, and leaves a chain alone', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts', 'c.ts']],
      ['c.ts', ['d.ts']],
      ['d.ts', ['e.ts']],
      ['e.ts', ['c.ts']],
      ['f.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual([
      ['a.ts', 'b.ts'],
      ['c.ts', 'd.ts', 'e.ts'],
    ]);
  });

  it('finds a module importing itself', () => {
    expect(importCycles(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts']]);
  });

  it('finds a folder cycle that no file cycle shows', () => {
    // schema/a -> auth/b -> schema/c: no file imports its importer, yet the folders loop.
    const graph = new Map([
      ['schema/a.ts', ['auth/b.ts']],
      ['auth/b.ts', ['schema/c.ts']],
      ['schema/c.ts', []],
    ]);
    expect(importCycles(graph)).toEqual([]);
    expect(importCycles(folderGraph(graph))).toEqual([['auth/', 'schema/']]);
  });
});
