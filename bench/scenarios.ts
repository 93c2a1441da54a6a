import autocannon from 'autocannon';
import { type RunningGateway, rssMb, startGateway } from './gateway.js';
import { request } from 'undici';
import { agent, directStream, GENERATE, leanSubscriptions, post, streamOnce, wsClient } from './load.js';
import { quantile } from './stats.js';

/** Added latency at one connection: gateway minus direct, at p50 and p99, for generate and for the first token. */
export async function addedLatency(gw: RunningGateway, upstreamUrl: string, requests: number) {
  const direct: number[] = [];
  const directFirst: number[] = [];
  const viaGenerate: number[] = [];
  const viaFirst: number[] = [];
  for (let i = 0; i < 200; i++) {
    await directStream(upstreamUrl);
    await post(`${gw.url}/graphql`, GENERATE);
  }
  for (let i = 0; i < requests; i++) {
    const d = await directStream(upstreamUrl);
    direct.push(d.totalMs);
    directFirst.push(d.firstTokenMs);
    viaGenerate.push(await post(`${gw.url}/graphql`, GENERATE));
  }
  const client = wsClient(gw.url);
  for (let i = 0; i < 100; i++) await streamOnce(client);
  for (let i = 0; i < requests; i++) viaFirst.push((await streamOnce(client)).firstTokenMs);
  await client.dispose();
  return {
    generateAddedP50: quantile(viaGenerate, 0.5) - quantile(direct, 0.5),
    generateAddedP99: quantile(viaGenerate, 0.99) - quantile(direct, 0.99),
    firstTokenAddedP50: quantile(viaFirst, 0.5) - quantile(directFirst, 0.5),
    firstTokenAddedP99: quantile(viaFirst, 0.99) - quantile(directFirst, 0.99),
    directP50: quantile(direct, 0.5),
    gatewayP50: quantile(viaGenerate, 0.5),
  };
}

/** generate throughput with autocannon at `connections` (with `apiKey` on every request when given), sampling the gateway's RSS while it runs. */
export async function throughput(gw: RunningGateway, connections: number, seconds: number, apiKey?: string) {
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(gw.pid))), 250);
  const result = await autocannon({
    url: `${gw.url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
    body: GENERATE,
    connections,
    duration: seconds,
  });
  clearInterval(sampler);
  return {
    requestsPerSecond: result.requests.average,
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    errors: result.errors + result.non2xx,
    peakRssMb: peakRss,
  };
}

/** generateStream completions per second with `concurrency` connections each streaming in a loop. */
export async function streamsPerSecond(gw: RunningGateway, concurrency: number, seconds: number) {
  const clients = Array.from({ length: concurrency }, () => wsClient(gw.url));
  const deadline = performance.now() + seconds * 1000;
  let completed = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < deadline) {
        await streamOnce(client);
        completed++;
      }
    }),
  );
  await Promise.all(clients.map((c) => c.dispose()));
  return { streamsPerSecond: completed / seconds };
}

/** Tokens per second delivered across `streams` concurrent streams of a long answer. */
export async function tokenRelay(gw: RunningGateway, streams: number, model: string) {
  const clients = Array.from({ length: streams }, () => wsClient(gw.url));
  await Promise.all(clients.map((c) => streamOnce(c, model))); // connect and warm up
  const started = performance.now();
  const results = await Promise.all(clients.map((c) => streamOnce(c, model)));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.dispose()));
  const tokens = results.reduce((n, r) => n + r.tokens, 0);
  return { tokensPerSecond: tokens / seconds, tokens };
}

const SESSION_TURN = JSON.stringify({
  query: 'mutation($s: ID!, $p: String!) { generate(input: { sessionId: $s, prompt: $p }) { id } }',
}).slice(0, -1);

/**
 * Conversations: `sessions` sessions at once, each taking `turns` turns in a row (every turn sends
 * the history so far and appends to it). Answers turns per second.
 */
export async function sessionTurns(gw: RunningGateway, sessions: number, turns: number) {
  const gql = `${gw.url}/graphql`;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: sessions }, async () => {
      const created = await request(gql, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { createSession(input: { modelId: "bench" }) { id } }' }),
        dispatcher: agent,
      });
      const sessionId = ((await created.body.json()) as { data: { createSession: { id: string } } }).data.createSession.id;
      for (let turn = 0; turn < turns; turn++)
        await post(gql, `${SESSION_TURN},"variables":${JSON.stringify({ s: sessionId, p: `turn ${turn} of the conversation` })}}`);
    }),
  );
  return { turnsPerSecond: (sessions * turns) / ((performance.now() - started) / 1000) };
}

/** Starts a gateway with an admin key (authentication on) and makes a client key for the load. */
export async function startKeyedGateway(upstreamUrl: string): Promise<{ gw: RunningGateway; key: string }> {
  const admin = 'bench-admin-key-0123456789';
  const gw = await startGateway(upstreamUrl, { compiled: true, env: { SWITCHYARD_ADMIN_KEY: admin } });
  const response = await fetch(`${gw.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
    body: JSON.stringify({ query: 'mutation { createApiKey(input: { name: "bench", scopes: [CLIENT] }) { key } }' }),
  });
  const key = ((await response.json()) as { data: { createApiKey: { key: string } } }).data.createApiKey.key;
  return { gw, key };
}

