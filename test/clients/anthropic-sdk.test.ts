import Anthropic from '@anthropic-ai/sdk';
import type { MessageParam, RawMessageStreamEvent, Tool } from '@anthropic-ai/sdk/resources/messages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatGateway, PARIS_CALL, PNG_DATA_URL, startChatGateway, WEATHER_PARAMETERS } from './chat-gateway.js';

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
  });

  it('should count tokens with the gateway’s count', async () => {
    const counted = await client.messages.countTokens({ model: v().model, messages: ASK, system: 'Be brief.' });
    expect(counted.input_tokens).toBeGreaterThan(5);
    expect(counted.input_tokens).toBeLessThan(40);
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
