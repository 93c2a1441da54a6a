import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateBudgetedKey, CreateSession } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';

/**
 * /v1/messages on the wire: Anthropic's event lines, pings on a quiet stream, an `error` event
 * after the start, keys by `x-api-key`, the session header, and the error classes its SDK raises.
 */
const ADMIN = 'anthropic-door-admin-key-0123';
let v: VendorApp | undefined;
afterEach(async () => {
  await v?.dispose();
  v = undefined;
});

async function gateway(env: Record<string, string> = {}, pingMs?: number): Promise<{ a: VendorApp; base: string }> {
  v = await startVendorApp(env, { retry: { attempts: 1 } }, pingMs === undefined ? undefined : { messagesPingMs: pingMs });
  return { a: v, base: await v.t.listen() };
}

const sdk = (base: string, apiKey = 'sk-ant-anything-in-local-mode') => new Anthropic({ baseURL: base, apiKey, maxRetries: 0 });
const hi = [{ role: 'user' as const, content: 'Hi' }];

function post(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01', ...headers },
    body: JSON.stringify(body),
  });
}

/** The events of an SSE body: each `event:` line with its data (whose `type` must say the same). */
function eventsOf(text: string): Array<{ event: string; data: Record<string, unknown> }> {
  return text
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      const event = /^event: (.+)$/m.exec(frame)?.[1] ?? '';
      const data = JSON.parse(/^data: (.+)$/m.exec(frame)?.[1] ?? 'null') as Record<string, unknown>;
      expect(data.type).toBe(event);
      return { event, data };
    });
}

const anthropicEvent = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
const TEXT_STREAM = [
  anthropicEvent('message_start', {
    message: {
      id: 'msg_up',
      type: 'message',
      role: 'assistant',
      model: 'claude-3-haiku-20240307',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 9, output_tokens: 1 },
    },
  }),
  anthropicEvent('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
  ...['Slow ', 'and ', 'steady.'].map((text) => anthropicEvent('content_block_delta', { index: 0, delta: { type: 'text_delta', text } })),
  anthropicEvent('content_block_stop', { index: 0 }),
  anthropicEvent('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 3 } }),
  anthropicEvent('message_stop', {}),
].join('');

describe('/v1/messages on the wire', () => {
  it('should stream event lines in Anthropic’s order, with the request-id and generation headers', async () => {
    const { base } = await gateway();
    const res = await post(base, { model: 'mock-a', max_tokens: 50, messages: hi, stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('request-id')).toMatch(/^[\w-]+$/);
    const generationId = res.headers.get('x-switchyard-generation-id') ?? '';
    expect(generationId).toMatch(/^[0-9a-f-]{36}$/);
    const events = eventsOf(await res.text());
    const names = events.map((e) => e.event);
    expect(names.slice(0, 2)).toEqual(['message_start', 'content_block_start']);
    expect(names.slice(-4)).toEqual(['content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(events[0]?.data.message).toMatchObject({
      id: `msg_${generationId}`,
      type: 'message',
      role: 'assistant',
      model: 'mock-a',
      content: [],
    });
    expect(events.at(-2)?.data).toMatchObject({ delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 8 } });
  });

  it('should ping a quiet stream', async () => {
    const { a, base } = await gateway({}, 15);
    a.anthropic.respond('POST /v1/messages', { type: 'sse', body: TEXT_STREAM, delayMs: 40 });
    const res = await post(base, { model: 'claude-test', max_tokens: 50, messages: hi, stream: true });
    const events = eventsOf(await res.text());
    expect(events.some((e) => e.event === 'ping')).toBe(true);
    const text = events
      .filter((e) => e.event === 'content_block_delta')
      .map((e) => (e.data.delta as { text: string }).text)
      .join('');
    expect(text).toBe('Slow and steady.');
    expect(events.at(-1)?.event).toBe('message_stop');
  });

  it('should end a stream that fails after its start with an error event', async () => {
    const { a, base } = await gateway();
    a.anthropic.respond('POST /v1/messages', { type: 'cut', body: TEXT_STREAM, bytes: TEXT_STREAM.indexOf('steady') });
    const res = await post(base, { model: 'claude-test', max_tokens: 50, messages: hi, stream: true });
    expect(res.status).toBe(200);
    const events = eventsOf(await res.text());
    expect(events[0]?.event).toBe('message_start');
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { error: { type: 'api_error' } } });
  });

  it('should refuse unknown fields, top_k and a wrong block with invalid_request_error naming them', async () => {
    const { base } = await gateway();
    for (const [body, named] of [
      [{ model: 'mock-a', max_tokens: 5, messages: hi, temprature: 1 }, 'temprature'],
      [{ model: 'mock-a', max_tokens: 5, messages: hi, top_k: 3 }, 'top_k'],
      [{ model: 'mock-a', max_tokens: 5, messages: [{ role: 'user', content: [{ type: 'video' }] }] }, 'messages.0.content.0.type'],
      [{ model: 'mock-a', max_tokens: 5, messages: hi, tools: [{ type: 'web_search_20250305', name: 'web_search' }] }, 'tools.0.type'],
    ] as const) {
      const res = await post(base, body);
      expect(res.status).toBe(400);
      const answer = (await res.json()) as { type: string; error: { type: string; message: string } };
      expect(answer).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
      expect(answer.error.message).toContain(named);
      expect((answer as { request_id?: string }).request_id).toBe(res.headers.get('request-id'));
    }
  });

  it('should take the session header instead of a model', async () => {
    const { a, base } = await gateway();
    const session = expectData(await a.t.run(CreateSession, { input: { modelId: 'mock-a' } })).createSession;
    const res = await post(base, { max_tokens: 20, messages: hi }, { 'x-switchyard-session': session.id });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { model: string }).model).toBe('mock-a');
  });
});

