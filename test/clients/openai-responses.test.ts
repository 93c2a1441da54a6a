import { createOpenAI } from '@ai-sdk/openai';
import { generateText, stepCountIs, streamText, tool } from 'ai';
import OpenAI from 'openai';
import type { FunctionTool, ResponseInputItem, ResponseStreamEvent } from 'openai/resources/responses/responses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChatGenerationQuery } from '../helpers/chat-documents.js';
import { SessionQuery, SwitchModel } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { type ChatGateway, PARIS_CALL, startChatGateway, WEATHER_PARAMETERS } from './chat-gateway.js';

/**
 * The official `openai` package's Responses API (`client.responses`) against a listening gateway,
 * each case once through an OpenAI-format upstream and once through an Anthropic one.
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

const WEATHER_TOOL: FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'The current weather in a city',
  parameters: WEATHER_PARAMETERS as unknown as Record<string, unknown>,
  strict: true,
};

type Body = Record<string, unknown>;
const messagesOf = (body: Body | undefined) => (body?.messages ?? []) as Array<{ role: string; content: unknown } & Body>;

describe.each(['openai', 'anthropic'] as const)('the openai SDK Responses API through the gateway to an %s upstream', (name) => {
  const v = () => g[name];
  const other = () => g[name === 'openai' ? 'anthropic' : 'openai'];

  it('should create a response: output_text, the message item, usage with its details', async () => {
    v().script({ text: 'Hello from the gateway.', usage: { input: 21, output: 6 } });
    const response = await client.responses.create({ model: v().model, instructions: 'Be brief.', input: 'Say hello.' });
    expect(response.object).toBe('response');
    expect(response.id).toMatch(/^resp_/);
    expect(response.status).toBe('completed');
    expect(response.model).toBe(v().model);
    expect(response.output_text).toBe('Hello from the gateway.');
    expect(response.output).toEqual([
      {
        type: 'message',
        id: expect.stringMatching(/^msg_/),
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'Hello from the gateway.', annotations: [], logprobs: [] }],
      },
    ]);
    expect(response.usage).toMatchObject({
      output_tokens: 6,
      output_tokens_details: { reasoning_tokens: 0 },
      input_tokens_details: { cached_tokens: 0 },
    });
    expect(response.usage?.total_tokens).toBe((response.usage?.input_tokens ?? 0) + 6);
    const [body] = v().bodies();
    if (name === 'openai') expect(messagesOf(body).map((m) => m.role)).toEqual(['system', 'user']);
    else expect(body).toMatchObject({ system: 'Be brief.', messages: [{ role: 'user' }] });
  });

  it('should stream the typed events in order, with sequence numbers, and the final response', async () => {
    v().script({ text: 'Streaming works fine.' });
    const events: ResponseStreamEvent[] = [];
    const stream = client.responses.stream({ model: v().model, input: 'Stream something.' });
    for await (const event of stream) events.push(event);
    const final = await stream.finalResponse();
    expect(final.output_text).toBe('Streaming works fine.');
    expect(final.status).toBe('completed');
    const types = [...new Set(events.map((e) => e.type))];
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const deltas = events.flatMap((e) => (e.type === 'response.output_text.delta' ? [e.delta] : []));
    expect(deltas.join('')).toBe('Streaming works fine.');
    const completed = events.at(-1);
    expect(completed?.type === 'response.completed' && completed.response.usage?.output_tokens).toBe(12);
  });

  it('should make a function call round trip: function_call → function_call_output → a text answer', async () => {
    v().script({ calls: [PARIS_CALL] }, { text: 'It is 18 °C in Paris.' });
    const input: ResponseInputItem[] = [{ role: 'user', content: 'What is the weather in Paris?' }];
    const first = await client.responses.create({ model: v().model, input, tools: [WEATHER_TOOL], store: false });
    expect(first.output).toEqual([
      {
        type: 'function_call',
        id: expect.stringMatching(/^fc_/),
        call_id: PARIS_CALL.id,
        name: 'get_weather',
        arguments: PARIS_CALL.arguments,
        status: 'completed',
      },
    ]);
    const second = await client.responses.create({
      model: v().model,
      input: [
        ...input,
        ...(first.output as ResponseInputItem[]),
        { type: 'function_call_output', call_id: PARIS_CALL.id, output: '{"temperature":18}' },
      ],
      tools: [WEATHER_TOOL],
      store: false,
    });
    expect(second.output_text).toBe('It is 18 °C in Paris.');
    const [asked, answered] = v().bodies();
    if (name === 'openai') {
      expect(asked).toMatchObject({ tools: [{ type: 'function', function: { name: 'get_weather', strict: true } }] });
      expect(messagesOf(answered).slice(1)).toEqual([
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: PARIS_CALL.id, type: 'function', function: { name: 'get_weather', arguments: PARIS_CALL.arguments } }],
        },
        { role: 'tool', tool_call_id: PARIS_CALL.id, content: '{"temperature":18}' },
      ]);
    } else {
      expect(asked).toMatchObject({ tools: [{ name: 'get_weather' }] });
      expect(messagesOf(answered).slice(1)).toMatchObject([
        { role: 'assistant', content: [{ type: 'tool_use', id: PARIS_CALL.id, name: 'get_weather', input: { city: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: PARIS_CALL.id }] },
      ]);
    }
  });

  it('should stream a function call: output_item.added, function_call_arguments.delta / .done, the item done', async () => {
    v().script({ calls: [PARIS_CALL] });
    const events: ResponseStreamEvent[] = [];
    const stream = client.responses.stream({ model: v().model, input: 'Weather in Paris?', tools: [WEATHER_TOOL], store: false });
    for await (const event of stream) events.push(event);
    const final = await stream.finalResponse();
    expect(final.output).toMatchObject([
      { type: 'function_call', call_id: PARIS_CALL.id, name: 'get_weather', arguments: PARIS_CALL.arguments },
    ]);
    const deltas = events.flatMap((e) => (e.type === 'response.function_call_arguments.delta' ? [e.delta] : []));
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(PARIS_CALL.arguments);
    const done = events.find((e) => e.type === 'response.function_call_arguments.done');
    expect(done).toMatchObject({ arguments: PARIS_CALL.arguments, output_index: 0 });
    expect(events.at(-1)?.type).toBe('response.completed');
  });

  it('should continue with previous_response_id in the gateway-held session, after a live switch over GraphQL', async () => {
    v().script({ text: 'My name is Ada.' });
    const raw = await client.responses.create({ model: v().model, input: 'Remember: the code word is tulip.' }).withResponse();
    const first = raw.data;
    const sessionId = raw.response.headers.get('x-switchyard-session') ?? '';
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first).toMatchObject({ store: true });

    const switched = expectData(await g.t.run(SwitchModel, { input: { sessionId, modelId: other().model } })).switchModel;
    expect(switched.model?.id).toBe(other().model);

    other().script({ text: 'The code word is tulip.' });
    // The client sends the same model again: the session's current model (switched live) serves.
    const second = await client.responses.create({ model: v().model, previous_response_id: first.id, input: 'What is the code word?' });
    expect(second.output_text).toBe('The code word is tulip.');
    expect(second.model).toBe(other().model);
    expect(second.previous_response_id).toBe(first.id);
    const [body] = other().bodies();
    const roles = messagesOf(body).map((m) => m.role);
    expect(roles.slice(-3)).toEqual(['user', 'assistant', 'user']);
    expect(JSON.stringify(body)).toContain('tulip');

    const session = expectData(await g.t.run(SessionQuery, { id: sessionId })).session;
    expect(session?.model?.id).toBe(other().model);
    expect(session?.messages.map((m) => m.content)).toEqual([
      'Remember: the code word is tulip.',
      'My name is Ada.',
      'What is the code word?',
      'The code word is tulip.',
    ]);

    const retrieved = await client.responses.retrieve(second.id);
    expect(retrieved).toMatchObject({ id: second.id, status: 'completed', model: other().model, output_text: 'The code word is tulip.' });
  });

  it('should keep no session with store: false, and not retrieve that response', async () => {
    v().script({ text: 'Not kept.' });
    const raw = await client.responses.create({ model: v().model, input: 'Forget this.', store: false }).withResponse();
    expect(raw.response.headers.get('x-switchyard-session')).toBeNull();
    expect(raw.data).toMatchObject({ store: false });
    const generationId = raw.response.headers.get('x-switchyard-generation-id') ?? '';
    const stored = expectData(await g.t.run(ChatGenerationQuery, { id: generationId })).generation;
    expect(stored).toMatchObject({ text: 'Not kept.', sessionId: null });
    await expect(client.responses.retrieve(raw.data.id)).rejects.toMatchObject({ status: 404 });
    await expect(client.responses.create({ model: v().model, input: 'Go on.', previous_response_id: raw.data.id })).rejects.toMatchObject({
      status: 404,
      param: 'previous_response_id',
    });
  });
});

describe('the Responses API refusals', () => {
  it('should refuse built-in tools with a 400 naming them', async () => {
    await expect(
      client.responses.create({ model: 'mock-a', input: 'Search the web.', tools: [{ type: 'web_search_preview' }] }),
    ).rejects.toMatchObject({ status: 400, param: 'tools[0].type', message: expect.stringContaining('web_search_preview') });
  });

  it('should refuse an unknown parameter with a 400 naming it', async () => {
    await expect(client.responses.create({ model: 'mock-a', input: 'Hi', background: true } as never)).rejects.toMatchObject({
      status: 400,
      param: 'background',
    });
  });

  it('should answer 404 for a previous_response_id that does not exist', async () => {
    await expect(
      client.responses.create({ model: 'mock-a', input: 'Hi', previous_response_id: 'resp_00000000-0000-0000-0000-000000000000' }),
    ).rejects.toMatchObject({ status: 404, param: 'previous_response_id' });
  });
});

describe.each(['openai', 'anthropic'] as const)(
  "the AI SDK's OpenAI provider (the Responses API) through the gateway to an %s upstream",
  (name) => {
    const v = () => g[name];
    const openai = () => createOpenAI({ baseURL: `${g.base}/v1`, apiKey: 'sk-anything-in-local-mode' });

    it('should generateText with a tool loop: the call, its result sent back as function_call_output, the text answer', async () => {
      v().script({ calls: [PARIS_CALL] }, { text: 'It is 18 °C and sunny in Paris.' });
      const executed: unknown[] = [];
      const result = await generateText({
        model: openai()(v().model),
        prompt: 'What is the weather in Paris?',
        tools: {
          get_weather: tool({
            description: 'The current weather in a city',
            inputSchema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
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
      expect(result.response.id).toMatch(/^resp_/);
      const [, answered] = v().bodies();
      expect(JSON.stringify(answered)).toContain('sunny');
    });

    it('should streamText: the text deltas, the finish reason and usage', async () => {
      v().script({ text: 'Streamed through the Responses API.', usage: { input: 9, output: 7 } });
      const result = streamText({ model: openai()(v().model), prompt: 'Stream please.', maxRetries: 0 });
      let text = '';
      for await (const delta of result.textStream) text += delta;
      expect(text).toBe('Streamed through the Responses API.');
      expect(await result.finishReason).toBe('stop');
      expect((await result.usage).outputTokens).toBe(7);
    });
  },
);
