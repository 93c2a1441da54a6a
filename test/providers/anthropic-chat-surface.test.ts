import { describe, expect, it } from 'vitest';
import type { AssistantMessage, ChatRequest, ReasoningBlock, ToolDefinition } from '../../src/core/chat/chat-request.js';
import { InvalidInputError } from '../../src/core/errors.js';
import { createAnthropicAdapter } from '../../src/providers/anthropic/anthropic-adapter.js';
import type { StreamPart } from '../../src/providers/provider.js';
import { ANTHROPIC_TEST_KEY, fixture, startAnthropicFake } from '../fakes/vendors.js';
import { collect, loopbackHttp, signal, targetFor, textOf, track } from './helpers.js';

/** A fake that answers the 400 the real API would to a body it refuses (test/fakes/anthropic-rules.ts). */
async function setup(sse = 'messages-text.sse') {
  const fake = track(await startAnthropicFake({ validate: true }));
  fake.respond('POST /v1/messages', { type: 'sse', body: fixture(`anthropic/${sse}`) });
  const adapter = createAnthropicAdapter(loopbackHttp());
  const target = targetFor(fake, { apiKey: ANTHROPIC_TEST_KEY, baseUrl: fake.url, upstreamModel: 'claude-sonnet-4-5-20250929' });
  const run = async (request: ChatRequest) => collect(await adapter.stream(request, target, { signal: signal() }));
  const body = (call = 0) => fake.calls[call]?.body as Record<string, unknown>;
  return { fake, run, body, adapter, target };
}

const WEATHER: ToolDefinition = {
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
  strict: true,
};
/** Parameters without `type`, as OpenAI clients may send them. */
const TIME: ToolDefinition = { name: 'get_time', parameters: { properties: { timezone: { type: 'string' } } } };

const ASK: ChatRequest = {
  messages: [{ role: 'user', content: 'Weather in Paris?' }],
  params: { maxTokens: 4096 },
  tools: [WEATHER, TIME],
};

const usage = (
  counts: Partial<Record<'inputTokens' | 'outputTokens' | 'cachedInputTokens' | 'cacheWriteTokens' | 'reasoningTokens', number>>,
) => ({
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  estimated: false,
  ...counts,
});

/** The assistant turn a client would keep from the parts, to send back. */
function assistantFrom(parts: StreamPart[]): AssistantMessage {
  const reasoning: ReasoningBlock[] = [];
  const calls: { id: string; name: string; arguments: string }[] = [];
  let thinking = '';
  for (const part of parts) {
    if (part.type === 'reasoning-delta') thinking += part.text;
    if (part.type === 'reasoning-end') {
      reasoning.push({
        text: thinking,
        ...(part.signature ? { signature: part.signature } : {}),
        ...(part.redacted ? { redacted: part.redacted } : {}),
      });
      thinking = '';
    }
    if (part.type === 'tool-call-start') calls[part.index] = { id: part.id, name: part.name, arguments: '' };
    if (part.type === 'tool-call-delta') (calls[part.index] as { arguments: string }).arguments += part.argumentsDelta;
  }
  return { role: 'assistant', content: textOf(parts), reasoning, toolCalls: calls };
}

