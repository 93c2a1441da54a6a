import { describe, expect, it } from 'vitest';
import { NO_USAGE } from '../../src/core/chat/stream-part.js';
import type { UpstreamError } from '../../src/core/errors.js';
import { createOpenAICompatibleAdapter } from '../../src/providers/openai/openai-adapter.js';
import { fixture, fixtureJson, OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import { collect, HELLO, loopbackHttp, signal, targetFor, textOf, track } from './helpers.js';

async function setup() {
  const fake = track(await startOpenAIFake());
  const adapter = createOpenAICompatibleAdapter('openai', loopbackHttp());
  return { fake, adapter, target: targetFor(fake, { apiKey: OPENAI_TEST_KEY }) };
}

describe('openai adapter', () => {
  it('should send the documented Chat Completions body and headers', async () => {
    const { fake, adapter, target } = await setup();
    await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    const call = fake.calls[0];
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe('/v1/chat/completions');
    expect(call?.headers.authorization).toBe(`Bearer ${OPENAI_TEST_KEY}`);
    expect(call?.headers['content-type']).toBe('application/json');
    expect(call?.body).toMatchInlineSnapshot(`
      {
        "max_completion_tokens": 50,
        "messages": [
          {
            "content": "Be brief.",
            "role": "system",
          },
          {
            "content": "Say hello",
            "role": "user",
          },
        ],
        "model": "gpt-4o-mini",
        "stop": [
          "END",
        ],
        "stream": true,
        "stream_options": {
          "include_usage": true,
        },
        "temperature": 0.5,
        "top_p": 0.9,
      }
    `);
  });

  it('should stream text, then finish with the vendor usage and reason', async () => {
    const { adapter, target } = await setup();
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(parts[0]).toEqual({ type: 'start', upstreamModel: 'gpt-4o-mini-2024-07-18' });
    expect(parts.filter((p) => p.type === 'text-delta').map((p) => (p.type === 'text-delta' ? p.text : ''))).toEqual([
      'Hello',
      ' there',
      '! 你好',
      ' 😀',
    ]);
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', usage: { ...NO_USAGE, inputTokens: 12, outputTokens: 5 } });
  });

  it('should take partial usage (some OpenAI-compatible hosts send only completion_tokens) and estimate the rest', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-partial-usage.sse') });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(textOf(parts)).toBe('Hello there! 你好 😀');
    const finish = parts.at(-1);
    expect(finish).toMatchObject({ type: 'finish', finishReason: 'stop', usage: { outputTokens: 5, estimated: true } });
    expect(finish?.type === 'finish' ? finish.usage.inputTokens : 0).toBeGreaterThan(0); // the prompt, counted here
  });

  it('should keep the connection after [DONE] for the next request (the rest is drained, not destroyed)', async () => {
    const { fake, adapter, target } = await setup();
    for (let i = 0; i < 3; i++) {
      const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
      expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
      await new Promise((resolve) => setTimeout(resolve, 30)); // the response's last bytes arrive after [DONE]
    }
    expect(fake.calls).toHaveLength(3);
    expect(fake.connections).toBe(1);
  });

  it('should leave out stream_options and estimate usage for a server that sends none', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-no-usage.sse') });
    const parts = await collect(await adapter.stream(HELLO, { ...target, streamUsage: false }, { signal: signal() }));
    expect(fake.calls[0]?.body).not.toHaveProperty('stream_options');
    expect(textOf(parts)).toBe('Counting tokens myself');
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'length',
      usage: { ...NO_USAGE, inputTokens: 14, outputTokens: 4, estimated: true },
    }); // cl100k_base counts
  });

  it.each([
    [400, 'openai/error-400.json', 'UPSTREAM_ERROR', false, "openai answered 400: This model's maximum context length is 8192 tokens."],
    [401, 'openai/error-401.json', 'UPSTREAM_ERROR', false, 'openai rejected the API key (401): Incorrect API key provided'],
    [429, 'openai/error-429.json', 'RATE_LIMITED', true, 'openai rate-limited the request (429): Rate limit reached'],
    [500, 'openai/error-500.json', 'UPSTREAM_ERROR', true, 'openai answered 500: The server had an error'],
    [503, 'openai/error-500.json', 'UPSTREAM_ERROR', true, 'openai answered 503'],
  ])('should throw HTTP %i before the first part as %s (retryable: %s)', async (status, body, code, retryable, message) => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/chat/completions', {
      type: 'json',
      status,
      body: fixtureJson(body),
      headers: status === 429 ? { 'retry-after': '7' } : {},
    });
    const error = (await adapter.stream(HELLO, target, { signal: signal() }).catch((e: unknown) => e)) as UpstreamError;
    expect(error.code).toBe(code);
    expect(error.isRetryable).toBe(retryable);
    expect(error.status).toBe(status);
    expect(error.message).toContain(message);
    if (status === 429) expect(error.retryAfterMs).toBe(7000);
  });

  it('should refuse a wrong key like the real API does', async () => {
    const { adapter, target } = await setup();
    const error = (await adapter
      .stream(HELLO, { ...target, apiKey: 'sk-wrong' }, { signal: signal() })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error.message).toContain('rejected the API key (401)');
    expect(error.message).not.toContain('sk-wrong');
  });

  it('should end with a retryable error part when the stream is cut mid-way', async () => {
    const { fake, adapter, target } = await setup();
    const body = fixture('openai/chat-text.sse');
    fake.respond('POST /v1/chat/completions', { type: 'cut', body, bytes: body.indexOf(' there') + 20 });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    const last = parts.at(-1);
    expect(textOf(parts)).toBe('Hello');
    expect(last?.type).toBe('error');
    if (last?.type === 'error') {
      expect(last.error.isRetryable).toBe(true);
      expect(last.usage).toMatchObject({ outputTokens: 1, estimated: true });
    }
    expect(parts.filter((p) => p.type === 'finish' || p.type === 'error')).toHaveLength(1);
  });

  it('should end with an error part, not a crash, on a malformed chunk', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-malformed.sse') });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(textOf(parts)).toBe('Half an answer');
    expect(parts.at(-1)).toMatchObject({
      type: 'error',
      error: { code: 'UPSTREAM_ERROR', message: 'openai sent a chunk that is not JSON' },
    });
  });

  it('should end with an error part when the vendor sends an error chunk mid-stream', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-error-midstream.sse') });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(parts.at(-1)).toMatchObject({
      type: 'error',
      error: { message: 'openai failed mid-stream: The server had an error while processing your request.' },
    });
  });

  it('should time out an upstream that never answers, before the first part', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/chat/completions', { type: 'hang' });
    const started = Date.now();
    const error = (await adapter
      .stream(HELLO, { ...target, timeouts: { ...target.timeouts, firstTokenMs: 150 } }, { signal: signal() })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error.message).toBe('test-model: no first token within 150 ms');
    expect(error.isRetryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    await fake.calls[0]?.closedEarly;
  });

  it('should end with a timeout error part when the whole answer takes longer than totalMs', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse'), delayMs: 25 });
    const parts = await collect(
      await adapter.stream(HELLO, { ...target, timeouts: { ...target.timeouts, totalMs: 1000 } }, { signal: signal() }),
    ); // first part at ~0.4 s, the whole at ~3 s
    expect(parts.at(-1)).toMatchObject({
      type: 'error',
      error: { message: 'test-model: no complete answer within 1000 ms', isRetryable: true },
    });
    await fake.calls[0]?.closedEarly;
  });

  it('should abort the upstream request when the caller cancels, ending with a cancelled finish', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse'), delayMs: 30 });
    const controller = new AbortController();
    const parts = [];
    for await (const part of await adapter.stream(HELLO, target, { signal: controller.signal })) {
      parts.push(part);
      if (part.type === 'text-delta') controller.abort();
    }
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'cancelled', usage: { outputTokens: 1, estimated: true } });
    await fake.calls[0]?.closedEarly; // the fake saw its socket close before the stream was done
  });

  it('should report health from GET /models: listed, not listed, or the vendor refusing the key', async () => {
    const { fake, adapter, target } = await setup();
    expect(await adapter.checkHealth({ ...target, upstreamModel: 'gpt-4' }, { signal: signal() })).toMatchObject({
      ok: true,
      message: 'gpt-4 is listed by GET /models',
    });
    expect(await adapter.checkHealth({ ...target, upstreamModel: 'gpt-9' }, { signal: signal() })).toMatchObject({
      ok: false,
      message: 'gpt-9 is not among the 3 models GET /models lists',
    });
    expect(await adapter.checkHealth({ ...target, apiKey: 'sk-wrong' }, { signal: signal() })).toMatchObject({
      ok: false,
      message: expect.stringContaining('openai rejected the API key (401)'),
    });
    expect(fake.calls.every((c) => c.path === '/v1/models')).toBe(true);
  });

  it('should fall back to a 1-token completion for servers without a model list', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('GET /v1/models', { type: 'json', status: 404, body: { error: 'not found' } });
    expect(await adapter.checkHealth(target, { signal: signal() })).toMatchObject({
      ok: true,
      message: 'answered a 1-token completion (no GET /models)',
    });
    expect(fake.calls[1]?.body).toMatchObject({ max_completion_tokens: 1 });
  });
});
