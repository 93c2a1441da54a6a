/**
 * `npm run bench`: measures Switchyard on this machine against a loopback OpenAI-compatible
 * upstream and writes bench/RESULTS.md and bench/results.json. Every figure is taken REPEATS
 * times and reported as min / median / max; then the side-by-side section against Portkey's
 * gateway (bench/side-by-side.ts, which installs the pinned peer in bench/peer on first use) and
 * the web console's first load in Chromium (bench/console-load.ts) and several instances on
 * PostgreSQL + Redis (bench/instances.ts; BENCH_INSTANCES=0 leaves it out).
 * Environment: BENCH_REPEATS (3), BENCH_REQUESTS (2000), BENCH_SECONDS (5), BENCH_GENERATIONS
 * (1000000), BENCH_SIDE_BY_SIDE=0 to leave the side-by-side section out.
 */
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { consoleLoad } from './console-load.js';
import { instancesBench } from './instances.js';
import { seedGenerations } from './costs-bench.js';
import { startBenchUpstream } from './fake-upstream.js';
import { rssMb, startGateway } from './gateway.js';
import { agent, GENERATE, post, streamOnce, wsClient } from './load.js';
import { addedLatency, sessionTurns, startKeyedGateway, streamsPerSecond, switchFanOut, throughput, tokenRelay } from './scenarios.js';
import { sideBySide } from './side-by-side.js';
import { round, summary } from './stats.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const GENERATIONS = Number(process.env.BENCH_GENERATIONS ?? 1_000_000);

interface Figure {
  name: string;
  unit: string;
  goal: string;
  /** Whether a value meets the goal. */
  meets: (value: number) => boolean;
  values: number[];
}

const figures: Figure[] = [];
function figure(name: string, unit: string, goal: string, meets: (v: number) => boolean): Figure {
  const f = { name, unit, goal, meets, values: [] as number[] };
  figures.push(f);
  return f;
}

const log = (message: string) => console.log(`[bench] ${message}`);

