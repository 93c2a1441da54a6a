import { describe, expect, it } from 'vitest';
import type { UpstreamError } from '../../src/core/errors.js';
import { createMockProvider } from '../../src/providers/mock/mock-provider.js';
import { createOpenAICompatibleAdapter } from '../../src/providers/openai/openai-adapter.js';
import { startFakeUpstream } from '../fakes/fake-upstream.js';
import { embeddingsAnswer, fakeEmbedding, openAIWithEmbeddings } from '../fakes/openai-embeddings.js';
import { loopbackHttp, signal, targetFor, track } from './helpers.js';

describe('the OpenAI-compatible adapter’s embed', () => {
  async function setup() {
    const fake = track(await startFakeUpstream({ check: openAIWithEmbeddings }));
    return { fake, target: targetFor(fake, { apiKey: 'sk-test', upstreamModel: 'text-embedding-3-small' }) };
  }

  it('should POST OpenAI’s body to {baseUrl}/embeddings and put the vectors back in input order', async () => {
    const { fake, target } = await setup();
    for (const kind of ['openai', 'openai-compatible', 'dashscope'] as const) {
      const adapter = createOpenAICompatibleAdapter(kind, loopbackHttp());
      const result = await adapter.embed?.({ input: ['a b', 'c', 'd e f'], dimensions: 3, requestId: 'r-1' }, target, { signal: signal() });
      expect(result).toEqual({
        embeddings: [fakeEmbedding('a b', 3), fakeEmbedding('c', 3), fakeEmbedding('d e f', 3)],
        usage: { inputTokens: 6, estimated: false },
        upstreamModel: 'text-embedding-3-small',
      });
      const call = fake.calls.at(-1);
      expect(call).toMatchObject({ method: 'POST', path: '/v1/embeddings' });
      expect(call?.headers.authorization).toBe('Bearer sk-test');
      expect(call?.headers['x-request-id']).toBe('r-1');
      expect(call?.body).toEqual({
        model: 'text-embedding-3-small',
        input: ['a b', 'c', 'd e f'],
        encoding_format: 'float',
        dimensions: 3,
      });
    }
  });

  it('should estimate usage the vendor left out, and refuse a vendor 400 as not retryable, a 503 as retryable', async () => {
    const answer = embeddingsAnswer({ model: 'm', input: ['hello world'] });
    const withoutUsage = answer.type === 'json' ? { ...(answer.body as object), usage: undefined } : {};
    const fake = track(await startFakeUpstream());
    fake.respond(
      'POST /v1/embeddings',
      { type: 'json', body: withoutUsage },
      { type: 'json', status: 400, body: { error: { message: "Invalid value for 'dimensions'", type: 'invalid_request_error' } } },
      { type: 'json', status: 503, body: { error: { message: 'overloaded' } } },
    );
    const adapter = createOpenAICompatibleAdapter('openai-compatible', loopbackHttp());
    const target = targetFor(fake);
    const estimated = await adapter.embed?.({ input: ['hello world'] }, target, { signal: signal() });
    expect(estimated?.usage).toEqual({ inputTokens: 2, estimated: true });
    const bad = (await adapter.embed?.({ input: ['x'] }, target, { signal: signal() }).catch((e: unknown) => e)) as UpstreamError;
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/dimensions/);
    const down = (await adapter.embed?.({ input: ['x'] }, target, { signal: signal() }).catch((e: unknown) => e)) as UpstreamError;
    expect(down.status).toBe(503);
    expect(down.isRetryable).toBe(true);
  });

  it('the fake refuses what OpenAI refuses: no input, an empty one, dimensions that are not positive integers', () => {
    for (const body of [
      { model: 'm' },
      { model: 'm', input: [] },
      { model: 'm', input: [''] },
      { model: 'm', input: 'x', dimensions: 0 },
      { model: 'm', input: 'x', dimensions: 1.5 },
    ])
      expect(embeddingsAnswer(body), JSON.stringify(body)).toMatchObject({ status: 400 });
  });
});

describe('the mock provider’s embed', () => {
  const target = {
    modelId: 'mock-embed',
    upstreamModel: 'mock-embed',
    streamUsage: true,
    timeouts: { connectMs: 1, firstTokenMs: 1, totalMs: 1 },
  };

  it('should answer deterministic, normalized vectors of 8 dimensions or the asked size, and count one token a word', async () => {
    const mock = createMockProvider();
    const first = await mock.embed?.({ input: ['red train', 'blue train', 'red train'] }, target, { signal: signal() });
    const again = await mock.embed?.({ input: ['red train'] }, target, { signal: signal() });
    expect(first?.embeddings.map((v) => v.length)).toEqual([8, 8, 8]);
    expect(first?.embeddings[0]).toEqual(first?.embeddings[2]);
    expect(again?.embeddings[0]).toEqual(first?.embeddings[0]);
    for (const v of first?.embeddings ?? []) expect(Math.hypot(...v)).toBeCloseTo(1, 9);
    expect(first?.usage).toEqual({ inputTokens: 6, estimated: false });
    const sized = await mock.embed?.({ input: ['x'], dimensions: 64 }, target, { signal: signal() });
    expect(sized?.embeddings[0]).toHaveLength(64);
    // Texts sharing a word are nearer than texts sharing none.
    const [a, b, c] =
      (await mock.embed?.({ input: ['red train', 'red apple', 'blue sky'] }, target, { signal: signal() }))?.embeddings ?? [];
    const dot = (x: number[] = [], y: number[] = []) => x.reduce((s, v, i) => s + v * (y[i] ?? 0), 0);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
  });
});