describe('anthropic adapter: the request body', () => {
  it('should send a whole conversation as alternating turns: system hoisted, images, thinking kept signed and first, tool results merged with the next text', async () => {
    const { run, body } = await setup('messages-thinking.sse');
    await run({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: 'Use metric units.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Where was this taken, and what is the weather there?' },
            { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=' },
            { type: 'image', url: 'https://example.com/paris.jpg', detail: 'high' },
            { type: 'text', text: '' },
          ],
        },
        {
          role: 'assistant',
          content: 'In Paris. Let me look the weather up.',
          reasoning: [
            { text: 'The photo shows the Eiffel Tower.', signature: 'sig-1' },
            { text: '', redacted: 'redacted-data' },
            { text: 'reasoning another vendor gave, unsigned' },
          ],
          toolCalls: [
            { id: 'toolu_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
            { id: 'toolu_2', name: 'get_time', arguments: '' },
          ],
        },
        { role: 'tool', toolCallId: 'toolu_1', content: '18°C, sunny' },
        { role: 'tool', toolCallId: 'toolu_2', content: '14:05' },
        { role: 'user', content: 'And tomorrow?' },
      ],
      params: { maxTokens: 4096, stop: ['END'] },
      tools: [WEATHER, TIME],
      reasoning: { budgetTokens: 2048 },
    });
    expect(body()).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      max_tokens: 4096,
      system: 'Be brief.\n\nUse metric units.',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Where was this taken, and what is the weather there?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/paris.jpg' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'The photo shows the Eiffel Tower.', signature: 'sig-1' },
            { type: 'redacted_thinking', data: 'redacted-data' },
            { type: 'text', text: 'In Paris. Let me look the weather up.' },
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
            { type: 'tool_use', id: 'toolu_2', name: 'get_time', input: {} },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '18°C, sunny' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: '14:05' },
            { type: 'text', text: 'And tomorrow?' },
          ],
        },
      ],
      stop_sequences: ['END'],
      tools: [
        {
          name: 'get_weather',
          description: 'The weather in a city',
          input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
          strict: true,
        },
        { name: 'get_time', input_schema: { type: 'object', properties: { timezone: { type: 'string' } } } },
      ],
      thinking: { type: 'enabled', budget_tokens: 2048 },
      stream: true,
    });
  });

  it.each([
    [undefined, undefined, undefined],
    ['auto', undefined, { type: 'auto' }],
    ['required', undefined, { type: 'any' }],
    [{ name: 'get_time' }, undefined, { type: 'tool', name: 'get_time' }],
    ['none', undefined, { type: 'none' }],
    [undefined, false, { type: 'auto', disable_parallel_tool_use: true }],
    ['required', false, { type: 'any', disable_parallel_tool_use: true }],
    [{ name: 'get_time' }, false, { type: 'tool', name: 'get_time', disable_parallel_tool_use: true }],
    ['none', false, { type: 'none' }],
    ['auto', true, { type: 'auto' }],
  ] as const)('should map toolChoice %j with parallelToolCalls %j to tool_choice %j', async (toolChoice, parallelToolCalls, expected) => {
    const { run, body } = await setup();
    await run({ ...ASK, ...(toolChoice ? { toolChoice } : {}), ...(parallelToolCalls !== undefined ? { parallelToolCalls } : {}) });
    expect(body().tool_choice).toEqual(expected);
  });

  it('should send json_schema as output_config.format, the answer staying text', async () => {
    const { run, body } = await setup();
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    const parts = await run({ ...ASK, tools: [], responseFormat: { type: 'json_schema', name: 'place', schema, strict: true } });
    expect(body().output_config).toEqual({ format: { type: 'json_schema', schema } });
    expect(body().tools).toBeUndefined();
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('should ask for json_object as the forced input of an answer tool, and stream it back as text ending with stop', async () => {
    const { run, body } = await setup('messages-json-object.sse');
    const parts = await run({ messages: ASK.messages, params: ASK.params, responseFormat: { type: 'json_object' } });
    expect(body()).toMatchObject({
      tools: [{ name: 'json_answer', description: expect.any(String), input_schema: { type: 'object' } }],
      tool_choice: { type: 'tool', name: 'json_answer', disable_parallel_tool_use: true },
    });
    expect(parts.filter((p) => p.type.startsWith('tool-call'))).toEqual([]);
    expect(JSON.parse(textOf(parts))).toEqual({ city: 'Paris', temperature: 18 });
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', usage: usage({ inputTokens: 849, outputTokens: 47 }) });
  });

  it("should let the model call the caller's tools or answer in JSON (any), with an answer tool named apart from theirs", async () => {
    const { run, body } = await setup();
    const mine: ToolDefinition = { name: 'json_answer', parameters: { type: 'object' } };
    await run({ ...ASK, tools: [WEATHER, mine], toolChoice: 'auto', responseFormat: { type: 'json_object' } });
    expect((body().tools as { name: string }[]).map((t) => t.name)).toEqual(['get_weather', 'json_answer', 'json_answer_']);
    expect(body().tool_choice).toEqual({ type: 'any' });

    await run({ ...ASK, toolChoice: 'required', responseFormat: { type: 'json_object' } });
    expect(body(1)).toMatchObject({ tools: [{ name: 'get_weather' }, { name: 'get_time' }], tool_choice: { type: 'any' } });
  });

  it('should send temperature 1 and top_p 0.95, which thinking allows', async () => {
    const { run, body } = await setup('messages-thinking.sse');
    await run({ ...ASK, params: { maxTokens: 4096, temperature: 1, topP: 0.95 }, reasoning: { budgetTokens: 1024 } });
    expect(body()).toMatchObject({ temperature: 1, top_p: 0.95, thinking: { type: 'enabled', budget_tokens: 1024 } });
  });

  it.each([
    ['a budget under 1024', { reasoning: { budgetTokens: 512 } }, ['reasoning.budgetTokens'], 'at least 1024'],
    ['a budget not under maxTokens', { reasoning: { budgetTokens: 4096 } }, ['reasoning.budgetTokens'], 'less than maxTokens (4096)'],
    [
      'a temperature with thinking',
      { reasoning: { budgetTokens: 2048 }, params: { maxTokens: 4096, temperature: 0.5 } },
      ['reasoning.budgetTokens'],
      'temperature is 0.5',
    ],
    [
      'a forced tool with thinking',
      { reasoning: { budgetTokens: 2048 }, toolChoice: 'required' },
      ['reasoning.budgetTokens', 'toolChoice'],
      'forced',
    ],
    [
      'json_object with thinking',
      { reasoning: { budgetTokens: 2048 }, responseFormat: { type: 'json_object' } },
      ['reasoning.budgetTokens', 'responseFormat'],
      'use json_schema',
    ],
    [
      'tool call arguments that are not a JSON object',
      {
        messages: [
          { role: 'user', content: 'Weather?' },
          { role: 'assistant', content: '', toolCalls: [{ id: 'toolu_1', name: 'get_weather', arguments: '{"city": "Par' }] },
          { role: 'tool', toolCallId: 'toolu_1', content: 'bad arguments' },
        ],
      },
      ['messages.1.toolCalls.0.arguments'],
      'must be a JSON object',
    ],
    [
      'a BMP image',
      { messages: [{ role: 'user', content: [{ type: 'image', url: 'data:image/bmp;base64,Qk0=' }] }] },
      ['messages.0.content.0.url'],
      'JPEG, PNG, GIF or WebP',
    ],
  ] as const)('should refuse %s with an InvalidInputError naming the field, sending nothing', async (_, change, fields, message) => {
    const { adapter, target, fake } = await setup();
    const error = await adapter.stream({ ...ASK, ...change } as ChatRequest, target, { signal: signal() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect({ code: (error as InvalidInputError).code, fields: (error as InvalidInputError).details.fields }).toEqual({
      code: 'BAD_USER_INPUT',
      fields,
    });
    expect((error as Error).message).toContain(message);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('anthropic adapter: the streamed answer', () => {
  it('should stream a tool call: its index counts calls (not blocks), its arguments in pieces, stop reason tool_use', async () => {
    const { run } = await setup('messages-tool-use.sse');
    const parts = await run(ASK);
    expect(parts).toEqual([
      { type: 'start', upstreamModel: 'claude-3-haiku-20240307' },
      { type: 'text-delta', text: 'Okay, let me check' },
      { type: 'text-delta', text: ' the weather in Paris.' },
      { type: 'tool-call-start', index: 0, id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: ' "Par' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: 'is", "un' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: 'it": "cel' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: 'sius"}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'finish', finishReason: 'tool-calls', usage: usage({ inputTokens: 472, outputTokens: 89 }) },
    ]);
    expect(JSON.parse(assistantFrom(parts).toolCalls?.[0]?.arguments ?? '')).toEqual({ city: 'Paris', unit: 'celsius' });
  });

  it('should stream two parallel tool calls as calls 0 and 1', async () => {
    const { run } = await setup('messages-parallel-tools.sse');
    const message = assistantFrom(await run(ASK));
    expect(message.toolCalls).toEqual([
      { id: 'toolu_01A', name: 'get_weather', arguments: '{"city": "Paris"}' },
      { id: 'toolu_01B', name: 'get_time', arguments: '{"timezone": "Europe/Paris"}' },
    ]);
  });

  it('should stream thinking as reasoning deltas closed with its signature, then the text, with thinking tokens', async () => {
    const { run } = await setup('messages-thinking.sse');
    const parts = await run({ ...ASK, reasoning: { budgetTokens: 2048 } });
    expect(parts.slice(1)).toEqual([
      { type: 'reasoning-delta', text: 'Let me solve this step by step:\n\n1. First break down 27 * 453' },
      { type: 'reasoning-delta', text: '\n2. 453 = 400 + 50 + 3' },
      { type: 'reasoning-end', signature: expect.stringMatching(/^EqQBCgIYAhIM1gbcDa9GJwZA2b3h.{100,}/) },
      { type: 'text-delta', text: '27 * 453 = 12,231' },
      { type: 'finish', finishReason: 'stop', usage: usage({ inputTokens: 58, outputTokens: 190, reasoningTokens: 142 }) },
    ]);
  });

  it('should send thinking and redacted thinking back, signed and before the tool call, when the turn goes on after it', async () => {
    const { run, body } = await setup('messages-thinking-tool-use.sse');
    const first = await run({ ...ASK, reasoning: { budgetTokens: 2048 } });
    expect(first.filter((p) => p.type === 'reasoning-end')).toEqual([
      { type: 'reasoning-end', signature: 'EuYBCkQYAiJAsig-signature-1' },
      { type: 'reasoning-end', redacted: expect.stringMatching(/^EmwKAhgB/) },
    ]);
    const assistant = assistantFrom(first);
    await run({
      ...ASK,
      messages: [...ASK.messages, assistant, { role: 'tool', toolCallId: 'toolu_01ThinkCall', content: '18°C' }],
      reasoning: { budgetTokens: 2048 },
    });
    expect((body(1).messages as unknown[]).slice(1)).toEqual([
      {
        role: 'assistant',
        content: [
          {
            type: 'thinking',
            thinking: 'The user wants the weather; I should call get_weather.',
            signature: 'EuYBCkQYAiJAsig-signature-1',
          },
          { type: 'redacted_thinking', data: expect.stringMatching(/^EmwKAhgB/) },
          { type: 'tool_use', id: 'toolu_01ThinkCall', name: 'get_weather', input: { city: 'Paris' } },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01ThinkCall', content: '18°C' }] },
    ]);
  });

  it('should count cache reads and writes into the input tokens, as parts of it', async () => {
    const { run } = await setup('messages-cache-usage.sse');
    const parts = await run(ASK);
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      usage: usage({ inputTokens: 21 + 1800 + 188, cachedInputTokens: 1800, cacheWriteTokens: 188, outputTokens: 5 }),
    });
  });

  it('should skip blocks, deltas and events of types it does not know (server tools, citations, newer ones)', async () => {
    const { run } = await setup('messages-unknown-blocks.sse');
    const parts = await run(ASK);
    expect(parts.map((p) => p.type)).toEqual(['start', 'text-delta', 'finish']);
    expect(textOf(parts)).toBe('It is sunny.');
    expect(parts.at(-1)).toMatchObject({ finishReason: 'stop', usage: { inputTokens: 30, outputTokens: 12, estimated: false } });
  });
});
