import { AIMessage, type AIMessageChunk, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ChatGateway, PARIS_CALL, startChatGateway } from './chat-gateway.js';

/**
 * LangChain's `ChatOpenAI` (`@langchain/openai`, pinned) pointed at a listening gateway's /v1,
 * each case through an OpenAI-format and an Anthropic-format upstream answering in its own wire format.
 */
let g: ChatGateway;
beforeAll(async () => {
  g = await startChatGateway();
});
afterAll(async () => {
  await g?.dispose();
});

const chat = (model: string) =>
  new ChatOpenAI({ model, apiKey: 'sk-anything-in-local-mode', configuration: { baseURL: `${g.base}/v1` }, maxRetries: 0 });

const getWeather = tool(async ({ city }) => `18 °C in ${city}`, {
  name: 'get_weather',
  description: 'The current weather in a city',
  schema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
});
const Weather = z.object({ city: z.string(), temperature: z.number() });
const WEATHER_SCHEMA = {
  type: 'object',
  properties: { city: { type: 'string' }, temperature: { type: 'number' } },
  required: ['city', 'temperature'],
};

type Body = Record<string, unknown>;
const messagesOf = (body: Body | undefined) => (body?.messages ?? []) as Array<{ role: string; content: unknown } & Body>;

describe.each(['openai', 'anthropic'] as const)('LangChain ChatOpenAI through the gateway to an %s upstream', (name) => {
  const v = () => g[name];

  it('should parse the tool_calls of an AIMessage from a model with bindTools, and take the tool result back', async () => {
    v().script({ calls: [PARIS_CALL] }, { text: 'It is 18 °C in Paris.' });
    const model = chat(v().model).bindTools([getWeather]);
    const ask = new HumanMessage('What is the weather in Paris?');
    const called = await model.invoke([ask]);
    expect(called).toBeInstanceOf(AIMessage);
    expect(called.tool_calls).toEqual([
      { id: PARIS_CALL.id, name: 'get_weather', args: { city: 'Paris', unit: 'celsius' }, type: 'tool_call' },
    ]);
    expect(called.response_metadata).toMatchObject({ finish_reason: 'tool_calls', model_name: v().model });

    const result = new ToolMessage({ tool_call_id: PARIS_CALL.id, content: '18 °C in Paris' });
    const answer = await model.invoke([ask, called, result]);
    expect(answer.content).toBe('It is 18 °C in Paris.');
    expect(answer.tool_calls).toEqual([]);

    const [asked, answered] = v().bodies();
    if (name === 'openai') {
      expect(asked?.tools).toMatchObject([
        { type: 'function', function: { name: 'get_weather', description: 'The current weather in a city' } },
      ]);
      expect(messagesOf(answered).at(-1)).toEqual({ role: 'tool', tool_call_id: PARIS_CALL.id, content: '18 °C in Paris' });
    } else {
      expect(asked?.tools).toMatchObject([{ name: 'get_weather', input_schema: { type: 'object', required: ['city', 'unit'] } }]);
      expect(messagesOf(answered).slice(1)).toEqual([
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: PARIS_CALL.id, name: 'get_weather', input: { city: 'Paris', unit: 'celsius' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: PARIS_CALL.id, content: '18 °C in Paris' }] },
      ]);
    }
  });

  // LangChain.js sends the tool's `name` on the ToolMessage `tool.invoke(toolCall)` makes; OpenAI takes it, so does the door.
  it('should take back the ToolMessage that tool.invoke(toolCall) makes, which names the tool', async () => {
    v().script({ calls: [PARIS_CALL] }, { text: 'It is 18 °C in Paris.' });
    const model = chat(v().model).bindTools([getWeather]);
    const ask = new HumanMessage('What is the weather in Paris?');
    const called = await model.invoke([ask]);
    const result = await getWeather.invoke(called.tool_calls![0]!);
    expect(result).toMatchObject({ name: 'get_weather', tool_call_id: PARIS_CALL.id });
    const answer = await model.invoke([ask, called, result]);
    expect(answer.content).toBe('It is 18 °C in Paris.');
    const [, answered] = v().bodies();
    if (name === 'openai')
      expect(messagesOf(answered).at(-1)).toMatchObject({ role: 'tool', tool_call_id: PARIS_CALL.id, content: '18 °C in Paris' });
    else
      expect(messagesOf(answered).at(-1)).toEqual({
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: PARIS_CALL.id, content: '18 °C in Paris' }],
      });
  });

  it('should stream a tool call whose chunks concat into the AIMessage’s tool_calls, with the usage', async () => {
    v().script({ calls: [PARIS_CALL], usage: { input: 40, output: 15 } });
    const model = chat(v().model).bindTools([getWeather]);
    let merged: AIMessageChunk | undefined;
    let chunks = 0;
    for await (const chunk of await model.stream('What is the weather in Paris?')) {
      merged = merged ? merged.concat(chunk) : chunk;
      chunks++;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(merged?.tool_calls).toEqual([
      { id: PARIS_CALL.id, name: 'get_weather', args: { city: 'Paris', unit: 'celsius' }, type: 'tool_call' },
    ]);
    expect(merged?.usage_metadata).toMatchObject({ input_tokens: 40, output_tokens: 15, total_tokens: 55 });
  });

  it('should parse withStructuredOutput(zod) by its default method for a model named like the gateway’s: json_schema', async () => {
    // @langchain/openai picks json_schema for every model name but gpt-3*, gpt-4-* and gpt-4 (utils/output.ts getStructuredOutputMethod).
    v().script({ text: '{"city":"Paris","temperature":18}' });
    const structured = chat(v().model).withStructuredOutput(Weather, { name: 'weather' });
    expect(await structured.invoke('The weather in Paris.')).toEqual({ city: 'Paris', temperature: 18 });
    const [body] = v().bodies();
    expect(body?.tools).toBeUndefined();
    if (name === 'openai')
      expect(body?.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'weather', schema: WEATHER_SCHEMA } });
    else expect(body?.output_config).toMatchObject({ format: { type: 'json_schema', schema: WEATHER_SCHEMA } });
  });

  it('should parse withStructuredOutput(zod, functionCalling): a forced tool call whose arguments are the answer', async () => {
    v().script({ calls: [{ id: 'call_extract_1', name: 'weather', arguments: '{"city":"Paris","temperature":18}' }] });
    const structured = chat(v().model).withStructuredOutput(Weather, { name: 'weather', method: 'functionCalling' });
    expect(await structured.invoke('The weather in Paris.')).toEqual({ city: 'Paris', temperature: 18 });
    const [body] = v().bodies();
    if (name === 'openai')
      expect(body).toMatchObject({
        tools: [{ type: 'function', function: { name: 'weather', parameters: WEATHER_SCHEMA } }],
        tool_choice: { type: 'function', function: { name: 'weather' } },
      });
    else
      expect(body).toMatchObject({
        tools: [{ name: 'weather', input_schema: WEATHER_SCHEMA }],
        tool_choice: { type: 'tool', name: 'weather' },
      });
  });
});
