import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionChunk, ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChatGenerationQuery } from '../helpers/chat-documents.js';
import { expectData } from '../helpers/graphql.js';
import {
  type ChatGateway,
  HTTPS_IMAGE,
  PARIS_CALL,
  PNG_DATA_URL,
  type ScriptedCall,
  startChatGateway,
  WEATHER_PARAMETERS,
} from './chat-gateway.js';

/**
 * The official `openai` package (pinned, unmodified but for its base URL) against a listening
 * gateway, each case once through an OpenAI-format upstream and once through an Anthropic one:
 * the same client request, the upstream answering in its own wire format, its body checked.
 */
let g: ChatGateway;
let client: OpenAI;
beforeAll(async () => {
  g = await startChatGateway();
  client = new OpenAI({ baseURL: `${g.base}/v1`, apiKey: 'sk-anything-in-local-mode', maxRetries: 0 });
});
afterAll(async () => {
  await g?.dispose();
});

const WEATHER_TOOL: ChatCompletionTool = {
  type: 'function',
  function: { name: 'get_weather', description: 'The current weather in a city', parameters: WEATHER_PARAMETERS, strict: true },
};
const TOKYO_CALL: ScriptedCall = { id: 'call_tokyo_2', name: 'get_weather', arguments: '{"city":"Tokyo","unit":"celsius"}' };
const ASK: ChatCompletionMessageParam[] = [
  { role: 'system', content: 'Answer with the tools.' },
  { role: 'user', content: 'What is the weather in Paris?' },
];

type Body = Record<string, unknown>;
type Blocks = Array<Record<string, unknown>>;
const messagesOf = (body: Body | undefined) => (body?.messages ?? []) as Array<{ role: string; content: unknown } & Body>;

