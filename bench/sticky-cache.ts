/**
 * Sticky pools against vendor prompt caches: the share of prompt tokens the vendors answer from
 * their cache, for multi-turn conversations through a weighted pool (3:1 over two members), with
 * and without `sticky`, in one run. `npx tsx bench/sticky-cache.ts` (alone; under a minute) replaces
 * its section of RESULTS.md (`BENCH_CONVERSATIONS`, `BENCH_TURNS`: 200 and 6).
 *
 * The upstream is a loopback OpenAI-compatible fake that caches per member (per upstream model)
 * like a vendor's prompt cache: it remembers every message-boundary prefix of every prompt it was
 * sent, and reports as `cached_tokens` the tokens of the longest one it has seen before on that
 * member (tokens estimated at 4 characters each). The gateway runs in process (createApp), the
 * client speaks /v1/chat/completions statelessly — every turn resends the whole conversation, no
 * session — so the stickiness key is the conversation's prefix. Conversations are interleaved
 * turn by turn, as concurrent users' are. Numbers are ratios of token counts, not timings: they do
 * not depend on the machine.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { stringify } from 'yaml';
import { createApp } from '../src/app.js';
import { parseConfigText } from '../src/config/load-config.js';

export const SECTION_START = '<!-- sticky-cache -->';
export const SECTION_END = '<!-- /sticky-cache -->';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200);
const TURNS = Number(process.env.BENCH_TURNS ?? 6);
const MEMBERS = ['vendor-a', 'vendor-b'] as const;
const KEY = 'sk-bench-sticky-0123456789';

interface Message {
  readonly role: string;
  readonly content: string;
}

const tokensOf = (messages: readonly Message[]) => messages.reduce((sum, m) => sum + Math.ceil(m.content.length / 4), 0);
const prefixHash = (messages: readonly Message[]) => createHash('sha256').update(JSON.stringify(messages)).digest('hex');

/** The fake vendor: a prompt cache per upstream model, answers streamed or whole with the usage a vendor reports. */
async function startCachingUpstream(): Promise<{ url: string; server: Server; reset(): void; served: Map<string, number> }> {
  const caches = new Map<string, Set<string>>(MEMBERS.map((m) => [m, new Set()]));
  const served = new Map<string, number>();
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ object: 'list', data: MEMBERS.map((id) => ({ id })) }));
      return;
    }
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw) as { model: string; messages: Message[]; stream?: boolean };
      const cache = caches.get(body.model) ?? new Set<string>();
      const messages = body.messages.map((m) => ({
        role: m.role,
        content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
      }));
      let cached = 0;
      for (let k = messages.length; k > 0; k--) {
        if (cache.has(prefixHash(messages.slice(0, k)))) {
          cached = tokensOf(messages.slice(0, k));
          break;
        }
      }
      for (let k = 1; k <= messages.length; k++) cache.add(prefixHash(messages.slice(0, k)));
      served.set(body.model, (served.get(body.model) ?? 0) + 1);
      const text = `Answer ${served.get(body.model)} from ${body.model}.`;
      const usage = {
        prompt_tokens: tokensOf(messages),
        completion_tokens: 8,
        total_tokens: tokensOf(messages) + 8,
        prompt_tokens_details: { cached_tokens: cached },
      };
      const id = 'chatcmpl-sticky-bench';
      if (!body.stream) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id,
            object: 'chat.completion',
            created: 0,
            model: body.model,
            choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
            usage,
          }),
        );
        return;
      }
      const chunk = (payload: object) =>
        `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: body.model, ...payload })}\n\n`;
      res
        .writeHead(200, { 'content-type': 'text/event-stream' })
        .end(
          chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: text }, finish_reason: null }] }) +
            chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }) +
            chunk({ choices: [], usage }) +
            'data: [DONE]\n\n',
        );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    served,
    reset: () => {
      for (const cache of caches.values()) cache.clear();
      served.clear();
    },
  };
}

/** A long system prompt and document per conversation (what a prompt cache is for), then short turns. */
function conversationStart(c: number): Message[] {
  const document = Array.from({ length: 120 }, (_, i) => `Clause ${i + 1} of contract ${c}: the parties agree to term ${i * 7 + c}.`).join(
    ' ',
  );
  return [
    { role: 'system', content: `You are a careful contract reviewer (conversation ${c}). Answer in one sentence.` },
    { role: 'user', content: `Here is the contract:\n${document}\nWhat is it about?` },
  ];
}

interface RunResult {
  readonly requests: number;
  readonly promptTokens: number;
  readonly cachedTokens: number;
  /** The most a cache could serve: every turn's previous prompt (its conversation so far), the first turns none. */
  readonly ceilingTokens: number;
  /** Requests per member (the pool's weights at work). */
  readonly byMember: Record<string, number>;
}

