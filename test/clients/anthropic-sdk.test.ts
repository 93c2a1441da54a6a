import Anthropic from '@anthropic-ai/sdk';
import type { MessageParam, RawMessageStreamEvent, Tool } from '@anthropic-ai/sdk/resources/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatGateway, HTTPS_IMAGE, PARIS_CALL, PNG_DATA_URL, startChatGateway, WEATHER_PARAMETERS } from './chat-gateway.js';

/**
 * The official `@anthropic-ai/sdk` (unmodified but for its base URL) against a listening gateway's
 * /v1/messages, each case once through an OpenAI-format upstream and once through an Anthropic one.
 */
let g: ChatGateway;
let client: Anthropic;
beforeAll(async () => {
  g = await startChatGateway();
  client = new Anthropic({ baseURL: g.base, apiKey: 'sk-ant-anything-in-local-mode', maxRetries: 0 });
});
afterAll(async () => {
  await g?.dispose();
});

const WEATHER_TOOL: Tool = {
  name: 'get_weather',
  description: 'The current weather in a city',
  input_schema: WEATHER_PARAMETERS as unknown as Tool.InputSchema,
};
const ASK: MessageParam[] = [{ role: 'user', content: 'What is the weather in Paris?' }];
type Body = Record<string, unknown>;

describe.each(['openai', 'anthropic'] as const)('the anthropic SDK through /v1/messages to an %s upstream', (name) => {
  const v = () => g[name];

  it('should answer a message: text, end_turn, the serving model and the uncached input tokens', async () => {
    v().script({ text: 'Hello from the gateway.', usage: { input: 40, output: 6, cacheRead: 10 } });
    const message = await client.messages.create({
      model: v().model,
      max_tokens: 100,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Say hello.' }],
      temperature: 0.5,
      stop_sequences: ['STOP'],
      metadata: { user_id: 'user-1' },
    } as Anthropic.MessageCreateParamsNonStreaming);
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: v().model,
      content: [{ type: 'text', text: 'Hello from the gateway.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
    });
    expect(message.id).toMatch(/^msg_/);
    // OpenAI's prompt_tokens include the cached ones; Anthropic's input_tokens do not: both answer the uncached count.
    expect(message.usage).toMatchObject({
      input_tokens: name === 'openai' ? 30 : 40,
      cache_read_input_tokens: 10,
      cache_creation_input_tokens: 0,
      output_tokens: 6,
    });
    const [body] = v().bodies();
    if (name === 'anthropic')
      expect(body).toMatchObject({ system: 'Be brief.', max_tokens: 100, temperature: 0.5, stop_sequences: ['STOP'] });
    else expect(body).toMatchObject({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user' }], temperature: 0.5 });
  });

  it('should stream Anthropic’s event sequence, and finalMessage() joins it', async () => {
    v().script({ text: 'Streaming through Switchyard.', usage: { input: 20, output: 5 } });
    const stream = client.messages.stream({ model: v().model, max_tokens: 100, messages: [{ role: 'user', content: 'Stream.' }] });
    const events: RawMessageStreamEvent[] = [];
    stream.on('streamEvent', (event) => events.push(event));
    const final = await stream.finalMessage();
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('message_start');
    expect(types.slice(1, 2)).toEqual(['content_block_start']);
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(new Set(types.slice(2, -3))).toEqual(new Set(['content_block_delta']));
    expect(final).toMatchObject({
      model: v().model,
      content: [{ type: 'text', text: 'Streaming through Switchyard.' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 20, output_tokens: 5 },
    });
  });

  it('should make a tool round trip: tool_use → tool_result → a text answer', async () => {
    v().script({ calls: [PARIS_CALL] }, { text: 'It is 18 °C in Paris.' });
    const first = await client.messages.create({ model: v().model, max_tokens: 200, messages: ASK, tools: [WEATHER_TOOL] });
    expect(first.stop_reason).toBe('tool_use');
    expect(first.content).toEqual([
      { type: 'tool_use', id: PARIS_CALL.id, name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } },
    ]);
    const second = await client.messages.create({
      model: v().model,
      max_tokens: 200,
      tools: [WEATHER_TOOL],
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      messages: [
        ...ASK,
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: PARIS_CALL.id, content: '{"temperature":18}' }] },
      ],
    });
    expect(second).toMatchObject({ stop_reason: 'end_turn', content: [{ type: 'text', text: 'It is 18 °C in Paris.' }] });
    const [, answered] = v().bodies();
    const messages = (answered?.messages ?? []) as Body[];
    if (name === 'anthropic') {
      expect(messages.slice(1)).toEqual([
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: PARIS_CALL.id, name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: PARIS_CALL.id, content: '{"temperature":18}' }] },
      ]);
    } else {
      expect(messages.slice(1)).toMatchObject([
        { role: 'assistant', tool_calls: [{ id: PARIS_CALL.id, function: { name: 'get_weather', arguments: PARIS_CALL.arguments } }] },
        { role: 'tool', tool_call_id: PARIS_CALL.id, content: '{"temperature":18}' },
      ]);
    }
  });

  it('should stream a tool call as a tool_use block with input_json_delta', async () => {
    v().script({ calls: [PARIS_CALL] });
    const stream = client.messages.stream({ model: v().model, max_tokens: 200, messages: ASK, tools: [WEATHER_TOOL] });
    const deltas: string[] = [];
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') deltas.push(event.delta.partial_json);
    });
    const final = await stream.finalMessage();
    expect(deltas.join('')).toBe(PARIS_CALL.arguments);
    expect(final.stop_reason).toBe('tool_use');
    expect(final.content).toEqual([
      { type: 'tool_use', id: PARIS_CALL.id, name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } },
    ]);
  });

  it('should send a base64 image on', async () => {
    v().script({ text: 'A pixel.' });
    const data = PNG_DATA_URL.slice('data:image/png;base64,'.length);
    await client.messages.create({
      model: v().model,
      max_tokens: 50,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data } },
          ],
        },
      ],
    });
    const [body] = v().bodies();
    const text = JSON.stringify(body);
    expect(text).toContain(data);

    v().script({ text: 'A city.' });
    await client.messages.create({
      model: v().model,
      max_tokens: 50,
      messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: HTTPS_IMAGE } }] }],
    });
    const [byUrl] = v().bodies();
    expect(JSON.stringify(byUrl)).toContain(HTTPS_IMAGE);
  });

  it('should count tokens with the gateway’s count', async () => {
    const counted = await client.messages.countTokens({ model: v().model, messages: ASK, system: 'Be brief.' });
    expect(counted.input_tokens).toBeGreaterThan(5);
    expect(counted.input_tokens).toBeLessThan(40);
  });
});

