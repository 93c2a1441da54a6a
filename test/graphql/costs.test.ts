import { GRAPHQL_FIELDS, readGenerateInput } from '../../src/modules/generations/generate-input.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureJson } from '../fakes/vendors.js';
import {
  ApiKeyBudgetQuery,
  CostSeriesQuery,
  CostsQuery,
  CreateBudgetedKey,
  CreateSession,
  Generate,
  GenerateStreamCost,
  GenerateRouted,
  GenerationsQuery,
  SetBudget,
  SetModelPool,
  UsageUpdatedSubscription,
} from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { type StreamEvent, tokenDeltas } from '../helpers/stream-events.js';
import { BUDGET_SHARE } from '../../src/modules/generations/admission.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';
import { subscribe, waitFor, wsClient, WsClients } from '../helpers/ws.js';

const ADMIN = 'costs-admin-key-0123456789';
let v: VendorApp | undefined;
const clients = new WsClients();
afterEach(async () => {
  await clients.closeAll();
  await v?.dispose();
  v = undefined;
});

async function app(): Promise<VendorApp> {
  v = await startVendorApp({ SWITCHYARD_ADMIN_KEY: ADMIN });
  return v;
}

async function key(a: VendorApp, name: string, budget?: { daily?: number; monthly?: number }) {
  return expectData(await a.t.run(CreateBudgetedKey, { input: { name, scopes: ['CLIENT'], ...(budget ? { budget } : {}) } }, ADMIN))
    .createApiKey;
}

