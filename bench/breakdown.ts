/**
 * `npm run bench:breakdown`: where one `generate` spends its time at one connection. Runs the
 * compiled gateway in this process (`npm run build` first) on a fresh SQLite file, in front of
 * the bench upstream (16 tokens) and the mock provider, times every step of the request path
 * (admission, the upstream call to its first part, the stored record, the whole generation)
 * over sequential HTTP requests, then a bare INSERT of a generation row and a `select 1` on the
 * same database, back to back and 10 ms apart (an idle database thread wakes up slower).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startBenchUpstream } from './fake-upstream.js';
import { agent, post } from './load.js';
import { quantile } from './stats.js';

const { createApp } = (await import(new URL('../dist/app.js', import.meta.url).href)) as typeof import('../src/app.js');
const { loadConfig } = (await import(
  new URL('../dist/config/load-config.js', import.meta.url).href
)) as typeof import('../src/config/load-config.js');

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const upstream = await startBenchUpstream({ tokens: 16, delayMs: 0 });
const dir = mkdtempSync(join(tmpdir(), 'sy-breakdown-'));
const models = [
  {
    id: 'bench',
    provider: 'openai-compatible',
    upstreamModel: 'bench-model',
    baseUrl: `${upstream.url}/v1`,
    pricing: { input: 1, output: 2 },
  },
  { id: 'bench-mock', provider: 'mock', pricing: { input: 1, output: 2 }, mock: { tokens: 16 } },
];
writeFileSync(
  join(dir, 'switchyard.config.yml'),
  stringify({
    database: { url: join(dir, 'bench.db') },
    security: { allowPrivateEndpoints: true },
    logging: { level: 'warn' },
    routing: { retry: { attempts: 1 } },
    models,
  }),
);
const app = await createApp(loadConfig({ path: join(dir, 'switchyard.config.yml'), env: {} }), { monitorHealth: false });
const url = await app.start(0, '127.0.0.1');

/** Total ms spent in each wrapped step since the last reset. */
const spent = new Map<string, number>();
function timeStep(target: object, method: string, label: string): void {
  const host = target as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = host[method]?.bind(target);
  if (!original) throw new Error(`no method ${method} to time`);
  host[method] = async (...args: unknown[]) => {
    const started = performance.now();
    try {
      return await original(...args);
    } finally {
      spent.set(label, (spent.get(label) ?? 0) + performance.now() - started);
    }
  };
}
// The services keep their collaborators in `deps` (private by convention, reached here to time them).
const generations = app.services.generations as unknown as { deps: Record<string, object> };
timeStep(generations.deps.admission as object, 'admit', 'admission');
timeStep(generations.deps.router as object, 'start', 'upstream call, to its first part');
timeStep(generations.deps.recorder as object, 'finished', 'record stored (and accounted)');
timeStep(generations, 'execute', 'execution, upstream call to stored record');
timeStep(generations, 'generate', 'generate, admission to answer');

for (const model of ['bench', 'bench-mock']) {
  const body = JSON.stringify({ query: `mutation { generate(input: { model: "${model}", prompt: "hello bench" }) { id } }` });
  for (let i = 0; i < 300; i++) await post(`${url}/graphql`, body);
  spent.clear();
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) await post(`${url}/graphql`, body);
  console.log(
    `\n${model === 'bench' ? 'bench upstream (16 chunks)' : 'mock provider (no upstream)'}: ${((performance.now() - started) / REQUESTS).toFixed(3)} ms per request, client round trip included`,
  );
  for (const [label, ms] of spent) console.log(`  ${label.padEnd(44)} ${(ms / REQUESTS).toFixed(3)} ms`);
}

const knex = (app.services.orm.em as unknown as { getKnex(): import('knex').Knex }).getKnex();
const [row] = (await knex('generations').select('*').limit(1)) as Record<string, unknown>[];
console.log('\nthe same database, no gateway around it:');
for (const gapMs of [0, 10]) {
  const inserts: number[] = [];
  const selects: number[] = [];
  for (let i = 0; i < 200; i++) {
    if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
    let t0 = performance.now();
    await knex('generations').insert({ ...row, id: `breakdown-${gapMs}-${i}` });
    inserts.push(performance.now() - t0);
    if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
    t0 = performance.now();
    await knex.raw('select 1');
    selects.push(performance.now() - t0);
  }
  console.log(
    `  ${gapMs ? '10 ms apart' : 'back to back'}: INSERT of a generation row p50 ${quantile(inserts, 0.5).toFixed(3)} ms, select 1 p50 ${quantile(selects, 0.5).toFixed(3)} ms`,
  );
}
await app.stop();
await Promise.all([upstream.close(), agent.close()]);
