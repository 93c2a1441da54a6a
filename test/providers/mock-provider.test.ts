import { describe, expect, it } from 'vitest';
import type { ChatRequest, JsonObject, JsonValue, ToolDefinition } from '../../src/core/chat/chat-request.js';
import { DEFAULT_TIMEOUTS } from '../../src/core/records/model.js';
import { mockValueForSchema } from '../../src/providers/mock/mock-json.js';
import { createMockProvider } from '../../src/providers/mock/mock-provider.js';
import { IMAGE_TOKENS_LOW } from '../../src/providers/prompt-tokens.js';
import type { StreamPart, UpstreamTarget } from '../../src/providers/provider.js';
import { collect, signal, textOf } from './helpers.js';

const provider = createMockProvider();
const target: UpstreamTarget = { modelId: 'demo', upstreamModel: 'mock-small', timeouts: DEFAULT_TIMEOUTS, streamUsage: true };
const answer = async (request: ChatRequest) => collect(await provider.stream(request, target, { signal: signal() }));

const WEATHER: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: {
    type: 'object',
    properties: {
      city: { type: 'string' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      days: { type: 'integer', minimum: 1, maximum: 7 },
      tags: { type: 'array', items: { type: 'string' } },
      at: { type: 'object', properties: { lat: { type: 'number' }, lon: { type: 'number' } }, required: ['lat', 'lon'] },
      note: { type: ['string', 'null'] },
      detailed: { type: 'boolean' },
      extra: { $ref: '#/$defs/extra' },
    },
    required: ['city', 'unit', 'days', 'at'],
  },
};
const TIME: ToolDefinition = {
  name: 'get_time',
  parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] },
};
const ask = (text: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [{ role: 'user', content: text }],
  params: { maxTokens: 2000 },
  ...extra,
});

/** Whether a value has the schema's types and required properties (the subset the mock makes). */
function satisfies(value: JsonValue, schema: JsonObject): boolean {
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  const typeOf = (v: JsonValue) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  if (types.length && !types.some((t) => t === typeOf(value) || (t === 'number' && typeOf(value) === 'integer'))) return false;
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) return false;
  if (Array.isArray(value)) return value.every((item) => satisfies(item, (schema.items as JsonObject) ?? {}));
  if (typeof value !== 'object' || value === null) return true;
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>;
  const required = (schema.required ?? []) as string[];
  return required.every((key) => key in value) && Object.entries(value).every(([k, v]) => satisfies(v, properties[k] ?? {}));
}

function toolCallOf(parts: StreamPart[]) {
  const start = parts.find((p) => p.type === 'tool-call-start');
  const args = parts.map((p) => (p.type === 'tool-call-delta' ? p.argumentsDelta : '')).join('');
  return { start, args, deltas: parts.filter((p) => p.type === 'tool-call-delta').length };
}

