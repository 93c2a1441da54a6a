/**
 * A/B on one machine, in one run: token relay (100 graphql-ws streams of 200 tokens) and the
 * switch fan-out (1,000 subscribers, 30 switches), alternating between this checkout's compiled
 * build and another checkout's (BENCH_BASELINE, e.g. a `git worktree` of the previous release,
 * built with `npm run build`), so that drift in the machine's load falls on both alike.
 * Usage: npm run build && BENCH_BASELINE=/path/to/baseline npx tsx bench/ab.ts
 */
import { startBenchUpstream } from './fake-upstream.js';
import { type RunningGateway, startGateway } from './gateway.js';
import { switchFanOut, tokenRelay } from './scenarios.js';

const baseline = process.env.BENCH_BASELINE;
if (!baseline) throw new Error('set BENCH_BASELINE to the checkout to compare with (built with npm run build)');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const { startGateway: startBaseline } = (await import(`${baseline}/bench/gateway.ts`)) as { startGateway: typeof startGateway };

const upstream = await startBenchUpstream({ tokens: 16, delayMs: 0 });
const longUpstream = await startBenchUpstream({ tokens: 200, delayMs: 0 });
const extraModels = [
  {
    id: 'bench-long',
    provider: 'openai-compatible',
    upstreamModel: 'bench-model',
    baseUrl: `${longUpstream.url}/v1`,
    pricing: { input: 1, output: 2 },
  },
];
const gateways: Record<'baseline' | 'this', RunningGateway> = {
  baseline: await startBaseline(upstream.url, { compiled: true, extraModels }),
  this: await startGateway(upstream.url, { compiled: true, extraModels }),
};
const relay: Record<string, number[]> = { baseline: [], this: [] };
const fanOut: Record<string, string[]> = { baseline: [], this: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const name of round % 2 ? (['this', 'baseline'] as const) : (['baseline', 'this'] as const)) {
    relay[name]?.push(Math.round((await tokenRelay(gateways[name], 100, 'bench-long')).tokensPerSecond));
    const fan = await switchFanOut(gateways[name], 1000, 30);
    fanOut[name]?.push(`${fan.deliveryP50.toFixed(1)} / ${fan.deliveryP99.toFixed(1)}`);
  }
}
console.log('token relay, tokens/s, each round:', JSON.stringify(relay));
console.log('switch-to-event p50 / p99 ms, 1,000 subscribers, each round:', JSON.stringify(fanOut));
for (const gw of Object.values(gateways)) await gw.stop();
process.exit(0);
