import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CreateBudgetedKey,
  CreateSession,
  DisableModel,
  Generate,
  GenerationQuery,
  ModelQuery,
  ModelSwitchedSubscription,
  SwitchModel,
} from '../helpers/documents.js';
import { execute, expectData } from '../helpers/graphql.js';
import { killStartedProcesses, startProcess } from '../helpers/gateway-process.js';
import { freshPostgres, postgresReachable } from '../helpers/postgres.js';
import { redisReachable } from '../helpers/redis.js';
import { subscribe, waitFor, wsClient } from '../helpers/ws.js';

/**
 * Faults with several instances (processes, not mocks): an instance killed mid-load, and a Redis
 * of the test's own killed and started again.
 */
const ready = (await postgresReachable()) && (await redisReachable());
const ADMIN = 'faults-admin-key-0123456789';
const drops: (() => Promise<void>)[] = [];
const redisServers: ChildProcess[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  killStartedProcesses();
  for (const server of redisServers.splice(0)) server.kill('SIGKILL');
  for (const drop of drops.splice(0)) await drop();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server of the test's own (this machine kind has the binary), answering when this resolves. */
async function startRedis(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  redisServers.push(server);
  await waitFor(async () => {
    const { Redis } = await import('ioredis');
    const probe = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  }, 'redis-server to answer');
  return server;
}

const gql =
  (base: string, key = ADMIN) =>
  <T, V>(document: Parameters<typeof execute<T, V>>[1], variables?: V) =>
    execute<T, V>(fetch, document, variables, { url: `${base}/graphql`, key });

describe.skipIf(!ready)('faults with several instances', () => {
  it('should keep answering on B when A is killed mid-load, and lose no generation it acknowledged', async () => {
    const fresh = await freshPostgres();
    drops.push(fresh.drop);
    const port = await freePort();
    await startRedis(port);
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: fresh.url,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      SWITCHYARD_ADMIN_KEY: ADMIN,
    };
    const a = startProcess([], env);
    const b = startProcess([], env);
    const [urlA, urlB] = await Promise.all([a.ready, b.ready]);
    const acknowledged: string[] = [];
    let servedByBAfterKill = 0;
    let killed = false;
    const worker = async (base: string) => {
      for (let i = 0; i < 60; i++) {
        const result = await gql(base)(Generate, { input: { model: 'mock-fast', prompt: `p${i}` } }).catch(() => undefined);
        const id = result?.data?.generate.id;
        if (id) {
          acknowledged.push(id);
          if (killed && base === urlB) servedByBAfterKill++;
        }
        if (i === 10 && base === urlA && !killed) {
          killed = true;
          a.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([worker(urlA), worker(urlA), worker(urlB), worker(urlB)]);
    expect(killed).toBe(true);
    expect(servedByBAfterKill).toBeGreaterThan(50);
    for (const id of acknowledged) expect(expectData(await gql(urlB)(GenerationQuery, { id })).generation?.id).toBe(id);
  }, 90_000);

  it('should refuse budgeted requests while Redis is down, say so in /readyz, and recover events and budgets when it is back, without a restart', async () => {
    const fresh = await freshPostgres();
    drops.push(fresh.drop);
    const port = await freePort();
    let redis = await startRedis(port);
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: fresh.url,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      SWITCHYARD_ADMIN_KEY: ADMIN,
    };
    const [a, b] = await Promise.all([startProcess([], env).ready, startProcess([], env).ready]);
    const { key } = expectData(
      await gql(a)(CreateBudgetedKey, { input: { name: 'budgeted', scopes: ['CLIENT'], budget: { daily: 1 } } }),
    ).createApiKey;
    expectData(await gql(b, key)(Generate, { input: { model: 'mock-fast', prompt: 'Hi' } }));

    redis.kill('SIGKILL');
    await waitFor(
      async () => ((await (await fetch(`${b}/readyz`)).json()) as { checks: { redis: string } }).checks.redis === 'unreachable',
      'B to see Redis gone',
      10_000,
    );
    // A change made on A while the event is lost: B reads it again once Redis is back.
    expectData(await gql(a)(DisableModel, { id: 'mock-slow' }));
    const readyz = (await (await fetch(`${b}/readyz`)).json()) as { status: string; checks: Record<string, string> };
    expect(readyz).toMatchObject({
      status: 'ready',
      checks: {
        redis: 'unreachable',
        budgets: 'refusing requests of keys with a budget (BUDGET_UNAVAILABLE)',
        rateLimits: 'not enforced (RATE_LIMITS_FAIL_OPEN=true)',
      },
    });
    const refused = await gql(b, key)(Generate, { input: { model: 'mock-fast', prompt: 'Hi' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BUDGET_UNAVAILABLE', generationId: expect.any(String) });
    expect(await (await fetch(`${b}/metrics`)).text()).toMatch(/^switchyard_redis_connected 0$/m);
    // Requests without a budget are served meanwhile.
    expect(expectData(await gql(b)(Generate, { input: { model: 'mock-fast', prompt: 'Hi' } })).generate.status).toBe('SUCCEEDED');

    redis = await startRedis(port);
    await waitFor(
      async () => {
        const checks = await Promise.all(
          [a, b].map(async (u) => ((await (await fetch(`${u}/readyz`)).json()) as { checks: { redis: string } }).checks.redis),
        );
        return checks.every((c) => c === 'ok');
      },
      'both instances to reach Redis again',
      15_000,
    );
    expect(expectData(await gql(b, key)(Generate, { input: { model: 'mock-fast', prompt: 'Hi' } })).generate.status).toBe('SUCCEEDED');
    await waitFor(
      async () => expectData(await gql(b)(ModelQuery, { id: 'mock-slow' })).model?.status === 'DISABLED',
      'B to catch up with the change made during the outage',
    );
    // Events flow again: a switch on A reaches a subscriber on B (resubscribed by itself).
    const session = expectData(await gql(a)(CreateSession, { input: { modelId: 'mock-fast' } })).createSession;
    const client = wsClient(b, ADMIN);
    closers.push(async () => void (await client.dispose()));
    const events = subscribe(client, ModelSwitchedSubscription, { sessionId: session.id });
    await waitFor(
      async () => /switchyard_active_subscriptions 1\b/.test(await (await fetch(`${b}/metrics`)).text()),
      'the subscription on B',
    );
    await waitFor(
      async () => {
        expectData(await gql(a)(SwitchModel, { input: { sessionId: session.id, modelId: 'mock-fast' } }));
        const next = await Promise.race([events.next(), new Promise((resolve) => setTimeout(() => resolve(undefined), 500))]);
        return next !== undefined;
      },
      'a switch on A to reach B after the restart',
      15_000,
    );
  }, 90_000);

  it('should hear the other instances once Redis comes up, when it started while Redis was down', async () => {
    const fresh = await freshPostgres();
    drops.push(fresh.drop);
    const port = await freePort();
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: fresh.url,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      SWITCHYARD_ADMIN_KEY: ADMIN,
    };
    const b = await startProcess([], env).ready; // no Redis yet
    expect(((await (await fetch(`${b}/readyz`)).json()) as { checks: { redis: string } }).checks.redis).toBe('unreachable');
    await startRedis(port);
    await waitFor(
      async () => ((await (await fetch(`${b}/readyz`)).json()) as { checks: { redis: string } }).checks.redis === 'ok',
      'B to reach Redis',
      15_000,
    );
    const a = await startProcess([], env).ready;
    const session = expectData(await gql(a)(CreateSession, { input: { modelId: 'mock-fast' } })).createSession;
    const client = wsClient(b, ADMIN);
    closers.push(async () => void (await client.dispose()));
    const events = subscribe(client, ModelSwitchedSubscription, { sessionId: session.id });
    await waitFor(
      async () => /switchyard_active_subscriptions 1\b/.test(await (await fetch(`${b}/metrics`)).text()),
      'the subscription on B',
    );
    expectData(await gql(a)(SwitchModel, { input: { sessionId: session.id, modelId: 'mock-slow' } }));
    expect((await events.next()).value?.data?.modelSwitched).toMatchObject({ revision: 2, model: { id: 'mock-slow' } });
  }, 90_000);
});
