import { describe, expect, it } from 'vitest';
import { nodeCommand } from './child-processes.ts';

describe('nodeCommand', () => {
  it('runs TypeScript through tsx', () => {
    const { command, args } = nodeCommand('/x/serve.ts', ['floor']);
    expect(command).toBe(process.execPath);
    expect(args[0]).toBe('--import');
    expect(args[1]).toMatch(/tsx/);
    expect(args.slice(2)).toEqual(['/x/serve.ts', 'floor']);
  });

  it('runs a built bundle on plain node, with no loader', () => {
    expect(nodeCommand('/x/build/main.mjs', ['a']).args).toEqual(['/x/build/main.mjs', 'a']);
  });
});
