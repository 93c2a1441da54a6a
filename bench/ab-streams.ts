/**
 * A/B on one machine, in one run: the gateway CPU per plain stream (the side-by-side's 64 chunks at
 * once, GraphQL over SSE, graphql-ws and /v1 at 16 and 64 connections), alternating between this
 * checkout's compiled build and another checkout's (BENCH_BASELINE, built with `npm run build`), so
 * that the load of a shared machine falls on both alike. CPU per stream is the gateway process's
 * user + system time over a closed-loop run divided by the streams it completed (as side-by-side.ts).
 * Usage: npm run build && BENCH_BASELINE=/path/to/baseline npx tsx bench/ab-streams.ts
 * Environment: BENCH_ROUNDS (4), BENCH_SECONDS (4) per load.
 */
import { startBenchUpstream } from './fake-upstream.js';
import { cpuMs, type RunningGateway, startGateway } from './gateway.js';
import { agent } from './load.js';
import { round, summary } from './stats.js';
import { closedLoop, type StreamOnce, switchyardOpenAISse, switchyardSse, switchyardWs } from './stream-clients.js';

const baseline = process.env.BENCH_BASELINE;
if (!baseline) throw new Error('set BENCH_BASELINE to the checkout to compare with (built with npm run build)');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const TOKENS = 64;
const { startGateway: startBaseline } = (await import(`${baseline}/bench/gateway.ts`)) as { startGateway: typeof startGateway };

const fast = await startBenchUpstream({ tokens: TOKENS, delayMs: 0 });
const extraModels = [
  {
    id: 'bench-fast',
    provider: 'openai-compatible',
    upstreamModel: 'bench-model',
    baseUrl: `${fast.url}/v1`,
    pricing: { input: 1, output: 2 },
  },
];
const gateways: Record<'baseline' | 'this', RunningGateway> = {
  baseline: await startBaseline(fast.url, { compiled: true, extraModels }),
  this: await startGateway(fast.url, { compiled: true, extraModels }),
};

type Path = 'GraphQL SSE' | 'graphql-ws' | '/v1 SSE';
const PATHS: readonly Path[] = ['GraphQL SSE', 'graphql-ws', '/v1 SSE'];
const CONNECTIONS = [16, 64] as const;
interface Clients {
  readonly ws: ReadonlyArray<{ stream: StreamOnce; close(): void }>;
  streams(path: Path, n: number): StreamOnce[];
}
async function clientsOf(url: string): Promise<Clients> {
  const ws = await Promise.all(Array.from({ length: 64 }, () => switchyardWs(url, 'bench-fast')));
  return {
    ws,
    streams: (path, n) =>
      path === 'graphql-ws'
        ? ws.slice(0, n).map((w) => w.stream)
        : Array.from({ length: n }, () => (path === '/v1 SSE' ? switchyardOpenAISse(url, 'bench-fast') : switchyardSse(url, 'bench-fast'))),
  };
}
const clients: Record<'baseline' | 'this', Clients> = {
  baseline: await clientsOf(gateways.baseline.url),
  this: await clientsOf(gateways.this.url),
};

const cpuPerStream: Record<string, number[]> = {};
async function measure(name: 'baseline' | 'this', path: Path, n: number, seconds: number, record: boolean): Promise<void> {
  const pid = gateways[name].pid;
  const before = cpuMs(pid);
  const result = await closedLoop(clients[name].streams(path, n), seconds, TOKENS);
  const cpu = (cpuMs(pid) - before) / (result.streamsPerSecond * seconds);
  if (result.errors > 0) console.log(`${name} ${path} @${n}: ${result.errors} streams failed or missed tokens`);
  if (!record) return;
  const key = `${path} @${n} ${name}`;
  cpuPerStream[key] = [...(cpuPerStream[key] ?? []), cpu];
  console.log(`${name} ${path} @${n}: ${round(result.streamsPerSecond, 1)} streams/s, CPU ${round(cpu, 3)} ms per stream`);
}

console.log('warming up');
for (const name of ['baseline', 'this'] as const) for (const path of PATHS) await measure(name, path, 16, 3, false);
for (let r = 0; r < ROUNDS; r++) {
  console.log(`round ${r + 1}/${ROUNDS}`);
  for (const n of CONNECTIONS)
    for (const path of PATHS)
      for (const name of r % 2 ? (['this', 'baseline'] as const) : (['baseline', 'this'] as const))
        await measure(name, path, n, SECONDS, true);
}

console.log(
  '\n| gateway CPU per plain stream (64 chunks at once) | baseline median | this median | this / baseline | baseline, each round | this, each round |',
);
console.log('|---|---|---|---|---|---|');
for (const n of CONNECTIONS)
  for (const path of PATHS) {
    const a = cpuPerStream[`${path} @${n} baseline`] ?? [];
    const b = cpuPerStream[`${path} @${n} this`] ?? [];
    const [ma, mb] = [summary(a).median, summary(b).median];
    console.log(
      `| ${path}, ${n} connections | ${round(ma, 3)} ms | ${round(mb, 3)} ms | ${round(mb / ma, 3)} | ${a.map((v) => round(v, 2)).join(' / ')} | ${b.map((v) => round(v, 2)).join(' / ')} |`,
    );
  }
for (const c of Object.values(clients)) for (const w of c.ws) w.close();
for (const gw of Object.values(gateways)) await gw.stop();
await fast.close();
await agent.close();
process.exit(0);
