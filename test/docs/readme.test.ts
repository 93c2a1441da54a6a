import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load-config.js';
import { killStartedProcesses, startProcess } from '../helpers/gateway-process.js';
import { type FencedBlock, readFencedBlocks } from './markdown-blocks.js';
import {
  type CurlCall,
  type ReadmeState,
  type RunningSnippet,
  runGraphqlBlock,
  runShellBlock,
  startTsBlock,
  substitute,
} from './block-runners.js';

/*
 * The README runs. Every fenced block of README.md and deploy/README.md is either run here against
 * a gateway process started as `npm start` starts it (`tsx src/main.ts`, the bundled
 * switchyard.config.yml, local mode, a fresh SQLite file, a free port), or is marked in the
 * Markdown with `<!-- not run: <why> -->` on the line before its fence; an unmarked block of a
 * language the test cannot run fails. Blocks run in file order, each seeing what the earlier ones
 * did, as a reader following the README would. Before running a block the test substitutes, and
 * only this (see `substitute`): the port 4000 → the started gateway's; `<id>` → the session id
 * the README's `createSession` example answered; `switchyard/client` → `src/client/index.ts`.
 *
 * - ```graphql: each operation in turn; queries and mutations must answer without errors,
 *   subscriptions (over SSE) must deliver a result without errors.
 * - ```sh: through bash with only `curl` on the PATH; every call must answer 2xx with no
 *   `errors` (GraphQL) or `error` (REST). A block that starts the gateway itself (`npm start &`
 *   after `export`s) gets a second gateway started with those variables instead.
 * - ```ts: run with tsx; it must exit 0 and print what `TS_EXPECTATIONS` says.
 * - ```yaml: a piece of switchyard.config.yml; the gateway's own parser must accept it as a
 *   whole file (a renamed or mistyped key fails, as it would fail `npm start`).
 * - ```text: output or a file tree; never run.
 */

const ROOT = new URL('../..', import.meta.url);
const FILES = ['README.md', 'deploy/README.md'];

interface TsExpectation {
  /** A phrase that picks out the block. */
  readonly block: string;
  /** What its output must match. */
  readonly output: readonly RegExp[];
  /** For an example that runs until stopped: what to do while it runs; it is stopped afterwards. */
  readonly whileRunning?: (gatewayUrl: string, snippet: RunningSnippet) => Promise<void>;
}

const TS_EXPECTATIONS: readonly TsExpectation[] = [
  {
    // "Registering a model while that runs prints a REGISTERED event (status PENDING) and then HEALTH_CHANGED (status HEALTHY)."
    block: 'modelEvents',
    output: [
      /type: 'REGISTERED'[\s\S]*id: 'mock-watched', status: 'PENDING'[\s\S]*type: 'HEALTH_CHANGED'[\s\S]*id: 'mock-watched', status: 'HEALTHY'/,
    ],
    whileRunning: async (url, snippet) => {
      await until(async () => /^switchyard_active_subscriptions [1-9]/m.test(await (await fetch(`${url}/metrics`)).text()));
      const query = 'mutation { registerModel(input: { id: "mock-watched", provider: MOCK }) { model { id status } } }';
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      expect(await response.json()).not.toHaveProperty('errors');
      await until(() => Promise.resolve(snippet.output().includes('HEALTH_CHANGED')));
    },
  },
  { block: `const stream = await client.chat.completions.create`, output: [/^mock-fast \S.* \{\s*prompt_tokens/m, /\n\S+( \S+)+$/] },
  {
    block: 'get_weather',
    output: [/^call get_weather \{"city":".+"\}$/m, /^answer stop \S.*$/m, /^streamed function$/m, /^image \d{3,}$/m],
  },
  { block: 'client.embeddings.create', output: [/^embeddings 2 4 4$/m, /^langchain 8$/m] },
  {
    block: 'client.responses.create',
    output: [
      /^resp_ completed mock-fast \d+$/m,
      /^session [0-9a-f-]{36}$/m,
      /^continued true true$/m,
      /^call get_time \{.*\}$/m,
      /\nstreamed completed$/m,
    ],
  },
  {
    block: 'client.messages.countTokens',
    output: [
      /^mock-fast end_turn \S/m,
      /^streamed thinking text$/m,
      /^tool_use lookup_weather \{"city":".+"\}$/m,
      /^answer end_turn$/m,
      /^input_tokens \d+$/m,
    ],
  },
  {
    block: 'SwitchyardClient',
    output: [/^mock-fast \S.* \$\d/m, /^\[switch\] mock-fast → mock-slow \(rev 2\)$/m, /^not now: .*OPENAI_API_KEY is not set/m],
  },
];

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const blocks: FencedBlock[] = FILES.flatMap((file) => readFencedBlocks(ROOT.href, file));
const state: ReadmeState = {};
let gatewayUrl = '';
let snippets = '';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sy-readme-'));
  gatewayUrl = await startProcess([], { PORT: '0', DATABASE_URL: join(dir, 'db.sqlite') }).ready;
  snippets = join(ROOT.pathname, 'test/docs/.snippets'); // a dot-directory: outside tsc's and vitest's globs
  mkdirSync(snippets, { recursive: true });
});

