/**
 * `npm run bench:side-by-side`: Switchyard and Portkey's gateway (bench/peer, pinned, installed
 * here) in front of the same loopback OpenAI-compatible upstream, streaming over SSE: closed-loop
 * clients, each starting its next stream when the last ended. Switchyard is asked through GraphQL
 * over SSE (`generateStream`), Portkey through its OpenAI route. Prints the figures and writes
 * bench/SIDE-BY-SIDE.md. Environment: BENCH_SECONDS (5), BENCH_REPEATS (3).
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'undici';
import { startBenchUpstream } from './fake-upstream.js';
import { rssMb, startGateway } from './gateway.js';
import { agent, STREAM_QUERY } from './load.js';
import { startPeer } from './peer.js';
import { quantile, round, summary } from './stats.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

/** One SSE stream: time to the first token, to the end, and the tokens received. */
type StreamOnce = () => Promise<{ firstTokenMs: number; totalMs: number; tokens: number }>;

async function readSse(url: string, headers: Record<string, string>, body: string, isToken: (data: string) => boolean) {
  const started = performance.now();
  const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
  if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${await response.body.text()}`);
  let firstTokenMs = Number.NaN;
  let tokens = 0;
  let rest = '';
  for await (const chunk of response.body) {
    rest += chunk.toString();
    let end = rest.indexOf('\n\n');
    while (end !== -1) {
      const event = rest.slice(0, end);
      rest = rest.slice(end + 2);
      const data = event.split('\n').find((line) => line.startsWith('data:'))?.slice(5).trim() ?? '';
      if (data && isToken(data)) {
        if (Number.isNaN(firstTokenMs)) firstTokenMs = performance.now() - started;
        tokens++;
      }
      end = rest.indexOf('\n\n');
    }
  }
  return { firstTokenMs, totalMs: performance.now() - started, tokens };
}

function switchyardStream(baseUrl: string): StreamOnce {
  const body = JSON.stringify({ query: STREAM_QUERY, variables: { m: 'bench' } });
  return () => readSse(`${baseUrl}/graphql`, { 'content-type': 'application/json', accept: 'text/event-stream' }, body, (data) => data.includes('"TokenDelta"'));
}

function peerStream(peerUrl: string, upstreamUrl: string): StreamOnce {
  const body = JSON.stringify({ model: 'bench-model', stream: true, messages: [{ role: 'user', content: 'hello bench' }] });
  const headers = { 'content-type': 'application/json', authorization: 'Bearer sk-bench', 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `${upstreamUrl}/v1` };
  return () => readSse(`${peerUrl}/v1/chat/completions`, headers, body, (data) => data.includes('"content":" tok'));
}

/** `connections` clients streaming back to back for SECONDS. */
async function closedLoop(stream: StreamOnce, connections: number) {
  const until = performance.now() + SECONDS * 1000;
  const totals: number[] = [];
  const firsts: number[] = [];
  let tokens = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        try {
          const r = await stream();
          totals.push(r.totalMs);
          firsts.push(r.firstTokenMs);
          tokens += r.tokens;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { streamsPerSecond: totals.length / SECONDS, totalP50: quantile(totals, 0.5), firstP50: quantile(firsts, 0.5), tokensPerStream: tokens / Math.max(1, totals.length), errors };
}

async function main(): Promise<void> {
  execSync('npm run build', { cwd: new URL('..', import.meta.url).pathname, stdio: 'ignore' });
  const upstream = await startBenchUpstream({ tokens: 64, delayMs: 0 }); // 64 chunks sent at once
  const gw = await startGateway(upstream.url, { compiled: true });
  const peer = await startPeer();
  const rows: string[] = [];
  try {
    const subjects = { switchyard: { stream: switchyardStream(gw.url), pid: gw.pid }, portkey: { stream: peerStream(peer.url, upstream.url), pid: peer.pid } };
    for (const s of Object.values(subjects)) for (let i = 0; i < 20; i++) await s.stream(); // warm up
    for (const connections of [16, 64]) {
      const figures: Record<string, { sps: number[]; total: number[]; first: number[]; rss: number[] }> = {};
      for (let r = 0; r < REPEATS; r++) {
        for (const [name, s] of Object.entries(subjects)) {
          const result = await closedLoop(s.stream, connections);
          if (result.errors) console.log(`[side-by-side] ${name}: ${result.errors} failed streams`);
          const f = (figures[name] ??= { sps: [], total: [], first: [], rss: [] });
          f.sps.push(result.streamsPerSecond);
          f.total.push(result.totalP50);
          f.first.push(result.firstP50);
          f.rss.push(rssMb(s.pid));
          console.log(`[side-by-side] ${name} @${connections}: ${round(result.streamsPerSecond, 1)} streams/s, p50 ${round(result.totalP50, 2)} ms, first token p50 ${round(result.firstP50, 2)} ms, ${round(result.tokensPerStream, 1)} tokens/stream`);
        }
      }
      const median = (v: number[]) => summary(v).median;
      const sy = figures.switchyard;
      const pk = figures.portkey;
      if (!sy || !pk) continue;
      rows.push(`| streams/s, ${connections} connections, GraphQL over SSE vs OpenAI SSE | ${round(median(pk.sps), 1)} | ${round(median(sy.sps), 1)} | ${round(median(sy.sps) / median(pk.sps), 2)} |`);
      rows.push(`| whole stream p50, ${connections} connections (ms) | ${round(median(pk.total), 2)} | ${round(median(sy.total), 2)} | ${round(median(sy.total) / median(pk.total), 2)} |`);
      rows.push(`| first token p50, ${connections} connections (ms) | ${round(median(pk.first), 2)} | ${round(median(sy.first), 2)} | ${round(median(sy.first) / median(pk.first), 2)} |`);
      rows.push(`| RSS after the ${connections}-connection runs (MB) | ${round(median(pk.rss), 1)} | ${round(median(sy.rss), 1)} | ${round(median(sy.rss) / median(pk.rss), 2)} |`);
    }
  } finally {
    await gw.stop();
    await peer.stop();
    await upstream.close();
  }
  const text = [
    '# Side by side: Switchyard and Portkey (streaming)',
    '',
    `Command: \`npm run bench:side-by-side\` — ${REPEATS} repeats of ${SECONDS} s per figure, medians; ${new Date().toISOString()}.`,
    'Both in front of the same loopback OpenAI-compatible upstream (bench/fake-upstream.ts, 64 chunks sent at once), each its own process',
    '(Switchyard compiled, logs at info; @portkey-ai/gateway 1.15.2 from bench/peer, headless), closed-loop clients on this machine.',
    '',
    '| figure | Portkey 1.15.2 | Switchyard | Switchyard / Portkey |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(new URL('./SIDE-BY-SIDE.md', import.meta.url), text);
  console.log(text);
  process.exit(0);
}

await main();
