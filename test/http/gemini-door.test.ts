import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamRoute } from '../fakes/gemini-fake.js';
import { fixture, fixtureJson } from '../fakes/vendors.js';
import { Generate, ModelsQuery } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';

/**
 * A Gemini model (`gemini-test`, provider `gemini`, behind the validating Gemini fake) through the
 * gateway: the /v1 door with the official `openai` client, and GraphQL `generate`.
 */
let v: VendorApp;
let client: OpenAI;
beforeAll(async () => {
  v = await startVendorApp();
  client = new OpenAI({ baseURL: `${await v.t.listen()}/v1`, apiKey: 'sk-anything-in-local-mode', maxRetries: 0 });
});
afterAll(() => v.dispose());

const WEATHER = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string' } }, required: ['city'] },
  },
};
const TIME = {
  type: 'function' as const,
  function: { name: 'get_time', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

describe('a gemini model through the gateway', () => {
  it('should be probed HEALTHY with GET models/{model}', async () => {
    const { models } = expectData(await v.t.run(ModelsQuery));
    expect(models.find((m) => m.id === 'gemini-test')).toMatchObject({
      status: 'HEALTHY',
      lastHealthCheck: { ok: true, message: 'gemini-2.5-flash is known to GET models/{model}' },
    });
  });

  it('should answer /v1/chat/completions from the openai client, the system prompt sent as systemInstruction', async () => {
    const completion = await client.chat.completions.create({
      model: 'gemini-test',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      max_tokens: 50,
    });
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'stop',
      message: { role: 'assistant', content: 'Hello from Gemini — ünïcödé' },
    });
    expect(completion.usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 7, total_tokens: 16 });
    expect(v.gemini.calls.at(-1)?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { maxOutputTokens: 50 },
    });
  });

  it('should stream parallel tool calls, then carry their results back as function responses', async () => {
    v.gemini.respond(
      streamRoute(),
      { type: 'sse', body: fixture('gemini/stream-tools-thinking.sse') },
      { type: 'sse', body: fixture('gemini/stream-text.sse') },
    );
    const stream = await client.chat.completions.create({
      model: 'gemini-test',
      messages: [{ role: 'user', content: 'Weather and time in Paris?' }],
      tools: [WEATHER, TIME],
      stream: true,
      stream_options: { include_usage: true },
    });
    const calls: { id: string; name: string; arguments: string }[] = [];
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
        const call = calls[delta.index] ?? { id: '', name: '', arguments: '' };
        calls[delta.index] = call;
        call.id += delta.id ?? '';
        call.name += delta.function?.name ?? '';
        call.arguments += delta.function?.arguments ?? '';
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(finish).toBe('tool_calls');
    expect(calls.map(({ name, arguments: args }) => ({ name, args: JSON.parse(args) as unknown }))).toEqual([
      { name: 'get_weather', args: { city: 'Paris', unit: 'celsius' } },
      { name: 'get_time', args: { city: 'Paris' } },
    ]);
    expect(usage).toMatchObject({
      prompt_tokens: 1210,
      completion_tokens: 79,
      prompt_tokens_details: { cached_tokens: 1024 },
      completion_tokens_details: { reasoning_tokens: 48 },
    });

    const answer = await client.chat.completions.create({
      model: 'gemini-test',
      tools: [WEATHER, TIME],
      messages: [
        { role: 'user', content: 'Weather and time in Paris?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: calls.map((call) => ({
            id: call.id,
            type: 'function' as const,
            function: { name: call.name, arguments: call.arguments },
          })),
        },
        { role: 'tool', tool_call_id: calls[1]?.id ?? '', content: '12:00' },
        { role: 'tool', tool_call_id: calls[0]?.id ?? '', content: '18 °C' },
      ],
    });
    expect(answer.choices[0]?.message.content).toBe('Hello from Gemini — ünïcödé');
    const body = v.gemini.calls.at(-1)?.body as { contents: unknown[] };
    expect(body.contents.slice(1)).toEqual([
      {
        role: 'model',
        parts: [
          {
            functionCall: { name: 'get_weather', args: { city: 'Paris', unit: 'celsius' } },
            thoughtSignature: 'skip_thought_signature_validator',
          },
          { functionCall: { name: 'get_time', args: { city: 'Paris' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'get_time', response: { output: '12:00' } } },
          { functionResponse: { name: 'get_weather', response: { output: '18 °C' } } },
        ],
      },
    ]);
  });

  it('should refuse an https image URL for a Gemini model before calling it', async () => {
    const before = v.gemini.calls.length;
    const error = await client.chat.completions
      .create({
        model: 'gemini-test',
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400 });
    expect(v.gemini.calls.length).toBe(before);
  });

  it('should pass Gemini’s 429 on as a 429 with its RetryInfo delay', async () => {
    v.gemini.respond(streamRoute(), { type: 'json', status: 429, body: fixtureJson('gemini/error-429.json') });
    const error = await client.chat.completions
      .create({ model: 'gemini-test', messages: [{ role: 'user', content: 'Hi' }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429 });
    expect((error as { headers: Headers }).headers.get('retry-after')).toBe('37');
    v.gemini.respond(streamRoute(), { type: 'sse', body: fixture('gemini/stream-text.sse') });
  });

  it('should answer GraphQL generate, priced from the usage Gemini reported', async () => {
    const { generate } = expectData(await v.t.run(Generate, { input: { model: 'gemini-test', prompt: 'Hi' } }));
    expect(generate).toMatchObject({
      modelId: 'gemini-test',
      status: 'SUCCEEDED',
      finishReason: 'STOP',
      text: 'Hello from Gemini — ünïcödé',
      usage: { inputTokens: 9, outputTokens: 7, totalTokens: 16, estimated: false },
      attempts: [{ modelId: 'gemini-test', provider: 'GEMINI', outcome: 'SUCCEEDED' }],
    });
    // 9 input tokens at $0.30/M and 7 output tokens at $2.50/M: 2.7 + 17.5 micro-USD.
    expect(generate.costMicroUsd).toBe(20);
  });
});
