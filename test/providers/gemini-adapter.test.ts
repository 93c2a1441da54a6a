import { describe, expect, it } from 'vitest';
import type { UpstreamError } from '../../src/core/errors.js';
import { createGeminiAdapter } from '../../src/providers/gemini/gemini-adapter.js';
import { modelUrl } from '../../src/providers/gemini/gemini-endpoint.js';
import { GEMINI_TEST_KEY, GEMINI_TEST_MODEL, startGoogleFake, streamRoute } from '../fakes/gemini-fake.js';
import { fixture, fixtureJson } from '../fakes/vendors.js';
import { collect, HELLO, loopbackHttp, signal, targetFor, textOf, track } from './helpers.js';

async function setup() {
  const fake = track(await startGoogleFake('gemini'));
  const adapter = createGeminiAdapter('gemini', loopbackHttp());
  return {
    fake,
    adapter,
    target: targetFor(fake, { apiKey: GEMINI_TEST_KEY, baseUrl: `${fake.url}/v1beta`, upstreamModel: GEMINI_TEST_MODEL }),
  };
}

describe('gemini adapter', () => {
  it('should stream from {baseUrl}/models/{model}:streamGenerateContent?alt=sse, defaulting to the public API', async () => {
    const base = targetFor(track(await startGoogleFake()), { upstreamModel: 'gemini-2.5-pro' });
    expect(modelUrl('gemini', { ...base, baseUrl: undefined }, 'streamGenerateContent')).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse',
    );
    expect(modelUrl('gemini', { ...base, baseUrl: 'https://example.test/v1beta/' })).toBe(
      'https://example.test/v1beta/models/gemini-2.5-pro',
    );
  });

  it('should send the documented body: systemInstruction, user contents, generationConfig; the key in x-goog-api-key', async () => {
    const { fake, adapter, target } = await setup();
    await collect(await adapter.stream({ ...HELLO, requestId: 'req-1' }, target, { signal: signal() }));
    const call = fake.calls[0];
    expect(call?.path).toBe(`/v1beta/models/${GEMINI_TEST_MODEL}:streamGenerateContent`);
    expect(call?.headers['x-goog-api-key']).toBe(GEMINI_TEST_KEY);
    expect(call?.headers.authorization).toBeUndefined();
    expect(call?.headers['x-request-id']).toBe('req-1');
    expect(call?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Say hello' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { maxOutputTokens: 50, temperature: 0.5, topP: 0.9, stopSequences: ['END'] },
    });
  });

  it('should stream text, the model version, the stop reason and the usage', async () => {
    const { adapter, target } = await setup();
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(parts[0]).toEqual({ type: 'start', upstreamModel: 'gemini-2.5-flash' });
    expect(textOf(parts)).toBe('Hello from Gemini — ünïcödé');
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      usage: { inputTokens: 9, outputTokens: 7, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false },
    });
  });

  it('should read thought summaries, whole function calls and usage with cached content and thoughts', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond(streamRoute(), { type: 'sse', body: fixture('gemini/stream-tools-thinking.sse') });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    const ids = parts.flatMap((p) => (p.type === 'tool-call-start' ? [p.id] : []));
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
    expect(parts.slice(1)).toEqual([
      { type: 'reasoning-delta', text: '**Checking the tools**\n\nThe user wants the weather and the time in Paris.' },
      { type: 'reasoning-end' },
      { type: 'tool-call-start', index: 0, id: ids[0], name: 'get_weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":"Paris","unit":"celsius"}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: ids[1], name: 'get_time' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"city":"Paris"}' },
      { type: 'tool-call-end', index: 1 },
      {
        type: 'finish',
        finishReason: 'tool-calls',
        // input: the prompt, cached content included; output: candidates 31 + thoughts 48.
        usage: { inputTokens: 1210, outputTokens: 79, cachedInputTokens: 1024, cacheWriteTokens: 0, reasoningTokens: 48, estimated: false },
      },
    ]);
  });

  it.each([
    ['gemini/stream-max-tokens.sse', 'length'],
    ['gemini/stream-prompt-blocked.sse', 'content-filter'],
  ])('should finish %s with reason %s', async (file, finishReason) => {
    const { fake, adapter, target } = await setup();
    fake.respond(streamRoute(), { type: 'sse', body: fixture(file) });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason, usage: { estimated: false } });
  });

  it.each([
    [
      400,
      { error: { code: 400, message: 'Invalid value at contents', status: 'INVALID_ARGUMENT' } },
      'UPSTREAM_ERROR',
      false,
      'gemini answered 400: INVALID_ARGUMENT: Invalid value at contents',
    ],
    [
      429,
      fixtureJson('gemini/error-429.json'),
      'RATE_LIMITED',
      true,
      'gemini rate-limited the request (429): RESOURCE_EXHAUSTED: You exceeded your current quota',
    ],
    [500, fixtureJson('gemini/error-500.json'), 'UPSTREAM_ERROR', true, 'gemini answered 500: INTERNAL: An internal error has occurred'],
    [503, fixtureJson('gemini/error-503.json'), 'UPSTREAM_ERROR', true, 'gemini answered 503: UNAVAILABLE: The model is overloaded'],
  ])('should throw HTTP %i as %s (retryable: %s)', async (status, body, code, retryable, message) => {
    const { fake, adapter, target } = await setup();
    fake.respond(streamRoute(), { type: 'json', status, body });
    const error = (await adapter.stream(HELLO, target, { signal: signal() }).catch((e: unknown) => e)) as UpstreamError;
    expect({ code: error.code, retryable: error.isRetryable, status: error.status }).toEqual({ code, retryable, status });
    expect(error.message).toContain(message);
    // The 429's RetryInfo (retryDelay 37s) stands in for the Retry-After header Gemini does not send.
    if (status === 429) expect(error.retryAfterMs).toBe(37_000);
  });

  it('should prefer a Retry-After header to the RetryInfo of the body', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond(streamRoute(), { type: 'json', status: 429, body: fixtureJson('gemini/error-429.json'), headers: { 'retry-after': '2' } });
    const error = (await adapter.stream(HELLO, target, { signal: signal() }).catch((e: unknown) => e)) as UpstreamError;
    expect(error.retryAfterMs).toBe(2000);
  });

  it('should report a missing key (403) and a wrong key (400 API_KEY_INVALID) as the key rejected, not retryable', async () => {
    const { adapter, target } = await setup();
    const missing = (await adapter
      .stream(HELLO, { ...target, apiKey: undefined }, { signal: signal() })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(missing).toMatchObject({
      status: 403,
      isRetryable: false,
      message: expect.stringContaining('gemini rejected the API key (403): PERMISSION_DENIED'),
    });
    const wrong = (await adapter
      .stream(HELLO, { ...target, apiKey: 'AIzaWrongKey1234' }, { signal: signal() })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(wrong).toMatchObject({
      status: 400,
      isRetryable: false,
      message: 'gemini rejected the API key (400): INVALID_ARGUMENT: API key not valid. Please pass a valid API key.',
    });
    expect(wrong.details).toMatchObject({ reason: 'auth' });
  });

  it('should end with a retryable error part carrying the partial text on an UNAVAILABLE error mid-stream', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond(streamRoute(), { type: 'sse', body: fixture('gemini/stream-unavailable-midstream.sse') });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(textOf(parts)).toBe('Partial answer');
    expect(parts.at(-1)).toMatchObject({
      type: 'error',
      error: { message: 'gemini failed mid-stream: UNAVAILABLE: The model is overloaded. Please try again later.', isRetryable: true },
      usage: { estimated: true },
    });
  });

  it('should end with a retryable error part when the stream stops before a finishReason', async () => {
    const { fake, adapter, target } = await setup();
    const body = fixture('gemini/stream-text.sse');
    fake.respond(streamRoute(), { type: 'sse', body: body.slice(0, body.indexOf('\r\n\r\n') + 4) });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(textOf(parts)).toBe('Hello');
    expect(parts.at(-1)).toMatchObject({
      type: 'error',
      error: { message: 'gemini ended the stream without a finishReason', isRetryable: true },
    });
  });

  it('should end with a non-retryable error part on a chunk of an unexpected shape', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond(streamRoute(), { type: 'sse', body: 'data: {"candidates": [{"content": {"parts": "not a list"}}]}\r\n\r\n' });
    const error = (await adapter.stream(HELLO, target, { signal: signal() }).catch((e: unknown) => e)) as UpstreamError;
    expect(error).toMatchObject({ message: 'gemini sent an event of an unexpected shape', isRetryable: false });
  });

  it('should time out when no token comes, and abort on cancel (the fake sees the socket close)', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond(streamRoute(), { type: 'hang' });
    const error = (await adapter
      .stream(HELLO, { ...target, timeouts: { ...target.timeouts, firstTokenMs: 100 } }, { signal: signal() })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error.message).toBe('test-model: no first token within 100 ms');
    await fake.calls[0]?.closedEarly;

    fake.respond(streamRoute(), { type: 'sse', body: fixture('gemini/stream-text.sse'), delayMs: 20 });
    const controller = new AbortController();
    const parts = [];
    for await (const part of await adapter.stream(HELLO, target, { signal: controller.signal })) {
      parts.push(part);
      if (part.type === 'text-delta') controller.abort();
    }
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'cancelled' });
    await fake.calls[1]?.closedEarly;
  });

  it('should probe health with GET models/{model}', async () => {
    const { fake, adapter, target } = await setup();
    expect(await adapter.checkHealth(target, { signal: signal() })).toMatchObject({
      ok: true,
      message: 'gemini-2.5-flash is known to GET models/{model}',
    });
    expect(await adapter.checkHealth({ ...target, upstreamModel: 'gemini-0' }, { signal: signal() })).toMatchObject({
      ok: false,
      message: 'gemini does not know the model gemini-0 (404)',
    });
    expect(await adapter.checkHealth({ ...target, apiKey: 'AIzaWrongKey1234' }, { signal: signal() })).toMatchObject({
      ok: false,
      message: expect.stringContaining('gemini rejected the API key (400)'),
    });
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /v1beta/models/gemini-2.5-flash',
      'GET /v1beta/models/gemini-0',
      'GET /v1beta/models/gemini-2.5-flash',
    ]);
  });
});
