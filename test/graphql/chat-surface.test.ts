import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatGenerate, ChatGenerateStream, ChatGenerationQuery } from '../helpers/chat-documents.js';
import { CreateSession, SessionQuery } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { subscribe, wsClient } from '../helpers/ws.js';
import type { ChatGenerateStreamSubscription, GenerateInput, ToolInput } from '../gql/graphql.js';
import {
  type ChatGateway,
  HTTPS_IMAGE,
  PARIS_CALL,
  PNG_DATA_URL,
  type ScriptedCall,
  startChatGateway,
  WEATHER_PARAMETERS,
} from '../clients/chat-gateway.js';

/**
 * The chat surface through GraphQL (generate, generateStream over graphql-ws, sessions), each case
 * through an OpenAI-format and an Anthropic-format upstream answering in its own wire format, and
 * bad input refused by name before anything is sent.
 */
let g: ChatGateway;
let ws: Client;
beforeAll(async () => {
  g = await startChatGateway();
  ws = wsClient(g.base);
});
afterAll(async () => {
  await ws?.dispose();
  await g?.dispose();
});

const WEATHER: ToolInput = { name: 'get_weather', description: 'The current weather in a city', parameters: WEATHER_PARAMETERS };
const TOKYO_CALL: ScriptedCall = { id: 'call_tokyo_2', name: 'get_weather', arguments: '{"city":"Tokyo","unit":"celsius"}' };
const ASK = { role: 'USER' as const, content: 'What is the weather in Paris?' };

type Body = Record<string, unknown>;
const messagesOf = (body: Body | undefined) => (body?.messages ?? []) as Array<{ role: string; content: unknown } & Body>;
type StreamEvent = ChatGenerateStreamSubscription['generateStream'];

async function streamEvents(input: GenerateInput): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for await (const result of subscribe(ws, ChatGenerateStream, { input })) {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    if (result.data) events.push(result.data.generateStream);
  }
  return events;
}

/** The tool-call turn and its answer as the upstream received them, in the vendor's shapes. */
function expectToolTurn(name: 'openai' | 'anthropic', body: Body | undefined, call: ScriptedCall, result: string): void {
  const messages = messagesOf(body);
  if (name === 'openai')
    expect(messages.slice(-2)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }],
      },
      { role: 'tool', tool_call_id: call.id, content: result },
    ]);
  else
    expect(messages.slice(-2)).toEqual([
      { role: 'assistant', content: [{ type: 'tool_use', id: call.id, name: call.name, input: JSON.parse(call.arguments) }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: result }] },
    ]);
}

