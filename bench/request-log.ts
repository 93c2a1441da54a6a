/**
 * The request log's cost (SPEC §17): generate throughput with requestLog mode `full` against
 * `metadata`, in one run. Two gateways (the sources under tsx, as `npm start` runs them; SQLite
 * files) in front of one loopback upstream,
 * loaded in turn — metadata, full, metadata, full … — with autocannon at 16 connections, each
 * request carrying a ~3 kB conversation (system, user, assistant, user) with a vendor key in it, so
 * `full` logs and redacts a real request. `npm run bench:request-log` writes its section of RESULTS.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { startBenchUpstream } from './fake-upstream.js';
import { cpus, loadavg } from 'node:os';
import { cpuMs, type RunningGateway, startGateway } from './gateway.js';
import { agent } from './load.js';
import { round, summary } from './stats.js';

const SECTION_START = '<!-- request-log -->';
const SECTION_END = '<!-- /request-log -->';
const CONNECTIONS = 16;

const filler = (words: number, seed: string) => Array.from({ length: words }, (_, i) => `${seed}${i % 97}`).join(' ');
const BODY = JSON.stringify({
  query: 'mutation($input: GenerateInput!) { generate(input: $input) { id } }',
  variables: {
    input: {
      messages: [
        { role: 'SYSTEM', content: `You are a support agent. ${filler(120, 'policy')}` },
        { role: 'USER', content: `My key sk-proj-${'Ab12'.repeat(10)} stopped working. ${filler(120, 'detail')}` },
        { role: 'ASSISTANT', content: `Let us check. ${filler(80, 'step')}` },
        { role: 'USER', content: `Still failing: ${filler(60, 'log')}` },
      ],
    },
  },
});

/** One round: the throughput, and the gateway's CPU time per request (less sensitive than throughput to other work on the machine). */
async function load(gw: RunningGateway, seconds: number) {
  const cpuBefore = cpuMs(gw.pid);
  const result = await autocannon({
    url: `${gw.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections: CONNECTIONS,
    duration: seconds,
  });
  if (result.errors + result.non2xx > 0) throw new Error(`${result.errors + result.non2xx} requests failed`);
  return { rate: result.requests.average, cpuPerRequest: (cpuMs(gw.pid) - cpuBefore) / result.requests.total };
}

export async function requestLogBench(options: { seconds: number; repeats: number; log: (m: string) => void }): Promise<string> {
  const upstream = await startBenchUpstream({ tokens: 16, delayMs: 0 });
  const metadata = await startGateway(upstream.url, { config: { requestLog: { mode: 'metadata' } } });
  const full = await startGateway(upstream.url, { config: { requestLog: { mode: 'full' } } });
  const rates = { metadata: [] as number[], full: [] as number[] };
  const cpu = { metadata: [] as number[], full: [] as number[] };
  try {
    // The gateways run the sources under tsx: they need a while of load before V8 has compiled their hot paths.
    options.log('warm-up');
    for (let i = 0; i < 2; i++) {
      await load(metadata, options.seconds);
      await load(full, options.seconds);
    }
    for (let i = 0; i < options.repeats; i++) {
      const m = await load(metadata, options.seconds);
      const f = await load(full, options.seconds);
      rates.metadata.push(m.rate);
      rates.full.push(f.rate);
      cpu.metadata.push(m.cpuPerRequest);
      cpu.full.push(f.cpuPerRequest);
      options.log(
        `repeat ${i + 1}: metadata ${m.rate} req/s ${round(m.cpuPerRequest)} cpu-ms/req, full ${f.rate} req/s ${round(f.cpuPerRequest)} cpu-ms/req`,
      );
    }
  } finally {
    await metadata.stop();
    await full.stop();
    await upstream.close();
  }
  const m = summary(rates.metadata);
  const f = summary(rates.full);
  // Each repeat pairs two neighbouring runs: the cost of `full` is judged on the median of the pairs' ratios.
  const costs = rates.full.map((rate, i) => 1 - rate / (rates.metadata[i] as number));
  const c = summary(costs);
  const pct = (v: number) => round(v * 100, 1);
  const cm = summary(cpu.metadata);
  const cf = summary(cpu.full);
  const cpuCosts = summary(cpu.full.map((ms, i) => ms / (cpu.metadata[i] as number) - 1));
  const load1 = round(loadavg()[0] ?? 0, 1);
  const met = c.median < 0.1 ? 'met' : '**not met**';
  return `${SECTION_START}
## Request log: full vs metadata

Command: \`npm run bench:request-log\` — after 2 warm-up rounds, ${options.repeats} repeats of ${options.seconds} s per mode, alternating, ${CONNECTIONS} connections, ${new Date().toISOString()}.
Two gateways (the sources under tsx, as \`npm start\` runs them; SQLite files) in front of bench/fake-upstream.ts (16 tokens, no delay), differing only in \`requestLog.mode\`;
every \`generate\` carries a ~3 kB four-message conversation with an OpenAI-shaped key in it (redacted in the log).
The machine's 1-minute load average at the end was ${load1} on ${cpus().length} cores (other work shares it): throughput moves with that
work from round to round; the gateway's own CPU time per request moves much less, and is the figure to compare.

| figure | min | median | max | unit | goal | median vs goal |
|---|---|---|---|---|---|---|
| generate throughput, requestLog metadata | ${round(m.min, 1)} | ${round(m.median, 1)} | ${round(m.max, 1)} | req/s | — |  |
| generate throughput, requestLog full | ${round(f.min, 1)} | ${round(f.median, 1)} | ${round(f.max, 1)} | req/s | — |  |
| throughput lost to full logging (1 − full/metadata, per repeat) | ${pct(c.min)} | ${pct(c.median)} | ${pct(c.max)} | % | < 10 % | ${met} |
| gateway CPU per request, requestLog metadata | ${round(cm.min, 2)} | ${round(cm.median, 2)} | ${round(cm.max, 2)} | ms | — |  |
| gateway CPU per request, requestLog full | ${round(cf.min, 2)} | ${round(cf.median, 2)} | ${round(cf.max, 2)} | ms | — |  |
| CPU added by full logging (full/metadata − 1, per repeat) | ${pct(cpuCosts.min)} | ${pct(cpuCosts.median)} | ${pct(cpuCosts.max)} | % | < 10 % | ${cpuCosts.median < 0.1 ? 'met' : '**not met**'} |
${SECTION_END}`;
}

function spliceIntoResults(section: string): void {
  const file = new URL('./RESULTS.md', import.meta.url);
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(SECTION_START);
  const end = text.indexOf(SECTION_END);
  writeFileSync(
    file,
    start >= 0 && end > start
      ? `${text.slice(0, start)}${section}${text.slice(end + SECTION_END.length)}`
      : `${text.trimEnd()}\n\n${section}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = (message: string) => console.log(`[bench] ${message}`);
  const section = await requestLogBench({
    seconds: Number(process.env.BENCH_SECONDS ?? 5),
    repeats: Number(process.env.BENCH_REPEATS ?? 5),
    log,
  });
  spliceIntoResults(section);
  console.log(section);
  await agent.close();
  process.exit(0);
}