/** Switch-to-event latency with `subscribers` modelSwitched subscriptions open, and the RSS they cost. */
export async function switchFanOut(gw: RunningGateway, subscribers: number, switches: number) {
  const gql = `${gw.url}/graphql`;
  const created = await fetch(gql, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { createSession(input: { modelId: "bench" }) { id } }' }),
  });
  const sessionId = ((await created.json()) as { data: { createSession: { id: string } } }).data.createSession.id;
  const rssBefore = rssMb(gw.pid);
  const perConnection = 20;
  let expected = 0;
  let delivered = 0;
  let sentAt = 0;
  const deliveries: number[] = [];
  let wake: (() => void) | undefined;
  const onNext = () => {
    deliveries.push(performance.now() - sentAt);
    if (++delivered === expected) wake?.();
  };
  const query = `subscription { modelSwitched(sessionId: "${sessionId}") { revision } }`;
  const connections = await Promise.all(
    Array.from({ length: Math.ceil(subscribers / perConnection) }, () =>
      leanSubscriptions(gw.url, perConnection, query, onNext, (e) => console.error('subscription error', e)),
    ),
  );
  // Wait until the gateway counts every subscription as open.
  let opened = 0;
  for (;;) {
    const metrics = await (await fetch(`${gw.url}/metrics`)).text();
    opened = Number(/^switchyard_active_subscriptions (\d+)/m.exec(metrics)?.[1] ?? 0);
    if (opened >= subscribers) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const rssWithSubscribers = rssMb(gw.pid);
  const targets = ['bench-mock', 'bench'];
  const serverLatencies: number[] = [];
  const firsts: number[] = [];
  const lasts: number[] = [];
  const warmUp = 5;
  for (let s = 0; s < warmUp + switches; s++) {
    expected += subscribers;
    const done = new Promise<void>((resolve) => (wake = resolve));
    sentAt = performance.now();
    const response = await request(gql, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { switchModel(input: { sessionId: "${sessionId}", modelId: "${targets[s % 2]}" }) { latencyMs } }`,
      }),
      dispatcher: agent,
    });
    const latencyMs = ((await response.body.json()) as { data: { switchModel: { latencyMs: number } } }).data.switchModel.latencyMs;
    await done;
    if (s < warmUp) deliveries.length = 0;
    else {
      serverLatencies.push(latencyMs);
      const these = deliveries.slice(-subscribers);
      firsts.push(Math.min(...these));
      lasts.push(Math.max(...these));
    }
  }
  for (const connection of connections) connection.close();
  return {
    subscribers: opened,
    deliveryP50: quantile(deliveries, 0.5),
    deliveryP99: quantile(deliveries, 0.99),
    /** Per switch: to the first subscriber's event and to the last one's (median over switches). */
    firstP50: quantile(firsts, 0.5),
    lastP50: quantile(lasts, 0.5),
    serverP50: quantile(serverLatencies, 0.5),
    serverP99: quantile(serverLatencies, 0.99),
    rssBeforeMb: rssBefore,
    rssWithSubscribersMb: rssWithSubscribers,
  };
}