describe.each(['openai', 'anthropic'] as const)('the chat surface through GraphQL to an %s upstream', (name) => {
  const v = () => g[name];

  it('should answer generate with tools in Generation.toolCalls, then a TOOL message with text', async () => {
    v().script({ calls: [PARIS_CALL] }, { text: 'It is 18 °C in Paris.' });
    const called = expectData(await g.t.run(ChatGenerate, { input: { model: v().model, messages: [ASK], tools: [WEATHER] } })).generate;
    expect(called).toMatchObject({ status: 'SUCCEEDED', finishReason: 'TOOL_CALLS', text: '', toolCalls: [PARIS_CALL] });
    const answered = expectData(
      await g.t.run(ChatGenerate, {
        input: {
          model: v().model,
          tools: [WEATHER],
          messages: [
            ASK,
            { role: 'ASSISTANT', toolCalls: called.toolCalls },
            { role: 'TOOL', toolCallId: PARIS_CALL.id, content: '{"temperature":18}' },
          ],
        },
      }),
    ).generate;
    expect(answered).toMatchObject({ status: 'SUCCEEDED', finishReason: 'STOP', text: 'It is 18 °C in Paris.', toolCalls: [] });
    const [asked, second] = v().bodies();
    expect(asked?.tools).toMatchObject([
      name === 'openai' ? { type: 'function', function: { name: 'get_weather' } } : { name: 'get_weather' },
    ]);
    expectToolTurn(name, second, PARIS_CALL, '{"temperature":18}');
  });

  it('should stream ToolCallDelta events: each call’s id and name first, then argument fragments joining to its JSON', async () => {
    v().script({ calls: [PARIS_CALL, TOKYO_CALL] });
    const events = await streamEvents({ model: v().model, messages: [ASK], tools: [WEATHER] });
    expect(events[0]).toMatchObject({ __typename: 'GenerationStarted', model: { id: v().model } });
    const deltas = events.flatMap((e) => (e.__typename === 'ToolCallDelta' ? [e] : []));
    expect(deltas.length).toBeGreaterThan(2);
    for (const index of [0, 1]) {
      const ofCall = deltas.filter((d) => d.index === index);
      expect(ofCall[0]).toMatchObject({ id: [PARIS_CALL, TOKYO_CALL][index]?.id, name: 'get_weather' });
      expect(ofCall.slice(1).every((d) => d.id === null && d.name === null)).toBe(true);
      expect(ofCall.map((d) => d.argumentsDelta).join('')).toBe([PARIS_CALL, TOKYO_CALL][index]?.arguments);
    }
    const last = events.at(-1);
    expect(last?.__typename).toBe('GenerationCompleted');
    if (last?.__typename !== 'GenerationCompleted') return;
    expect(last.generation).toMatchObject({ status: 'SUCCEEDED', finishReason: 'TOOL_CALLS', toolCalls: [PARIS_CALL, TOKYO_CALL] });
    expect(deltas.every((d) => d.generationId === last.generation.id)).toBe(true);
  });

  it('should send image parts given as parts { imageUrl }: a base64 data URL and an https URL', async () => {
    v().script({ text: 'A tiny square and the Eiffel Tower.' });
    const input: GenerateInput = {
      model: v().model,
      messages: [
        { role: 'USER', parts: [{ text: 'What are these?' }, { imageUrl: { url: PNG_DATA_URL } }, { imageUrl: { url: HTTPS_IMAGE } }] },
      ],
    };
    expect(expectData(await g.t.run(ChatGenerate, { input })).generate.text).toBe('A tiny square and the Eiffel Tower.');
    const content = messagesOf(v().bodies()[0])[0]?.content;
    if (name === 'openai')
      expect(content).toEqual([
        { type: 'text', text: 'What are these?' },
        { type: 'image_url', image_url: { url: PNG_DATA_URL } },
        { type: 'image_url', image_url: { url: HTTPS_IMAGE } },
      ]);
    else
      expect(content).toEqual([
        { type: 'text', text: 'What are these?' },
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_DATA_URL.split(',')[1] } },
        { type: 'image', source: { type: 'url', url: HTTPS_IMAGE } },
      ]);
  });

  it('should ask for a JSON_SCHEMA response format as the vendor takes it, and answer the JSON text', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    v().script({ text: '{"city":"Paris"}' });
    const answer = expectData(
      await g.t.run(ChatGenerate, {
        input: {
          model: v().model,
          prompt: 'Where is the Eiffel Tower?',
          responseFormat: { type: 'JSON_SCHEMA', name: 'place', schema, strict: true },
        },
      }),
    ).generate;
    expect(JSON.parse(answer.text)).toEqual({ city: 'Paris' });
    const [body] = v().bodies();
    if (name === 'openai')
      expect(body?.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'place', schema, strict: true } });
    else expect(body?.output_config).toEqual({ format: { type: 'json_schema', schema } });
  });

  it('should give the usage breakdown: cached input, cache writes and reasoning tokens, priced at the model’s cache prices', async () => {
    const usage =
      name === 'openai'
        ? { input: 1200, cacheRead: 1024, output: 80, reasoning: 64 }
        : { input: 40, cacheRead: 1000, cacheWrite: 200, output: 30 };
    v().script({ text: 'Cached.', usage });
    const generated = expectData(await g.t.run(ChatGenerate, { input: { model: v().model, prompt: 'Again?' } })).generate;
    const inputTokens = name === 'openai' ? 1200 : 40 + 1000 + 200;
    const cacheWrite = usage.cacheWrite ?? 0;
    expect(generated.usage).toEqual({
      inputTokens,
      outputTokens: usage.output,
      totalTokens: inputTokens + usage.output,
      cachedInputTokens: usage.cacheRead,
      cacheWriteTokens: cacheWrite,
      reasoningTokens: usage.reasoning ?? 0,
      estimated: false,
    });
    const p = v().prices;
    const cost =
      (inputTokens - usage.cacheRead - cacheWrite) * p.input +
      usage.cacheRead * p.cachedInput +
      cacheWrite * (p.cacheWrite ?? p.input) +
      usage.output * p.output;
    expect(generated.costMicroUsd).toBe(Math.round(cost));
    expect(expectData(await g.t.run(ChatGenerationQuery, { id: generated.id })).generation).toMatchObject({
      usage: generated.usage,
      costMicroUsd: Math.round(cost),
    });
  });

  it('should keep tool calls in a session: the second turn sends the assistant’s call and the tool result upstream', async () => {
    v().script({ calls: [PARIS_CALL] }, { text: 'It is 18 °C in Paris.' });
    const session = expectData(await g.t.run(CreateSession, { input: { modelId: v().model } })).createSession;
    const first = expectData(await g.t.run(ChatGenerate, { input: { sessionId: session.id, messages: [ASK], tools: [WEATHER] } })).generate;
    expect(first).toMatchObject({ sessionId: session.id, finishReason: 'TOOL_CALLS', toolCalls: [PARIS_CALL] });
    const second = expectData(
      await g.t.run(ChatGenerate, {
        input: { sessionId: session.id, tools: [WEATHER], messages: [{ role: 'TOOL', toolCallId: PARIS_CALL.id, content: '18' }] },
      }),
    ).generate;
    expect(second).toMatchObject({ status: 'SUCCEEDED', text: 'It is 18 °C in Paris.' });
    const [, body] = v().bodies();
    expect(messagesOf(body)[0]).toEqual({ role: 'user', content: 'What is the weather in Paris?' });
    expectToolTurn(name, body, PARIS_CALL, '18');
    const stored = expectData(await g.t.run(SessionQuery, { id: session.id })).session;
    expect(stored?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
  });
});