afterAll(() => {
  killStartedProcesses();
  if (snippets) rmSync(snippets, { recursive: true, force: true });
});

describe('the README runs', () => {
  it('should find the examples', () => {
    expect(blocks.filter((b) => b.file === 'README.md' && b.notRun === undefined && b.lang !== 'text').length).toBeGreaterThanOrEqual(10);
  });

  for (const block of blocks) {
    const title = `${block.file}:${block.line} ${block.lang || '(no language)'}`;
    if (block.notRun !== undefined) {
      it.skip(`${title} — not run: ${block.notRun}`, () => undefined);
      continue;
    }
    it(title, { timeout: 30_000 }, async () => {
      switch (block.lang) {
        case 'text':
          return;
        case 'graphql':
          return runGraphqlBlock(block.code, gatewayUrl, state);
        case 'sh':
          return runShell(block);
        case 'ts':
          return runTs(block);
        case 'yaml':
          return void parseConfigText(block.code, `${block.file}:${block.line}`, {});
        default:
          throw new Error(
            `${title}: no way to run a "${block.lang}" block here; mark it <!-- not run: <why> --> on the line before the fence, or tag output as text`,
          );
      }
    });
  }
});

async function runShell(block: FencedBlock): Promise<void> {
  let url = gatewayUrl;
  let code = block.code;
  if (/^npm start &$/m.test(code)) {
    // The example starts a gateway with the variables it exports: the test starts that one (on a
    // free port, loopback only) and runs the rest of the block against it.
    const exported = Object.fromEntries(
      [...code.matchAll(/^export (.*)$/gm)].flatMap((m) => (m[1] ?? '').split(/\s+/).map((pair) => pair.split('=', 2))),
    );
    const dir = mkdtempSync(join(tmpdir(), 'sy-readme-auth-'));
    const started = startProcess([], { ...exported, HOST: '127.0.0.1', PORT: '0', DATABASE_URL: join(dir, 'db.sqlite') });
    url = await started.ready;
    code = code.replace(/^npm start &$/m, '');
    try {
      return checkCurlCalls(await runShellBlock(substitute(code, url, state)));
    } finally {
      started.child.kill('SIGKILL');
    }
  }
  checkCurlCalls(await runShellBlock(substitute(code, url, state)));
}

function checkCurlCalls(calls: CurlCall[]): void {
  expect(calls.length, 'a sh block without a curl call').toBeGreaterThan(0);
  for (const call of calls) {
    expect(call.status, call.body).toBeGreaterThanOrEqual(200);
    expect(call.status, call.body).toBeLessThan(300);
    const body = JSON.parse(call.body) as Record<string, unknown>;
    expect(body, call.body).not.toHaveProperty('errors');
    expect(body, call.body).not.toHaveProperty('error');
  }
}

async function runTs(block: FencedBlock): Promise<void> {
  const matching = TS_EXPECTATIONS.filter((e) => block.code.includes(e.block));
  expect(matching, 'every ts example needs exactly one entry in TS_EXPECTATIONS').toHaveLength(1);
  const expectation = matching[0] as TsExpectation;
  const snippet = startTsBlock(substitute(block.code, gatewayUrl, state), snippets, `readme-${block.line}`);
  if (expectation.whileRunning) {
    const exitedEarly = snippet.exited.then((code) =>
      Promise.reject(new Error(`exited with ${code} while it should run:\n${snippet.output()}`)),
    );
    await Promise.race([expectation.whileRunning(gatewayUrl, snippet), exitedEarly]);
    snippet.child.kill('SIGTERM');
    await snippet.exited;
  } else {
    expect(await snippet.exited, snippet.output()).toBe(0);
  }
  for (const pattern of expectation.output) expect(snippet.output()).toMatch(pattern);
}
