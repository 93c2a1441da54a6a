/**
 * Several instances on PostgreSQL and Redis against one on SQLite (issue 16): generate req/s with
 * an API key that has a budget and a rate limit (so every request goes through the shared budget
 * and rate stores), the switch-to-event latency from a switch on one instance to subscribers on
 * another, and what Redis adds per request (one instance on PostgreSQL with and without Redis,
 * sequential requests). `instancesBench()` answers the markdown section `npm run bench` puts in
 * RESULTS.md; `npm run bench:instances` runs it alone and replaces that section. Needs the
 * machine's PostgreSQL (SWITCHYARD_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test)
 * and Redis (SWITCHYARD_TEST_REDIS_URL, default redis://127.0.0.1:6379).
 */
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { request } from 'undici';
import { startBenchUpstream } from './fake-upstream.js';
import { type RunningGateway, startGateway } from './gateway.js';
import { agent, GENERATE, leanSubscriptions, post } from './load.js';
import { quantile, round, summary } from './stats.js';

const ROOT = new URL('..', import.meta.url).pathname;
const POSTGRES = process.env.SWITCHYARD_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS = process.env.SWITCHYARD_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const ADMIN = 'bench-instances-admin-key-0123';
export const SECTION_START = '<!-- instances -->';
export const SECTION_END = '<!-- /instances -->';

async function database(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sy_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}

async function gql<T>(base: string, query: string, key = ADMIN): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A client key with a budget and a rate limit far above the load: every request is checked against both, none refused. */
async function budgetedKey(base: string): Promise<string> {
  const data = await gql<{ createApiKey: { key: string } }>(
    base,
    'mutation { createApiKey(input: { name: "bench", scopes: [CLIENT], requestsPerMinute: 1000000, budget: { daily: 100000 } }) { key } }',
  );
  return data.createApiKey.key;
}

