import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateObject, generateText, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ChatGateway, PARIS_CALL, type ScriptedCall, startChatGateway, type Vendor } from './chat-gateway.js';

/**
 * The AI SDK (`ai` with `@ai-sdk/openai-compatible`, pinned) against a listening gateway's /v1,
 * each case through an OpenAI-format and an Anthropic-format upstream answering in its own wire format.
 */
let g: ChatGateway;
beforeAll(async () => {
  g = await startChatGateway();
});
afterAll(async () => {
  await g?.dispose();
});

const provider = (options: { supportsStructuredOutputs?: boolean; includeUsage?: boolean } = {}) =>
  createOpenAICompatible({ baseURL: `${g.base}/v1`, name: 'switchyard', apiKey: 'sk-anything-in-local-mode', ...options });

const WeatherInput = z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) });
const Weather = z.object({ city: z.string(), temperature: z.number(), conditions: z.array(z.string()) });

type Body = Record<string, unknown>;
type Message = { role: string; content: unknown } & Body;
const messagesOf = (body: Body | undefined) => (body?.messages ?? []) as Message[];

/** The JSON answer as each vendor streams it for a JSON-object response format (Anthropic: the input of the forced answer tool). */
function jsonAnswer(v: Vendor, json: string) {
  return v.name === 'openai' ? { text: json } : { calls: [{ id: 'toolu_01JsonAnswer', name: 'json_answer', arguments: json }] };
}

describe.each(['openai', 'anthropic'] as const)('the AI SDK through the gateway to an %s upstream', (name) => {
  const v = () => g[name];

  it('should loop generateText through a tool with execute: the call, its result sent back, the text answer', async () => {
    v().script({ calls: [PARIS_CALL] }, { text: 'It is 18 °C and sunny in Paris.' });
    const executed: unknown[] = [];
    const result = await generateText({
      model: provider()(v().model),
      prompt: 'What is the weather in Paris?',
      tools: {
        get_weather: tool({
          description: 'The current weather in a city',
          inputSchema: WeatherInput,
          execute: async (input) => {
            executed.push(input);
            return { temperature: 18, conditions: 'sunny' };
          },
        }),
      },
      stopWhen: stepCountIs(3),
      maxRetries: 0,
    });
    expect(executed).toEqual([{ city: 'Paris', unit: 'celsius' }]);
    expect(result.text).toBe('It is 18 °C and sunny in Paris.');
    expect(result.steps.map((s) => s.finishReason)).toEqual(['tool-calls', 'stop']);
    expect(result.steps[0]?.toolCalls).toMatchObject([
      { toolCallId: PARIS_CALL.id, toolName: 'get_weather', input: { city: 'Paris', unit: 'celsius' } },
    ]);

    const [asked, answered] = v().bodies();
    const result18 = JSON.stringify({ temperature: 18, conditions: 'sunny' });
    if (name === 'openai') {
      expect(asked?.tools).toMatchObject([
        { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', required: ['city', 'unit'] } } },
      ]);
      expect(messagesOf(answered).slice(1)).toEqual([
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: PARIS_CALL.id, type: 'function', function: { name: 'get_weather', arguments: PARIS_CALL.arguments } }],
        },
        { role: 'tool', tool_call_id: PARIS_CALL.id, content: result18 },
      ]);
    } else {
      expect(asked?.tools).toMatchObject([{ name: 'get_weather', input_schema: { type: 'object', required: ['city', 'unit'] } }]);
      expect(messagesOf(answered).slice(1)).toEqual([
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: PARIS_CALL.id, name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: PARIS_CALL.id, content: result18 }] },
      ]);
    }
  });

  it('should generateObject with a zod schema as the provider asks by default: response_format json_object', async () => {
    v().script(jsonAnswer(v(), '{"city":"Paris","temperature":18,"conditions":["sunny"]}'));
    const { object } = await generateObject({
      model: provider()(v().model),
      schema: Weather,
      prompt: 'The weather in Paris.',
      maxRetries: 0,
    });
    expect(object).toEqual({ city: 'Paris', temperature: 18, conditions: ['sunny'] });
    const [body] = v().bodies();
    if (name === 'openai') expect(body?.response_format).toEqual({ type: 'json_object' });
    else
      expect(body).toMatchObject({
        tools: [{ name: 'json_answer', input_schema: { type: 'object' } }],
        tool_choice: { type: 'tool', name: 'json_answer' },
      });
  });

  it('should generateObject with a zod schema as json_schema when the provider declares structured outputs', async () => {
    v().script({ text: '{"city":"Paris","temperature":18,"conditions":["sunny","dry"]}' });
    const { object } = await generateObject({
      model: provider({ supportsStructuredOutputs: true })(v().model),
      schema: Weather,
      schemaName: 'weather',
      prompt: 'The weather in Paris.',
      maxRetries: 0,
    });
    expect(object).toEqual({ city: 'Paris', temperature: 18, conditions: ['sunny', 'dry'] });
    const [body] = v().bodies();
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city', 'temperature', 'conditions'] };
    if (name === 'openai') expect(body?.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'weather', schema } });
    else expect(body?.output_config).toMatchObject({ format: { type: 'json_schema', schema } });
  });

  it('should streamText a text answer, with the usage', async () => {
    v().script({ text: 'Bonjour from the gateway, streamed.', usage: { input: 14, output: 9 } });
    const result = streamText({ model: provider({ includeUsage: true })(v().model), prompt: 'Say hello', maxRetries: 0 });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.join('')).toBe('Bonjour from the gateway, streamed.');
    expect(deltas.length).toBeGreaterThan(1);
    expect(await result.finishReason).toBe('stop');
    const usage = await result.usage;
    expect([usage.inputTokens, usage.outputTokens]).toEqual([14, 9]);
    expect(v().bodies()[0]).toMatchObject({ stream: true });
  });

  it('should streamText a tool call, its input streamed and parsed', async () => {
    const call: ScriptedCall = { ...PARIS_CALL, arguments: '{"city":"Paris","unit":"fahrenheit"}' };
    v().script({ calls: [call] });
    const result = streamText({
      model: provider()(v().model),
      prompt: 'Weather in Paris, in fahrenheit?',
      tools: { get_weather: tool({ description: 'The current weather in a city', inputSchema: WeatherInput }) },
      toolChoice: { type: 'tool', toolName: 'get_weather' },
      maxRetries: 0,
    });
    const kinds: string[] = [];
    let streamedInput = '';
    for await (const part of result.fullStream) {
      kinds.push(part.type);
      if (part.type === 'tool-input-delta') streamedInput += part.delta;
    }
    expect(kinds).toContain('tool-input-start');
    expect(streamedInput).toBe(call.arguments);
    expect(await result.toolCalls).toMatchObject([
      { toolCallId: call.id, toolName: 'get_weather', input: { city: 'Paris', unit: 'fahrenheit' } },
    ]);
    expect(await result.finishReason).toBe('tool-calls');
    const [body] = v().bodies();
    if (name === 'openai') expect(body?.tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
    else expect(body?.tool_choice).toEqual({ type: 'tool', name: 'get_weather' });
  });
});