async function main(): Promise<void> {
  const started = Date.now();
  log('building (npm run build): the gateway runs compiled, as in production');
  execSync('npm run build', { cwd: new URL('..', import.meta.url).pathname, stdio: 'ignore' });
  const upstream = await startBenchUpstream({ tokens: 16, delayMs: 0 });
  const longUpstream = await startBenchUpstream({ tokens: 200, delayMs: 0 });
  const gw = await startGateway(upstream.url, {
    compiled: true,
    extraModels: [
      {
        id: 'bench-long',
        provider: 'openai-compatible',
        upstreamModel: 'bench-model',
        baseUrl: `${longUpstream.url}/v1`,
        pricing: { input: 1, output: 2 },
      },
    ],
  });
  log(`gateway pid ${gw.pid} at ${gw.url}; upstream ${upstream.url}`);
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const idle = figure('RSS idle (a fresh gateway after 200 generates and 20 streams)', 'MB', '—', () => true);
  const genP50 = figure('added latency, generate, p50', 'ms', '≤ 0.5 ms', (v) => v <= 0.5);
  const genP99 = figure('added latency, generate, p99', 'ms', '≤ 2 ms', (v) => v <= 2);
  const ttftP50 = figure('added time to first token, generateStream, p50', 'ms', '≤ 1 ms', (v) => v <= 1);
  const ttftP99 = figure('added time to first token, generateStream, p99', 'ms', '—', () => true);
  const rps16 = figure('generate throughput, 16 connections', 'req/s', '—', () => true);
  const p99at16 = figure('generate latency p99, 16 connections', 'ms', '—', () => true);
  const rps64 = figure('generate throughput, 64 connections', 'req/s', '≥ 4,000 req/s', (v) => v >= 4000);
  const p99at64 = figure('generate latency p99, 64 connections', 'ms', '—', () => true);
  const loadRss = figure('RSS under load (64 connections, peak)', 'MB', '—', () => true);
  const rpsKeyed = figure('generate throughput, 64 connections, every request with an API key', 'req/s', '—', () => true);
  const turns = figure('generate in sessions: 16 conversations of 40 turns at once', 'turns/s', '—', () => true);
  const sps = figure('generateStream completions, 16 connections', 'streams/s', '—', () => true);
  const relay = figure('token relay, 100 concurrent streams of 200 tokens', 'tokens/s', '—', () => true);
  const switchP50 = figure('switch-to-event, 1,000 subscribers, p50', 'ms', '—', () => true);
  const switchP99 = figure('switch-to-event, 1,000 subscribers, p99', 'ms', '≤ 5 ms', (v) => v <= 5);
  const switchFirst = figure('switch-to-event, to the first of the 1,000 (median over switches)', 'ms', '—', () => true);
  const switchLast = figure('switch-to-event, to the last of the 1,000 (median over switches)', 'ms', '—', () => true);
  const switchServer = figure('switchModel received → event published, in the gateway, p50', 'ms', '—', () => true);
  const subsRss = figure('RSS with 1,000 open subscriptions (the same fresh gateway)', 'MB', '≤ 150 MB', (v) => v <= 150);
  const costsMs = figure(`costs(groupBy: MODEL) over ${GENERATIONS.toLocaleString('en')} generations`, 'ms', '≤ 500 ms', (v) => v <= 500);
  const costsDayMs = figure(`costs(groupBy: DAY) over ${GENERATIONS.toLocaleString('en')} generations`, 'ms', '—', () => true);

  for (let r = 1; r <= REPEATS; r++) {
    log(`repeat ${r}/${REPEATS}`);
    const latency = await addedLatency(gw, upstream.url, REQUESTS);
    genP50.values.push(latency.generateAddedP50);
    genP99.values.push(latency.generateAddedP99);
    ttftP50.values.push(latency.firstTokenAddedP50);
    ttftP99.values.push(latency.firstTokenAddedP99);
    log(`latency: direct p50 ${round(latency.directP50)} ms, via gateway p50 ${round(latency.gatewayP50)} ms`);
    const t16 = await throughput(gw, 16, SECONDS);
    rps16.values.push(t16.requestsPerSecond);
    p99at16.values.push(t16.latencyP99);
    const t64 = await throughput(gw, 64, SECONDS);
    rps64.values.push(t64.requestsPerSecond);
    p99at64.values.push(t64.latencyP99);
    loadRss.values.push(t64.peakRssMb);
    const keyed = await startKeyedGateway(upstream.url);
    await throughput(keyed.gw, 8, 1, keyed.key); // warm up
    rpsKeyed.values.push((await throughput(keyed.gw, 64, SECONDS, keyed.key)).requestsPerSecond);
    await keyed.gw.stop();
    log(
      `throughput: ${round(t16.requestsPerSecond, 0)} req/s at 16, ${round(t64.requestsPerSecond, 0)} req/s at 64 (errors ${t16.errors + t64.errors})`,
    );
    turns.values.push((await sessionTurns(gw, 16, 40)).turnsPerSecond);
    sps.values.push((await streamsPerSecond(gw, 16, SECONDS)).streamsPerSecond);
    relay.values.push((await tokenRelay(gw, 100, 'bench-long')).tokensPerSecond);
    // Subscriptions on a fresh gateway, so their memory is not mixed with what the load runs left.
    const fresh = await startGateway(upstream.url, { compiled: true });
    for (let i = 0; i < 200; i++) await post(`${fresh.url}/graphql`, GENERATE);
    const warm = wsClient(fresh.url);
    for (let i = 0; i < 20; i++) await streamOnce(warm);
    await warm.dispose();
    idle.values.push(rssMb(fresh.pid));
    const fan = await switchFanOut(fresh, 1000, 30);
    await fresh.stop();
    switchP50.values.push(fan.deliveryP50);
    switchP99.values.push(fan.deliveryP99);
    switchFirst.values.push(fan.firstP50);
    switchLast.values.push(fan.lastP50);
    switchServer.values.push(fan.serverP50);
    subsRss.values.push(fan.rssWithSubscribersMb);
    log(
      `switch fan-out to ${fan.subscribers}: p50 ${round(fan.deliveryP50)} ms, p99 ${round(fan.deliveryP99)} ms; RSS idle ${round(idle.values.at(-1) ?? 0, 1)} MB, with subscribers ${round(fan.rssWithSubscribersMb, 1)} MB`,
    );
  }
  await gw.stop();

  log(`seeding ${GENERATIONS} generations`);
  const seeded = await seedGenerations(GENERATIONS);
  log(`seeded in ${round(seeded.seconds, 1)} s`);
  const costsGw = await startGateway(upstream.url, { dbPath: seeded.dbPath, compiled: true });
  const timeCosts = async (groupBy: string) => {
    const t0 = performance.now();
    const response = await fetch(`${costsGw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ costs(groupBy: ${groupBy}) { totals { requests } groups { key costMicroUsd } } }` }),
    });
    const body = (await response.json()) as { data?: { costs: { totals: { requests: number } } }; errors?: unknown };
    if (!body.data || body.data.costs.totals.requests !== GENERATIONS)
      throw new Error(`costs answered ${JSON.stringify(body).slice(0, 300)}`);
    return performance.now() - t0;
  };
  await timeCosts('MODEL');
  for (let r = 0; r < REPEATS; r++) {
    costsMs.values.push(await timeCosts('MODEL'));
    costsDayMs.values.push(await timeCosts('DAY'));
  }
  await costsGw.stop();
  await Promise.all([upstream.close(), longUpstream.close()]);
  const consoleSection = await consoleLoad({ repeats: Math.max(REPEATS, 5), log });
  const instancesSection =
    process.env.BENCH_INSTANCES === '0'
      ? ''
      : await instancesBench({ seconds: SECONDS, requests: Math.min(REQUESTS, 1000), repeats: REPEATS, log });
  const side =
    process.env.BENCH_SIDE_BY_SIDE === '0' ? '' : await sideBySide({ seconds: SECONDS, repeats: REPEATS, requests: REQUESTS, log });
  await agent.close();
  write(started, side, `${consoleSection}\n\n${instancesSection}`);
}