/** Runs every conversation turn by turn (interleaved) through `pool`; sums the usage the gateway answered. */
async function runConversations(base: string, pool: string): Promise<RunResult> {
  const histories = Array.from({ length: CONVERSATIONS }, (_, c) => conversationStart(c));
  let promptTokens = 0;
  let cachedTokens = 0;
  let ceilingTokens = 0;
  const byMember: Record<string, number> = {};
  for (let turn = 0; turn < TURNS; turn++) {
    for (const history of histories) {
      if (turn > 0) ceilingTokens += tokensOf(history.slice(0, -2));
      const response = await fetch(`${base}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ model: pool, messages: history, max_tokens: 16 }),
      });
      if (!response.ok) throw new Error(`${pool}: HTTP ${response.status} ${await response.text()}`);
      const answer = (await response.json()) as {
        choices: Array<{ message: { content: string } }>;
        usage: { prompt_tokens: number; prompt_tokens_details: { cached_tokens: number } };
      };
      promptTokens += answer.usage.prompt_tokens;
      cachedTokens += answer.usage.prompt_tokens_details.cached_tokens;
      const member = response.headers.get('x-switchyard-model') ?? '?';
      byMember[member] = (byMember[member] ?? 0) + 1;
      history.push(
        { role: 'assistant', content: answer.choices[0]?.message.content ?? '' },
        { role: 'user', content: `Follow-up ${turn}: and then?` },
      );
    }
  }
  return { requests: CONVERSATIONS * TURNS, promptTokens, cachedTokens, ceilingTokens, byMember };
}

export async function stickyCache(log: (message: string) => void = () => {}): Promise<string> {
  const upstream = await startCachingUpstream();
  const pool = (name: string, sticky: boolean) => ({
    name,
    strategy: 'WEIGHTED',
    sticky,
    members: [
      { modelId: 'member-a', weight: 3 },
      { modelId: 'member-b', weight: 1 },
    ],
  });
  const file = {
    database: { url: ':memory:' },
    logging: { level: 'silent' },
    security: { allowPrivateEndpoints: true },
    models: MEMBERS.map((upstreamModel, i) => ({
      id: `member-${'ab'[i]}`,
      provider: 'openai',
      upstreamModel,
      baseUrl: `${upstream.url}/v1`,
      pricing: { input: 1, output: 2, cachedInput: 0.1 },
    })),
    pools: [pool('weighted', false), pool('weighted-sticky', true)],
  };
  const config = parseConfigText(stringify(file), 'sticky-bench.yml', { OPENAI_API_KEY: 'sk-fake-upstream', SWITCHYARD_ADMIN_KEY: KEY });
  const app = await createApp(config, { logger: pino({ level: 'silent' }), monitorHealth: false });
  try {
    const base = await app.start(0, '127.0.0.1');
    const results: Array<[string, RunResult]> = [];
    for (const name of ['weighted', 'weighted-sticky']) {
      upstream.reset();
      log(`${CONVERSATIONS} conversations × ${TURNS} turns through ${name}`);
      results.push([name, await runConversations(base, name)]);
    }
    return section(results);
  } finally {
    await app.stop();
    upstream.server.close();
  }
}

function section(results: Array<[string, RunResult]>): string {
  const share = (r: RunResult) => r.cachedTokens / r.promptTokens;
  const rows = results.map(([name, r]) => {
    const members = Object.entries(r.byMember)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([m, n]) => `${m} ${((100 * n) / r.requests).toFixed(1)} %`)
      .join(', ');
    return `| ${name === 'weighted' ? 'WEIGHTED 3:1, not sticky' : 'WEIGHTED 3:1, sticky'} | ${r.requests} | ${r.promptTokens.toLocaleString('en')} | ${r.cachedTokens.toLocaleString('en')} | **${(100 * share(r)).toFixed(1)} %** | ${members} |`;
  });
  const [plain, sticky] = results.map(([, r]) => r) as [RunResult, RunResult];
  const uncached = (r: RunResult) => r.promptTokens - r.cachedTokens;
  return [
    SECTION_START,
    `## Sticky pools: vendor prompt-cache hits, ${new Date().toISOString().slice(0, 10)}`,
    '',
    '`npx tsx bench/sticky-cache.ts` (one run, both rows from it). ' +
      `${CONVERSATIONS} stateless /v1/chat/completions conversations of ${TURNS} turns each (every turn resends the whole history, no session: the stickiness key is the conversation's prefix), interleaved turn by turn, through a WEIGHTED pool of two members (weights 3:1) — once with \`sticky: false\`, once with \`sticky: true\`. ` +
      'The upstream is a loopback fake that keeps a prompt cache per member and reports as `cached_tokens` the longest message-boundary prefix it has already seen on that member (4 characters a token); the figures are the usage the gateway answered (`usage.prompt_tokens_details.cached_tokens`). See bench/sticky-cache.ts.',
    '',
    '| pool | requests | prompt tokens | cached tokens | cached share | requests by member |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `Stickiness raises the cached share from ${(100 * share(plain)).toFixed(1)} % to ${(100 * share(sticky)).toFixed(1)} % ` +
      `(uncached prompt tokens ${uncached(plain).toLocaleString('en')} → ${uncached(sticky).toLocaleString('en')}, ×${(uncached(plain) / uncached(sticky)).toFixed(2)} fewer); ` +
      `the ceiling — every turn after the first served from the cache — is ${((100 * sticky.ceilingTokens) / sticky.promptTokens).toFixed(1)} %. ` +
      'The members keep their 3:1 share of the traffic with it: a conversation is drawn by weight on its first turn. Without it a turn goes back to the member that ' +
      "served its conversation's previous turn with probability 0.75² + 0.25² = 0.625 (and sometimes finds an older prefix on the other one).",
    SECTION_END,
  ].join('\n');
}

/** Replaces the section in RESULTS.md (or adds it at the end). */
function spliceIntoResults(text: string): void {
  const file = new URL('./RESULTS.md', import.meta.url);
  const current = readFileSync(file, 'utf8');
  const start = current.indexOf(SECTION_START);
  const end = current.indexOf(SECTION_END);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${text}${current.slice(end + SECTION_END.length)}`
      : `${current.trimEnd()}\n\n${text}\n`;
  writeFileSync(file, next);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await stickyCache((message) => console.log(`[bench] ${message}`));
  spliceIntoResults(text);
  console.log(text);
  process.exit(0);
}
