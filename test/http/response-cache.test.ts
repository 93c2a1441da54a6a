import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import type { FakeUpstream } from '../fakes/fake-upstream.js';
import { OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import { ApiKeyBudgetQuery, CreateBudgetedKey } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { subscribe, wsClient } from '../helpers/ws.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL, TEST_ADMIN_KEY } from '../helpers/test-config.js';

/**
 * The response cache through the /v1 doors (README "Response cache"): one gateway whose OpenAI-format
 * model caches per key, a second shared by all keys, a third with the cache off; every test asks a
 * question of its own, so the fake's call count says whether upstream was asked.
 */
const CachedGeneration = graphql(`
  query CachedGeneration($id: ID!) {
    generation(id: $id) { id status text cached costMicroUsd savedUsd attempts { modelId } usage { inputTokens outputTokens } }
  }
`);

const CacheCosts = graphql(`
  query CacheCosts($filter: CostFilter) {
    costs(filter: $filter, groupBy: MODEL) {
      groups { key requests cachedRequests costMicroUsd savedUsd }
      totals { requests cachedRequests savedUsd inputTokens }
    }
  }
`);

const RegisterCachedModel = graphql(`
  mutation RegisterCachedModel($input: RegisterModelInput!) {
    registerModel(input: $input) { model { id cache { mode ttlSeconds scope } } }
  }
`);

const UpdateCachedModel = graphql(`
  mutation UpdateCachedModel($input: UpdateModelInput!) {
    updateModel(input: $input) { model { id cache { mode ttlSeconds scope } } }
  }
`);

const GenerateStreamCached = graphql(`
  subscription GenerateStreamCached($input: GenerateInput!, $cache: CacheControlInput) {
    generateStream(input: $input, cache: $cache) {
      __typename
      ... on GenerationStarted { generationId }
      ... on TokenDelta { text }
      ... on GenerationCompleted { generation { id cached costMicroUsd text } }
    }
  }
`);

const GenerateCached = graphql(`
  mutation GenerateCached($input: GenerateInput!, $cache: CacheControlInput) {
    generate(input: $input, cache: $cache) { id text cached costMicroUsd savedUsd usage { inputTokens } }
  }
`);

let t: TestApp;
let fake: FakeUpstream;
let base: string;
let keyA: string;
let keyB: string;

beforeAll(async () => {
  fake = await startOpenAIFake();
  const upstream = (id: string, cache: Record<string, unknown>) => ({
    id,
    provider: 'openai',
    upstreamModel: 'gpt-4o-mini',
    baseUrl: `${fake.url}/v1`,
    pricing: { input: 100, output: 200 },
    cache,
  });
  t = await startTestApp({
    env: { OPENAI_API_KEY: OPENAI_TEST_KEY, SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY },
    file: {
      security: { allowPrivateEndpoints: true },
      routing: { retry: { attempts: 1 } },
      cache: { mode: 'exact', ttlSeconds: 600 },
      models: [
        MOCK_MODEL,
        { id: 'mock-embed', provider: 'mock', kind: 'embedding', pricing: { input: 20, output: 0 } },
        upstream('gpt-keyed', {}),
        upstream('gpt-shared', { scope: 'shared' }),
        upstream('gpt-off', { mode: 'off' }),
      ],
    },
  });
  base = await t.listen();
  const key = async (name: string) =>
    expectData(await t.run(CreateBudgetedKey, { input: { name, scopes: ['CLIENT'] } }, TEST_ADMIN_KEY)).createApiKey.key;
  keyA = await key('a');
  keyB = await key('b');
});

afterAll(async () => {
  await t?.dispose();
  await fake?.dispose();
});

const client = (key: string) => new OpenAI({ apiKey: key, baseURL: `${base}/v1`, maxRetries: 0 });
const upstreamCalls = () => fake.calls.filter((c) => c.path === '/v1/chat/completions').length;

async function chat(key: string, model: string, question: string, headers: Record<string, string> = {}) {
  const { data, response } = await client(key)
    .chat.completions.create({ model, messages: [{ role: 'user', content: question }] }, { headers })
    .withResponse();
  return { data, cache: response.headers.get('x-switchyard-cache'), id: response.headers.get('x-switchyard-generation-id') ?? '' };
}

describe('response cache on /v1', () => {
  it('replays a stored answer as SSE to a streamed request through the openai client, recording a free cached generation', async () => {
    const first = await chat(keyA, 'gpt-keyed', 'stream me from the cache');
    expect(first.cache).toBe('miss');
    const calls = upstreamCalls();

    const { data: stream, response } = await client(keyA)
      .chat.completions.create({ model: 'gpt-keyed', stream: true, messages: [{ role: 'user', content: 'stream me from the cache' }] })
      .withResponse();
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-switchyard-cache')).toBe('hit');
    let text = '';
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish ??= chunk.choices[0]?.finish_reason;
    }
    expect(text).toBe(first.data.choices[0]?.message.content);
    expect(finish).toBe('stop');
    expect(upstreamCalls()).toBe(calls);

    const stored = expectData(
      await t.run(CachedGeneration, { id: response.headers.get('x-switchyard-generation-id') ?? '' }, TEST_ADMIN_KEY),
    );
    const original = expectData(await t.run(CachedGeneration, { id: first.id }, TEST_ADMIN_KEY));
    expect(original.generation).toMatchObject({ cached: false, savedUsd: null });
    expect(original.generation?.costMicroUsd).toBeGreaterThan(0);
    expect(stored.generation).toMatchObject({ status: 'SUCCEEDED', cached: true, costMicroUsd: 0, attempts: [] });
    expect(stored.generation?.savedUsd).toBeCloseTo((original.generation?.costMicroUsd ?? 0) / 1e6, 9);
  });

  it("never serves one key's answer to another under scope key, and does under scope shared", async () => {
    await chat(keyA, 'gpt-keyed', 'mine alone');
    const calls = upstreamCalls();
    expect((await chat(keyB, 'gpt-keyed', 'mine alone')).cache).toBe('miss');
    expect(upstreamCalls()).toBe(calls + 1);
    expect((await chat(keyA, 'gpt-keyed', 'mine alone')).cache).toBe('hit');
    expect((await chat(keyB, 'gpt-keyed', 'mine alone')).cache).toBe('hit');
    expect(upstreamCalls()).toBe(calls + 1);

    await chat(keyA, 'gpt-shared', 'ours together');
    const shared = upstreamCalls();
    expect((await chat(keyB, 'gpt-shared', 'ours together')).cache).toBe('hit');
    expect(upstreamCalls()).toBe(shared);
  });

  it('does not keep an answer made under an output limit a cost limit lowered: it would cut others short', async () => {
    const cut = await chat(keyA, MOCK_MODEL.id, 'cut me short', { 'x-switchyard-cost-limit': '0.000012' });
    expect([cut.cache, cut.data.choices[0]?.finish_reason]).toEqual(['miss', 'length']);
    const whole = await chat(keyA, MOCK_MODEL.id, 'cut me short');
    expect([whole.cache, whole.data.choices[0]?.finish_reason]).toEqual(['miss', 'stop']);
    expect((await chat(keyA, MOCK_MODEL.id, 'cut me short')).cache).toBe('hit');
  });

  it('keys on the whole request: another message, parameter or model is a miss', async () => {
    await chat(keyA, 'gpt-keyed', 'exactly this');
    const calls = upstreamCalls();
    expect((await chat(keyA, 'gpt-keyed', 'exactly that')).cache).toBe('miss');
    const { response } = await client(keyA)
      .chat.completions.create({ model: 'gpt-keyed', temperature: 0.5, messages: [{ role: 'user', content: 'exactly this' }] })
      .withResponse();
    expect(response.headers.get('x-switchyard-cache')).toBe('miss');
    expect((await chat(keyA, 'gpt-shared', 'exactly this')).cache).toBe('miss');
    expect(upstreamCalls()).toBe(calls + 3);
  });

  it('follows cache-control: no-store keeps and serves nothing, no-cache asks afresh and stores, max-age turns an off cache on', async () => {
    expect((await chat(keyA, 'gpt-keyed', 'never kept', { 'cache-control': 'no-store' })).cache).toBe('miss');
    expect((await chat(keyA, 'gpt-keyed', 'never kept')).cache).toBe('miss');
    expect((await chat(keyA, 'gpt-keyed', 'never kept', { 'cache-control': 'no-store' })).cache).toBe('miss');

    const calls = upstreamCalls();
    expect((await chat(keyA, 'gpt-keyed', 'never kept', { 'cache-control': 'no-cache' })).cache).toBe('miss');
    expect(upstreamCalls()).toBe(calls + 1);

    await chat(keyA, 'gpt-off', 'off unless asked');
    expect((await chat(keyA, 'gpt-off', 'off unless asked')).cache).toBe('miss');
    expect((await chat(keyA, 'gpt-off', 'off unless asked', { 'cache-control': 'max-age=60' })).cache).toBe('miss');
    expect((await chat(keyA, 'gpt-off', 'off unless asked', { 'cache-control': 'max-age=60' })).cache).toBe('hit');
    expect((await chat(keyA, 'gpt-off', 'off unless asked')).cache).toBe('miss');
  });

  it('refuses a malformed max-age naming the header', async () => {
    const answer = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keyA}`, 'content-type': 'application/json', 'cache-control': 'max-age=soon' },
      body: JSON.stringify({ model: 'gpt-keyed', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-switchyard-cache')).toBe('miss');
    const body = (await answer.json()) as { error: { param: string; message: string } };
    expect(body.error.param).toBe('cache-control');
    expect(body.error.message).toMatch(/max-age must be a whole number of seconds/);
  });

  it('says hit or miss on /v1/responses, /v1/messages and /v1/embeddings, whole and streamed', async () => {
    const post = (path: string, body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keyA}`, 'x-api-key': keyA, 'content-type': 'application/json', ...extra },
        body: JSON.stringify(body),
      });
    const responses = { model: 'gpt-keyed', input: 'responses door' };
    const first = await post('/v1/responses', responses);
    expect(first.headers.get('x-switchyard-cache')).toBe('miss');
    await first.text();
    const again = await post('/v1/responses', { ...responses, stream: true });
    expect(again.headers.get('x-switchyard-cache')).toBe('hit');
    expect(await again.text()).toContain('response.completed');

    const messages = { model: 'gpt-keyed', max_tokens: 100, messages: [{ role: 'user', content: 'messages door' }] };
    const m1 = await post('/v1/messages', { ...messages, stream: true }, { 'anthropic-version': '2023-06-01' });
    expect(m1.headers.get('x-switchyard-cache')).toBe('miss');
    await m1.text();
    const m2 = await post('/v1/messages', messages, { 'anthropic-version': '2023-06-01' });
    expect(m2.headers.get('x-switchyard-cache')).toBe('hit');

    const embed = { model: 'mock-embed', input: ['a vector, please'] };
    const e1 = await post('/v1/embeddings', embed);
    expect(e1.headers.get('x-switchyard-cache')).toBe('miss');
    const v1 = (await e1.json()) as { data: Array<{ embedding: number[] }> };
    const e2 = await post('/v1/embeddings', embed);
    expect(e2.headers.get('x-switchyard-cache')).toBe('hit');
    expect(((await e2.json()) as typeof v1).data).toEqual(v1.data);
    const saved = expectData(await t.run(CachedGeneration, { id: e2.headers.get('x-switchyard-generation-id') ?? '' }, TEST_ADMIN_KEY));
    expect(saved.generation).toMatchObject({ cached: true, costMicroUsd: 0 });
    expect(saved.generation?.savedUsd).toBeGreaterThan(0);
  });

  it('takes GraphQL cache: on generate, and shows the saving and the cached requests in costs', async () => {
    const input = { model: 'gpt-off', prompt: 'graphql cache argument' };
    const before = expectData(await t.run(CacheCosts, { filter: { modelId: 'gpt-off' } }, TEST_ADMIN_KEY)).costs.totals;
    const one = expectData(await t.run(GenerateCached, { input, cache: { maxAgeSeconds: 60 } }, keyA)).generate;
    const two = expectData(await t.run(GenerateCached, { input, cache: { maxAgeSeconds: 60 } }, keyA)).generate;
    expect(one.cached).toBe(false);
    expect(two).toMatchObject({ cached: true, costMicroUsd: 0, text: one.text });
    const three = expectData(await t.run(GenerateCached, { input, cache: { maxAgeSeconds: 60, noStore: true } }, keyA)).generate;
    expect(three.cached).toBe(false);

    const costs = expectData(await t.run(CacheCosts, { filter: { modelId: 'gpt-off' } }, TEST_ADMIN_KEY)).costs;
    expect(costs.totals.cachedRequests).toBeGreaterThanOrEqual(2);
    expect(costs.totals.savedUsd).toBeGreaterThan(0);
    expect(costs.groups.find((g) => g.key === 'gpt-off')?.cachedRequests).toBe(costs.totals.cachedRequests);
    // The hit's tokens were processed once, by the answer it replayed: counted once.
    expect(costs.totals.inputTokens - before.inputTokens).toBe(one.usage.inputTokens + three.usage.inputTokens);
  });

  it('registers and updates a model with its own cache settings through GraphQL, null clearing them', async () => {
    const input = {
      id: 'mock-cached',
      provider: 'MOCK' as const,
      cache: { mode: 'EXACT' as const, ttlSeconds: 30, scope: 'SHARED' as const },
    };
    const registered = expectData(await t.run(RegisterCachedModel, { input }, TEST_ADMIN_KEY)).registerModel.model;
    expect(registered.cache).toEqual({ mode: 'EXACT', ttlSeconds: 30, scope: 'SHARED' });
    const updated = expectData(await t.run(UpdateCachedModel, { input: { id: 'mock-cached', cache: null } }, TEST_ADMIN_KEY)).updateModel
      .model;
    expect(updated.cache).toBeNull();
    const refused = await t.run(UpdateCachedModel, { input: { id: 'mock-cached', cache: { ttlSeconds: 0 } } }, TEST_ADMIN_KEY);
    expect(JSON.stringify(refused.errors)).toMatch(/cache\.ttlSeconds/);
  });

  it("charges a budgeted key nothing for a hit, and counts the hit against the key's requests per minute", async () => {
    const created = expectData(
      await t.run(
        CreateBudgetedKey,
        { input: { name: 'budgeted', scopes: ['CLIENT'], budget: { daily: 100 }, requestsPerMinute: 2 } },
        TEST_ADMIN_KEY,
      ),
    ).createApiKey;
    const spent = async () =>
      expectData(await t.run(ApiKeyBudgetQuery, {}, TEST_ADMIN_KEY)).apiKeys.find((k) => k.id === created.apiKey.id)?.budget?.spentToday;
    expect((await chat(created.key, 'gpt-keyed', 'budgeted question')).cache).toBe('miss');
    const afterMiss = await spent();
    expect(afterMiss).toBeGreaterThan(0);
    expect((await chat(created.key, 'gpt-keyed', 'budgeted question')).cache).toBe('hit');
    expect(await spent()).toBe(afterMiss);
    const third = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${created.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-keyed', messages: [{ role: 'user', content: 'budgeted question' }] }),
    });
    expect(third.status).toBe(429);
    expect(third.headers.get('x-switchyard-cache')).toBe('miss');
  });

  it('replays a hit to generateStream as its events: started, the text, completed cached at no cost', async () => {
    const input = { model: 'gpt-keyed', prompt: 'graphql stream from the cache' };
    const stored = expectData(await t.run(GenerateCached, { input }, keyA)).generate;
    const calls = upstreamCalls();
    const client = wsClient(base, keyA);
    try {
      const events: Array<Record<string, unknown>> = [];
      for await (const result of subscribe(client, GenerateStreamCached, { input, cache: { maxAgeSeconds: 600 } }))
        events.push(result.data?.generateStream as Record<string, unknown>);
      expect(events[0]?.__typename).toBe('GenerationStarted');
      expect(
        events
          .filter((e) => e.__typename === 'TokenDelta')
          .map((e) => e.text)
          .join(''),
      ).toBe(stored.text);
      expect(events.at(-1)).toMatchObject({
        __typename: 'GenerationCompleted',
        generation: { cached: true, costMicroUsd: 0, text: stored.text },
      });
      expect(upstreamCalls()).toBe(calls);
    } finally {
      await client.dispose();
    }
  });
});