function write(started: number, sideBySideSection: string, consoleSection: string): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const rows = figures.map((f) => {
    const s = summary(f.values);
    const verdict = f.goal === '—' ? '' : f.meets(s.median) ? 'met' : '**not met**';
    return `| ${f.name} | ${round(s.min, 3)} | ${round(s.median, 3)} | ${round(s.max, 3)} | ${f.unit} | ${f.goal} | ${verdict} |`;
  });
  const command = `npm run bench${process.env.BENCH_REPEATS ? ` (BENCH_REPEATS=${REPEATS})` : ''}`;
  const text = `# Benchmark results

Command: \`${command}\` — ${REPEATS} repeats, ${REQUESTS} sequential requests per latency figure, ${SECONDS} s per load figure.
Machine: ${cpus().length} × ${cpu}, ${round(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, ${new Date(started).toISOString()}.
Setup: Switchyard (its own process, the compiled build as \`npm run start:dist\` runs it, SQLite file, logs at info) in front of a loopback
OpenAI-compatible upstream (bench/fake-upstream.ts, 16 tokens per answer, no delay); the load generator, the
upstream and the gateway share the machine. Added latency is the gateway's p50/p99 minus the direct call's
p50/p99 over the same number of sequential requests. Wall time: ${round((Date.now() - started) / 1000, 0)} s.

| figure | min | median | max | unit | goal | median vs goal |
|---|---|---|---|---|---|---|
${rows.join('\n')}

See bench/README.md for what each figure measures and what limits the ones not met.

${consoleSection}
${sideBySideSection ? `\n${sideBySideSection}\n${readFileSync(new URL('./SIDE-BY-SIDE-LIMITS.md', import.meta.url), 'utf8')}` : ''}`;
  writeFileSync(new URL('./RESULTS.md', import.meta.url), text);
  writeFileSync(
    new URL('./results.json', import.meta.url),
    `${JSON.stringify({ command, startedAt: new Date(started).toISOString(), machine: { cpus: cpus().length, cpu, node: process.version }, figures: figures.map((f) => ({ name: f.name, unit: f.unit, goal: f.goal, values: f.values, ...summary(f.values) })) }, null, 2)}\n`,
  );
  log('wrote bench/RESULTS.md and bench/results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
