import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/core/chat/chat-request.js';
import type { InvalidInputError, UpstreamError } from '../../src/core/errors.js';
import { createGeminiAdapter } from '../../src/providers/gemini/gemini-adapter.js';
import { GEMINI_TEST_KEY, GEMINI_TEST_MODEL, startGoogleFake, VERTEX_TEST_PROJECT, VERTEX_TEST_TOKEN } from '../fakes/gemini-fake.js';
import { collect, loopbackHttp, signal, targetFor, track } from './helpers.js';

/** Every request goes through the fake's rules (gemini-rules.ts): a body Google would refuse fails the test with its 400. */
async function setup(kind: 'gemini' | 'vertex-ai' = 'gemini') {
  const fake = track(await startGoogleFake(kind));
  const adapter = createGeminiAdapter(kind, loopbackHttp());
  const target = targetFor(fake, {
    upstreamModel: GEMINI_TEST_MODEL,
    ...(kind === 'gemini'
      ? { apiKey: GEMINI_TEST_KEY, baseUrl: `${fake.url}/v1beta` }
      : { apiKey: VERTEX_TEST_TOKEN, baseUrl: `${fake.url}${VERTEX_TEST_PROJECT}` }),
  });
  const send = async (request: ChatRequest) => {
    const parts = await collect(await adapter.stream(request, target, { signal: signal() }));
    expect(parts.at(-1)).toMatchObject({ type: 'finish' });
    return fake.calls.at(-1)?.body as Record<string, unknown>;
  };
  const refuse = async (request: ChatRequest) => {
    const before = fake.calls.length;
    const error = (await adapter.stream(request, target, { signal: signal() }).catch((e: unknown) => e)) as InvalidInputError;
    expect(fake.calls.length).toBe(before);
    return error;
  };
  return { fake, adapter, target, send, refuse };
}

const params = { maxTokens: 200 };
const WEATHER = {
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
};
const TIME = { name: 'get_time', parameters: { type: 'object', properties: { city: { type: 'string' } } } };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('gemini adapter: the chat surface', () => {
  it('should carry a parallel tool loop: calls as functionCall parts, results as functionResponse parts named after their calls', async () => {
    const { send } = await setup();
    const body = await send({
      params,
      tools: [WEATHER, TIME],
      toolChoice: { name: 'get_time' },
      parallelToolCalls: false,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather and time in Paris?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [
            { id: 'call_a', name: 'get_weather', arguments: '{"city":"Paris"}' },
            { id: 'call_b', name: 'get_time', arguments: '' },
          ],
          reasoning: [{ text: 'thinking from another vendor', signature: 'sig-from-elsewhere' }],
        },
        { role: 'tool', toolCallId: 'call_b', content: '12:00' },
        { role: 'tool', toolCallId: 'call_a', content: '{"temperature":18}' },
        { role: 'developer', content: 'Answer in French.' },
        { role: 'user', content: 'And tomorrow?' },
      ],
    });
    expect(body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Weather and time in Paris?' }] },
        {
          role: 'model',
          parts: [
            { functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'skip_thought_signature_validator' },
            { functionCall: { name: 'get_time', args: {} } },
          ],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'get_time', response: { output: '12:00' } } },
            { functionResponse: { name: 'get_weather', response: { output: '{"temperature":18}' } } },
            { text: 'And tomorrow?' },
          ],
        },
      ],
      systemInstruction: { parts: [{ text: 'Be brief.' }, { text: 'Answer in French.' }] },
      tools: [
        {
          functionDeclarations: [
            { name: 'get_weather', description: 'The weather in a city', parametersJsonSchema: WEATHER.parameters },
            { name: 'get_time', description: '', parametersJsonSchema: TIME.parameters },
          ],
        },
      ],
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_time'] } },
      generationConfig: { maxOutputTokens: 200 },
    });
  });

  it.each([
    ['auto', 'AUTO'],
    ['none', 'NONE'],
    ['required', 'ANY'],
  ] as const)('should send tool choice %s as mode %s', async (toolChoice, mode) => {
    const { send } = await setup();
    const body = await send({ params, tools: [WEATHER], toolChoice, messages: [{ role: 'user', content: 'Hi' }] });
    expect(body.toolConfig).toEqual({ functionCallingConfig: { mode } });
  });

  it('should send images, audio and files inline, with their media types', async () => {
    const { send } = await setup();
    const body = await send({
      params,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in these?' },
            { type: 'image', url: `data:image/png;base64,${PNG}`, detail: 'high' },
            { type: 'audio', data: 'UklGRg==', format: 'wav' },
            { type: 'file', data: 'data:application/pdf;base64,JVBERi0xLjQ=', filename: 'a.pdf' },
            { type: 'text', text: '' },
          ],
        },
      ],
    });
    expect(body.contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'What is in these?' },
          { inlineData: { mimeType: 'image/png', data: PNG } },
          { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
          { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0xLjQ=' } },
        ],
      },
    ]);
  });

  it('should send json_object as the JSON mime type, json_schema with responseJsonSchema', async () => {
    const { send } = await setup();
    const ask = { params, messages: [{ role: 'user' as const, content: 'JSON please' }] };
    expect((await send({ ...ask, responseFormat: { type: 'json_object' } })).generationConfig).toEqual({
      maxOutputTokens: 200,
      responseMimeType: 'application/json',
    });
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    expect((await send({ ...ask, responseFormat: { type: 'json_schema', name: 'city', schema, strict: true } })).generationConfig).toEqual({
      maxOutputTokens: 200,
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
    });
  });

  it('should send a thinking budget or a thinking level, with thought summaries', async () => {
    const { send } = await setup();
    const ask = { params, messages: [{ role: 'user' as const, content: 'Think.' }] };
    expect((await send({ ...ask, reasoning: { budgetTokens: 1024 } })).generationConfig).toEqual({
      maxOutputTokens: 200,
      thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 },
    });
    expect((await send({ ...ask, reasoning: { effort: 'low' } })).generationConfig).toEqual({
      maxOutputTokens: 200,
      thinkingConfig: { includeThoughts: true, thinkingLevel: 'LOW' },
    });
  });

  it.each<[string, ChatRequest, string]>([
    [
      'an https image',
      { params, messages: [{ role: 'user', content: [{ type: 'image', url: 'https://example.com/a.png' }] }] },
      'messages.0.content.0.url: Gemini takes images only as base64 data URLs',
    ],
    [
      'a GIF',
      { params, messages: [{ role: 'user', content: [{ type: 'image', url: 'data:image/gif;base64,R0lGOD' }] }] },
      'messages.0.content.0.url: Gemini takes images as PNG, JPEG, WebP, HEIC or HEIF',
    ],
    [
      'a file by id',
      { params, messages: [{ role: 'user', content: [{ type: 'file', fileId: 'file-abc' }] }] },
      'messages.0.content.0.fileId: Gemini takes files only as base64 data URLs',
    ],
    [
      'audio of an unknown format',
      { params, messages: [{ role: 'user', content: [{ type: 'audio', data: 'AAAA', format: 'pcm16' }] }] },
      'messages.0.content.0.format: Gemini takes audio as wav, mp3, aiff, aac, ogg, flac',
    ],
    [
      'a tool result answering no call',
      {
        params,
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'tool', toolCallId: 'call_x', content: '1' },
        ],
      },
      'messages.1.toolCallId: must be the id of a tool call of an earlier assistant message',
    ],
    [
      'call arguments that are not an object',
      {
        params,
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: '', toolCalls: [{ id: 'c', name: 'f', arguments: '[1]' }] },
          { role: 'tool', toolCallId: 'c', content: '1' },
        ],
      },
      'messages.1.toolCalls.0.arguments: must be a JSON object',
    ],
    [
      'a function name Gemini refuses',
      { params, tools: [{ ...TIME, name: 'get time' }], messages: [{ role: 'user', content: 'Hi' }] },
      'tools.0.name: Gemini takes function names',
    ],
    [
      'only a system prompt',
      { params, messages: [{ role: 'system', content: 'Be brief.' }] },
      'messages: Gemini needs at least one user message',
    ],
    [
      'a budget and an effort',
      { params, reasoning: { budgetTokens: 1024, effort: 'high' }, messages: [{ role: 'user', content: 'Hi' }] },
      'reasoning: Gemini takes a thinking budget (budgetTokens) or a thinking level (effort), not both',
    ],
  ])('should refuse %s before calling Gemini', async (_, request, message) => {
    const { refuse } = await setup();
    const error = await refuse(request);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message.startsWith(message)).toBe(true);
  });
});