describe('budgets', () => {
  it('should never let 50 parallel requests spend past a budget that fits ten', async () => {
    const a = await app();
    // mock-a ($1/M in, $2/M out) answers "Hi" with 8 words: worst case 7 prompt tokens (cl100k, framing included) + 8 × 2 = 23 micro,
    // real cost 1 + 16 = 17 micro (the mock counts words). A budget of $0.00023 holds ten worst cases.
    const k = await key(a, 'capped', { daily: 0.00023 });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => a.t.run(Generate, { input: { model: 'mock-a', prompt: 'Hi', params: { maxTokens: 8 } } }, k.key)),
    );
    const succeeded = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'COST_LIMIT_EXCEEDED');
    expect(succeeded.length + refused.length).toBe(50);
    expect(succeeded.length).toBeGreaterThanOrEqual(10);
    const spent = succeeded.reduce((sum, r) => sum + (r.data?.generate.costMicroUsd ?? 0), 0);
    expect(spent).toBeLessThanOrEqual(230);
    const { apiKeys } = expectData(await a.t.run(ApiKeyBudgetQuery, undefined, ADMIN));
    const budget = apiKeys.find((x) => x.id === k.apiKey.id)?.budget;
    expect(budget).toMatchObject({ daily: 0.00023, reserved: 0 });
    expect(budget?.spentToday).toBeCloseTo(spent / 1e6, 10);
    expect(refused[0]?.errors?.[0]?.message).toMatch(
      /^the daily budget of this API key has \$[\d.e-]+ left(, after \$[\d.e-]+ held back by running requests until they settle)?, less than the prompt alone would cost on mock-a; nothing was sent$/,
    );
  });

  it('should give parallel requests with the default maxTokens a share of a small budget each, not all of it to the first', async () => {
    const a = await app();
    // mock-a's default maxTokens (2000) would cost 7 + 4000 micro: more than this whole budget of 4000.
    const k = await key(a, 'small', { daily: 0.004 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => a.t.run(Generate, { input: { model: 'mock-a', prompt: 'Hi' } }, k.key)),
    );
    const succeeded = results.filter((r) => !r.errors);
    expect(succeeded.length).toBeGreaterThanOrEqual(5); // before: 1, the other 19 refused with "$0 left"
    expect(succeeded[0]?.data?.generate.maxTokens).toBeLessThanOrEqual(Math.floor((4000 * BUDGET_SHARE - 7) / 2));
    const spent = succeeded.reduce((sum, r) => sum + (r.data?.generate.costMicroUsd ?? 0), 0);
    expect(spent).toBeLessThanOrEqual(4000);
    // A maxTokens the caller asks for is fitted to the whole of what is left.
    const k2 = await key(a, 'explicit', { daily: 0.004 });
    const { generate } = expectData(
      await a.t.run(Generate, { input: { model: 'mock-a', prompt: 'Hi', params: { maxTokens: 1900 } } }, k2.key),
    );
    expect(generate.maxTokens).toBe(1900);
  });

  it('should lower maxTokens to what the budget has left', async () => {
    const a = await app();
    const k = await key(a, 'tight', { monthly: 0.001 }); // 1000 micro: 210 for the prompt leaves 790 → 13 output tokens
    const { generate } = expectData(await a.t.run(Generate, { input: { model: 'gpt-test', prompt: 'Hi' } }, k.key));
    expect(generate.maxTokens).toBe(13);
    expect(a.openai.calls.at(-1)?.body).toMatchObject({ max_completion_tokens: 13 });
  });

  it('should settle to the real cost on success and release the reservation on failure', async () => {
    const a = await app();
    const k = await key(a, 'settle', { daily: 1 });
    expectData(await a.t.run(Generate, { input: { model: 'gpt-test', prompt: 'Hi' } }, k.key));
    a.openai.respond('POST /v1/chat/completions', { type: 'json', status: 500, body: fixtureJson('openai/error-500.json') });
    expectError(await a.t.run(Generate, { input: { model: 'gpt-test', prompt: 'Hi' } }, k.key));
    const budget = expectData(await a.t.run(ApiKeyBudgetQuery, undefined, ADMIN)).apiKeys.find((x) => x.id === k.apiKey.id)?.budget;
    expect(budget).toMatchObject({ spentToday: 0.00066, reserved: 0, remaining: 1 - 0.00066 });
  });

  it('should give back the reservation of a stream closed before it ran', async () => {
    const a = await app();
    const k = await key(a, 'abandoned', { daily: 1 });
    const { services } = a.t.app;
    const viewer = await services.apiKeys.authenticate(`Bearer ${k.key}`);
    const prepared = await services.generations.prepare(readGenerateInput({ model: 'gpt-test', prompt: 'Hi' }), viewer, {
      stream: true,
      fields: GRAPHQL_FIELDS,
    });
    expect((await services.budgets.status(k.apiKey.id, viewer.budget)).reservedMicroUsd).toBeGreaterThan(0);
    const stream = services.generations.stream(prepared);
    await stream.return?.();
    expect((await services.budgets.status(k.apiKey.id, viewer.budget)).reservedMicroUsd).toBe(0);
    // Read after it was closed, it does not start: nothing is sent upstream on a released reservation.
    const execute = vi.spyOn(services.generations, 'execute');
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(execute).not.toHaveBeenCalled();
    execute.mockRestore();
  });

  it('should make a request wait while running requests hold what it needs, admit it once they settle, and end the wait with its caller', async () => {
    const a = await app();
    // 400 micro: one request on gpt-test holds 390 (its prompt, 210, and 3 output tokens).
    const k = await key(a, 'waiting', { daily: 0.0004 });
    const { services } = a.t.app;
    const viewer = await services.apiKeys.authenticate(`Bearer ${k.key}`);
    const ask = (signal?: AbortSignal) =>
      services.generations.prepare(readGenerateInput({ model: 'gpt-test', prompt: 'Hi' }), viewer, {
        stream: false,
        signal,
        fields: GRAPHQL_FIELDS,
      });
    const running = await ask();
    expect(running.reservation?.amountMicroUsd).toBe(390);
    // 10 micro is left beside that hold: not enough for the prompt, but enough once the running request settles.
    const gone = new AbortController();
    gone.abort();
    await expect(ask(gone.signal)).rejects.toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      message: expect.stringMatching(/\(the request ended while it waited for them to settle\)/),
    });
    const status = vi.spyOn(services.budgets, 'status');
    const waiting = ask();
    await waitFor(() => status.mock.calls.length >= 3, 'the waiting request to poll the budget');
    running.reservation?.release();
    expect((await waiting).reservation?.amountMicroUsd).toBe(390);
    status.mockRestore();
  });

  it('should apply a budget set on a key in use to its very next request', async () => {
    const a = await app();
    const k = await key(a, 'in-use');
    expectData(await a.t.run(Generate, { input: { model: 'mock-a', prompt: 'Hi' } }, k.key)); // the key is now remembered
    expectData(await a.t.run(SetBudget, { input: { apiKeyId: k.apiKey.id, daily: 0.000001 } }, ADMIN));
    expect(expectError(await a.t.run(Generate, { input: { model: 'mock-a', prompt: 'Hi' } }, k.key)).code).toBe('COST_LIMIT_EXCEEDED');
  });

  it('should set, change and clear budgets', async () => {
    const a = await app();
    const k = await key(a, 'admin-set');
    expect(k.apiKey.budget).toEqual({ daily: null, monthly: null, remaining: null });
    const set = expectData(await a.t.run(SetBudget, { input: { apiKeyId: k.apiKey.id, daily: 2, monthly: 30 } }, ADMIN)).setBudget;
    expect(set.budget).toEqual({ daily: 2, monthly: 30, remaining: 2 });
    const cleared = expectData(await a.t.run(SetBudget, { input: { apiKeyId: k.apiKey.id, daily: null } }, ADMIN)).setBudget;
    expect(cleared.budget).toEqual({ daily: null, monthly: 30, remaining: 30 });
    expect(expectError(await a.t.run(SetBudget, { input: { apiKeyId: k.apiKey.id, daily: 1 } }, k.key)).code).toBe('FORBIDDEN');
    expect(expectError(await a.t.run(SetBudget, { input: { apiKeyId: k.apiKey.id, daily: -1 } }, ADMIN)).message).toBe(
      'input.daily: expected a number from 0 to 10000000, got -1',
    );
  });

  it('should push usageUpdated to the key as its generations settle', async () => {
    const a = await app();
    const k = await key(a, 'watched', { daily: 1 });
    const client = wsClient(await a.t.listen(), k.key);
    clients.push(client);
    const updates = subscribe(client, UsageUpdatedSubscription, {});
    await waitFor(async () => ((await a.t.app.services.metrics.activeSubscriptions.get()).values[0]?.value ?? 0) === 1, 'the subscription');
    const other = await key(a, 'other');
    expectData(await a.t.run(Generate, { input: { model: 'gpt-test', prompt: 'Hi' } }, other.key));
    const mine = expectData(await a.t.run(Generate, { input: { model: 'gpt-test', prompt: 'Hi' } }, k.key)).generate;
    const update = (await updates.next()).value?.data?.usageUpdated;
    expect(update).toMatchObject({
      generationId: mine.id,
      modelId: 'gpt-test',
      status: 'SUCCEEDED',
      costUsd: 0.00066,
      apiKey: { id: k.apiKey.id },
      budget: { spentToday: 0.00066, remaining: 1 - 0.00066 },
    });
    await updates.return?.();
  });

  it('should push usageUpdated for generations without a key (local mode) and for refusals, with no key or budget', async () => {
    v = await startVendorApp();
    const client = wsClient(await v.t.listen());
    clients.push(client);
    const updates = subscribe(client, UsageUpdatedSubscription, {});
    await waitFor(
      async () => ((await v!.t.app.services.metrics.activeSubscriptions.get()).values[0]?.value ?? 0) === 1,
      'the subscription',
    );
    const done = expectData(await v.t.run(Generate, { input: { model: 'mock-a', prompt: 'Hi' } })).generate;
    expect((await updates.next()).value?.data?.usageUpdated).toEqual({
      generationId: done.id,
      modelId: 'mock-a',
      sessionId: null,
      status: 'SUCCEEDED',
      costUsd: done.costUsd,
      apiKey: null,
      budget: null,
    });
    expectError(await v.t.run(Generate, { input: { model: 'mock-a', prompt: 'Hi', costLimit: 0.0000001 } }));
    expect((await updates.next()).value?.data?.usageUpdated).toMatchObject({
      modelId: 'mock-a',
      status: 'FAILED',
      costUsd: 0,
      apiKey: null,
    });
    await updates.return?.();
  });
});