async function requestsPerSecond(bases: string[], key: string, seconds: number): Promise<number> {
  const results = await Promise.all(
    bases.map((base) =>
      autocannon({
        url: `${base}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: GENERATE,
        connections: 64 / bases.length,
        duration: seconds,
      }),
    ),
  );
  for (const r of results) if (r.errors + r.non2xx > 0) throw new Error(`${r.errors} errors, ${r.non2xx} non-2xx under load`);
  return results.reduce((sum, r) => sum + r.requests.average, 0);
}

async function sequentialP50(base: string, key: string, n: number): Promise<number> {
  const times: number[] = [];
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  for (let i = 0; i < n + 100; i++) {
    const t = await post(`${base}/graphql`, GENERATE, headers);
    if (i >= 100) times.push(t);
  }
  return quantile(times, 0.5);
}

/** From sending switchModel to `via` to each of `subscribers` modelSwitched subscribers on `to` receiving it. */
async function switchAcross(via: string, to: string, subscribers: number, switches: number): Promise<{ p50: number; p99: number }> {
  const sessionId = (await gql<{ createSession: { id: string } }>(via, 'mutation { createSession(input: { modelId: "bench" }) { id } }'))
    .createSession.id;
  let sentAt = 0;
  let expected = 0;
  let delivered = 0;
  let wake: (() => void) | undefined;
  const deliveries: number[] = [];
  const query = `subscription { modelSwitched(sessionId: "${sessionId}") { revision } }`;
  const connections = await Promise.all(
    Array.from({ length: Math.ceil(subscribers / 20) }, () =>
      leanSubscriptions(
        to,
        20,
        query,
        () => {
          deliveries.push(performance.now() - sentAt);
          if (++delivered === expected) wake?.();
        },
        (e) => console.error('subscription error', e),
        { authorization: `Bearer ${ADMIN}` },
      ),
    ),
  );
  for (;;) {
    const metrics = await (await fetch(`${to}/metrics`)).text();
    if (Number(/^switchyard_active_subscriptions (\d+)/m.exec(metrics)?.[1] ?? 0) >= subscribers) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const targets = ['bench-mock', 'bench'];
  for (let s = 0; s < 5 + switches; s++) {
    expected += subscribers;
    const done = new Promise<void>((resolve) => (wake = resolve));
    sentAt = performance.now();
    const response = await request(`${via}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({
        query: `mutation { switchModel(input: { sessionId: "${sessionId}", modelId: "${targets[s % 2]}" }) { revision } }`,
      }),
      dispatcher: agent,
    });
    await response.body.text();
    await done;
    if (s < 5) deliveries.length = 0;
  }
  for (const c of connections) c.close();
  return { p50: quantile(deliveries, 0.5), p99: quantile(deliveries, 0.99) };
}

export async function instancesBench(options: {
  seconds: number;
  requests: number;
  repeats: number;
  log: (m: string) => void;
}): Promise<string> {
  const started = Date.now();
  const upstream = await startBenchUpstream({ tokens: 16, delayMs: 0 });
  const rows = {
    single: [] as number[],
    pair: [] as number[],
    pgAlone: [] as number[],
    pgRedis: [] as number[],
    switchP50: [] as number[],
    switchP99: [] as number[],
  };
  const gateways: RunningGateway[] = [];
  const dbs: { drop(): Promise<void> }[] = [];
  try {
    for (let r = 1; r <= options.repeats; r++) {
      options.log(`instances, repeat ${r}/${options.repeats}`);
      // One instance on SQLite, in-process stores.
      const single = await startGateway(upstream.url, { compiled: true, env: { SWITCHYARD_ADMIN_KEY: ADMIN } });
      gateways.push(single);
      const singleKey = await budgetedKey(single.url);
      await requestsPerSecond([single.url], singleKey, 1);
      rows.single.push(await requestsPerSecond([single.url], singleKey, options.seconds));
      await single.stop();

      // One instance on PostgreSQL without Redis, then two on PostgreSQL + Redis: what Redis adds per request, and the pair's req/s.
      const db = await database();
      dbs.push(db);
      const alone = await startGateway(upstream.url, { compiled: true, env: { SWITCHYARD_ADMIN_KEY: ADMIN, DATABASE_URL: db.url } });
      gateways.push(alone);
      const key = await budgetedKey(alone.url);
      rows.pgAlone.push(await sequentialP50(alone.url, key, options.requests));
      await alone.stop();
      const env = {
        SWITCHYARD_ADMIN_KEY: ADMIN,
        DATABASE_URL: db.url,
        REDIS_URL: REDIS,
        REDIS_PREFIX: `sy-bench-${randomBytes(4).toString('hex')}:`,
      };
      const [a, b] = await Promise.all([
        startGateway(upstream.url, { compiled: true, env }),
        startGateway(upstream.url, { compiled: true, env }),
      ]);
      gateways.push(a, b);
      rows.pgRedis.push(await sequentialP50(a.url, key, options.requests));
      await requestsPerSecond([a.url, b.url], key, 1);
      rows.pair.push(await requestsPerSecond([a.url, b.url], key, options.seconds));
      const across = await switchAcross(a.url, b.url, 100, 100);
      rows.switchP50.push(across.p50);
      rows.switchP99.push(across.p99);
      options.log(
        `SQLite ${round(rows.single.at(-1) ?? 0, 0)} req/s; pair ${round(rows.pair.at(-1) ?? 0, 0)} req/s; p50 ${round(rows.pgAlone.at(-1) ?? 0)} → ${round(rows.pgRedis.at(-1) ?? 0)} ms with Redis; switch across p99 ${round(across.p99)} ms`,
      );
      await Promise.all([a.stop(), b.stop()]);
    }
  } finally {
    for (const g of gateways) if (g.child.exitCode === null) g.child.kill('SIGKILL');
    for (const db of dbs) await db.drop().catch(() => undefined);
    await upstream.close();
  }
  const redisAdds = rows.pgRedis.map((v, i) => v - (rows.pgAlone[i] ?? 0));
  const line = (name: string, values: number[], unit: string, goal = '—', meets?: (v: number) => boolean) => {
    const s = summary(values);
    return `| ${name} | ${round(s.min, 3)} | ${round(s.median, 3)} | ${round(s.max, 3)} | ${unit} | ${goal} | ${meets ? (meets(s.median) ? 'met' : '**not met**') : ''} |`;
  };
  return `${SECTION_START}
## Several instances (PostgreSQL + Redis) against one (SQLite)

Command: \`npm run bench:instances\` (also part of \`npm run bench\`); ${options.repeats} repeats, ${options.seconds} s per load figure, ${options.requests} sequential requests per latency figure; ${new Date(started).toISOString()}; ${round((Date.now() - started) / 1000, 0)} s.
Compiled gateways (\`npm run start:dist\`), each its own process, in front of the loopback upstream (16 tokens), on this machine's PostgreSQL ${'(a fresh database per repeat)'} and Redis; every request made with a client key that has a daily budget and a requests-per-minute limit (far above the load), so each one goes through the budget and rate stores: in process on SQLite, in Redis for the instances. All processes share the machine's 2 cores: two instances do not add cores here, they share them.

| figure | min | median | max | unit | goal | median vs goal |
|---|---|---|---|---|---|---|
${line('generate req/s, one instance, SQLite, in-process stores (64 connections)', rows.single, 'req/s')}
${line('generate req/s, two instances, PostgreSQL + Redis (32 connections each)', rows.pair, 'req/s')}
${line('generate p50, one instance on PostgreSQL, no Redis (sequential)', rows.pgAlone, 'ms')}
${line('generate p50, the same on PostgreSQL with Redis (budget and rate in Redis)', rows.pgRedis, 'ms')}
${line('what Redis adds per request, p50 (the two rows above)', redisAdds, 'ms', '≤ 0.3 ms', (v) => v <= 0.3)}
${line('switch on A → event on B, 100 subscribers on B, p50', rows.switchP50, 'ms')}
${line('switch on A → event on B, 100 subscribers on B, p99', rows.switchP99, 'ms')}
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
  log('building (npm run build)');
  execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
  const section = await instancesBench({
    seconds: Number(process.env.BENCH_SECONDS ?? 5),
    requests: Number(process.env.BENCH_REQUESTS ?? 1000),
    repeats: Number(process.env.BENCH_REPEATS ?? 3),
    log,
  });
  spliceIntoResults(section);
  console.log(section);
  await agent.close();
  process.exit(0);
}
