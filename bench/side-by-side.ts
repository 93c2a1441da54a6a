/**
 * Switchyard and Portkey's gateway (bench/peer, pinned, installed by the bench alone) side by side,
 * in front of the same loopback OpenAI-compatible upstreams, measured in one run: streams per
 * second over SSE and graphql-ws, streamed tool calls the same ways, Anthropic Messages streams
 * (both gateways' POST /v1/messages before an Anthropic-format upstream), paced streams, non-streaming
 * latency at one connection and throughput at 64, and memory. `sideBySide()` answers the markdown
 * section that `npm run bench` puts in bench/RESULTS.md; `npm run bench:side-by-side` runs it alone
 * and writes bench/SIDE-BY-SIDE.md (`-- --help` for its options). Environment: BENCH_SECONDS (5),
 * BENCH_REPEATS (3), BENCH_REQUESTS (2000); BENCH_PEER=0 (or `--no-peer`) measures Switchyard alone;
 * BENCH_ONLY=messages (or `--only-messages`) measures only the /v1/messages rows (and memory).
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { startBenchUpstream } from './fake-upstream.js';
import { cpuMs, type RunningGateway, rssMb, startGateway } from './gateway.js';
import { agent, GENERATE, post } from './load.js';
import { type RunningPeer, startPeer } from './peer.js';
import { quantile, round, summary } from './stats.js';
import {
  closedLoop,
  directSse,
  peerHeaders,
  peerMessagesSse,
  peerSse,
  type StreamOnce,
  switchyardMessagesSse,
  switchyardOpenAISse,
  switchyardSse,
  switchyardWs,
} from './stream-clients.js';

/** Chunks per fast stream (sent at once) and per paced stream (10 ms apart), tokens per non-streamed answer. */
const FAST_TOKENS = 64;
const PACED_TOKENS = 32;
const PACED_DELAY_MS = 10;
const JSON_TOKENS = 16;
const WARM_UP_SECONDS = 3;

interface Row {
  figure: string;
  unit: string;
  portkey: number[];
  switchyard: number[];
  /** The issue-13 goal, as text and as a test of the two medians. */
  goal?: { text: string; meets(switchyard: number, portkey: number): boolean };
}

export interface SideBySideOptions {
  seconds: number;
  repeats: number;
  requests: number;
  /** false: Switchyard alone (Portkey neither installed nor started; its column reads —). */
  peer?: boolean;
  /** 'messages': only the /v1/messages rows (and memory) are measured; the others are left out of the table. */
  only?: 'messages';
  log(message: string): void;
}

/** Runs `load` and answers its result with the CPU `pid` spent on it. */
async function withCpu<T>(pid: number, load: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = cpuMs(pid);
  const result = await load();
  return { result, cpuMs: cpuMs(pid) - before };
}