describe.each(['openai', 'anthropic'] as const)('the openai SDK through the gateway to an %s upstream', (name) => {
  const v = () => g[name];

  it('should make a tool round trip: tools → tool_calls → the tool message → a text answer', async () => {
    v().script({ calls: [PARIS_CALL] }, { text: 'It is 18 °C in Paris.' });
    const first = await client.chat.completions.create({ model: v().model, messages: ASK, tools: [WEATHER_TOOL], tool_choice: 'auto' });
    const choice = first.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
    expect(choice?.message.tool_calls).toEqual([
      { id: PARIS_CALL.id, type: 'function', function: { name: 'get_weather', arguments: PARIS_CALL.arguments } },
    ]);
    const messages: ChatCompletionMessageParam[] = [
      ...ASK,
      choice!.message,
      { role: 'tool', tool_call_id: PARIS_CALL.id, content: '{"temperature":18}' },
    ];
    const second = await client.chat.completions.create({ model: v().model, messages, tools: [WEATHER_TOOL] });
    expect(second.choices[0]).toMatchObject({ finish_reason: 'stop', message: { role: 'assistant', content: 'It is 18 °C in Paris.' } });
    expect(second.choices[0]?.message.tool_calls).toBeUndefined();

    const [asked, answered] = v().bodies();
    if (name === 'openai') {
      expect(asked).toMatchObject({ tools: [WEATHER_TOOL], tool_choice: 'auto' });
      expect(messagesOf(answered).slice(2)).toEqual([
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: PARIS_CALL.id, type: 'function', function: { name: 'get_weather', arguments: PARIS_CALL.arguments } }],
        },
        { role: 'tool', tool_call_id: PARIS_CALL.id, content: '{"temperature":18}' },
      ]);
    } else {
      expect(asked).toMatchObject({
        system: 'Answer with the tools.',
        tools: [{ name: 'get_weather', description: 'The current weather in a city', input_schema: WEATHER_PARAMETERS }],
        tool_choice: { type: 'auto' },
      });
      expect(messagesOf(answered)).toEqual([
        { role: 'user', content: 'What is the weather in Paris?' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: PARIS_CALL.id, name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: PARIS_CALL.id, content: '{"temperature":18}' }] },
      ]);
    }
  });

  it('should stream parallel tool calls that the SDK’s stream helper reassembles, then stream the answer to their results', async () => {
    v().script({ calls: [PARIS_CALL, TOKYO_CALL] }, { text: 'Paris 18 °C, Tokyo 22 °C.' });
    const stream = client.chat.completions.stream({
      model: v().model,
      messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }],
      tools: [WEATHER_TOOL],
      parallel_tool_calls: true,
      stream_options: { include_usage: true },
    });
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
    // A strict tool's arguments are parsed by the helper too.
    const parsed = (call: ScriptedCall) => ({
      id: call.id,
      type: 'function',
      function: { name: 'get_weather', arguments: call.arguments, parsed_arguments: JSON.parse(call.arguments) },
    });
    expect(final.choices[0]?.message.tool_calls).toEqual([parsed(PARIS_CALL), parsed(TOKYO_CALL)]);
    // The first fragment of each call carries its id and name; the later ones only arguments.
    const fragments = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(fragments.filter((f) => f.id !== undefined).map((f) => [f.index, f.id, f.function?.name])).toEqual([
      [0, PARIS_CALL.id, 'get_weather'],
      [1, TOKYO_CALL.id, 'get_weather'],
    ]);
    expect(fragments.length).toBeGreaterThan(4);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(12);

    const answer = client.chat.completions.stream({
      model: v().model,
      messages: [
        { role: 'user', content: 'Weather in Paris and Tokyo?' },
        final.choices[0]!.message,
        { role: 'tool', tool_call_id: PARIS_CALL.id, content: '18' },
        { role: 'tool', tool_call_id: TOKYO_CALL.id, content: '22' },
      ],
      tools: [WEATHER_TOOL],
    });
    expect(await answer.finalContent()).toBe('Paris 18 °C, Tokyo 22 °C.');

    const [asked, answered] = v().bodies();
    if (name === 'openai') expect(asked).toMatchObject({ parallel_tool_calls: true, stream: true });
    else expect(asked?.tool_choice).toBeUndefined(); // parallel calls are Anthropic's default
    const results = messagesOf(answered).slice(2);
    if (name === 'openai')
      expect(results).toEqual([
        { role: 'tool', tool_call_id: PARIS_CALL.id, content: '18' },
        { role: 'tool', tool_call_id: TOKYO_CALL.id, content: '22' },
      ]);
    else
      expect(results).toEqual([
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: PARIS_CALL.id, content: '18' },
            { type: 'tool_result', tool_use_id: TOKYO_CALL.id, content: '22' },
          ],
        },
      ]);
  });

  it('should answer response_format json_schema with JSON the SDK parses (chat.completions.parse)', async () => {
    const Weather = z.object({ city: z.string(), temperature: z.number() });
    v().script({ text: '{"city":"Paris","temperature":18}' });
    const parsed = await client.chat.completions.parse({
      model: v().model,
      messages: [{ role: 'user', content: 'The weather in Paris, as JSON.' }],
      response_format: zodResponseFormat(Weather, 'weather'),
    });
    expect(parsed.choices[0]?.message.parsed).toEqual({ city: 'Paris', temperature: 18 });
    const [body] = v().bodies();
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, temperature: { type: 'number' } },
      required: ['city', 'temperature'],
      additionalProperties: false,
    };
    if (name === 'openai')
      expect(body?.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'weather', strict: true, schema } });
    else expect(body?.output_config).toMatchObject({ format: { type: 'json_schema', schema } });
  });

  it('should carry image parts, a base64 data URL and an https URL, as the vendor takes images', async () => {
    v().script({ text: 'A tiny square and the Eiffel Tower.' });
    const answer = await client.chat.completions.create({
      model: v().model,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What are these?' },
            { type: 'image_url', image_url: { url: PNG_DATA_URL } },
            { type: 'image_url', image_url: { url: HTTPS_IMAGE, detail: 'low' } },
          ],
        },
      ],
    });
    expect(answer.choices[0]?.message.content).toBe('A tiny square and the Eiffel Tower.');
    const [body] = v().bodies();
    const content = messagesOf(body)[0]?.content as Blocks;
    if (name === 'openai')
      expect(content).toEqual([
        { type: 'text', text: 'What are these?' },
        { type: 'image_url', image_url: { url: PNG_DATA_URL } },
        { type: 'image_url', image_url: { url: HTTPS_IMAGE, detail: 'low' } },
      ]);
    else
      expect(content).toEqual([
        { type: 'text', text: 'What are these?' },
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_DATA_URL.slice(PNG_DATA_URL.indexOf(',') + 1) } },
        { type: 'image', source: { type: 'url', url: HTTPS_IMAGE } },
      ]);
  });

  it('should report cached and reasoning tokens in OpenAI’s usage, and price the stored generation with the cache prices', async () => {
    // OpenAI's prompt_tokens include the cached ones; Anthropic's input_tokens exclude cache reads and writes.
    const usage =
      name === 'openai'
        ? { input: 2000, cacheRead: 1536, output: 300, reasoning: 256 }
        : { input: 21, cacheRead: 1800, cacheWrite: 188, output: 5 };
    v().script({ text: 'Cached hello.', usage });
    const { data, response } = await client.chat.completions
      .create({ model: v().model, messages: [{ role: 'user', content: 'Hello again' }] })
      .withResponse();
    const promptTokens = name === 'openai' ? 2000 : 21 + 1800 + 188;
    expect(data.usage).toEqual({
      prompt_tokens: promptTokens,
      completion_tokens: usage.output,
      total_tokens: promptTokens + usage.output,
      prompt_tokens_details: { cached_tokens: usage.cacheRead, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: usage.reasoning ?? 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    });

    const id = response.headers.get('x-switchyard-generation-id') ?? '';
    const stored = expectData(await g.t.run(ChatGenerationQuery, { id })).generation;
    const cacheWrite = usage.cacheWrite ?? 0;
    expect(stored?.usage).toEqual({
      inputTokens: promptTokens,
      outputTokens: usage.output,
      totalTokens: promptTokens + usage.output,
      cachedInputTokens: usage.cacheRead,
      cacheWriteTokens: cacheWrite,
      reasoningTokens: usage.reasoning ?? 0,
      estimated: false,
    });
    const prices = v().prices;
    expect(stored?.model?.pricing).toEqual({ cacheWrite: prices.input, ...prices });
    // Micro-USD: tokens × USD per million. Uncached input at the input price, cache reads and writes at theirs.
    const uncached = promptTokens - usage.cacheRead - cacheWrite;
    const cost =
      uncached * prices.input +
      usage.cacheRead * prices.cachedInput +
      cacheWrite * (prices.cacheWrite ?? prices.input) +
      usage.output * prices.output;
    expect(stored?.costMicroUsd).toBe(Math.round(cost));
    expect(Number(response.headers.get('x-switchyard-cost-usd'))).toBe(Math.round(cost) / 1e6);
    // The plain input price would have charged more: the cache prices were used.
    expect(stored?.costMicroUsd).toBeLessThan(promptTokens * prices.input + usage.output * prices.output);
  });
});