describe('/v1/messages keys and errors through the anthropic SDK', () => {
  it('should take a Switchyard key as x-api-key or Bearer, and raise AuthenticationError, NotFoundError and RateLimitError', async () => {
    const { a, base } = await gateway({ SWITCHYARD_ADMIN_KEY: ADMIN });
    await expect(
      sdk(base, 'sk-ant-not-a-switchyard-key').messages.create({ model: 'mock-a', max_tokens: 5, messages: hi }),
    ).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    const limited = expectData(
      await a.t.run(CreateBudgetedKey, { input: { name: 'one-a-minute', scopes: ['CLIENT'], requestsPerMinute: 1 } }, ADMIN),
    ).createApiKey;
    const first = await sdk(base, limited.key).messages.create({ model: 'mock-a', max_tokens: 5, messages: hi });
    expect(first.type).toBe('message');
    const rateError = await sdk(base, limited.key)
      .messages.create({ model: 'mock-a', max_tokens: 5, messages: hi })
      .catch((e: unknown) => e);
    expect(rateError).toBeInstanceOf(Anthropic.RateLimitError);
    expect((rateError as InstanceType<typeof Anthropic.RateLimitError>).error).toMatchObject({
      type: 'error',
      error: { type: 'rate_limit_error' },
    });

    const other = expectData(await a.t.run(CreateBudgetedKey, { input: { name: 'bearer', scopes: ['CLIENT'] } }, ADMIN)).createApiKey;
    const bearer = new Anthropic({ baseURL: base, authToken: other.key, apiKey: null, maxRetries: 0 });
    await expect(bearer.messages.create({ model: 'nope', max_tokens: 5, messages: hi })).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    expect((await bearer.messages.create({ model: 'mock-a', max_tokens: 5, messages: hi })).model).toBe('mock-a');

    const broke = expectData(
      await a.t.run(CreateBudgetedKey, { input: { name: 'broke', scopes: ['CLIENT'], budget: { daily: 0 } } }, ADMIN),
    ).createApiKey;
    await expect(sdk(base, broke.key).messages.create({ model: 'mock-a', max_tokens: 5, messages: hi })).rejects.toBeInstanceOf(
      Anthropic.RateLimitError,
    );
  });
});
