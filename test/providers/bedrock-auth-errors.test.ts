import { describe, expect, it } from 'vitest';
import { InvalidInputError, type UpstreamError } from '../../src/core/errors.js';
import { parseModelCredential } from '../../src/providers/bedrock/bedrock-credentials.js';
import { BEDROCK_TEST_API_KEY, BEDROCK_TEST_KEYS, BEDROCK_TEST_REGION, BEDROCK_TEST_SESSION, textEvents } from '../fakes/bedrock-fake.js';
import { collect, HELLO, signal, textOf } from './helpers.js';
import { AWS_ENV, bedrockSetup, STREAM_PATH } from './bedrock-helpers.js';

const refusal = async (promise: Promise<unknown>) =>
  (await promise.then(
    () => undefined,
    (error: unknown) => error,
  )) as UpstreamError;

describe('bedrock adapter: credentials', () => {
  it('should sign with SigV4 from the standard AWS variables, which the fake verifies with the SDK signer', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(textOf(parts)).toBe('Hello from Bedrock');
    const call = fake.calls[0];
    expect(call).toMatchObject({ auth: 'sigv4', accessKeyId: BEDROCK_TEST_KEYS.accessKeyId });
    expect(call?.headers.authorization).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${BEDROCK_TEST_KEYS.accessKeyId}/\\d{8}/${BEDROCK_TEST_REGION}/bedrock/aws4_request, SignedHeaders=[a-z0-9-;]*host[a-z0-9-;]*, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(JSON.stringify(call?.headers)).not.toContain(BEDROCK_TEST_KEYS.secretAccessKey);
  });

  it('should sign with temporary keys and their session token (x-amz-security-token)', async () => {
    const { fake, adapter, target } = await bedrockSetup({
      AWS_ACCESS_KEY_ID: BEDROCK_TEST_SESSION.accessKeyId,
      AWS_SECRET_ACCESS_KEY: BEDROCK_TEST_SESSION.secretAccessKey,
      AWS_SESSION_TOKEN: BEDROCK_TEST_SESSION.sessionToken,
      AWS_DEFAULT_REGION: BEDROCK_TEST_REGION,
    });
    await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(fake.calls[0]?.headers['x-amz-security-token']).toBe(BEDROCK_TEST_SESSION.sessionToken);
  });

  it("should prefer the model's own credential, in each documented shape, over the environment's", async () => {
    const { fake, adapter, target } = await bedrockSetup({ AWS_REGION: BEDROCK_TEST_REGION });
    const { accessKeyId, secretAccessKey, sessionToken } = BEDROCK_TEST_SESSION;
    for (const apiKey of [
      BEDROCK_TEST_API_KEY,
      `${BEDROCK_TEST_KEYS.accessKeyId}:${BEDROCK_TEST_KEYS.secretAccessKey}`,
      `${accessKeyId}:${secretAccessKey}:${sessionToken}`,
      JSON.stringify({ accessKeyId, secretAccessKey, sessionToken }),
    ])
      await collect(await adapter.stream(HELLO, { ...target, apiKey }, { signal: signal() }));
    expect(fake.calls.map((call) => [call.auth, call.accessKeyId])).toEqual([
      ['bearer', undefined],
      ['sigv4', BEDROCK_TEST_KEYS.accessKeyId],
      ['sigv4', accessKeyId],
      ['sigv4', accessKeyId],
    ]);
    expect(fake.calls[0]?.headers.authorization).toBe(`Bearer ${BEDROCK_TEST_API_KEY}`);
  });

  it('should be refused by the fake (403, AWS message) for a wrong secret, an unknown key and a wrong API key', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    const wrongSecret = await refusal(
      adapter.stream(HELLO, { ...target, apiKey: `${BEDROCK_TEST_KEYS.accessKeyId}:not-the-secret` }, { signal: signal() }),
    );
    expect(wrongSecret.status).toBe(403);
    expect(wrongSecret.isRetryable).toBe(false);
    expect(wrongSecret.message).toContain('InvalidSignatureException: The request signature we calculated does not match');
    const unknown = await refusal(adapter.stream(HELLO, { ...target, apiKey: 'AKIAUNKNOWNKEY000000:secret' }, { signal: signal() }));
    expect(unknown.message).toContain('UnrecognizedClientException: The security token included in the request is invalid.');
    const bearer = await refusal(adapter.stream(HELLO, { ...target, apiKey: 'ABSKwrong' }, { signal: signal() }));
    expect(bearer.status).toBe(403);
    expect(fake.calls).toHaveLength(0);
  });

  it('should be refused by the fake for a signature of another region', async () => {
    const { adapter, target } = await bedrockSetup();
    const error = await refusal(adapter.stream(HELLO, { ...target, region: 'eu-west-1' }, { signal: signal() }));
    expect(error.status).toBe(403);
    expect(error.message).toContain('Credential should be scoped to a valid region');
  });

  it('should refuse a credential of the wrong shape with a message that never repeats it, before any call', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    for (const apiKey of ['lowercase-id:secret', `${BEDROCK_TEST_KEYS.accessKeyId}:`, 'a:b:c:d', '{"accessKeyId": 1}', 'two words']) {
      const error = await refusal(adapter.stream(HELLO, { ...target, apiKey }, { signal: signal() }));
      expect(error.isRetryable).toBe(false);
      expect(error.message).toContain('Bedrock credential');
      expect(error.message).not.toContain(apiKey);
    }
    expect(fake.calls).toHaveLength(0);
    expect(() => parseModelCredential('x:y', 'm')).toThrow(/access key id/);
  });

  it('should name region when neither the model nor AWS_REGION / AWS_DEFAULT_REGION gives one', async () => {
    const { adapter, target } = await bedrockSetup({ ...AWS_ENV, AWS_REGION: undefined });
    const error = await refusal(adapter.stream(HELLO, target, { signal: signal() }));
    expect(error.message).toMatch(/without a region: set its region/);
    expect(error.isRetryable).toBe(false);
  });

  it('should say which variables to set when there is no credential anywhere', async () => {
    const { adapter, target } = await bedrockSetup({ AWS_REGION: BEDROCK_TEST_REGION });
    const error = await refusal(adapter.stream(HELLO, target, { signal: signal() }));
    expect(error.message).toContain('set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  });
});

describe('bedrock adapter: errors and retry semantics', () => {
  it.each([
    [429, 'ThrottlingException', 'Too many requests, please wait before trying again.', true, 'RATE_LIMITED'],
    [503, 'ServiceUnavailableException', 'Bedrock is unable to process your request.', true, 'UPSTREAM_ERROR'],
    [500, 'InternalServerException', 'Internal server error', true, 'UPSTREAM_ERROR'],
    [429, 'ModelNotReadyException', 'The model is not ready to serve inference requests.', true, 'RATE_LIMITED'],
    [400, 'ValidationException', 'The provided model identifier is invalid.', false, 'UPSTREAM_ERROR'],
    [403, 'AccessDeniedException', "You don't have access to the model with the specified model ID.", false, 'UPSTREAM_ERROR'],
    [404, 'ResourceNotFoundException', 'Model not found.', false, 'UPSTREAM_ERROR'],
  ])('should map HTTP %i %s with its type and message', async (status, errorType, message, retryable, code) => {
    const { fake, adapter, target } = await bedrockSetup();
    fake.respond(STREAM_PATH, { type: 'error', status, errorType, message, headers: status === 429 ? { 'retry-after': '2' } : {} });
    const error = await refusal(adapter.stream(HELLO, target, { signal: signal() }));
    expect(error.status).toBe(status);
    expect(error.isRetryable).toBe(retryable);
    expect(error.code).toBe(code);
    expect(error.message).toContain(`${errorType}: ${message}`);
    if (status === 429) expect(error.retryAfterMs).toBe(2000);
  });

  it.each([
    ['throttlingException', true],
    ['modelStreamErrorException', true],
    ['internalServerException', true],
    ['serviceUnavailableException', true],
    ['validationException', false],
  ])('should end the stream with an error part for the in-stream %s (retryable: %s)', async (exception, retryable) => {
    const { fake, adapter, target } = await bedrockSetup();
    fake.respond(STREAM_PATH, {
      type: 'events',
      events: [...textEvents(['partial']).slice(0, 2), { exception, message: 'Something went wrong mid-stream.' }],
    });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(textOf(parts)).toBe('partial');
    const last = parts.at(-1);
    expect(last?.type).toBe('error');
    if (last?.type !== 'error') return;
    expect(last.error.message).toBe(`bedrock failed mid-stream: ${exception}: Something went wrong mid-stream.`);
    expect(last.error.isRetryable).toBe(retryable);
  });

  it('should read an event-stream error message (code and message in headers) as a failure, not retried', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    fake.respond(STREAM_PATH, {
      type: 'events',
      events: [...textEvents(['partial']).slice(0, 2), { error: 'InternalFailure', message: 'Stream failed.' }],
    });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    const last = parts.at(-1);
    expect(last?.type === 'error' && last.error.message).toBe('bedrock failed mid-stream: InternalFailure: Stream failed.');
    expect(last?.type === 'error' && last.error.isRetryable).toBe(false);
  });

  it('should throw a retryable error when the exception comes before anything else', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    fake.respond(STREAM_PATH, { type: 'events', events: [{ exception: 'throttlingException', message: 'Too many tokens.' }] });
    const error = await refusal(adapter.stream(HELLO, target, { signal: signal() }));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('throttlingException: Too many tokens.');
  });

  it('should report a stream cut inside a message as a broken stream', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    fake.respond(STREAM_PATH, { type: 'events', events: textEvents(['Hello', ' there', ' again']), cutAfterBytes: 300 });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(parts.at(-1)).toMatchObject({ type: 'error' });
  });

  it('should pass on the fake’s ValidationException for a body Converse refuses (a leading empty turn is dropped, not sent)', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    const error = await refusal(
      adapter.stream({ messages: [{ role: 'user', content: 'hi' }], params: { maxTokens: 10, temperature: 1.5 } }, target, {
        signal: signal(),
      }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain('ValidationException: inferenceConfig.temperature must be between 0 and 1.');
    expect(fake.calls).toHaveLength(1);
  });
});