describe('bad chat input through GraphQL, named before anything is sent', () => {
  const refused = async (input: GenerateInput) => {
    const calls = g.openai.fake.calls.length + g.anthropic.fake.calls.length;
    const error = expectError(await g.t.run(ChatGenerate, { input }));
    expect(g.openai.fake.calls.length + g.anthropic.fake.calls.length).toBe(calls);
    expect(error.code).toBe('BAD_USER_INPUT');
    return error;
  };

  it('should name input.tools[0].name for a tool name the vendors refuse', async () => {
    const error = await refused({ model: 'gpt-chat', prompt: 'Hi', tools: [{ ...WEATHER, name: 'get weather!' }] });
    expect(error.extensions.fields).toEqual(['input.tools[0].name']);
    expect(error.message).toMatch(/^input\.tools\[0\]\.name: expected a function name/);
  });

  it('should name input.messages[0].parts[0] for an image URL that is http://', async () => {
    const error = await refused({
      model: 'claude-chat',
      messages: [{ role: 'USER', parts: [{ imageUrl: { url: 'http://images.example.com/a.png' } }] }],
    });
    expect(error.extensions.fields).toEqual(['input.messages[0].parts[0]']);
    expect(error.message).toMatch(/^input\.messages\[0\]\.parts\[0\]: expected an https:\/\/ image URL or a base64 data URL/);
  });

  it('should name the audio part and the model when the model’s provider takes no audio', async () => {
    const error = await refused({
      model: 'claude-chat',
      messages: [{ role: 'USER', parts: [{ text: 'Transcribe this.' }, { inputAudio: { data: 'UklGRiQAAABXQVZF', format: 'wav' } }] }],
    });
    expect(error.extensions.fields).toEqual(['input.messages[0].parts[1]']);
    expect(error.message).toBe(
      'input.messages[0].parts[1]: model claude-chat (provider anthropic) does not take audio parts; choose a model whose provider does, or leave it out',
    );
  });
});
