import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textEvents } from '../fakes/bedrock-fake.js';
import { Generate, GenerationQuery, ModelsQuery } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';

/**
 * A Bedrock model end to end: the `bedrock-test` model of the vendor app (region us-east-1, the
 * fake's baseUrl, the AWS keys of the app's environment), driven through /v1 with the official
 * `openai` package and through GraphQL generate; the fake verifies every request's SigV4 signature.
 */
const STREAM_PATH = `/model/${encodeURIComponent('us.anthropic.claude-sonnet-4-20250514-v1:0')}/converse-stream`;
let v: VendorApp;
let base: string;
beforeAll(async () => {
  v = await startVendorApp();
  base = await v.t.listen();
});
afterAll(() => v.dispose());

const sdk = () => new OpenAI({ baseURL: `${base}/v1`, apiKey: 'sk-anything-in-local-mode', maxRetries: 0 });

describe('a Bedrock model through the gateway', () => {
  it('should be probed HEALTHY with a signed one-token Converse', async () => {
    const { models } = expectData(await v.t.run(ModelsQuery));
    expect(models.find((m) => m.id === 'bedrock-test')).toMatchObject({ status: 'HEALTHY', provider: 'BEDROCK' });
  });

  it('should stream a chat completion through the openai SDK, with the usage Bedrock reported', async () => {
    v.bedrock.respond(STREAM_PATH, {
      type: 'events',
      events: textEvents(['Hi ', 'from ', 'Bedrock'], { inputTokens: 7, outputTokens: 3, totalTokens: 10, cacheReadInputTokens: 20 }),
    });
    const stream = await sdk().chat.completions.create({
      model: 'bedrock-test',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      max_tokens: 30,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined | null;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Hi from Bedrock');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 27, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 20 } });
    const call = v.bedrock.calls.at(-1);
    expect(call).toMatchObject({ path: STREAM_PATH, auth: 'sigv4' });
    expect(call?.body).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
      system: [{ text: 'Be brief.' }],
      inferenceConfig: { maxTokens: 30 },
    });
  });

  it('should answer a tool call through the openai SDK', async () => {
    v.bedrock.respond(STREAM_PATH, {
      type: 'events',
      events: [
        { event: 'messageStart', payload: { role: 'assistant' } },
        { event: 'contentBlockStart', payload: { contentBlockIndex: 0, start: { toolUse: { toolUseId: 'tooluse_9', name: 'weather' } } } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { toolUse: { input: '{"city":"Oslo"}' } } } },
        { event: 'contentBlockStop', payload: { contentBlockIndex: 0 } },
        { event: 'messageStop', payload: { stopReason: 'tool_use' } },
        { event: 'metadata', payload: { usage: { inputTokens: 30, outputTokens: 8, totalTokens: 38 } } },
      ],
    });
    const answer = await sdk().chat.completions.create({
      model: 'bedrock-test',
      messages: [{ role: 'user', content: 'Weather in Oslo?' }],
      tools: [
        { type: 'function', function: { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
      ],
      tool_choice: 'required',
    });
    expect(answer.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: { tool_calls: [{ id: 'tooluse_9', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }] },
    });
    expect(v.bedrock.calls.at(-1)?.body).toHaveProperty('toolConfig.toolChoice', { any: {} });
  });

  it('should answer a GraphQL generate, stored and priced', async () => {
    v.bedrock.respond(STREAM_PATH, {
      type: 'events',
      events: textEvents(['Generated ', 'on Bedrock'], { inputTokens: 1000, outputTokens: 100, totalTokens: 1100 }),
    });
    const { generate } = expectData(await v.t.run(Generate, { input: { model: 'bedrock-test', prompt: 'Hello' } }));
    expect(generate).toMatchObject({
      modelId: 'bedrock-test',
      status: 'SUCCEEDED',
      text: 'Generated on Bedrock',
      finishReason: 'STOP',
      usage: { inputTokens: 1000, outputTokens: 100, estimated: false },
      costMicroUsd: 4500, // 1000 × $3/M + 100 × $15/M
      attempts: [{ modelId: 'bedrock-test', provider: 'BEDROCK', outcome: 'SUCCEEDED' }],
    });
    const { generation } = expectData(await v.t.run(GenerationQuery, { id: generate.id }));
    expect(generation).toMatchObject({ status: 'SUCCEEDED', model: { id: 'bedrock-test', provider: 'BEDROCK' } });
  });

  it('should refuse what Converse cannot carry with a 400 naming it, before any call', async () => {
    const calls = v.bedrock.calls.length;
    const error = await sdk()
      .chat.completions.create({
        model: 'bedrock-test',
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(400);
    expect(v.bedrock.calls.length).toBe(calls);
  });
});

describe('a Bedrock model under the gateway’s retries', () => {
  it('should retry a ThrottlingException and answer from the second attempt, but not retry a ValidationException', async () => {
    const app = await startVendorApp({}, { retry: { attempts: 2, baseDelayMs: 0, maxDelayMs: 0 } });
    try {
      app.bedrock.respond(
        STREAM_PATH,
        { type: 'error', status: 429, errorType: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' },
        { type: 'events', events: textEvents(['after ', 'a retry']) },
      );
      const { generate } = expectData(await app.t.run(Generate, { input: { model: 'bedrock-test', prompt: 'Hello' } }));
      expect(generate).toMatchObject({ status: 'SUCCEEDED', text: 'after a retry' });
      expect(generate.attempts).toMatchObject([
        { modelId: 'bedrock-test', outcome: 'FAILED', errorCode: 'RATE_LIMITED', httpStatus: 429 },
        { modelId: 'bedrock-test', outcome: 'SUCCEEDED' },
      ]);

      app.bedrock.respond(STREAM_PATH, {
        type: 'error',
        status: 400,
        errorType: 'ValidationException',
        message: 'The provided model identifier is invalid.',
      });
      const calls = app.bedrock.calls.length;
      const refused = expectError(await app.t.run(Generate, { input: { model: 'bedrock-test', prompt: 'Hello' } }));
      expect(refused).toMatchObject({ code: 'UPSTREAM_ERROR', extensions: { upstreamStatus: 400, provider: 'bedrock' } });
      expect(refused.message).toContain('ValidationException: The provided model identifier is invalid.');
      expect(app.bedrock.calls.length).toBe(calls + 1);
    } finally {
      await app.dispose();
    }
  });
});
