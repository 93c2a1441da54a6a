import { describe, expect, it } from 'vitest';
import type { UpstreamError } from '../../src/core/errors.js';
import { createGeminiAdapter } from '../../src/providers/gemini/gemini-adapter.js';
import { GEMINI_TEST_KEY, startGoogleFake } from '../fakes/gemini-fake.js';
import { loopbackHttp, signal, targetFor, track } from './helpers.js';

const MODEL = 'gemini-embedding-001';
const ROUTE = `POST /v1beta/models/${MODEL}:batchEmbedContents`;
const vectors = (n: number, from = 0) => ({ embeddings: Array.from({ length: n }, (_, i) => ({ values: [from + i, 0.5, -0.25] })) });

async function setup() {
  const fake = track(await startGoogleFake('gemini'));
  const adapter = createGeminiAdapter('gemini', loopbackHttp());
  return { fake, adapter, target: targetFor(fake, { apiKey: GEMINI_TEST_KEY, baseUrl: `${fake.url}/v1beta`, upstreamModel: MODEL }) };
}

describe('gemini embeddings', () => {
  it('should embed through batchEmbedContents, one request per text, with the size asked for', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond(ROUTE, { type: 'json', body: vectors(2) });
    const result = await adapter.embed?.({ input: ['hello', 'world'], dimensions: 3 }, target, { signal: signal() });
    expect(result).toEqual({
      embeddings: [
        [0, 0.5, -0.25],
        [1, 0.5, -0.25],
      ],
      usage: { inputTokens: expect.any(Number), estimated: true },
      upstreamModel: MODEL,
    });
    expect(fake.calls[0]?.headers['x-goog-api-key']).toBe(GEMINI_TEST_KEY);
    expect(fake.calls[0]?.body).toEqual({
      requests: [
        { model: `models/${MODEL}`, content: { parts: [{ text: 'hello' }] }, outputDimensionality: 3 },
        { model: `models/${MODEL}`, content: { parts: [{ text: 'world' }] }, outputDimensionality: 3 },
      ],
    });
  });

  it('should split more than 100 texts into calls of 100, keeping the order', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond(ROUTE, { type: 'json', body: vectors(100) }, { type: 'json', body: vectors(50, 100) });
    const input = Array.from({ length: 150 }, (_, i) => `text ${i}`);
    const result = await adapter.embed?.({ input }, target, { signal: signal() });
    expect(result?.embeddings.map((v) => v[0])).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(fake.calls.map((c) => (c.body as { requests: unknown[] }).requests.length)).toEqual([100, 50]);
  });

  it('should pass Google’s 400 on (the fake refuses an empty text as Gemini does), and a short answer as malformed', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond(ROUTE, { type: 'json', body: vectors(1) });
    const refused = (await adapter.embed?.({ input: [''] }, target, { signal: signal() }).catch((e: unknown) => e)) as UpstreamError;
    expect(refused).toMatchObject({ status: 400, isRetryable: false, message: expect.stringContaining("required oneof field 'data'") });
    const short = (await adapter.embed?.({ input: ['a', 'b'] }, target, { signal: signal() }).catch((e: unknown) => e)) as UpstreamError;
    expect(short.message).toBe('gemini answered the embeddings request without one vector per input (2)');
  });

  it('should offer no embeddings for vertex-ai (Vertex AI embeds through :predict)', () => {
    expect(createGeminiAdapter('vertex-ai', loopbackHttp()).embed).toBeUndefined();
  });
});
