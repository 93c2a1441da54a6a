import type { Client } from 'graphql-ws';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureJson, OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import {
  CircuitQuery,
  CostsQuery,
  CreateApiKey,
  CreateBudgetedKey,
  CreateSession,
  Generate,
  GenerateRouted,
  ModelQuery,
  ModelSwitchedSubscription,
  PoolsQuery,
  RegisterModel,
  RevokeApiKey,
  SetModelPool,
  SwitchModel,
  UsageUpdatedSubscription,
  ViewerQuery,
} from '../helpers/documents.js';
import { execute, expectData, expectError } from '../helpers/graphql.js';
import { killStartedProcesses, startProcess } from '../helpers/gateway-process.js';
import { graphqlOn, sharedInstanceEnv, startInstancePair } from '../helpers/instance-pair.js';
import { postgresReachable } from '../helpers/postgres.js';
import { redisReachable } from '../helpers/redis.js';
import { subscribe, waitFor, wsClient } from '../helpers/ws.js';

/**
 * Gateway processes sharing one PostgreSQL database and one Redis (processes, not mocks): what
 * one instance does, the others see.
 */
const ready = (await postgresReachable()) && (await redisReachable());
const ADMIN = 'instances-admin-key-0123456789';
const drops: (() => Promise<void>)[] = [];
const sockets: Client[] = [];
const closersAfter: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.dispose()));
  killStartedProcesses();
  for (const close of closersAfter.splice(0)) await close();
  for (const drop of drops.splice(0)) await drop();
});

