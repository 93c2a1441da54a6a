import { OpenAIEmbeddings } from '@langchain/openai';
import OpenAI, { BadRequestError, RateLimitError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { type FakeUpstream, startFakeUpstream } from '../fakes/fake-upstream.js';
import { embeddingsAnswer, FAKE_EMBEDDING_DIMENSIONS, fakeEmbedding, openAIWithEmbeddings } from '../fakes/openai-embeddings.js';
import { OPENAI_TEST_KEY } from '../fakes/vendors.js';
import { CostsQuery, CreateBudgetedKey } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL } from '../helpers/test-config.js';
import { mockEmbedding } from '../../src/providers/mock/mock-embed.js';

/**
 * /v1/embeddings and GraphQL `embed`, driven by the official `openai` package and LangChain's
 * OpenAIEmbeddings against a listening gateway: to the mock's embedding model and to an
 * OpenAI-format fake, each stored as a generation of its model with its input tokens and cost.
 */
const EmbedMutation = graphql(`
  mutation Embed($input: EmbedInput!) {
    embed(input: $input) { embeddings model generationId costUsd usage { inputTokens outputTokens } }
  }
`);

const EmbeddingGeneration = graphql(`
  query EmbeddingGeneration($id: ID!) {
    generation(id: $id) { id status text usage { inputTokens outputTokens } costMicroUsd model { id kind } }
  }
`);

const ModelKinds = graphql(`
  query ModelKinds { models { id kind status } }
`);

let app: TestApp | undefined;
let fake: FakeUpstream | undefined;
afterEach(async () => {
  await app?.dispose();
  await fake?.dispose();
  app = undefined;
  fake = undefined;
});

async function gateway(): Promise<{ t: TestApp; base: string; upstream: FakeUpstream }> {
  fake = await startFakeUpstream({
    check: openAIWithEmbeddings,
    auth: (headers) =>
      headers.authorization === `Bearer ${OPENAI_TEST_KEY}`
        ? undefined
        : { type: 'json', status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } } },
  });
  app = await startTestApp({
    env: { OPENAI_API_KEY: OPENAI_TEST_KEY },
    file: {
      security: { allowPrivateEndpoints: true },
      routing: { retry: { attempts: 1 } },
      defaultModel: 'mock-a',
      models: [
        MOCK_MODEL,
        { id: 'mock-embed', provider: 'mock', kind: 'embedding', pricing: { input: 0.02, output: 0 } },
        {
          id: 'oa-embed',
          provider: 'openai',
          kind: 'embedding',
          upstreamModel: 'text-embedding-3-small',
          baseUrl: `${fake.url}/v1`,
          // Dear, so that a few tokens cost whole micro-dollars.
          pricing: { input: 20, output: 0 },
        },
      ],
      // A pool with a chat member: embeddings leave it out, so oa-embed answers every time.
      pools: [
        {
          name: 'embedders',
          strategy: 'WEIGHTED',
          members: [
            { modelId: 'oa-embed', weight: 1 },
            { modelId: 'mock-a', weight: 1 },
          ],
        },
      ],
    },
  });
  return { t: app, base: await app.listen(), upstream: fake };
}

const sdk = (base: string, apiKey = 'sk-anything-in-local-mode') => new OpenAI({ baseURL: `${base}/v1`, apiKey, maxRetries: 0 });

