import { describe, expect, it } from 'vitest';
import type { UpstreamError } from '../../src/core/errors.js';
import { createAnthropicAdapter } from '../../src/providers/anthropic/anthropic-adapter.js';
import { ANTHROPIC_TEST_KEY, fixture, fixtureJson, startAnthropicFake } from '../fakes/vendors.js';
import { collect, HELLO, loopbackHttp, signal, targetFor, textOf, track } from './helpers.js';

async function setup() {
  const fake = track(await startAnthropicFake());
  const adapter = createAnthropicAdapter(loopbackHttp());
  return {
    fake,
    adapter,
    target: targetFor(fake, { apiKey: ANTHROPIC_TEST_KEY, baseUrl: fake.url, upstreamModel: 'claude-3-haiku-20240307' }),
  };
}

describe('anthropic adapter', () => {
  it('should send the documented Messages body: system hoisted, max_tokens, x-api-key and anthropic-version', async () => {
    const { fake, adapter, target } = await setup();
    await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    const call = fake.calls[0];
    expect(call?.path).toBe('/v1/messages');
    expect(call?.headers['x-api-key']).toBe(ANTHROPIC_TEST_KEY);
    expect(call?.headers['anthropic-version']).toBe('2023-06-01');
    expect(call?.headers.authorization).toBeUndefined();
    expect(call?.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 50,
        "messages": [
          {
            "content": "Say hello",
            "role": "user",
          },
        ],
        "model": "claude-3-haiku-20240307",
        "stop_sequences": [
          "END",
        ],
        "stream": true,
        "system": "Be brief.",
        "temperature": 0.5,
        "top_p": 0.9,
      }
    `);
  });

  it('should stream the full event sequence into text, stop reason and usage', async () => {
    const { adapter, target } = await setup();
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(parts[0]).toEqual({ type: 'start', upstreamModel: 'claude-3-haiku-20240307' });
    expect(textOf(parts)).toBe('Hello from Claude — ünïcödé');
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      usage: { inputTokens: 25, outputTokens: 6, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false },
    });
  });

  it('should map max_tokens to length', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/messages', { type: 'sse', body: fixture('anthropic/messages-max-tokens.sse') });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'length', usage: { outputTokens: 1 } });
  });

  it.each([
    [400, 'anthropic/error-400.json', 'UPSTREAM_ERROR', false, 'anthropic answered 400: invalid_request_error: max_tokens: Field required'],
    [
      401,
      'anthropic/error-401.json',
      'UPSTREAM_ERROR',
      false,
      'anthropic rejected the API key (401): authentication_error: invalid x-api-key',
    ],
    [429, 'anthropic/error-429.json', 'RATE_LIMITED', true, 'anthropic rate-limited the request (429): rate_limit_error'],
    [500, 'anthropic/error-529.json', 'UPSTREAM_ERROR', true, 'anthropic answered 500'],
    [529, 'anthropic/error-529.json', 'UPSTREAM_ERROR', true, 'anthropic answered 529: overloaded_error: Overloaded'],
  ])('should throw HTTP %i as %s (retryable: %s)', async (status, body, code, retryable, message) => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/messages', {
      type: 'json',
      status,
      body: fixtureJson(body),
      headers: status === 429 ? { 'retry-after': '3' } : {},
    });
    const error = (await adapter.stream(HELLO, target, { signal: signal() }).catch((e: unknown) => e)) as UpstreamError;
    expect({ code: error.code, retryable: error.isRetryable, status: error.status }).toEqual({ code, retryable, status });
    expect(error.message).toContain(message);
    if (status === 429) expect(error.retryAfterMs).toBe(3000);
  });

  it('should end with a retryable error part carrying the partial text on an overloaded_error event mid-stream', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/messages', { type: 'sse', body: fixture('anthropic/messages-overloaded-midstream.sse') });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(textOf(parts)).toBe('Partial answer');
    const last = parts.at(-1);
    expect(last).toMatchObject({
      type: 'error',
      error: { message: 'anthropic failed mid-stream: overloaded_error: Overloaded', isRetryable: true },
    });
    if (last?.type === 'error') expect(last.usage).toMatchObject({ inputTokens: expect.any(Number), outputTokens: 2, estimated: true });
  });

  it('should end with an error part when the stream is cut before message_stop', async () => {
    const { fake, adapter, target } = await setup();
    const body = fixture('anthropic/messages-text.sse');
    fake.respond('POST /v1/messages', { type: 'cut', body, bytes: body.indexOf('content_block_stop') });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(textOf(parts)).toBe('Hello from Claude — ünïcödé');
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { isRetryable: true } });
  });

  it('should time out when no token comes, and abort on cancel (the fake sees the socket close)', async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /v1/messages', { type: 'hang' });
    const error = (await adapter
      .stream(HELLO, { ...target, timeouts: { ...target.timeouts, firstTokenMs: 100 } }, { signal: signal() })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error.message).toBe('test-model: no first token within 100 ms');
    await fake.calls[0]?.closedEarly;

    fake.respond('POST /v1/messages', { type: 'sse', body: fixture('anthropic/messages-text.sse'), delayMs: 20 });
    const controller = new AbortController();
    const parts = [];
    for await (const part of await adapter.stream(HELLO, target, { signal: controller.signal })) {
      parts.push(part);
      if (part.type === 'text-delta') controller.abort();
    }
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'cancelled' });
    await fake.calls[1]?.closedEarly;
  });

  it('should probe health with GET /v1/models/{model}', async () => {
    const { fake, adapter, target } = await setup();
    expect(await adapter.checkHealth(target, { signal: signal() })).toMatchObject({
      ok: true,
      message: 'claude-3-haiku-20240307 is known to GET /v1/models',
    });
    expect(await adapter.checkHealth({ ...target, upstreamModel: 'claude-0' }, { signal: signal() })).toMatchObject({
      ok: false,
      message: 'anthropic does not know the model claude-0 (404)',
    });
    expect(await adapter.checkHealth({ ...target, apiKey: 'sk-ant-wrong' }, { signal: signal() })).toMatchObject({
      ok: false,
      message: expect.stringContaining('rejected the API key (401)'),
    });
    expect(fake.calls.map((c) => c.path)).toEqual([
      '/v1/models/claude-3-haiku-20240307',
      '/v1/models/claude-0',
      '/v1/models/claude-3-haiku-20240307',
    ]);
  });
});