describe('vertex-ai adapter', () => {
  it('should stream from {baseUrl}/publishers/google/models/{model}:streamGenerateContent with the token as a bearer', async () => {
    const { fake, adapter, target } = await setup('vertex-ai');
    const parts = await collect(
      await adapter.stream({ params, messages: [{ role: 'user', content: 'Hi' }] }, target, { signal: signal() }),
    );
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop', usage: { inputTokens: 9, outputTokens: 7 } });
    const call = fake.calls[0];
    expect(call?.path).toBe(`${VERTEX_TEST_PROJECT}/publishers/google/models/gemini-2.5-flash:streamGenerateContent`);
    expect(call?.headers.authorization).toBe(`Bearer ${VERTEX_TEST_TOKEN}`);
    expect(call?.headers['x-goog-api-key']).toBeUndefined();
  });

  it('should report a rejected token (401) as not retryable', async () => {
    const { adapter, target } = await setup('vertex-ai');
    const error = (await adapter
      .stream({ params, messages: [{ role: 'user', content: 'Hi' }] }, { ...target, apiKey: 'ya29.expired' }, { signal: signal() })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error).toMatchObject({
      status: 401,
      isRetryable: false,
      message: expect.stringContaining('vertex-ai rejected the API key (401): UNAUTHENTICATED'),
    });
  });

  it('should probe health with countTokens (Vertex AI has no model lookup under a project)', async () => {
    const { fake, adapter, target } = await setup('vertex-ai');
    expect(await adapter.checkHealth(target, { signal: signal() })).toMatchObject({
      ok: true,
      message: 'gemini-2.5-flash is known to countTokens',
    });
    expect(await adapter.checkHealth({ ...target, apiKey: 'ya29.expired' }, { signal: signal() })).toMatchObject({
      ok: false,
      message: expect.stringContaining('vertex-ai rejected the API key (401)'),
    });
    expect(fake.calls[0]).toMatchObject({
      method: 'POST',
      path: `${VERTEX_TEST_PROJECT}/publishers/google/models/gemini-2.5-flash:countTokens`,
      body: { contents: [{ role: 'user', parts: [{ text: 'ping' }] }] },
    });
  });
});