describe('/v1/embeddings through the openai SDK', () => {
  it('should embed one text on the mock, stored as a generation of its model with its input tokens and cost', async () => {
    const { t, base } = await gateway();
    const { data, response } = await sdk(base)
      .embeddings.create({ model: 'mock-embed', input: 'the quick brown fox', encoding_format: 'float' })
      .withResponse();
    expect(data.object).toBe('list');
    expect(data.model).toBe('mock-embed');
    expect(data.data).toHaveLength(1);
    expect(data.data[0]).toMatchObject({ object: 'embedding', index: 0 });
    const vector = data.data[0]?.embedding ?? [];
    expect(vector).toHaveLength(8);
    expect(vector).toEqual(mockEmbedding('mock-embed', 'the quick brown fox'));
    expect(Math.hypot(...vector)).toBeCloseTo(1, 6);
    expect(data.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });

    const id = response.headers.get('x-switchyard-generation-id') ?? '';
    const { generation } = expectData(await t.run(EmbeddingGeneration, { id }));
    expect(generation).toMatchObject({
      status: 'SUCCEEDED',
      text: '',
      usage: { inputTokens: 4, outputTokens: 0 },
      model: { id: 'mock-embed', kind: 'EMBEDDING' },
    });
    // 4 tokens at $0.02 per million: 0.08 micro-USD, rounded to 0.
    const costs = expectData(await t.run(CostsQuery, { groupBy: 'MODEL' })).costs;
    expect(costs.groups).toEqual([expect.objectContaining({ key: 'mock-embed', requests: 1, inputTokens: 4, outputTokens: 0 })]);
  });

  it('should embed a batch, decode base64 (the SDK’s default) to the same floats, and take dimensions', async () => {
    const { base } = await gateway();
    const texts = ['alpha beta', 'gamma', 'alpha beta'];
    const b64 = await sdk(base).embeddings.create({ model: 'mock-embed', input: texts });
    expect(b64.data.map((d) => d.index)).toEqual([0, 1, 2]);
    const expected = texts.map((text) => mockEmbedding('mock-embed', text).map((v) => Math.fround(v)));
    for (const [i, d] of b64.data.entries()) {
      expect(d.embedding).toHaveLength(8);
      for (const [j, v] of d.embedding.entries()) expect(v).toBeCloseTo(expected[i]?.[j] ?? Number.NaN, 6);
    }
    expect(b64.data[0]?.embedding).toEqual(b64.data[2]?.embedding);
    const sized = await sdk(base).embeddings.create({ model: 'mock-embed', input: texts, dimensions: 32, encoding_format: 'float' });
    expect(sized.data.map((d) => d.embedding.length)).toEqual([32, 32, 32]);
    expect(sized.usage.prompt_tokens).toBe(5);
  });

  it('should reach an OpenAI-format upstream with OpenAI’s body, vectors put back in input order, its usage and price kept', async () => {
    const { t, base, upstream } = await gateway();
    const texts = ['one two three', 'four', 'five six'];
    const { data, response } = await sdk(base)
      .embeddings.create({ model: 'oa-embed', input: texts, dimensions: 5, encoding_format: 'float', user: 'u-1' })
      .withResponse();
    // The last call: the first was the model's health probe (an embedding of one word).
    const call = upstream.calls.filter((c) => c.path === '/v1/embeddings').at(-1);
    expect(call?.body).toEqual({ model: 'text-embedding-3-small', input: texts, encoding_format: 'float', dimensions: 5 });
    expect(data.data.map((d) => d.embedding)).toEqual(texts.map((text) => fakeEmbedding(text, 5)));
    expect(data.usage).toEqual({ prompt_tokens: 6, total_tokens: 6 });
    const id = response.headers.get('x-switchyard-generation-id') ?? '';
    const { generation } = expectData(await t.run(EmbeddingGeneration, { id }));
    // 6 tokens at $20 per million.
    expect(generation).toMatchObject({ usage: { inputTokens: 6 }, costMicroUsd: 120, model: { id: 'oa-embed' } });
    const costs = expectData(await t.run(CostsQuery, { groupBy: 'MODEL' })).costs;
    expect(costs.groups).toEqual([expect.objectContaining({ key: 'oa-embed', requests: 1, inputTokens: 6, costMicroUsd: 120 })]);
    // A pool of embedding models answers from its first member.
    const pooled = await sdk(base).embeddings.create({ model: 'embedders', input: 'pooled', encoding_format: 'float' });
    expect(pooled.model).toBe('oa-embed');
    expect(pooled.data[0]?.embedding).toHaveLength(FAKE_EMBEDDING_DIMENSIONS);
  });

  it('should refuse a chat model asked to embed, and an embedding model asked to chat, with a 400 naming the model', async () => {
    const { base } = await gateway();
    const embedOnChat = await sdk(base)
      .embeddings.create({ model: 'mock-a', input: 'hello' })
      .catch((error: unknown) => error);
    expect(embedOnChat).toBeInstanceOf(BadRequestError);
    expect((embedOnChat as BadRequestError).message).toMatch(/mock-a.*chat model/);
    expect((embedOnChat as BadRequestError).param).toBe('model');
    const chatOnEmbed = await sdk(base)
      .chat.completions.create({ model: 'mock-embed', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(chatOnEmbed).toBeInstanceOf(BadRequestError);
    expect((chatOnEmbed as BadRequestError).message).toMatch(/mock-embed.*embedding model/);
  });

  it('should refuse token arrays, empty input, bad dimensions and an unknown encoding with a 400 naming the parameter', async () => {
    const { base } = await gateway();
    const post = (body: unknown) =>
      fetch(`${base}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const [body, param] of [
      [{ model: 'mock-embed', input: [1, 2, 3] }, 'input'],
      [{ model: 'mock-embed', input: [[1, 2], [3]] }, 'input'],
      [{ model: 'mock-embed', input: [] }, 'input'],
      [{ model: 'mock-embed', input: ['ok', ''] }, 'input[1]'],
      [{ model: 'mock-embed' }, 'input'],
      [{ model: 'mock-embed', input: 'x', dimensions: 0 }, 'dimensions'],
      [{ model: 'mock-embed', input: 'x', encoding_format: 'int8' }, 'encoding_format'],
    ] as const) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const answer = (await response.json()) as { error: { type: string; param: string | null } };
      expect(answer.error).toMatchObject({ type: 'invalid_request_error', param });
    }
  });
});

describe('/v1/embeddings resilience', () => {
  it('should fall back to the next embedding model on a retryable vendor error, both attempts in the record', async () => {
    fake = await startFakeUpstream();
    const ok = embeddingsAnswer({ model: 'flaky', input: ['ping'] });
    // The health probe succeeds; every request after it gets a 503.
    fake.respond('POST /v1/embeddings', ok, {
      type: 'json',
      status: 503,
      body: { error: { message: 'overloaded', type: 'server_error' } },
    });
    app = await startTestApp({
      file: {
        security: { allowPrivateEndpoints: true },
        routing: { retry: { attempts: 1 } },
        models: [
          { id: 'mock-embed', provider: 'mock', kind: 'embedding', pricing: { input: 1, output: 0 } },
          {
            id: 'flaky-embed',
            provider: 'openai-compatible',
            kind: 'embedding',
            baseUrl: `${fake.url}/v1`,
            fallbacks: ['mock-embed'],
            retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
          },
        ],
      },
    });
    const base = await app.listen();
    const { data, response } = await sdk(base)
      .embeddings.create({ model: 'flaky-embed', input: 'hello', encoding_format: 'float' })
      .withResponse();
    expect(data.model).toBe('mock-embed');
    expect(response.headers.get('x-switchyard-attempts')).toBe('2');
    const { generation } = expectData(await app.run(EmbeddingGeneration, { id: response.headers.get('x-switchyard-generation-id') ?? '' }));
    expect(generation).toMatchObject({ status: 'SUCCEEDED', model: { id: 'mock-embed' } });
  });
});

describe('/v1/embeddings admission', () => {
  it('should hold the key to its rate limit and budget, each refusal stored and the spend charged', async () => {
    const admin = 'embeddings-admin-key-0123';
    app = await startTestApp({
      env: { SWITCHYARD_ADMIN_KEY: admin },
      // $1000 per million input tokens: a token costs 1000 micro-USD.
      file: { models: [{ id: 'dear-embed', provider: 'mock', kind: 'embedding', pricing: { input: 1000, output: 0 } }] },
    });
    const base = await app.listen();
    const create = async (input: { name: string; requestsPerMinute?: number; budget: { daily: number } }) =>
      expectData(await (app as TestApp).run(CreateBudgetedKey, { input: { scopes: ['CLIENT'], ...input } }, admin)).createApiKey;
    const limited = await create({ name: 'one-a-minute', requestsPerMinute: 1, budget: { daily: 1 } });
    const first = await sdk(base, limited.key).embeddings.create({ model: 'dear-embed', input: 'one two three', encoding_format: 'float' });
    expect(first.usage.prompt_tokens).toBe(3);
    const rate = await sdk(base, limited.key)
      .embeddings.create({ model: 'dear-embed', input: 'again' })
      .catch((e: unknown) => e);
    expect(rate).toBeInstanceOf(RateLimitError);
    expect(rate).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
    const broke = await create({ name: 'broke', budget: { daily: 0.001 } });
    const budget = await sdk(base, broke.key)
      .embeddings.create({ model: 'dear-embed', input: 'one two three' })
      .catch((e: unknown) => e);
    expect(budget).toBeInstanceOf(RateLimitError);
    expect(budget).toMatchObject({ status: 429, code: 'budget_exceeded' });
    const costs = expectData(await app.run(CostsQuery, { groupBy: 'MODEL' }, admin)).costs;
    expect(costs.totals).toMatchObject({ requests: 3, failures: 2, inputTokens: 3, costMicroUsd: 3000 });
  });
});

describe('GraphQL embed', () => {
  it('should embed with the SPEC’s names and show the request in generations and costs', async () => {
    const { t } = await gateway();
    const { embed } = expectData(
      await t.run(EmbedMutation, { input: { model: 'mock-embed', input: ['red apple', 'green apple'], dimensions: 4 } }),
    );
    expect(embed.model).toBe('mock-embed');
    expect(embed.embeddings).toEqual([mockEmbedding('mock-embed', 'red apple', 4), mockEmbedding('mock-embed', 'green apple', 4)]);
    expect(embed.usage).toEqual({ inputTokens: 4, outputTokens: 0 });
    const { generation } = expectData(await t.run(EmbeddingGeneration, { id: embed.generationId }));
    expect(generation?.costMicroUsd).toBe(0);
    const pooled = expectData(await t.run(EmbedMutation, { input: { pool: 'embedders', input: ['a b c d e f g h i j'] } })).embed;
    expect(pooled.model).toBe('oa-embed');
    // 10 tokens at $20 per million.
    expect(pooled.costUsd).toBe(0.0002);
    const kinds = expectData(await t.run(ModelKinds)).models;
    expect(kinds.map((m) => [m.id, m.kind, m.status])).toEqual([
      ['mock-a', 'CHAT', 'HEALTHY'],
      ['mock-embed', 'EMBEDDING', 'HEALTHY'],
      ['oa-embed', 'EMBEDDING', 'HEALTHY'],
    ]);
    const refused = expectError(await t.run(EmbedMutation, { input: { model: 'mock-a', input: ['x'] } }));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.message).toMatch(/mock-a.*chat model/);
  });
});

describe('LangChain OpenAIEmbeddings', () => {
  it('should embed a query and documents through the gateway', async () => {
    const { base } = await gateway();
    const embeddings = new OpenAIEmbeddings({
      model: 'mock-embed',
      apiKey: 'sk-anything-in-local-mode',
      configuration: { baseURL: `${base}/v1` },
      maxRetries: 0,
    });
    const query = await embeddings.embedQuery('where is the train');
    expect(query).toHaveLength(8);
    const expected = mockEmbedding('mock-embed', 'where is the train');
    for (const [j, v] of query.entries()) expect(v).toBeCloseTo(expected[j] ?? Number.NaN, 6);
    const docs = await embeddings.embedDocuments(['the train is east', 'the signal is west']);
    expect(docs).toHaveLength(2);
    expect(docs.every((d) => d.length === 8)).toBe(true);
  });
});
