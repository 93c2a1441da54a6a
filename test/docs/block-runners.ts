import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Kind, type OperationDefinitionNode, parse, print } from 'graphql';
import { expect } from 'vitest';

/** What one example leaves for the next, as a reader following the README would carry it. */
export interface ReadmeState {
  /** The id the last `createSession` example answered: what `<id>` stands for in later examples. */
  sessionId?: string;
}

/**
 * The visible substitutions the test makes in an example before running it: the README's port
 * 4000 becomes the started gateway's, and `<id>` the session id an earlier example created.
 */
export function substitute(code: string, gatewayUrl: string, state: ReadmeState): string {
  const port = new URL(gatewayUrl).port;
  const withPort = code.replace(/\b(localhost|127\.0\.0\.1):4000\b/g, `$1:${port}`);
  if (!withPort.includes('<id>')) return withPort;
  if (!state.sessionId) throw new Error('the example uses <id>, but no earlier example created a session');
  return withPort.replaceAll('<id>', state.sessionId);
}

type GraphQLBody = { data?: Record<string, unknown> | null; errors?: unknown[] };

/**
 * Runs each operation of a ```graphql block in order: queries and mutations over HTTP, which
 * must answer without errors; subscriptions over SSE, left open while the later operations run,
 * each of which must deliver at least one result and no errors.
 */
export async function runGraphqlBlock(code: string, gatewayUrl: string, state: ReadmeState): Promise<void> {
  const operations = parse(code).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  expect(operations.length, 'a graphql block with no operation').toBeGreaterThan(0);
  const subscriptions: SseSubscription[] = [];
  try {
    for (const operation of operations) {
      const query = substitute(print(operation), gatewayUrl, state);
      if (operation.operation === 'subscription') {
        subscriptions.push(await subscribeOverSse(`${gatewayUrl}/graphql`, query));
        continue;
      }
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as GraphQLBody;
      expect(body.errors, `${query}\n${JSON.stringify(body.errors)}`).toBeUndefined();
      expect(response.status).toBe(200);
      const created = body.data?.createSession as { id?: string } | undefined;
      if (created?.id) state.sessionId = created.id;
    }
    for (const subscription of subscriptions) {
      await subscription.firstResultOrEnd;
      expect(subscription.results.length, `${subscription.query}: no result`).toBeGreaterThan(0);
      for (const result of subscription.results)
        expect(result.errors, `${subscription.query}\n${JSON.stringify(result.errors)}`).toBeUndefined();
    }
  } finally {
    for (const subscription of subscriptions) subscription.close();
  }
}

interface SseSubscription {
  readonly query: string;
  readonly results: GraphQLBody[];
  /** Settles when the stream ended, or, for a feed that stays open, once it delivered a result. */
  readonly firstResultOrEnd: Promise<void>;
  close(): void;
}

/** Resolves once the gateway accepted the subscription (its response headers arrived). */
async function subscribeOverSse(url: string, query: string): Promise<SseSubscription> {
  const abort = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query }),
    signal: abort.signal,
  });
  if (!response.headers.get('content-type')?.startsWith('text/event-stream'))
    throw new Error(`${query}: answered ${response.status} ${await response.text()}`);
  const results: GraphQLBody[] = [];
  let onResult = (): void => undefined;
  const firstResult = new Promise<void>((resolve) => (onResult = resolve));
  const read = (async () => {
    let buffer = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^event: next\ndata: (.*)$/s.exec(event)?.[1];
        if (data !== undefined) {
          results.push(JSON.parse(data) as GraphQLBody);
          onResult();
        }
        if (event.startsWith('event: complete')) return;
      }
    }
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) throw error;
  });
  const timeout = new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`${query}: no result within 10 s`)), 10_000).unref());
  return { query, results, firstResultOrEnd: Promise.race([firstResult, read, timeout]), close: () => abort.abort() };
}

/** One curl call of a shell example: its HTTP status and the body it printed. */
export interface CurlCall {
  readonly status: number;
  readonly body: string;
}

const CURL_END = '@@end of curl@@';

/**
 * Runs a ```sh block with bash under `set -eu`, with a PATH that holds only `curl`: any other
 * command fails the block (mark such a block not run). `curl` is wrapped to print the HTTP
 * status and a separator after each call, so every call's answer can be checked on its own.
 */
export async function runShellBlock(code: string, env: Record<string, string> = {}): Promise<CurlCall[]> {
  const bin = mkdtempSync(join(tmpdir(), 'sy-readme-bin-'));
  symlinkSync(execFileSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).trim(), join(bin, 'curl'));
  const bash = execFileSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).trim();
  const script = `set -eu\ncurl() { command curl -w '\\n%{http_code}\\n${CURL_END}\\n' "$@"; }\n${code}\n`;
  // --norc: bash reads ~/.bashrc when its stdin is a socket, as Node's pipes are.
  const { stdout: out } = await promisify(execFile)(bash, ['--norc', '--noprofile', '-c', script], {
    env: { PATH: bin, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return out
    .split(`${CURL_END}\n`)
    .slice(0, -1)
    .map((call) => {
      const lines = call.trimEnd().split('\n');
      return { status: Number(lines.pop()), body: lines.join('\n') };
    });
}

/** A TypeScript example running in its own Node process. */
export interface RunningSnippet {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
}

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Writes a ```ts block into `dir` (inside the repository, so its packages resolve as they do for
 * a user of this checkout) and runs it with tsx, with only PATH in its environment.
 * `switchyard/client` — the package's export of `dist/client/`, which only `npm run build` makes —
 * is pointed at its source, `src/client/index.ts`.
 */
export function startTsBlock(code: string, dir: string, name: string): RunningSnippet {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, code.replaceAll(`'switchyard/client'`, `'${join(ROOT, 'src/client/index.js')}'`));
  const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}