async function requestsPerSecond(
  url: string,
  headers: Record<string, string>,
  body: string,
  seconds: number,
): Promise<{ perSecond: number; total: number }> {
  const result = await autocannon({ url, method: 'POST', headers, body, connections: 64, duration: seconds });
  if (result.errors + result.non2xx > 0)
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx under load (${JSON.stringify(result.statusCodeStats)})`);
  return { perSecond: result.requests.average, total: result.requests.total };
}

export async function sideBySide(options: SideBySideOptions): Promise<string> {
  const { seconds, repeats, requests, log } = options;
  const withPeer = options.peer !== false;
  const messagesOnly = options.only === 'messages';
  const started = Date.now();
  const small = await startBenchUpstream({ tokens: JSON_TOKENS, delayMs: 0 });
  const fast = await startBenchUpstream({ tokens: FAST_TOKENS, delayMs: 0 });
  // The same stream as `fast`, as one tool call: FAST_TOKENS argument fragments (plus the call's head and the JSON's ends).
  const toolFast = await startBenchUpstream({ tokens: FAST_TOKENS, delayMs: 0, toolCall: true });
  const paced = await startBenchUpstream({ tokens: PACED_TOKENS, delayMs: PACED_DELAY_MS });
  // The fast stream as Anthropic's Messages API streams it (FAST_TOKENS text deltas at once), for both gateways' /v1/messages.
  const anthropicFast = await startBenchUpstream({ tokens: FAST_TOKENS, delayMs: 0, format: 'anthropic' });
  let gw: RunningGateway | undefined;
  let peer: RunningPeer | undefined;
  const rows: Row[] = [];
  const row = (figure: string, unit: string, goal?: Row['goal']) => {
    const r: Row = { figure, unit, portkey: [], switchyard: [], ...(goal ? { goal } : {}) };
    rows.push(r);
    return r;
  };
  const twice = { text: '≥ 2× Portkey', meets: (sy: number, pk: number) => sy >= 2 * pk };
  try {
    const model = (id: string, url: string) => ({
      id,
      provider: 'openai-compatible',
      upstreamModel: 'bench-model',
      baseUrl: `${url}/v1`,
      pricing: { input: 1, output: 2 },
      timeouts: { firstTokenMs: 60_000 },
    });
    gw = await startGateway(small.url, {
      compiled: true,
      extraModels: [
        model('bench-fast', fast.url),
        model('bench-tools', toolFast.url),
        model('bench-paced', paced.url),
        // Anthropic's adapter takes the host (it adds /v1/messages) and its key from ANTHROPIC_API_KEY (the fake ignores it).
        { ...model('bench-messages', anthropicFast.url), provider: 'anthropic', baseUrl: anthropicFast.url },
      ],
      env: { ANTHROPIC_API_KEY: 'sk-ant-bench' },
    });
    // Without the peer, its loads are skipped and its figures stay empty.
    peer = withPeer ? await startPeer() : undefined;
    const generateBody = GENERATE;
    const chatBody = JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: 'hello bench' }] });
    // The like-for-like pair: both gateways' OpenAI route, the same body but for the model's name.
    const switchyardChatBody = JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: 'hello bench' }] });
    const json = { 'content-type': 'application/json' };

    // Memory at rest: after start and one request each.
    await post(`${gw.url}/graphql`, generateBody);
    if (peer) await post(`${peer.url}/v1/chat/completions`, chatBody, peerHeaders(small.url));
    const idle = row('idle RSS after start and one request', 'MiB', { text: '≤ Portkey', meets: (sy, pk) => sy <= pk });
    idle.switchyard.push(rssMb(gw.pid));
    if (peer) idle.portkey.push(rssMb(peer.pid));
    const peak = row('peak RSS under the loads below', 'MiB', { text: '≤ 200 MiB', meets: (sy) => sy <= 200 });
    const peaks = { switchyard: 0, portkey: 0 };
    const { pid: gwPid } = gw;
    const peerPid = peer?.pid;
    const sampler = setInterval(() => {
      peaks.switchyard = Math.max(peaks.switchyard, rssMb(gwPid));
      if (peerPid !== undefined) peaks.portkey = Math.max(peaks.portkey, rssMb(peerPid));
    }, 100);

    const peerUrl = peer?.url ?? '';
    const sse = { switchyard: switchyardSse(gw.url, 'bench-fast'), portkey: peerSse(peerUrl, fast.url) };
    const openAISse = switchyardOpenAISse(gw.url, 'bench-fast');
    // The tool-call stream: the request offers the bench tool, the upstream streams one call of it.
    const toolSse = { switchyard: switchyardSse(gw.url, 'bench-tools', 'tool-call'), portkey: peerSse(peerUrl, toolFast.url, 'tool-call') };
    const toolOpenAISse = switchyardOpenAISse(gw.url, 'bench-tools', 'tool-call');
    // Anthropic's Messages stream: Switchyard's /v1/messages on bench-messages, Portkey's /v1/messages as its anthropic provider.
    const messagesSse = {
      switchyard: switchyardMessagesSse(gw.url, 'bench-messages'),
      portkey: peerMessagesSse(peerUrl, anthropicFast.url),
    };
    const pacedSse = {
      switchyard: switchyardSse(gw.url, 'bench-paced'),
      portkey: peerSse(peerUrl, paced.url),
      direct: directSse(paced.url),
    };
    const times = (n: number, s: StreamOnce) => Array.from({ length: n }, () => s);
    const gatewayUrl = gw.url;
    const wsSockets = await Promise.all(Array.from({ length: 64 }, () => switchyardWs(gatewayUrl, 'bench-fast')));
    // The same sockets stream the tool call: 64 more would pass the gateway's 256 connections per address with the SSE pools.
    const toolWsStreams = wsSockets.map((w) => w.streamOf('bench-tools', 'tool-call'));
    const gateways = (['portkey', 'switchyard'] as const).filter((name) => name === 'switchyard' || peer);
    // Warm up (the JIT, connection pools): each path under load for WARM_UP_SECONDS.
    log('warming up');
    if (!messagesOnly) {
      for (const name of gateways) await closedLoop(times(16, sse[name]), WARM_UP_SECONDS, FAST_TOKENS);
      await closedLoop(
        wsSockets.slice(0, 16).map((w) => w.stream),
        WARM_UP_SECONDS,
        FAST_TOKENS,
      );
      await closedLoop(times(16, openAISse), WARM_UP_SECONDS, FAST_TOKENS);
      for (const name of gateways) await closedLoop(times(16, toolSse[name]), WARM_UP_SECONDS, FAST_TOKENS);
      await closedLoop(toolWsStreams.slice(0, 16), WARM_UP_SECONDS, FAST_TOKENS);
      await closedLoop(times(16, toolOpenAISse), WARM_UP_SECONDS, FAST_TOKENS);
      for (const name of gateways) await closedLoop(times(16, pacedSse[name]), 1, PACED_TOKENS);
      await requestsPerSecond(`${gw.url}/graphql`, json, generateBody, 1);
      await requestsPerSecond(`${gw.url}/v1/chat/completions`, json, switchyardChatBody, 1);
      if (peer) await requestsPerSecond(`${peer.url}/v1/chat/completions`, peerHeaders(small.url), chatBody, 1);
    }
    for (const name of gateways) await closedLoop(times(16, messagesSse[name]), WARM_UP_SECONDS, FAST_TOKENS);

    const streamRows = [16, 64].map((c) => ({
      c,
      sps: row(`streams/s, ${c} connections, ${FAST_TOKENS} chunks at once: GraphQL over SSE / OpenAI SSE`, 'streams/s', twice),
      total: row(`whole stream p50, ${c} connections, SSE`, 'ms'),
      first: row(`first token p50, ${c} connections, SSE`, 'ms'),
      cpu: row(`gateway CPU per stream, ${c} connections, SSE`, 'ms'),
      ws: row(`streams/s, ${c} connections: Switchyard over graphql-ws / Portkey over SSE (it has no WebSocket API)`, 'streams/s', twice),
      wsTotal: row(`whole stream p50, ${c} connections: graphql-ws / SSE`, 'ms'),
      wsCpu: row(`gateway CPU per stream, ${c} connections: graphql-ws / SSE`, 'ms'),
      v1: row(
        `/v1/chat/completions stream, ${c} connections, ${FAST_TOKENS} chunks at once: streams/s (both OpenAI routes)`,
        'streams/s',
        twice,
      ),
      v1Total: row(`/v1/chat/completions stream, ${c} connections: whole stream p50`, 'ms'),
      v1Cpu: row(`/v1/chat/completions stream, ${c} connections: gateway CPU per stream`, 'ms'),
      tool: row(
        `tool-call stream, ${c} connections, one call in ${FAST_TOKENS} argument fragments at once: streams/s, GraphQL over SSE / OpenAI SSE`,
        'streams/s',
      ),
      toolTotal: row(`tool-call stream, ${c} connections: whole stream p50, SSE`, 'ms'),
      toolCpu: row(`tool-call stream, ${c} connections: gateway CPU per stream, SSE`, 'ms'),
      toolWs: row(`tool-call stream, ${c} connections: streams/s, Switchyard over graphql-ws / Portkey over SSE`, 'streams/s'),
      toolWsCpu: row(`tool-call stream, ${c} connections: gateway CPU per stream, graphql-ws / SSE`, 'ms'),
      toolV1: row(`/v1/chat/completions tool-call stream, ${c} connections: streams/s (both OpenAI routes)`, 'streams/s'),
      toolV1Total: row(`/v1/chat/completions tool-call stream, ${c} connections: whole stream p50`, 'ms'),
      toolV1Cpu: row(`/v1/chat/completions tool-call stream, ${c} connections: gateway CPU per stream`, 'ms'),
      messages: row(
        `/v1/messages stream (Anthropic), ${c} connections, ${FAST_TOKENS} text deltas at once: streams/s (both Anthropic routes)`,
        'streams/s',
      ),
      messagesTotal: row(`/v1/messages stream, ${c} connections: whole stream p50`, 'ms'),
      messagesFirst: row(`/v1/messages stream, ${c} connections: first token p50`, 'ms'),
      messagesCpu: row(`/v1/messages stream, ${c} connections: gateway CPU per stream`, 'ms'),
    }));
    const pacedTotal = row(
      `paced stream (${PACED_TOKENS} chunks ${PACED_DELAY_MS} ms apart, 64 connections): added whole-stream p50`,
      'ms',
      { text: '≤ Portkey', meets: (sy, pk) => sy <= pk },
    );
    const pacedFirst = row('paced stream, 64 connections: added first token p50', 'ms', { text: '≤ 1 ms', meets: (sy) => sy <= 1 });
    const pacedCpu = row('paced stream, 64 connections: gateway CPU per stream', 'ms');
    const addedP50 = row(`non-streaming, 1 connection: added p50 (${requests} sequential requests)`, 'ms', {
      text: '≤ 0.5 ms',
      meets: (sy) => sy <= 0.5,
    });
    const addedP99 = row('non-streaming, 1 connection: added p99', 'ms');
    const rps = row('non-streaming, 64 connections', 'req/s', { text: '≥ 3× Portkey', meets: (sy, pk) => sy >= 3 * pk });
    const rpsCpu = row('non-streaming, 64 connections: gateway CPU per request', 'ms');
    const v1AddedP50 = row('/v1/chat/completions non-stream, 1 connection: added p50', 'ms');
    const v1AddedP99 = row('/v1/chat/completions non-stream, 1 connection: added p99', 'ms');
    const v1Rps = row('/v1/chat/completions non-stream, 64 connections', 'req/s', twice);
    const v1RpsCpu = row('/v1/chat/completions non-stream, 64 connections: gateway CPU per request', 'ms');
    const pids = { switchyard: gw.pid, portkey: peer?.pid ?? 0 };

    const check = (name: string, errors: number) => {
      if (errors > 0) log(`${name}: ${errors} streams failed or missed tokens`);
    };
    for (let r = 1; r <= repeats; r++) {
      log(`side by side, repeat ${r}/${repeats}`);
      for (const s of messagesOnly ? [] : streamRows) {
        for (const name of gateways) {
          const { result, cpuMs: cpu } = await withCpu(pids[name], () => closedLoop(times(s.c, sse[name]), seconds, FAST_TOKENS));
          check(`${name} SSE @${s.c}`, result.errors);
          s.cpu[name].push(cpu / (result.streamsPerSecond * seconds));
          s.sps[name].push(result.streamsPerSecond);
          s.total[name].push(result.totalP50);
          s.first[name].push(result.firstP50);
          log(
            `${name} SSE @${s.c}: ${round(result.streamsPerSecond, 1)} streams/s, p50 ${round(result.totalP50, 2)} ms, first token ${round(result.firstP50, 2)} ms`,
          );
        }
        const { result: ws, cpuMs: wsCpu } = await withCpu(pids.switchyard, () =>
          closedLoop(
            wsSockets.slice(0, s.c).map((w) => w.stream),
            seconds,
            FAST_TOKENS,
          ),
        );
        check(`switchyard graphql-ws @${s.c}`, ws.errors);
        s.wsCpu.switchyard.push(wsCpu / (ws.streamsPerSecond * seconds));
        s.wsCpu.portkey.push(s.cpu.portkey.at(-1) ?? Number.NaN);
        s.ws.switchyard.push(ws.streamsPerSecond);
        s.ws.portkey.push(s.sps.portkey.at(-1) ?? Number.NaN);
        s.wsTotal.switchyard.push(ws.totalP50);
        s.wsTotal.portkey.push(s.total.portkey.at(-1) ?? Number.NaN);
        log(`switchyard graphql-ws @${s.c}: ${round(ws.streamsPerSecond, 1)} streams/s, p50 ${round(ws.totalP50, 2)} ms`);
        const { result: v1, cpuMs: v1Cpu } = await withCpu(pids.switchyard, () => closedLoop(times(s.c, openAISse), seconds, FAST_TOKENS));
        check(`switchyard /v1 @${s.c}`, v1.errors);
        s.v1.switchyard.push(v1.streamsPerSecond);
        s.v1.portkey.push(s.sps.portkey.at(-1) ?? Number.NaN);
        s.v1Total.switchyard.push(v1.totalP50);
        s.v1Total.portkey.push(s.total.portkey.at(-1) ?? Number.NaN);
        s.v1Cpu.switchyard.push(v1Cpu / (v1.streamsPerSecond * seconds));
        s.v1Cpu.portkey.push(s.cpu.portkey.at(-1) ?? Number.NaN);
        log(`switchyard /v1 SSE @${s.c}: ${round(v1.streamsPerSecond, 1)} streams/s, p50 ${round(v1.totalP50, 2)} ms`);

        // The streamed tool call, measured the same three ways (Portkey over its OpenAI route).
        for (const name of gateways) {
          const { result, cpuMs: cpu } = await withCpu(pids[name], () => closedLoop(times(s.c, toolSse[name]), seconds, FAST_TOKENS));
          check(`${name} tool-call SSE @${s.c}`, result.errors);
          s.toolCpu[name].push(cpu / (result.streamsPerSecond * seconds));
          s.tool[name].push(result.streamsPerSecond);
          s.toolTotal[name].push(result.totalP50);
          log(`${name} tool-call SSE @${s.c}: ${round(result.streamsPerSecond, 1)} streams/s, p50 ${round(result.totalP50, 2)} ms`);
        }
        const { result: toolWs, cpuMs: toolWsCpu } = await withCpu(pids.switchyard, () =>
          closedLoop(toolWsStreams.slice(0, s.c), seconds, FAST_TOKENS),
        );
        check(`switchyard tool-call graphql-ws @${s.c}`, toolWs.errors);
        s.toolWs.switchyard.push(toolWs.streamsPerSecond);
        s.toolWsCpu.switchyard.push(toolWsCpu / (toolWs.streamsPerSecond * seconds));
        const { result: toolV1, cpuMs: toolV1Cpu } = await withCpu(pids.switchyard, () =>
          closedLoop(times(s.c, toolOpenAISse), seconds, FAST_TOKENS),
        );
        check(`switchyard tool-call /v1 @${s.c}`, toolV1.errors);
        s.toolV1.switchyard.push(toolV1.streamsPerSecond);
        s.toolV1Total.switchyard.push(toolV1.totalP50);
        s.toolV1Cpu.switchyard.push(toolV1Cpu / (toolV1.streamsPerSecond * seconds));
        s.toolWs.portkey.push(s.tool.portkey.at(-1) ?? Number.NaN);
        s.toolWsCpu.portkey.push(s.toolCpu.portkey.at(-1) ?? Number.NaN);
        s.toolV1.portkey.push(s.tool.portkey.at(-1) ?? Number.NaN);
        s.toolV1Total.portkey.push(s.toolTotal.portkey.at(-1) ?? Number.NaN);
        s.toolV1Cpu.portkey.push(s.toolCpu.portkey.at(-1) ?? Number.NaN);
        log(
          `switchyard tool-call graphql-ws @${s.c}: ${round(toolWs.streamsPerSecond, 1)} streams/s; /v1: ${round(toolV1.streamsPerSecond, 1)} streams/s, p50 ${round(toolV1.totalP50, 2)} ms`,
        );
      }

      // Anthropic's Messages stream, both gateways' /v1/messages before the Anthropic-format upstream.
      for (const s of streamRows) {
        for (const name of gateways) {
          const { result, cpuMs: cpu } = await withCpu(pids[name], () => closedLoop(times(s.c, messagesSse[name]), seconds, FAST_TOKENS));
          check(`${name} /v1/messages @${s.c}`, result.errors);
          s.messages[name].push(result.streamsPerSecond);
          s.messagesTotal[name].push(result.totalP50);
          s.messagesFirst[name].push(result.firstP50);
          s.messagesCpu[name].push(cpu / (result.streamsPerSecond * seconds));
          log(
            `${name} /v1/messages @${s.c}: ${round(result.streamsPerSecond, 1)} streams/s, p50 ${round(result.totalP50, 2)} ms, first token ${round(result.firstP50, 2)} ms, CPU ${round(cpu / (result.streamsPerSecond * seconds), 3)} ms/stream`,
          );
        }
      }
      if (messagesOnly) continue;

      const direct = await closedLoop(times(64, pacedSse.direct), seconds, PACED_TOKENS);
      for (const name of gateways) {
        const { result, cpuMs: cpu } = await withCpu(pids[name], () => closedLoop(times(64, pacedSse[name]), seconds, PACED_TOKENS));
        check(`${name} paced`, result.errors);
        pacedCpu[name].push(cpu / (result.streamsPerSecond * seconds));
        pacedTotal[name].push(result.totalP50 - direct.totalP50);
        pacedFirst[name].push(result.firstP50 - direct.firstP50);
        log(
          `${name} paced @64: p50 ${round(result.totalP50, 2)} ms (direct ${round(direct.totalP50, 2)}), first token ${round(result.firstP50, 2)} ms (direct ${round(direct.firstP50, 2)})`,
        );
      }

      // One connection, sequential, interleaved so that noise falls on all alike. Each gateway is
      // compared with the upstream call it makes: Switchyard streams from the upstream, Portkey asks for JSON.
      const directStreamed = directSse(small.url);
      const lat = {
        direct: [] as number[],
        directStreamed: [] as number[],
        switchyard: [] as number[],
        switchyardV1: [] as number[],
        portkey: [] as number[],
      };
      for (let i = 0; i < requests + 200; i++) {
        const d = await post(`${small.url}/v1/chat/completions`, chatBody);
        const ds = (await directStreamed()).totalMs;
        const sy = await post(`${gw.url}/graphql`, generateBody);
        const syV1 = await post(`${gw.url}/v1/chat/completions`, switchyardChatBody);
        const pk = peer ? await post(`${peer.url}/v1/chat/completions`, chatBody, peerHeaders(small.url)) : undefined;
        if (i < 200) continue; // warm-up
        lat.direct.push(d);
        lat.directStreamed.push(ds);
        lat.switchyard.push(sy);
        lat.switchyardV1.push(syV1);
        if (pk !== undefined) lat.portkey.push(pk);
      }
      for (const [q, target, v1Target] of [
        [0.5, addedP50, v1AddedP50],
        [0.99, addedP99, v1AddedP99],
      ] as const) {
        target.switchyard.push(quantile(lat.switchyard, q) - quantile(lat.directStreamed, q));
        target.portkey.push(quantile(lat.portkey, q) - quantile(lat.direct, q));
        v1Target.switchyard.push(quantile(lat.switchyardV1, q) - quantile(lat.directStreamed, q));
        v1Target.portkey.push(target.portkey.at(-1) ?? Number.NaN);
      }
      log(
        `1 connection: p50 direct ${round(quantile(lat.direct, 0.5))} / streamed ${round(quantile(lat.directStreamed, 0.5))}, Switchyard ${round(quantile(lat.switchyard, 0.5))}, Portkey ${round(quantile(lat.portkey, 0.5))} ms`,
      );

      const loads = {
        portkey: () => requestsPerSecond(`${peer?.url}/v1/chat/completions`, peerHeaders(small.url), chatBody, seconds),
        switchyard: () => requestsPerSecond(`${gw?.url}/graphql`, json, generateBody, seconds),
      };
      for (const name of gateways) {
        const { result, cpuMs: cpu } = await withCpu(pids[name], loads[name]);
        rps[name].push(result.perSecond);
        rpsCpu[name].push(cpu / result.total);
      }
      const { result: v1, cpuMs: v1Cpu } = await withCpu(pids.switchyard, () =>
        requestsPerSecond(`${gw?.url}/v1/chat/completions`, json, switchyardChatBody, seconds),
      );
      v1Rps.switchyard.push(v1.perSecond);
      v1Rps.portkey.push(rps.portkey.at(-1) ?? Number.NaN);
      v1RpsCpu.switchyard.push(v1Cpu / v1.total);
      v1RpsCpu.portkey.push(rpsCpu.portkey.at(-1) ?? Number.NaN);
      log(
        `64 connections: Portkey ${round(rps.portkey.at(-1) ?? 0, 0)} req/s, Switchyard ${round(rps.switchyard.at(-1) ?? 0, 0)} req/s (GraphQL), ${round(v1.perSecond, 0)} req/s (/v1)`,
      );
    }
    clearInterval(sampler);
    peak.switchyard.push(peaks.switchyard);
    if (peer) peak.portkey.push(peaks.portkey);
    for (const w of wsSockets) w.close();
  } finally {
    await gw?.stop();
    await peer?.stop();
    await Promise.all([small.close(), fast.close(), toolFast.close(), paced.close(), anthropicFast.close()]);
  }
  // A row left unmeasured (--only-messages) is left out of the table.
  const measured = rows.filter((r) => r.switchyard.length > 0 || r.portkey.length > 0);
  return render(measured, { seconds, repeats, requests, started, peer: withPeer, messagesOnly });
}

function render(
  rows: readonly Row[],
  run: { seconds: number; repeats: number; requests: number; started: number; peer: boolean; messagesOnly: boolean },
): string {
  const median = (v: number[]) => summary(v.filter((n) => !Number.isNaN(n))).median;
  const figure = (n: number) => (Number.isNaN(n) ? '—' : String(round(n, 2)));
  const lines = rows.map((r) => {
    const pk = median(r.portkey);
    const sy = median(r.switchyard);
    // A goal judged against Portkey cannot be judged without it; one of Switchyard alone still is.
    const unjudged = r.goal?.text.includes('Portkey') && Number.isNaN(pk);
    const verdict = !r.goal ? '' : unjudged ? 'no peer' : r.goal.meets(sy, pk) ? 'met' : '**not met**';
    return `| ${r.figure} | ${figure(pk)} | ${figure(sy)} | ${figure(sy / pk)} | ${r.unit} | ${r.goal?.text ?? '—'} | ${verdict} |`;
  });
  return [
    '## Side by side with Portkey',
    '',
    `${run.repeats} repeats of ${run.seconds} s per load figure and ${run.requests} sequential requests per latency figure, medians; ${new Date(run.started).toISOString()}; ${round((Date.now() - run.started) / 1000, 0)} s.`,
    `Both gateways in front of the same loopback OpenAI-compatible upstreams (bench/fake-upstream.ts: ${FAST_TOKENS} chunks sent at once; ${PACED_TOKENS} chunks ${PACED_DELAY_MS} ms apart;`,
    `${JSON_TOKENS}-token answers for the non-streaming figures), each its own process: Switchyard compiled (local mode, logs at info), \`@portkey-ai/gateway\` 1.15.2`,
    'from bench/peer (headless). Closed-loop clients on the same machine: each starts its next stream when its last ended; a stream counts only',
    'when every token arrived. Switchyard is asked through `generateStream` (GraphQL over SSE and over graphql-ws) and the `generate` mutation,',
    'and through its own OpenAI route (`/v1/chat/completions`, the like-for-like rows: the Portkey column there repeats its OpenAI-route figure of the same run),',
    'Portkey through its OpenAI route; added latency is each gateway minus the upstream call it makes (Switchyard streams from the upstream,',
    "Portkey asks for JSON). Requests/s by autocannon. RSS and CPU read from /proc (CPU per stream or request: the gateway process's user + system",
    'time over the run divided by what it completed — less noisy than rates on this shared machine, since the client and upstreams share its cores).',
    `The tool-call rows: the request offers one function and the upstream streams one call of it as OpenAI does (its id and name, then the JSON arguments in`,
    `${FAST_TOKENS} fragments of one token each, all at once); Switchyard relays them as ToolCallDelta events or /v1 \`delta.tool_calls\` fragments.`,
    `The /v1/messages rows: an Anthropic Messages request (stream: true) to each gateway's \`POST /v1/messages\` — Switchyard's on a model of provider`,
    "`anthropic`, Portkey's with `x-portkey-provider: anthropic` and the upstream as custom host — before the same upstream speaking Anthropic's",
    `format (message_start, one text block of ${FAST_TOKENS} \`text_delta\` events, message_delta, message_stop, all at once); a stream counts when every delta arrived.`,
    ...(run.peer ? [] : ['', '**Run without the peer** (`--no-peer` / BENCH_PEER=0): Switchyard alone; the Portkey column reads —.']),
    ...(run.messagesOnly
      ? ['', '**Only the /v1/messages rows** (`--only-messages` / BENCH_ONLY=messages): the other loads were not run.']
      : []),
    '',
    '| figure | Portkey 1.15.2 | Switchyard | Switchyard / Portkey | unit | goal | median vs goal |',
    '|---|---|---|---|---|---|---|',
    ...lines,
    '',
  ].join('\n');
}

