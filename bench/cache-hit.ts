/**
 * The response cache's hit latency (issue 28), in one run: sequential non-streamed
 * `/v1/chat/completions` over one keep-alive connection — straight to the bench upstream (a
 * streamed call read to its end, what the gateway itself sends), through the gateway asking
 * upstream (`cache-control: no-store`), and through the gateway answered from its cache — and a
 * streamed hit (SSE replay). p50 and p99 of each, and the ratio hit / direct.
 *
 *   npm run bench:cache        (BENCH_REQUESTS, default 1000 per figure; BENCH_TOKEN_DELAY_MS, default 0)
 */
import { Agent, request } from 'undici';
import { startBenchUpstream } from './fake-upstream.js';
import { startGateway } from './gateway.js';
import { quantile, round } from './stats.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const TOKEN_DELAY_MS = Number(process.env.BENCH_TOKEN_DELAY_MS ?? 0);
const agent = new Agent({ connections: 1, pipelining: 1 });

async function timed(url: string, body: unknown, headers: Record<string, string> = {}, expectCache?: string): Promise<number> {
  const started = performance.now();
  const answer = await request(url, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/json', authorization: 'Bearer bench', ...headers },
    body: JSON.stringify(body),
  });
  await answer.body.text();
  const elapsed = performance.now() - started;
  if (answer.statusCode !== 200) throw new Error(`${url} answered ${answer.statusCode}`);
  if (expectCache && answer.headers['x-switchyard-cache'] !== expectCache)
    throw new Error(`expected x-switchyard-cache: ${expectCache}, got ${String(answer.headers['x-switchyard-cache'])}`);
  return elapsed;
}

async function series(run: () => Promise<number>): Promise<number[]> {
  for (let i = 0; i < 100; i++) await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push(await run());
  return times;
}

const upstream = await startBenchUpstream({ tokens: 16, delayMs: TOKEN_DELAY_MS });
const gateway = await startGateway(upstream.url, {
  extraModels: [
    {
      id: 'bench-cached',
      provider: 'openai-compatible',
      upstreamModel: 'bench-model',
      baseUrl: `${upstream.url}/v1`,
      pricing: { input: 1, output: 2 },
      cache: { mode: 'exact', ttlSeconds: 3600 },
    },
  ],
});
try {
  const messages = [{ role: 'user', content: 'What is the capital of France?' }];
  const chat = `${gateway.url}/v1/chat/completions`;
  const direct = await series(() =>
    timed(`${upstream.url}/v1/chat/completions`, { model: 'bench-model', messages, stream: true, stream_options: { include_usage: true } }),
  );
  const miss = await series(() => timed(chat, { model: 'bench-cached', messages }, { 'cache-control': 'no-store' }, 'miss'));
  await timed(chat, { model: 'bench-cached', messages });
  const hit = await series(() => timed(chat, { model: 'bench-cached', messages }, {}, 'hit'));
  const streamedHit = await series(() => timed(chat, { model: 'bench-cached', messages, stream: true }, {}, 'hit'));
  const row = (name: string, t: number[]) =>
    `| ${name} | ${round(quantile(t, 0.5))} | ${round(quantile(t, 0.99))} | ${round(quantile(t, 0.5) / quantile(direct, 0.5), 2)} |`;
  console.log(
    [
      `### Response cache: a hit against the direct upstream call (${REQUESTS} sequential requests each, 16-token answers, ${TOKEN_DELAY_MS} ms between upstream tokens)`,
      '',
      '| path | p50 ms | p99 ms | p50 / direct p50 |',
      '|---|---|---|---|',
      row('direct upstream call (streamed, read to the end)', direct),
      row('gateway, upstream asked (cache-control: no-store)', miss),
      row('gateway, cache hit (JSON)', hit),
      row('gateway, cache hit (stream: true, SSE replay)', streamedHit),
    ].join('\n'),
  );
} finally {
  await gateway.stop();
  await upstream.close();
  await agent.close();
}