describe('cost limit during a stream', () => {
  it('should stop a stream before the chunk that would pass its cost limit and complete it with COST_LIMIT, charged at most the limit', async () => {
    v = await startVendorApp();
    const client = wsClient(await v.t.listen());
    clients.push(client);
    // $0.0004 = 400 micro: the prompt (7 tokens) costs 210, leaving 3 output tokens at 60 each; the upstream ignores that and sends more.
    const events: (StreamEvent & { costUsd?: number; generation?: { costMicroUsd: number } })[] = [];
    for await (const r of subscribe(client, GenerateStreamCost, { input: { model: 'gpt-test', prompt: 'Hi', costLimit: 0.0004 } }))
      events.push(r.data?.generateStream as (typeof events)[number]);
    // "Hello" 1, " there" 1, "! 你好" 3 cl100k tokens: the third would take the running cost to 570 micro, so it is not relayed.
    const runningAfterChunk = [0.00027, 0.00033];
    const deltas = events.filter((e) => e.__typename === 'TokenDelta');
    expect(deltas.map((d) => d.costUsd)).toEqual(deltas.map((d) => runningAfterChunk[(d.index ?? 0) + (d.chunks ?? 1) - 1]));
    expect(tokenDeltas(events)).toMatchObject({ text: 'Hello there', chunks: 2 });
    expect(events.at(-1)).toMatchObject({
      __typename: 'GenerationCompleted',
      generation: { status: 'SUCCEEDED', finishReason: 'COST_LIMIT', text: 'Hello there' },
    });
    expect(events.at(-1)?.generation?.costMicroUsd).toBeLessThanOrEqual(400);
  });

  it('should never charge a budgeted answer stopped at its hold more than it held, nor its key more than its budget', async () => {
    const a = await app();
    // 400 micro: the prompt (7 cl100k tokens) costs 210, so 3 output tokens (180) fit: each request holds 390. The upstream
    // ignores max_tokens and reports 12 prompt tokens and 5 output tokens: by its usage the answer would cost 660.
    const streamKey = await key(a, 'stopped-stream', { daily: 0.0004 });
    const client = wsClient(await a.t.listen(), streamKey.key);
    clients.push(client);
    const events: (StreamEvent & { generation?: { costMicroUsd: number } })[] = [];
    for await (const r of subscribe(client, GenerateStreamCost, { input: { model: 'gpt-test', prompt: 'Hi' } }))
      events.push(r.data?.generateStream as (typeof events)[number]);
    // A whole answer (generate) is held to the same limit: its text stops before the chunk that would pass the hold.
    const wholeKey = await key(a, 'stopped-whole', { daily: 0.0004 });
    const whole = expectData(await a.t.run(Generate, { input: { model: 'gpt-test', prompt: 'Hi' } }, wholeKey.key)).generate;
    for (const generation of [events.at(-1)?.generation, whole]) {
      expect(generation).toMatchObject({ maxTokens: 3, finishReason: 'COST_LIMIT', text: 'Hello there' });
      expect(generation?.costMicroUsd).toBeGreaterThan(0);
      expect(generation?.costMicroUsd).toBeLessThanOrEqual(390);
    }
    const { apiKeys } = expectData(await a.t.run(ApiKeyBudgetQuery, undefined, ADMIN));
    for (const [k, generation] of [
      [streamKey, events.at(-1)?.generation],
      [wholeKey, whole],
    ] as const) {
      const budget = apiKeys.find((x) => x.id === k.apiKey.id)?.budget;
      expect(budget).toMatchObject({ reserved: 0 });
      expect(budget?.spentToday).toBeCloseTo((generation?.costMicroUsd ?? 0) / 1e6, 10);
      expect(budget?.spentToday).toBeLessThanOrEqual(0.0004);
    }
  });
});

