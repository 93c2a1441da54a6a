import { readFileSync } from 'node:fs';

/** A fenced code block of a Markdown file, with where it is and whether the file says it is not run. */
export interface FencedBlock {
  /** The file as given, e.g. `README.md`. */
  readonly file: string;
  /** The 1-based line of the opening fence. */
  readonly line: number;
  /** The fence's info string (`sh`, `ts`, `graphql`, `text`…); empty when it has none. */
  readonly lang: string;
  /** The block's text, its list indentation removed. */
  readonly code: string;
  /** The reason of a `<!-- not run: <reason> -->` comment on the line before the fence. */
  readonly notRun: string | undefined;
}

const OPEN = /^(\s*)(`{3,})([^`\s]*)\s*$/;
const NOT_RUN = /^\s*<!--\s*not run:\s*(.*?)\s*-->\s*$/;

/** Every fenced block of the file at `root/file`, in order. */
export function readFencedBlocks(root: string, file: string): FencedBlock[] {
  const lines = readFileSync(new URL(file, root), 'utf8').split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const fence = open[2] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^\\s*${fence}\\s*$`).test(lines[j] ?? ''); j++) body.push((lines[j] ?? '').slice(indent));
    if (j === lines.length) throw new Error(`${file}:${i + 1}: the fence opened here is never closed`);
    const previous = i > 0 ? NOT_RUN.exec(lines[i - 1] ?? '') : null;
    blocks.push({ file, line: i + 1, lang: open[3] ?? '', code: body.join('\n'), notRun: previous ? (previous[1] ?? '') : undefined });
    i = j;
  }
  return blocks;
}