describe.skipIf(!ready)('two instances on one PostgreSQL and one Redis', () => {
  it('should deliver a switch made on A to a subscriber on B in revision order, and let B serve what A registered and pooled', async () => {
    const { env, drop } = await sharedInstanceEnv(ADMIN);
    drops.push(drop);
    // Started together: they take turns at the migrations and the config.
    const [a, b] = await startInstancePair([], env);
    const [onA, onB] = [graphqlOn(a, ADMIN), graphqlOn(b, ADMIN)];

    const session = expectData(await onA(CreateSession, { input: { modelId: 'mock-fast' } })).createSession;
    const client = wsClient(b, ADMIN);
    sockets.push(client);
    const events = subscribe(client, ModelSwitchedSubscription, { sessionId: session.id });
    await waitFor(
      async () => /switchyard_active_subscriptions 1\b/.test(await (await fetch(`${b}/metrics`)).text()),
      'the subscription on B',
    );
    const targets = ['mock-slow', 'mock-fast', 'mock-slow', 'mock-fast', 'mock-slow'];
    for (const modelId of targets) expectData(await onA(SwitchModel, { input: { sessionId: session.id, modelId } }));
    const seen = [];
    for (let i = 0; i < targets.length; i++) seen.push((await events.next()).value?.data?.modelSwitched);
    expect(seen.map((e) => [e?.revision, e?.model?.id])).toEqual(targets.map((m, i) => [i + 2, m]));

    // The registry and the pools follow: B serves a model and a pool made on A.
    expectData(await onA(RegisterModel, { input: { id: 'mock-shared', provider: 'MOCK', pricing: { input: 1, output: 1 } } }));
    await waitFor(
      async () => expectData(await onB(ModelQuery, { id: 'mock-shared' })).model?.status === 'HEALTHY',
      'B to know the model A registered',
    );
    expect(expectData(await onB(Generate, { input: { model: 'mock-shared', prompt: 'Hi' } })).generate.modelId).toBe('mock-shared');
    expectData(await onA(SetModelPool, { input: { name: 'shared-pool', members: [{ modelId: 'mock-shared' }] } }));
    await waitFor(async () => expectData(await onB(PoolsQuery)).pools.some((p) => p.name === 'shared-pool'), 'B to know the pool A set');
    expect(expectData(await onB(GenerateRouted, { input: { pool: 'shared-pool', prompt: 'Hi' } })).generate).toMatchObject({
      poolName: 'shared-pool',
      modelId: 'mock-shared',
    });

    // A sticky pool: the member that served a conversation on A is the one B sends it to (the store is in Redis).
    expectData(await onA(RegisterModel, { input: { id: 'mock-shared-2', provider: 'MOCK', pricing: { input: 1, output: 1 } } }));
    expectData(
      await onA(SetModelPool, {
        input: { name: 'sticky-shared', sticky: true, members: [{ modelId: 'mock-shared' }, { modelId: 'mock-shared-2' }] },
      }),
    );
    await waitFor(
      async () =>
        expectData(await onB(PoolsQuery)).pools.some((p) => p.name === 'sticky-shared' && p.sticky) &&
        expectData(await onB(ModelQuery, { id: 'mock-shared-2' })).model?.status === 'HEALTHY',
      'B to know the sticky pool and its members',
    );
    const servedOn = async (on: typeof onA, prompt: string) =>
      expectData(await on(GenerateRouted, { input: { pool: 'sticky-shared', prompt } })).generate.modelId;
    // (Drawn on its own, B would agree with A on all eight with a chance of 1 in 256.)
    for (let c = 0; c < 8; c++) {
      const member = await servedOn(onA, `conversation ${c}`);
      expect(await servedOn(onB, `conversation ${c}`)).toBe(member);
    }

    // B's generations reach a usageUpdated subscriber on A.
    const watcher = wsClient(a, ADMIN);
    sockets.push(watcher);
    const usage = subscribe(watcher, UsageUpdatedSubscription, {});
    await waitFor(
      async () => /switchyard_active_subscriptions 1\b/.test(await (await fetch(`${a}/metrics`)).text()),
      'the subscription on A',
    );
    const generated = expectData(await onB(Generate, { input: { model: 'mock-fast', prompt: 'Hi' } })).generate;
    expect((await usage.next()).value?.data?.usageUpdated?.generationId).toBe(generated.id);

    const readyB = (await (await fetch(`${b}/readyz`)).json()) as { checks: { redis: string; database: string } };
    expect(readyB.checks).toMatchObject({ database: 'ok', redis: 'ok' });
    expect(await (await fetch(`${b}/metrics`)).text()).toMatch(/^switchyard_redis_connected 1$/m);
  }, 60_000);

  it('should close a key’s sockets on B and refuse the key there at once when it is revoked on A', async () => {
    const { env, drop } = await sharedInstanceEnv(ADMIN);
    drops.push(drop);
    const a = await startProcess([], env).ready;
    const b = await startProcess([], env).ready;
    const { key, apiKey } = expectData(
      await execute(fetch, CreateApiKey, { input: { name: 'shared', scopes: ['CLIENT'] } }, { url: `${a}/graphql`, key: ADMIN }),
    ).createApiKey;
    // B remembers the key (authenticated once), and holds a socket of it.
    expectData(await execute(fetch, ViewerQuery, undefined, { url: `${b}/graphql`, key }));
    let closed: { code: number; reason: string } | undefined;
    const socket = wsClient(b, key, (event) => (closed = event));
    sockets.push(socket);
    const updates = subscribe(socket, UsageUpdatedSubscription, {});
    void updates.next().catch(() => undefined);
    await waitFor(
      async () => /switchyard_active_subscriptions 1\b/.test(await (await fetch(`${b}/metrics`)).text()),
      'the key’s subscription on B',
    );

    expectData(await execute(fetch, RevokeApiKey, { id: apiKey.id }, { url: `${a}/graphql`, key: ADMIN }));
    await waitFor(() => closed !== undefined, 'B to close the key’s socket');
    expect(closed).toMatchObject({ code: 4403, reason: 'Forbidden: the API key was revoked' });
    expect(expectError(await execute(fetch, ViewerQuery, undefined, { url: `${b}/graphql`, key })).code).toBe('UNAUTHENTICATED');
  }, 60_000);

  it('should never let 2 instances × 100 parallel requests spend past a budget that fits ten', async () => {
    const { env, drop } = await sharedInstanceEnv(ADMIN);
    drops.push(drop);
    const [a, b] = await startInstancePair([], env);
    // mock-fast ($0.5/M in, $1.5/M out), 16 tokens: a worst case of 7 prompt tokens (cl100k, framing included) + 16 × 1.5 = 27.5 micro-USD.
    const budget = 0.000275;
    const { key, apiKey } = expectData(
      await execute(
        fetch,
        CreateBudgetedKey,
        { input: { name: 'shared-budget', scopes: ['CLIENT'], budget: { daily: budget } } },
        { url: `${a}/graphql`, key: ADMIN },
      ),
    ).createApiKey;
    const ask = (base: string) =>
      execute(fetch, Generate, { input: { model: 'mock-fast', prompt: 'Hi', params: { maxTokens: 16 } } }, { url: `${base}/graphql`, key });
    // One request on each first: both instances have looked at the key's spend before the burst.
    const warm = [await ask(a), await ask(b)];
    const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => ask(i % 2 ? b : a)));
    const results = [...warm, ...burst];
    const succeeded = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'COST_LIMIT_EXCEEDED');
    expect(succeeded.length + refused.length).toBe(202);
    expect(succeeded.length).toBeGreaterThanOrEqual(10);
    const spent = succeeded.reduce((sum, r) => sum + (r.data?.generate.costMicroUsd ?? 0), 0);
    expect(spent).toBeLessThanOrEqual(budget * 1e6);
    // The stored records agree: what the key spent on both instances stays within its budget.
    const costs = expectData(
      await execute(fetch, CostsQuery, { groupBy: 'API_KEY', filter: { apiKeyId: apiKey.id } }, { url: `${b}/graphql`, key: ADMIN }),
    ).costs;
    expect(costs.totals.costMicroUsd).toBe(spent);
    expect(costs.totals.requests).toBe(202);
  }, 60_000);

  it('should hold a key’s requests per minute across the instances', async () => {
    const { env, drop } = await sharedInstanceEnv(ADMIN);
    drops.push(drop);
    const [a, b] = await startInstancePair([], env);
    const { key } = expectData(
      await execute(
        fetch,
        CreateBudgetedKey,
        { input: { name: 'five-a-minute', scopes: ['CLIENT'], requestsPerMinute: 5 } },
        { url: `${a}/graphql`, key: ADMIN },
      ),
    ).createApiKey;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        execute(fetch, Generate, { input: { model: 'mock-fast', prompt: 'Hi' } }, { url: `${i % 2 ? b : a}/graphql`, key }),
      ),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(5);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toHaveLength(15);
  }, 60_000);

  it('should route around on B a circuit opened on A, without calling the failing upstream from B', async () => {
    const upstream = await startOpenAIFake();
    closersAfter.push(() => upstream.dispose());
    const dir = mkdtempSync(join(tmpdir(), 'sy-instances-'));
    const configPath = join(dir, 'switchyard.yml');
    writeFileSync(
      configPath,
      [
        'security: { allowPrivateEndpoints: true }',
        'routing:',
        '  retry: { attempts: 1 }',
        '  circuitBreaker: { minRequests: 2, errorRateThreshold: 0.5, coolDownMs: 60000 }',
        'defaultModel: mock-fast',
        'pools:',
        '  - { name: duo, strategy: ROUND_ROBIN, members: [{ modelId: flaky }, { modelId: mock-fast }] }',
        'models:',
        '  - { id: mock-fast, provider: mock, pricing: { input: 1, output: 1 } }',
        `  - { id: flaky, provider: openai-compatible, upstreamModel: gpt-4, baseUrl: "${upstream.url}/v1", apiKeyEnv: FLAKY_KEY, pricing: { input: 1, output: 1 } }`,
      ].join('\n'),
    );
    const { env, drop } = await sharedInstanceEnv(ADMIN, { FLAKY_KEY: OPENAI_TEST_KEY });
    drops.push(drop);
    const [a, b] = await startInstancePair(['--config', configPath], env);
    const [onA, onB] = [graphqlOn(a, ADMIN), graphqlOn(b, ADMIN)];
    upstream.respond('POST /v1/chat/completions', { type: 'json', status: 500, body: fixtureJson('openai/error-500.json') });
    for (let i = 0; i < 2; i++) expectError(await onA(Generate, { input: { model: 'flaky', prompt: 'Hi' } }));
    await waitFor(
      async () => expectData(await onB(CircuitQuery)).models.find((m) => m.id === 'flaky')?.circuit.state === 'OPEN',
      'B to see the circuit A opened',
    );
    const calls = upstream.calls.filter((c) => c.path.endsWith('/chat/completions')).length;
    expect(expectError(await onB(Generate, { input: { model: 'flaky', prompt: 'Hi' } })).code).toBe('MODEL_UNAVAILABLE');
    for (let i = 0; i < 4; i++)
      expect(expectData(await onB(GenerateRouted, { input: { pool: 'duo', prompt: 'Hi' } })).generate.modelId).toBe('mock-fast');
    expect(upstream.calls.filter((c) => c.path.endsWith('/chat/completions'))).toHaveLength(calls);
  }, 60_000);
});