const USAGE = `npm run bench:side-by-side [-- --no-peer] [-- --only-messages] [-- --help]

Builds the gateway (npm run build), runs Switchyard and Portkey's gateway (bench/peer, installed on
first use with npm ci) side by side and writes bench/SIDE-BY-SIDE.md.

  --no-peer         Switchyard alone: Portkey is neither installed nor started (also BENCH_PEER=0)
  --only-messages   only the /v1/messages (Anthropic) stream rows and memory; the other loads are skipped
                    (also BENCH_ONLY=messages)
  --help            this text

Environment: BENCH_SECONDS (5) per load figure, BENCH_REPEATS (3), BENCH_REQUESTS (2000) sequential
requests per latency figure. A short run: BENCH_SECONDS=3 BENCH_REPEATS=1 BENCH_REQUESTS=300.`;

const runAlone = process.argv[1]?.endsWith('side-by-side.ts') === true;
if (runAlone) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--no-peer' && a !== '--only-messages' && a !== '--help');
  if (args.includes('--help') || unknown.length > 0) {
    if (unknown.length > 0) console.error(`unknown option: ${unknown.join(' ')}\n`);
    console.log(USAGE);
    process.exit(unknown.length > 0 ? 1 : 0);
  }
  execSync('npm run build', { cwd: new URL('..', import.meta.url).pathname, stdio: 'ignore' });
  const section = await sideBySide({
    seconds: Number(process.env.BENCH_SECONDS ?? 5),
    repeats: Number(process.env.BENCH_REPEATS ?? 3),
    requests: Number(process.env.BENCH_REQUESTS ?? 2000),
    peer: !args.includes('--no-peer') && process.env.BENCH_PEER !== '0',
    ...(args.includes('--only-messages') || process.env.BENCH_ONLY === 'messages' ? { only: 'messages' as const } : {}),
    log: (message) => console.log(`[side-by-side] ${message}`),
  });
  const text = `# Side by side (\`npm run bench:side-by-side\`)\n\n${section.replace(/^## .*\n\n/, '')}`;
  writeFileSync(new URL('./SIDE-BY-SIDE.md', import.meta.url), text);
  console.log(text);
  await agent.close();
  process.exit(0);
}
