import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreateApiKey, Generate, GenerationQuery, GenerationsQuery, ModelsQuery, RegisterModel } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';
import { fixtureJson } from '../fakes/vendors.js';

let v: VendorApp;
beforeEach(async () => {
  v = await startVendorApp();
});
afterEach(() => v.dispose());

describe('generate over HTTP', () => {
  it('should answer a clear INTERNAL error, with nothing kept, when the database does not store the record', async () => {
    const save = vi.spyOn(v.t.app.services.generationRepository, 'save').mockRejectedValue(new Error('connect ECONNREFUSED 10.0.0.5:5432'));
    const error = expectError(await v.t.run(Generate, { input: { model: 'mock-a', prompt: 'Hi' } }));
    expect(error).toMatchObject({
      code: 'INTERNAL',
      message: "the database did not store this request's record, so nothing was kept; retry later",
    });
    expect(error.message).not.toContain('10.0.0.5');
    save.mockRestore();
    expect(expectData(await v.t.run(GenerationsQuery, {})).generations.edges).toHaveLength(0);
  });

  it('should probe the vendor models at start and route them when HEALTHY', async () => {
    const { models } = expectData(await v.t.run(ModelsQuery));
    expect(models.find((m) => m.id === 'gpt-test')).toMatchObject({
      status: 'HEALTHY',
      lastHealthCheck: { ok: true, message: 'gpt-4 is listed by GET /models' },
    });
    expect(models.find((m) => m.id === 'claude-test')).toMatchObject({ status: 'HEALTHY' });
  });

  it('should answer from the default (mock) model with usage and cost, and store it', async () => {
    const { generate } = expectData(await v.t.run(Generate, { input: { prompt: 'Hello there' } }));
    expect(generate).toMatchObject({
      modelId: 'mock-a',
      status: 'SUCCEEDED',
      finishReason: 'STOP',
      stream: false,
      usage: { inputTokens: 2, outputTokens: 8, totalTokens: 10, estimated: false },
    });
    expect(generate.text.split(' ')).toHaveLength(8);
    expect(generate.costMicroUsd).toBe(18); // 2 × $1/M + 8 × $2/M
    expect(generate.costUsd).toBe(0.000018);
    const { generation } = expectData(await v.t.run(GenerationQuery, { id: generate.id }));
    expect(generation).toMatchObject({
      id: generate.id,
      status: 'SUCCEEDED',
      text: generate.text,
      model: { id: 'mock-a', provider: 'MOCK' },
    });
  });

  it('should generate through the OpenAI format with the vendor usage and exact cost', async () => {
    const { generate } = expectData(
      await v.t.run(Generate, {
        input: {
          model: 'gpt-test',
          messages: [
            { role: 'SYSTEM', content: 'Be brief.' },
            { role: 'USER', content: 'Hi' },
          ],
          params: { maxTokens: 64 },
        },
      }),
    );
    expect(generate).toMatchObject({
      status: 'SUCCEEDED',
      text: 'Hello there! 你好 😀',
      finishReason: 'STOP',
      usage: { inputTokens: 12, outputTokens: 5, estimated: false },
      costMicroUsd: 660,
    });
    expect(generate.attempts).toEqual([
      expect.objectContaining({ modelId: 'gpt-test', provider: 'OPENAI', outcome: 'SUCCEEDED', errorCode: null, httpStatus: null }),
    ]);
    expect(v.openai.calls.at(-1)?.body).toMatchObject({
      model: 'gpt-4',
      max_completion_tokens: 64,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('should generate through the Anthropic format', async () => {
    const { generate } = expectData(await v.t.run(Generate, { input: { model: 'claude-test', prompt: 'Hi' } }));
    expect(generate).toMatchObject({
      status: 'SUCCEEDED',
      text: 'Hello from Claude — ünïcödé',
      usage: { inputTokens: 25, outputTokens: 6 },
      costMicroUsd: 14,
      maxTokens: 2000,
    });
    expect(v.anthropic.calls.at(-1)?.body).toMatchObject({ max_tokens: 2000, messages: [{ role: 'user', content: 'Hi' }] });
  });

  it('should fail with the vendor error code, keep the record, and name the generation', async () => {
    v.openai.respond('POST /v1/chat/completions', {
      type: 'json',
      status: 429,
      body: fixtureJson('openai/error-429.json'),
      headers: { 'retry-after': '2' },
    });
    const error = expectError(await v.t.run(Generate, { input: { model: 'gpt-test', prompt: 'Hi' } }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.extensions).toMatchObject({
      upstreamStatus: 429,
      retryAfterMs: 2000,
      provider: 'openai',
      generationId: expect.any(String),
    });
    const { generations } = expectData(await v.t.run(GenerationsQuery, { filter: { status: ['FAILED'] } }));
    expect(generations.edges[0]?.node).toMatchObject({
      id: error.extensions.generationId,
      modelId: 'gpt-test',
      errorCode: 'RATE_LIMITED',
      attempts: [{ httpStatus: 429, errorCode: 'RATE_LIMITED', outcome: 'FAILED' }],
    });
  });

  it('should lower maxTokens to fit the cost limit, and refuse with nothing sent when not one token fits', async () => {
    // gpt-test: $30/M in, $60/M out. "Hi" counts 7 prompt tokens (1 + 3 per message + 3 priming = 210 micro);
    // a $0.001 limit leaves 790 micro → 13 output tokens at 60 micro each.
    const { generate } = expectData(await v.t.run(Generate, { input: { model: 'gpt-test', prompt: 'Hi', costLimit: 0.001 } }));
    expect(generate.maxTokens).toBe(13);
    expect(v.openai.calls.at(-1)?.body).toMatchObject({ max_completion_tokens: 13 });
    const sent = v.openai.calls.length;
    const error = expectError(await v.t.run(Generate, { input: { model: 'gpt-test', prompt: 'Hi', costLimit: 0.0002 } }));
    expect(error).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      message: 'the prompt alone would cost more than the costLimit of $0.0002 on gpt-test; nothing was sent',
    });
    expect(v.openai.calls).toHaveLength(sent);
    const { generations } = expectData(await v.t.run(GenerationsQuery, { first: 1 }));
    expect(generations.edges[0]?.node).toMatchObject({ status: 'FAILED', errorCode: 'COST_LIMIT_EXCEEDED', costMicroUsd: 0 });
  });

  it('should count a prompt that spells a special token as plain text', async () => {
    // "<|endoftext|>" counts 7 tokens as text (+ 3 per message + 3 priming = 13 → 390 micro at $30/M);
    // $0.001 leaves 610 micro → 10 output tokens at 60 micro each.
    const { generate } = expectData(await v.t.run(Generate, { input: { model: 'gpt-test', prompt: '<|endoftext|>', costLimit: 0.001 } }));
    expect(generate).toMatchObject({ status: 'SUCCEEDED', maxTokens: 10 });
  });

  it('should refuse bad input naming the field, an unknown model and an unhealthy one', async () => {
    expect(expectError(await v.t.run(Generate, { input: { prompt: 'a', messages: [{ role: 'USER', content: 'b' }] } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'input.messages: give either prompt or messages, not both',
    });
    expect(expectError(await v.t.run(Generate, { input: {} }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'input.prompt: is required: expected a prompt or messages',
    });
    expect(expectError(await v.t.run(Generate, { input: { prompt: 'a', params: { temperature: 5 } } })).message).toBe(
      'input.params.temperature: expected a number from 0 to 2, got 5',
    );
    expect(expectError(await v.t.run(Generate, { input: { model: 'ghost', prompt: 'a' } }))).toMatchObject({ code: 'NOT_FOUND' });
    expectData(await v.t.run(RegisterModel, { input: { id: 'gpt-nokey', provider: 'OPENAI', apiKeyEnv: 'UNSET_ANYWHERE' } }));
    expect(expectError(await v.t.run(Generate, { input: { model: 'gpt-nokey', prompt: 'a' } }))).toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      message: 'model "gpt-nokey" is UNHEALTHY: UNSET_ANYWHERE is not set; it cannot serve until an operator acts: set UNSET_ANYWHERE',
    });
  });

  it('should register OpenAI and Anthropic models on loopback servers as HEALTHY and generate through them', async () => {
    const openai = expectData(
      await v.t.run(RegisterModel, {
        input: { id: 'gpt-new', provider: 'OPENAI', upstreamModel: 'gpt-3.5-turbo', baseUrl: `${v.openai.url}/v1` },
      }),
    );
    expect(openai.registerModel).toMatchObject({
      model: { status: 'HEALTHY' },
      healthCheck: { ok: true, message: 'gpt-3.5-turbo is listed by GET /models' },
    });
    const anthropic = expectData(
      await v.t.run(RegisterModel, {
        input: { id: 'claude-new', provider: 'ANTHROPIC', upstreamModel: 'claude-3-haiku-20240307', baseUrl: v.anthropic.url },
      }),
    );
    expect(anthropic.registerModel.model.status).toBe('HEALTHY');
    expect(expectData(await v.t.run(Generate, { input: { model: 'gpt-new', prompt: 'x' } })).generate.status).toBe('SUCCEEDED');
    expect(expectData(await v.t.run(Generate, { input: { model: 'claude-new', prompt: 'x' } })).generate.status).toBe('SUCCEEDED');
  });

  it.each([
    ['DASHSCOPE', 'qwen-max'],
    ['QIANFAN', 'ernie-4.5-8k-preview'],
  ] as const)('should reach %s models through their OpenAI-compatible API with their own key variable', async (provider, upstreamModel) => {
    v.openai.respond('GET /v1/models', { type: 'json', body: { object: 'list', data: [{ id: upstreamModel }] } });
    const { registerModel } = expectData(
      await v.t.run(RegisterModel, { input: { id: `m-${provider}`, provider, upstreamModel, baseUrl: `${v.openai.url}/v1` } }),
    );
    expect(registerModel.model).toMatchObject({ status: 'HEALTHY', apiKeyEnv: `${provider}_API_KEY` });
    const { generate } = expectData(await v.t.run(Generate, { input: { model: `m-${provider}`, prompt: 'x' } }));
    expect(generate).toMatchObject({ status: 'SUCCEEDED', text: 'Hello there! 你好 😀' });
    expect(v.openai.calls.at(-1)).toMatchObject({ path: '/v1/chat/completions', body: { model: upstreamModel, stream: true } });
  });

  it('should page through generations newest first', async () => {
    for (let i = 0; i < 5; i++) expectData(await v.t.run(Generate, { input: { prompt: `p${i}` } }));
    const first = expectData(await v.t.run(GenerationsQuery, { first: 2 })).generations;
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = expectData(await v.t.run(GenerationsQuery, { first: 10, after: first.pageInfo.endCursor })).generations;
    expect(second.edges).toHaveLength(3);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.edges, ...second.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(5);
    expect(expectError(await v.t.run(GenerationsQuery, { first: 500 })).message).toBe(
      'first: expected a whole number from 1 to 200, got 500',
    );
  });

  it('should count generations, tokens and cost in the metrics', async () => {
    expectData(await v.t.run(Generate, { input: { model: 'gpt-test', prompt: 'Hi' } }));
    const metrics = await v.t.app.services.metrics.registry.metrics();
    expect(metrics).toContain('switchyard_generation_requests_total{model="gpt-test",provider="openai",outcome="succeeded"} 1');
    expect(metrics).toContain('switchyard_tokens_total{model="gpt-test",provider="openai",direction="input"} 12');
    expect(metrics).toContain('switchyard_tokens_total{model="gpt-test",provider="openai",direction="output"} 5');
    expect(metrics).toContain('switchyard_cost_micro_usd_total{model="gpt-test",provider="openai"} 660');
    expect(metrics).toMatch(/switchyard_time_to_first_token_seconds_count\{provider="openai"\} 1/);
    expect(metrics).toMatch(/switchyard_generation_duration_seconds_count\{provider="openai"\} 1/);
  });
});

describe('generations and API keys', () => {
  it('should show a client key only its own generations', async () => {
    await v.dispose();
    v = await startVendorApp({ SWITCHYARD_ADMIN_KEY: 'vendor-admin-key-0123456789' });
    const admin = 'vendor-admin-key-0123456789';
    const keyA = expectData(await v.t.run(CreateApiKey, { input: { name: 'a', scopes: ['CLIENT'] } }, admin)).createApiKey;
    const keyB = expectData(await v.t.run(CreateApiKey, { input: { name: 'b', scopes: ['CLIENT'] } }, admin)).createApiKey;
    const genA = expectData(await v.t.run(Generate, { input: { prompt: 'from a' } }, keyA.key)).generate;
    expect(genA.apiKey).toEqual({ id: keyA.apiKey.id, name: 'a' });
    expectData(await v.t.run(Generate, { input: { prompt: 'from b' } }, keyB.key));
    const seenByA = expectData(await v.t.run(GenerationsQuery, {}, keyA.key)).generations.edges.map((e) => e.node.id);
    expect(seenByA).toEqual([genA.id]);
    expect(expectData(await v.t.run(GenerationQuery, { id: genA.id }, keyB.key)).generation).toBeNull();
    expect(expectData(await v.t.run(GenerationsQuery, {}, admin)).generations.edges).toHaveLength(2);
  });
});