describe('costs', () => {
  it('should group requests, tokens, failures and cost in SQL, agreeing with the records and /metrics', async () => {
    const a = await app();
    const k1 = await key(a, 'one');
    const k2 = await key(a, 'two');
    for (let i = 0; i < 3; i++) expectData(await a.t.run(Generate, { input: { model: 'gpt-test', prompt: `q${i}` } }, k1.key));
    for (let i = 0; i < 2; i++) expectData(await a.t.run(Generate, { input: { model: 'claude-test', prompt: `q${i}` } }, k2.key));
    expectData(await a.t.run(Generate, { input: { model: 'mock-a', prompt: 'hello there' } }, k2.key));
    a.openai.respond('POST /v1/chat/completions', { type: 'json', status: 400, body: fixtureJson('openai/error-400.json') });
    expectError(await a.t.run(Generate, { input: { model: 'gpt-test', prompt: 'x' } }, k2.key));

    const byModel = expectData(await a.t.run(CostsQuery, { groupBy: 'MODEL' }, ADMIN)).costs;
    expect(byModel.groups).toEqual([
      { key: 'gpt-test', requests: 4, failures: 1, inputTokens: 36, outputTokens: 15, costUsd: 0.00198, costMicroUsd: 1980 },
      { key: 'claude-test', requests: 2, failures: 0, inputTokens: 50, outputTokens: 12, costUsd: 0.000028, costMicroUsd: 28 },
      { key: 'mock-a', requests: 1, failures: 0, inputTokens: 2, outputTokens: 8, costUsd: 0.000018, costMicroUsd: 18 },
    ]);
    const records = (await a.t.app.services.generationRepository.page({}, 100)).items;
    expect(byModel.totals.costMicroUsd).toBe(records.reduce((sum, r) => sum + (r.costMicroUsd ?? 0), 0));
    const metrics = await a.t.app.services.metrics.registry.metrics();
    const metricCost = [...metrics.matchAll(/^switchyard_cost_micro_usd_total\{[^}]*\} (\d+)$/gm)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    expect(metricCost).toBe(byModel.totals.costMicroUsd);

    const byKey = expectData(await a.t.run(CostsQuery, { groupBy: 'API_KEY' }, ADMIN)).costs.groups;
    expect(byKey.map((g) => [g.key, g.requests, g.costMicroUsd])).toEqual([
      [k1.apiKey.id, 3, 1980],
      [k2.apiKey.id, 4, 46],
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect(expectData(await a.t.run(CostsQuery, { groupBy: 'DAY' }, ADMIN)).costs.groups).toEqual([
      expect.objectContaining({ key: today, requests: 7 }),
    ]);
    expect(
      expectData(await a.t.run(CostsQuery, { groupBy: 'PROVIDER', filter: { provider: 'anthropic' } }, ADMIN)).costs.groups.map(
        (g) => g.key,
      ),
    ).toEqual(['anthropic']);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(expectData(await a.t.run(CostsQuery, { groupBy: 'MODEL', filter: { since: future } }, ADMIN)).costs.totals.requests).toBe(0);

    // A client key sees only its own, whatever it asks for.
    const own = expectData(await a.t.run(CostsQuery, { groupBy: 'API_KEY', filter: { apiKeyId: k1.apiKey.id } }, k2.key)).costs;
    expect(own.groups.map((g) => g.key)).toEqual([k2.apiKey.id]);
    expect(expectData(await a.t.run(GenerationsQuery, {}, ADMIN)).generations.edges).toHaveLength(7);
  });
});

describe('costs over time and by pool', () => {
  it('should sum each series bucket in SQL, adding up to the costs totals, and group and filter by pool', async () => {
    const a = await app();
    const k = await key(a, 'series');
    expectData(
      await a.t.run(
        SetModelPool,
        { input: { name: 'duo', members: [{ modelId: 'gpt-test' }, { modelId: 'mock-a' }], strategy: 'ROUND_ROBIN' } },
        ADMIN,
      ),
    );
    for (let i = 0; i < 4; i++) expectData(await a.t.run(GenerateRouted, { input: { pool: 'duo', prompt: `p${i}` } }, k.key));
    for (let i = 0; i < 2; i++) expectData(await a.t.run(Generate, { input: { model: 'claude-test', prompt: `c${i}` } }, k.key));

    const since = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const filter = { since };
    const totals = expectData(await a.t.run(CostsQuery, { groupBy: 'MODEL', filter }, ADMIN)).costs.totals;
    const hourly = expectData(await a.t.run(CostSeriesQuery, { groupBy: 'MODEL', interval: 'HOUR', filter }, ADMIN)).costSeries;
    const sum = (key: 'requests' | 'costMicroUsd' | 'inputTokens' | 'outputTokens') => hourly.reduce((s, p) => s + p[key], 0);
    expect([sum('requests'), sum('costMicroUsd'), sum('inputTokens'), sum('outputTokens')]).toEqual([
      totals.requests,
      totals.costMicroUsd,
      totals.inputTokens,
      totals.outputTokens,
    ]);
    expect(new Set(hourly.map((p) => p.key))).toEqual(new Set(['gpt-test', 'mock-a', 'claude-test']));
    for (const point of hourly) expect(new Date(point.start).getTime() % 3_600_000).toBe(0);
    const daily = expectData(await a.t.run(CostSeriesQuery, { groupBy: 'PROVIDER', interval: 'DAY', filter }, ADMIN)).costSeries;
    expect(daily.length).toBeGreaterThan(0);
    for (const point of daily) expect(point.start.endsWith('T00:00:00.000Z')).toBe(true);

    const byPool = expectData(await a.t.run(CostsQuery, { groupBy: 'POOL', filter }, ADMIN)).costs.groups;
    expect(byPool.map((g) => [g.key, g.requests])).toEqual(
      expect.arrayContaining([
        ['duo', 4],
        [null, 2],
      ]),
    );
    const poolOnly = expectData(await a.t.run(CostsQuery, { groupBy: 'MODEL', filter: { poolName: 'duo' } }, ADMIN)).costs.groups;
    expect(poolOnly.map((g) => [g.key, g.requests]).sort()).toEqual([
      ['gpt-test', 2],
      ['mock-a', 2],
    ]);

    // A series needs a start, and stays bounded.
    expect(expectError(await a.t.run(CostSeriesQuery, { groupBy: 'MODEL', interval: 'HOUR', filter: {} }, ADMIN))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'filter.since: expected the start of the range (a series needs one)',
    });
    const decade = { since: new Date(Date.now() - 10 * 365 * 86_400_000).toISOString() };
    expect(expectError(await a.t.run(CostSeriesQuery, { groupBy: 'MODEL', interval: 'HOUR', filter: decade }, ADMIN)).message).toMatch(
      /^interval: expected at most 20000 buckets/,
    );
    // A client key's series holds its own generations only.
    const other = await key(a, 'other-series');
    expect(expectData(await a.t.run(CostSeriesQuery, { groupBy: 'MODEL', interval: 'DAY', filter }, other.key)).costSeries).toEqual([]);
  });

  it('should list a session’s turns with the model that answered each', async () => {
    const a = await app();
    const k = await key(a, 'turns');
    const session = expectData(await a.t.run(CreateSession, { input: { modelId: 'mock-a' } }, k.key)).createSession;
    expectData(await a.t.run(Generate, { input: { sessionId: session.id, prompt: 'one' } }, k.key));
    expectData(await a.t.run(Generate, { input: { model: 'gpt-test', prompt: 'elsewhere' } }, k.key));
    expectData(await a.t.run(Generate, { input: { sessionId: session.id, model: 'claude-test', prompt: 'two' } }, k.key));
    const turns = expectData(await a.t.run(GenerationsQuery, { filter: { sessionId: session.id } }, k.key)).generations.edges.map(
      (e) => e.node.modelId,
    );
    expect(turns).toEqual(['claude-test', 'mock-a']);
  });
});

describe('cost figures', () => {
  it('should give a generation costing more than 2,147 USD its exact costMicroUsd (a Float, as on cost rows)', async () => {
    const { startTestApp } = await import('../helpers/test-app.js');
    // 300 USD a token: eight tokens of output and one of prompt cost 2,700 USD, past an Int's 2,147,483,647 micro-USD.
    const t = await startTestApp({
      file: { models: [{ id: 'dear', provider: 'mock', pricing: { input: 300_000_000, output: 300_000_000 }, mock: { tokens: 8 } }] },
    });
    try {
      const { generate } = expectData(await t.run(Generate, { input: { model: 'dear', prompt: 'Hi' } }));
      expect(generate.costMicroUsd).toBeGreaterThan(2 ** 31);
      expect(generate.costMicroUsd).toBe(generate.usage.inputTokens * 300_000_000 + generate.usage.outputTokens * 300_000_000);
      const { costs } = expectData(await t.run(CostsQuery, { groupBy: 'MODEL' }));
      expect(costs.totals.costMicroUsd).toBe(generate.costMicroUsd);
    } finally {
      await t.dispose();
    }
  });
});
