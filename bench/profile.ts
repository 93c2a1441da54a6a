/**
 * `npm run bench:profile -- <generate|generate1|sse|stream|fanout> [seconds]`: runs the gateway under
 * `node --cpu-prof`, drives one load shape, stops the gateway (SIGTERM writes the profile) and
 * prints where the gateway's CPU went during the load window only (start-up excluded): self time
 * per function and per package. The raw `.cpuprofile` is kept (path printed) for Chrome DevTools.
 * PROFILE_COMPILED=1 profiles dist/ (the compiled build) instead of the sources under tsx. The upstream
 * sends PROFILE_TOKENS chunks (16), PROFILE_DELAY_MS apart (0: at once); `sse` runs PROFILE_CONNECTIONS (16) clients.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startBenchUpstream } from './fake-upstream.js';
import { startGateway } from './gateway.js';
import { agent, GENERATE, post } from './load.js';
import { closedLoop, switchyardSse } from './stream-clients.js';
import { streamsPerSecond, switchFanOut } from './scenarios.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const scenario = process.argv[2] ?? 'generate';
const seconds = Number(process.argv[3] ?? 6);
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

async function drive(url: string): Promise<void> {
  const gw = { url } as Parameters<typeof streamsPerSecond>[0];
  if (scenario === 'generate') {
    const result = await autocannon({
      url: `${url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: GENERATE,
      connections: 64,
      duration: seconds,
    });
    console.log(
      `generate at 64 connections (profiled, so slower than the bench): ${result.requests.average} req/s, p99 ${result.latency.p99} ms, ${result.errors + result.non2xx} errors`,
    );
  } else if (scenario === 'generate1') {
    const until = performance.now() + seconds * 1000;
    let n = 0;
    for (; performance.now() < until; n++) await post(`${url}/graphql`, GENERATE);
    console.log(`generate at 1 connection, sequential (profiled): ${(n / seconds).toFixed(0)} req/s`);
  } else if (scenario === 'sse') {
    const streams = Array.from({ length: Number(process.env.PROFILE_CONNECTIONS ?? 16) }, () => switchyardSse(url, 'bench'));
    console.log(
      `generateStream over SSE at ${streams.length} connections (profiled): ${(await closedLoop(streams, seconds, Number(process.env.PROFILE_TOKENS ?? 16))).streamsPerSecond} streams/s`,
    );
  } else if (scenario === 'stream') {
    console.log(`generateStream at 16 connections (profiled): ${(await streamsPerSecond(gw, 16, seconds)).streamsPerSecond} streams/s`);
  } else if (scenario === 'fanout') {
    console.log(await switchFanOut({ ...gw, pid: gatewayPid }, 1000, 30));
  } else {
    throw new Error(`unknown scenario ${scenario}: expected generate, generate1, sse, stream or fanout`);
  }
}

let gatewayPid = 0;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sy-profile-'));
  const upstream = await startBenchUpstream({
    tokens: Number(process.env.PROFILE_TOKENS ?? 16),
    delayMs: Number(process.env.PROFILE_DELAY_MS ?? 0),
  });
  const gw = await startGateway(upstream.url, {
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    compiled: process.env.PROFILE_COMPILED === '1',
  });
  gatewayPid = gw.pid;
  // Warm up (JIT, connection pools), then measure.
  await autocannon({
    url: `${gw.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: GENERATE,
    connections: 8,
    duration: 2,
  });
  const from = monotonicMicros();
  await drive(gw.url);
  const to = monotonicMicros();
  await gw.stop();
  await Promise.all([upstream.close(), agent.close()]);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  report(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, from, to);
  console.log(`\nprofile: ${join(dir, file)}`);
}

function report(profile: CpuProfile, from: number, to: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByFunction = new Map<string, number>();
  const selfByPackage = new Map<string, number>();
  let t = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    const frame = byId.get(profile.samples[i] as number)?.callFrame;
    if (!frame) continue;
    const micros = profile.timeDeltas[i + 1] ?? 0;
    total += micros;
    const where = frame.url.replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '');
    const key = `${frame.functionName || '(anonymous)'}  ${where.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + micros);
    const pkg = frame.url.includes('/node_modules/')
      ? (/\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url)?.[1] ?? 'node_modules')
      : /\/(src|dist)\//.test(frame.url)
        ? `switchyard ${/\/(?:src|dist)\/([^/]+)/.exec(frame.url)?.[1]?.replace(/\.[jt]s$/, '') ?? ''}`
        : frame.url.startsWith('node:')
          ? 'node internals'
          : frame.functionName.startsWith('(')
            ? frame.functionName
            : `native (${frame.url ? 'other' : frame.functionName || 'anonymous'})`;
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + micros);
  }
  const print = (title: string, map: Map<string, number>, limit: number) => {
    console.log(`\n${title}`);
    for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
      console.log(`${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`);
    }
  };
  console.log(`load window: ${((to - from) / 1e6).toFixed(1)} s, gateway CPU sampled in it: ${(total / 1e6).toFixed(2)} s`);
  print('self time by package', selfByPackage, 20);
  print('self time by function', selfByFunction, 45);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
