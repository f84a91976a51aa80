import { readFileSync } from 'node:fs';

/** The root README, whose "Contracts in CI" commands the loop runs as written. */
export const README = new URL('../../../README.md', import.meta.url);

/** One `sh` block of the section: its first comment names the repository and job. */
export interface PipelineBlock {
  title: string;
  commands: string[];
}

/**
 * The README's "Contracts in CI" section: its `sh` blocks (the plain commands, a `# title` line
 * first) and every `run:` of its GitHub Actions `yaml` blocks.
 */
export function readmePipeline(): { blocks: PipelineBlock[]; actionsRuns: string[] } {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf('\n## Contracts in CI\n');
  if (start < 0) throw new Error('README.md has no "## Contracts in CI" section');
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  const blocks: PipelineBlock[] = [];
  const actionsRuns: string[] = [];
  for (const [, lang, body = ''] of section.matchAll(/```(\w+)\n([\s\S]*?)```/g)) {
    const lines = body.split('\n').map((line) => line.trim());
    if (lang === 'sh') {
      const title = lines[0]?.startsWith('# ') ? lines[0].slice(2) : '';
      const commands = lines.filter((line) => line !== '' && !line.startsWith('#'));
      blocks.push({ title, commands });
    } else if (lang === 'yaml') {
      for (const line of lines) {
        const run = /^(?:- )?run: (.+)$/.exec(line)?.[1];
        if (run !== undefined) actionsRuns.push(run);
      }
    }
  }
  return { blocks, actionsRuns };
}

/** The commands of the block whose title starts with `title`; throws when there is none. */
export function pipelineCommands(title: string): string[] {
  const block = readmePipeline().blocks.find((candidate) => candidate.title.startsWith(title));
  if (block === undefined)
    throw new Error(`README "Contracts in CI" has no sh block "# ${title}..."`);
  return block.commands;
}