describe('mock provider, chat surface', () => {
  it('should call the first tool with arguments built from its schema, streamed in pieces, finishing with tool-calls', async () => {
    const parts = await answer(ask("What's the weather in Paris?", { tools: [WEATHER, TIME] }));
    const { start, args, deltas } = toolCallOf(parts);
    expect(start).toMatchObject({
      type: 'tool-call-start',
      index: 0,
      name: 'get_weather',
      id: expect.stringMatching(/^call_mock_[0-9a-f]{8}$/),
    });
    expect(deltas).toBeGreaterThan(2);
    const value = JSON.parse(args) as JsonObject;
    expect(satisfies(value, WEATHER.parameters)).toBe(true);
    expect(value).toMatchObject({ unit: 'celsius', days: 1, detailed: true, extra: {}, at: { lat: 1, lon: 1 } });
    expect(value.tags).toHaveLength(1);
    expect(parts.map((p) => p.type).slice(-2)).toEqual(['tool-call-end', 'finish']);
    expect(parts.at(-1)).toMatchObject({ finishReason: 'tool-calls', usage: { outputTokens: deltas } });
    expect(textOf(parts)).toBe('');
  });

  it('should call the forced tool, and answer text when the choice is none', async () => {
    const forced = toolCallOf(await answer(ask('Time?', { tools: [WEATHER, TIME], toolChoice: { name: 'get_time' } })));
    expect(forced.start).toMatchObject({ name: 'get_time' });
    expect(satisfies(JSON.parse(forced.args) as JsonValue, TIME.parameters)).toBe(true);
    const none = await answer(ask('Time?', { tools: [WEATHER, TIME], toolChoice: 'none' }));
    expect(none.some((p) => p.type === 'tool-call-start')).toBe(false);
    expect(textOf(none)).toBe(textOf(await answer(ask('Time?'))));
  });

  it('should answer a tool result with text quoting it', async () => {
    const parts = await answer({
      messages: [
        { role: 'user', content: "What's the weather in Paris?" },
        { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }] },
        { role: 'tool', toolCallId: 'call_1', content: '{"temperature": 21, "sky": "clear"}' },
      ],
      params: { maxTokens: 2000 },
      tools: [WEATHER],
      toolChoice: 'required',
    });
    expect(textOf(parts)).toBe('The get_weather tool answered: {"temperature": 21, "sky": "clear"}');
    expect(parts.some((p) => p.type === 'tool-call-start')).toBe(false);
    expect(parts.at(-1)).toMatchObject({ finishReason: 'stop', usage: { outputTokens: 8 } }); // a delta per word
  });

  it('should answer a json_schema format with a JSON value of the schema, and json_object with a JSON object', async () => {
    const schema = WEATHER.parameters;
    const parts = await answer(ask('Report the weather', { responseFormat: { type: 'json_schema', name: 'report', schema } }));
    expect(satisfies(JSON.parse(textOf(parts)) as JsonValue, schema)).toBe(true);
    expect(parts.at(-1)).toMatchObject({ finishReason: 'stop' });
    const object = JSON.parse(textOf(await answer(ask('Answer in JSON', { responseFormat: { type: 'json_object' } }))));
    expect(object).toEqual({ answer: expect.stringMatching(/^\w+ \w+ \w+$/) });
  });

  it('should reason first when asked, closing the block with a signature, and count the reasoning tokens', async () => {
    const parts = await answer(ask('Think it over', { reasoning: { effort: 'low' } }));
    expect(parts.map((p) => p.type).slice(0, 4)).toEqual(['start', 'reasoning-delta', 'reasoning-delta', 'reasoning-end']);
    expect(parts[3]).toEqual({ type: 'reasoning-end', signature: expect.stringMatching(/^mock-[0-9a-f]{8}$/) });
    expect(textOf(parts)).toBe(textOf(await answer(ask('Think it over'))));
    expect(parts.at(-1)).toMatchObject({ usage: { outputTokens: 18, reasoningTokens: 2 } });
    const budget = await answer(ask('Think it over', { reasoning: { budgetTokens: 1024 } }));
    expect(budget.filter((p) => p.type === 'reasoning-delta')).toHaveLength(2);
  });

  it('should give the same answer to the same request, and other arguments to another prompt', async () => {
    const request = ask('Weather in Paris', { tools: [WEATHER], reasoning: { effort: 'high' } });
    expect(await answer(request)).toEqual(await answer(request));
    const other = toolCallOf(await answer(ask('Weather in Tokyo', { tools: [WEATHER] })));
    expect(other.args).not.toBe(toolCallOf(await answer(request)).args);
  });

  it('should cut a tool call at maxTokens with finish reason length', async () => {
    const parts = await answer({ ...ask('Paris', { tools: [WEATHER] }), params: { maxTokens: 2 } });
    expect(toolCallOf(parts).deltas).toBe(2);
    expect(parts.at(-1)).toMatchObject({ finishReason: 'length', usage: { outputTokens: 2 } });
  });

  it('should count images by the gateway bound and tool schemas by their words, exactly and the same each time', async () => {
    const request: ChatRequest = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', url: 'https://example.com/a.png', detail: 'low' },
          ],
        },
      ],
      params: { maxTokens: 2000 },
      tools: [TIME],
    };
    // 3 words, a low-detail image, and the tool: its name (1) and its schema written one key a line (16 words).
    const usage = (await answer(request)).at(-1);
    expect(usage).toMatchObject({ usage: { inputTokens: 3 + IMAGE_TOKENS_LOW + 1 + 16, estimated: false } });
  });

  it('should make small values of recursive, deep and odd schemas', () => {
    const word = () => 'w';
    const node: JsonObject = {
      type: 'object',
      properties: { child: { $ref: '#' }, next: { type: 'object', properties: {} } },
      required: ['child'],
    };
    expect(mockValueForSchema(node, word)).toEqual({ child: {}, next: {} });
    let deep: JsonObject = { type: 'string' };
    for (let i = 0; i < 50; i++) deep = { type: 'object', properties: { a: deep }, required: ['a'] };
    expect(JSON.stringify(mockValueForSchema(deep, word)).length).toBeLessThan(100);
    expect(mockValueForSchema({ anyOf: [{ type: 'null' }, { type: 'integer', exclusiveMinimum: 4 }] }, word)).toBe(5);
    expect(mockValueForSchema({ type: 'string', minLength: 5, maxLength: 6 }, word)).toBe('wwwww'.padEnd(6, 'w').slice(0, 6));
    expect(mockValueForSchema({ type: 'array', items: { const: 3 }, minItems: 50 }, word)).toEqual([3, 3, 3, 3]);
  });
});