/** An Anthropic stream with a signed thinking block, then text. */
function thinkingStream(): string {
  const event = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  const usage = { input_tokens: 25, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  return [
    event('message_start', {
      message: {
        id: 'msg_think',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5-20250929',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: 1 },
      },
    }),
    event('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }),
    event('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'Paris is in France. ' } }),
    event('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'It is mild.' } }),
    event('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: 'sig-abc' } }),
    event('content_block_stop', { index: 0 }),
    event('content_block_start', { index: 1, content_block: { type: 'text', text: '' } }),
    event('content_block_delta', { index: 1, delta: { type: 'text_delta', text: 'Mild.' } }),
    event('content_block_stop', { index: 1 }),
    event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { ...usage, output_tokens: 30 } }),
    event('message_stop', {}),
  ].join('');
}

describe('thinking through /v1/messages', () => {
  const THINKING = { type: 'enabled', budget_tokens: 1024 } as const;

  it('should answer and stream an Anthropic upstream’s signed thinking block, and send it back with its signature', async () => {
    g.anthropic.script({ text: 'unused' });
    g.anthropic.fake.respond('POST /v1/messages', { type: 'sse', body: thinkingStream() }, { type: 'sse', body: thinkingStream() });
    const whole = await client.messages.create({ model: 'claude-chat', max_tokens: 2048, thinking: THINKING, messages: ASK });
    expect(whole.content).toEqual([
      { type: 'thinking', thinking: 'Paris is in France. It is mild.', signature: 'sig-abc' },
      { type: 'text', text: 'Mild.' },
    ]);
    const stream = client.messages.stream({ model: 'claude-chat', max_tokens: 2048, thinking: THINKING, messages: ASK });
    const types: string[] = [];
    stream.on('streamEvent', (event) => types.push(event.type === 'content_block_delta' ? event.delta.type : event.type));
    const final = await stream.finalMessage();
    expect(final.content).toEqual(whole.content);
    // Deltas may travel merged: the sequence with repeats collapsed.
    expect(types.filter((type, i) => type !== types[i - 1])).toEqual([
      'message_start',
      'content_block_start',
      'thinking_delta',
      'signature_delta',
      'content_block_stop',
      'content_block_start',
      'text_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const [asked] = g.anthropic.bodies();
    expect(asked).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 1024 } });

    g.anthropic.script({ text: 'Still mild.' });
    await client.messages.create({
      model: 'claude-chat',
      max_tokens: 2048,
      thinking: THINKING,
      messages: [...ASK, { role: 'assistant', content: final.content }, { role: 'user', content: 'And tomorrow?' }],
    });
    const [again] = g.anthropic.bodies();
    expect(((again?.messages ?? []) as Body[])[1]).toMatchObject({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Paris is in France. It is mild.', signature: 'sig-abc' },
        { type: 'text', text: 'Mild.' },
      ],
    });
  });

  it('should stream the mock model’s signed thinking', async () => {
    const final = await client.messages
      .stream({ model: 'mock-a', max_tokens: 2048, thinking: THINKING, messages: [{ role: 'user', content: 'Think.' }] })
      .finalMessage();
    expect(final.content[0]).toMatchObject({ type: 'thinking', signature: expect.stringMatching(/^mock-/) });
    expect(final.content[1]?.type).toBe('text');
  });
});

describe('the anthropic SDK’s typed errors from /v1/messages', () => {
  it('should raise NotFoundError for an unknown model', async () => {
    await expect(client.messages.create({ model: 'no-such-model', max_tokens: 10, messages: ASK })).rejects.toBeInstanceOf(
      Anthropic.NotFoundError,
    );
  });

  it('should raise BadRequestError naming top_k, an unknown field and a missing max_tokens', async () => {
    const error = await client.messages
      .create({ model: 'mock-a', max_tokens: 10, top_k: 5, messages: ASK } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.stringContaining('top_k') },
    });
    const unknown = await client.messages
      .create({ model: 'mock-a', max_tokens: 10, messages: ASK, frobnicate: true } as never)
      .catch((e: unknown) => e);
    expect((unknown as Error).message).toContain('frobnicate');
    const missing = await client.messages.create({ model: 'mock-a', messages: ASK } as never).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Anthropic.BadRequestError);
    expect((missing as Error).message).toContain('max_tokens');
  });

  it('should answer an unknown path under /v1/messages with a 404 in Anthropic’s shape', async () => {
    const res = await fetch(`${g.base}/v1/messages/batches`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });

  it('should answer the mock model, streamed and whole', async () => {
    const message = await client.messages.create({ model: 'mock-a', max_tokens: 50, messages: [{ role: 'user', content: 'Hi' }] });
    expect(message.content[0]?.type).toBe('text');
    const final = await client.messages
      .stream({ model: 'mock-a', max_tokens: 50, messages: [{ role: 'user', content: 'Hi' }] })
      .finalMessage();
    expect(final.content[0]).toMatchObject({ type: 'text', text: (message.content[0] as { text: string }).text });
  });
});