describe('bedrock adapter: what Converse cannot carry is refused before any call', () => {
  it.each([
    [
      'an https image',
      { messages: [{ role: 'user', content: [{ type: 'image', url: 'https://example.com/a.png' }] }] },
      'messages.0.content.0.url',
    ],
    ['audio', { messages: [{ role: 'user', content: [{ type: 'audio', data: 'AAAA', format: 'wav' }] }] }, 'messages.0.content.0'],
    ['a file id', { messages: [{ role: 'user', content: [{ type: 'file', fileId: 'file-1' }] }] }, 'messages.0.content.0.fileId'],
    ['a JSON response format', { responseFormat: { type: 'json_object' } }, 'responseFormat'],
    ['a reasoning effort', { reasoning: { effort: 'high' } }, 'reasoning.effort'],
    [
      'a conversation starting with the assistant',
      {
        messages: [
          { role: 'assistant', content: 'hi' },
          { role: 'user', content: 'yo' },
        ],
      },
      'messages.0',
    ],
    [
      'tool choice none with tool calls in the conversation',
      {
        messages: [
          { role: 'user', content: 'hi' },
          { role: 'assistant', content: '', toolCalls: [{ id: 't1', name: 'f', arguments: '{}' }] },
          { role: 'tool', toolCallId: 't1', content: 'ok' },
        ],
        tools: [{ name: 'f', parameters: { type: 'object' } }],
        toolChoice: 'none',
      },
      'toolChoice',
    ],
  ])('should refuse %s, naming its field', async (_what, extra, path) => {
    const { fake, adapter, target } = await bedrockSetup();
    const request = { messages: [{ role: 'user' as const, content: 'hi' }], params: { maxTokens: 10 }, ...extra } as Parameters<
      typeof adapter.stream
    >[0];
    const error = await refusal(adapter.stream(request, target, { signal: signal() }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as unknown as InvalidInputError).problems.map((p) => p.path)).toContain(path);
    expect(fake.calls).toHaveLength(0);
  });

  it('should refuse a thinking budget for a model that is not Anthropic’s', async () => {
    const { adapter, target } = await bedrockSetup();
    const error = await refusal(
      adapter.stream(
        { ...HELLO, params: { maxTokens: 4000 }, reasoning: { budgetTokens: 2048 } },
        { ...target, upstreamModel: 'amazon.nova-pro-v1:0' },
        { signal: signal() },
      ),
    );
    expect((error as unknown as InvalidInputError).problems[0]?.path).toBe('reasoning.budgetTokens');
  });

  it('should drop tools under tool choice none when the conversation holds no tool calls', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    await collect(
      await adapter.stream({ ...HELLO, tools: [{ name: 'f', parameters: { type: 'object' } }], toolChoice: 'none' }, target, {
        signal: signal(),
      }),
    );
    expect(fake.calls[0]?.body).not.toHaveProperty('toolConfig');
  });
});

describe('bedrock adapter: health probe', () => {
  it('should probe with a one-token Converse, signed like any call', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    const health = await adapter.checkHealth(target, { signal: signal() });
    expect(health).toMatchObject({ ok: true, message: `${target.upstreamModel} answered a one-token Converse` });
    expect(fake.calls[0]).toMatchObject({ path: STREAM_PATH.replace('converse-stream', 'converse'), auth: 'sigv4' });
    expect(fake.calls[0]?.body).toEqual({ messages: [{ role: 'user', content: [{ text: 'ping' }] }], inferenceConfig: { maxTokens: 1 } });
  });

  it('should report a refused probe with the AWS error', async () => {
    const { adapter, target } = await bedrockSetup();
    const health = await adapter.checkHealth({ ...target, apiKey: `${BEDROCK_TEST_KEYS.accessKeyId}:wrong` }, { signal: signal() });
    expect(health.ok).toBe(false);
    expect(health.message).toContain('InvalidSignatureException');
  });
});
