/**
 * What traces cost (issue 28): /v1/chat/completions throughput and latency of one gateway with
 * tracing off (no OTEL_* variable) and one with it on (OTEL_EXPORTER_OTLP_ENDPOINT pointing at a
 * local OTLP/HTTP sink that reads and drops what it gets, every request sampled: 4 spans each),
 * measured in turns in one run against the bench upstream. `npm run bench:tracing` replaces its
 * section of bench/RESULTS.md. Knobs: BENCH_REPEATS (3), BENCH_SECONDS (5), BENCH_CONNECTIONS (16).
 */
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { startBenchUpstream } from './fake-upstream.js';
import { type RunningGateway, startGateway } from './gateway.js';
import { round, summary } from './stats.js';

const ROOT = new URL('..', import.meta.url).pathname;
const SECTION_START = '<!-- tracing -->';
const SECTION_END = '<!-- /tracing -->';
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const BODY = JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: 'hello bench' }] });

/** An OTLP/HTTP endpoint that takes every export and keeps only the byte count. */
async function startSink(): Promise<{ url: string; bytes: () => number; close(): Promise<void> }> {
  let bytes = 0;
  const server = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => res.end('{}'));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bytes: () => bytes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function load(gw: RunningGateway) {
  const result = await autocannon({
    url: `${gw.url}/v1/chat/completions`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: BODY,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function main(): Promise<void> {
  const upstream = await startBenchUpstream({ tokens: 16, delayMs: 0 });
  const sink = await startSink();
  const off = await startGateway(upstream.url);
  const on = await startGateway(upstream.url, { env: { OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_SERVICE_NAME: 'switchyard-bench' } });
  const runs: Record<'off' | 'on', Awaited<ReturnType<typeof load>>[]> = { off: [], on: [] };
  try {
    await load(off); // warm-up, both
    await load(on);
    for (let r = 0; r < REPEATS; r++) {
      runs.off.push(await load(off));
      runs.on.push(await load(on));
    }
  } finally {
    await Promise.all([off.stop(), on.stop()]);
    await sink.close();
    await upstream.close();
  }
  const row = (name: string, list: typeof runs.off) => {
    const rps = summary(list.map((x) => x.rps));
    const p50 = summary(list.map((x) => x.p50));
    const p99 = summary(list.map((x) => x.p99));
    const errors = list.reduce((sum, x) => sum + x.errors, 0);
    return `| ${name} | ${round(rps.median, 0)} (${round(rps.min, 0)}–${round(rps.max, 0)}) | ${p50.median} | ${p99.median} | ${errors} |`;
  };
  const ratio = summary(runs.on.map((x, i) => x.rps / (runs.off[i]?.rps ?? x.rps)));
  const section = [
    SECTION_START,
    `## Traces: tracing off against on, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `\`npm run bench:tracing\` (bench/tracing.ts): two gateway processes (sources under tsx) on one bench upstream (16 tokens, no delay), one with no OTEL_* variable, one with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a local OTLP/HTTP sink (every request sampled: 4 spans); autocannon posting /v1/chat/completions at ${CONNECTIONS} connections for ${SECONDS} s, the two in turns, ${REPEATS} repeats after one warm-up each. The sink received ${round(sink.bytes() / 1024 / 1024, 1)} MiB of spans.`,
    '',
    '| tracing | req/s median (min–max) | p50 ms | p99 ms | errors |',
    '|---|---|---|---|---|',
    row('off', runs.off),
    row('on', runs.on),
    '',
    `Throughput with tracing on, as a share of off in the same repeat: median ${round(ratio.median * 100, 1)}% (min ${round(ratio.min * 100, 1)}%, max ${round(ratio.max * 100, 1)}%).`,
    SECTION_END,
  ].join('\n');
  const path = `${ROOT}bench/RESULTS.md`;
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(SECTION_START);
  const end = text.indexOf(SECTION_END);
  writeFileSync(
    path,
    start >= 0 && end > start ? text.slice(0, start) + section + text.slice(end + SECTION_END.length) : `${text.trimEnd()}\n\n${section}\n`,
  );
  console.log(section);
}

await main();
