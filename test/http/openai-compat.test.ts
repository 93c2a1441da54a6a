import OpenAI, { APIError, AuthenticationError, BadRequestError, NotFoundError, RateLimitError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../fakes/vendors.js';
import {
  CostsQuery,
  CreateBudgetedKey,
  CreateSession,
  GenerationQuery,
  RegisterModel,
  RevokeApiKey,
  SessionQuery,
  SetModelPool,
  SwitchModel,
} from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';

/**
 * The OpenAI-compatible door, driven by the official `openai` package (pinned), unmodified but
 * for its base URL, against a listening gateway with loopback vendor fakes.
 */
const ADMIN = 'openai-compat-admin-key-0123';
let v: VendorApp | undefined;
afterEach(async () => {
  await v?.dispose();
  v = undefined;
});

async function gateway(env: Record<string, string> = {}): Promise<{ a: VendorApp; base: string }> {
  v = await startVendorApp(env);
  return { a: v, base: await v.t.listen() };
}

const sdk = (base: string, apiKey = 'sk-anything-in-local-mode') => new OpenAI({ baseURL: `${base}/v1`, apiKey, maxRetries: 0 });
const hi = [{ role: 'user' as const, content: 'Hi' }];

describe('/v1/chat/completions through the openai SDK', () => {
  it('should answer a chat in OpenAI’s shape, with the headers, stored and priced like a GraphQL generate', async () => {
    const { a, base } = await gateway();
    const { data, response } = await sdk(base)
      .chat.completions.create({
        model: 'gpt-test',
        messages: [{ role: 'system', content: 'Be brief.' }, ...hi],
        max_tokens: 50,
        temperature: 0.2,
      })
      .withResponse();
    const generationId = response.headers.get('x-switchyard-generation-id') ?? '';
    expect(data).toMatchObject({
      id: `chatcmpl-${generationId}`,
      object: 'chat.completion',
      model: 'gpt-test',
      choices: [{ index: 0, message: { role: 'assistant' }, finish_reason: 'stop' }],
    });
    expect(data.choices[0]?.message.content).toBe('Hello there! 你好 😀');
    expect(response.headers.get('x-switchyard-model')).toBe('gpt-test');
    expect(response.headers.get('x-switchyard-attempts')).toBe('1');
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    // What the vendor was sent: the messages and parameters, as a GraphQL generate sends them.
    expect(a.openai.calls.at(-1)?.body).toMatchObject({
      model: 'gpt-4',
      max_completion_tokens: 50,
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
    const stored = expectData(await a.t.run(GenerationQuery, { id: generationId })).generation;
    expect(stored).toMatchObject({ status: 'SUCCEEDED', text: 'Hello there! 你好 😀', model: { id: 'gpt-test' } });
    const costs = expectData(await a.t.run(CostsQuery, { groupBy: 'MODEL' })).costs;
    expect(Number(response.headers.get('x-switchyard-cost-usd'))).toBe(costs.totals.costUsd);
    expect(data.usage).toEqual({
      prompt_tokens: costs.totals.inputTokens,
      completion_tokens: costs.totals.outputTokens,
      total_tokens: costs.totals.inputTokens + costs.totals.outputTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    });
  });

  it('should stream chunks with the usage last when include_usage asks for it (supplied when the vendor sent none), and pass stop on', async () => {
    const { a, base } = await gateway();
    a.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-no-usage.sse') });
    const stream = await sdk(base).chat.completions.create({
      model: 'gpt-test',
      messages: hi,
      stream: true,
      stream_options: { include_usage: true },
      stop: ['END'],
    });
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(a.openai.calls.at(-1)?.body).toMatchObject({ stop: ['END'], stream: true });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage?.completion_tokens).toBeGreaterThan(0);
    expect(
      chunks
        .slice(0, -1)
        .every((c) => c.usage === null && c.object === 'chat.completion.chunk' && c.model === 'gpt-test' && c.id === chunks[0]?.id),
    ).toBe(true);
    const stored = expectData(await a.t.run(GenerationQuery, { id: (chunks[0]?.id ?? '').replace('chatcmpl-', '') })).generation;
    expect(stored).toMatchObject({ status: 'SUCCEEDED', text });
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe(stored?.finishReason?.toLowerCase()); // the fixture's: length
    // Without include_usage, no chunk carries a usage field.
    const plain: ChatCompletionChunk[] = [];
    for await (const chunk of await sdk(base).chat.completions.create({ model: 'mock-a', messages: hi, stream: true })) plain.push(chunk);
    expect(plain.length).toBeGreaterThan(2);
    expect(plain.every((c) => !('usage' in c))).toBe(true);
  });

  it('should route a pool name and name the member that served', async () => {
    const { a, base } = await gateway();
    expectData(
      await a.t.run(SetModelPool, {
        input: { name: 'duo', members: [{ modelId: 'gpt-test' }, { modelId: 'mock-a' }], strategy: 'ROUND_ROBIN' },
      }),
    );
    const served = [];
    for (let i = 0; i < 2; i++) {
      const { data, response } = await sdk(base).chat.completions.create({ model: 'duo', messages: hi }).withResponse();
      expect(response.headers.get('x-switchyard-model')).toBe(data.model);
      served.push(data.model);
    }
    expect(served.sort()).toEqual(['gpt-test', 'mock-a']);
  });

  it('should follow a switch made over GraphQL through the session header, appending each turn to the session', async () => {
    const { a, base } = await gateway();
    const session = expectData(await a.t.run(CreateSession, { input: { modelId: 'mock-a' } })).createSession;
    const client = sdk(base);
    const ask = (content: string) =>
      client.chat.completions.create(
        { model: undefined as unknown as string, messages: [{ role: 'user', content }] },
        { headers: { 'x-switchyard-session': session.id } },
      );
    expect((await ask('first')).model).toBe('mock-a');
    expectData(await a.t.run(SwitchModel, { input: { sessionId: session.id, modelId: 'gpt-test' } }));
    const second = await ask('second');
    expect(second.model).toBe('gpt-test');
    // The vendor got the session's history: the first turn, then the new message.
    expect((a.openai.calls.at(-1)?.body as { messages: { content: string }[] } | undefined)?.messages.map((m) => m.content)).toEqual([
      'first',
      expect.any(String),
      'second',
    ]);
    const stored = expectData(await a.t.run(SessionQuery, { id: session.id })).session;
    expect(stored?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('should list exactly the models and pools that can serve, and answer one or 404', async () => {
    const { a, base } = await gateway();
    expectData(await a.t.run(SetModelPool, { input: { name: 'duo', members: [{ modelId: 'gpt-test' }, { modelId: 'mock-a' }] } }));
    const client = sdk(base);
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    const { models } = expectData(await a.t.run((await import('../helpers/documents.js')).ModelsQuery, {}));
    expect(ids.sort()).toEqual([...models.filter((m) => m.status === 'HEALTHY').map((m) => m.id), 'duo'].sort());
    expect(await client.models.retrieve('gpt-test')).toMatchObject({ id: 'gpt-test', object: 'model', owned_by: 'openai' });
    await expect(client.models.retrieve('nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('/v1 errors as the openai SDK types them', () => {
  it('should refuse what this version does not carry out, naming the parameter (BadRequestError)', async () => {
    const { a, base } = await gateway();
    const client = sdk(base);
    const refusal = async (body: Record<string, unknown>) => {
      const error = await client.chat.completions.create({ model: 'mock-a', messages: hi, ...body } as never).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BadRequestError);
      return error as BadRequestError;
    };
    expect(await refusal({ n: 2 })).toMatchObject({ status: 400, param: 'n', code: 'unsupported_value', type: 'invalid_request_error' });
    expect(await refusal({ seed: 7 })).toMatchObject({ param: 'seed', code: 'unsupported_parameter' });
    expect(await refusal({ tools: [{ type: 'retrieval' }] })).toMatchObject({ param: 'tools[0]' });
    expect(
      await refusal({ tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: { type: 'function', function: { name: 'g' } } }),
    ).toMatchObject({
      param: 'tool_choice.function.name',
    });
    expect(await refusal({ temperature: 3 })).toMatchObject({
      param: 'temperature',
      error: { message: "Invalid value for 'temperature': expected a number from 0 to 2, got 3." },
    });
    expect(await refusal({ messages: [{ role: 'tool', content: 'x' }] })).toMatchObject({
      param: 'messages[0].tool_call_id',
    });
    expect(await refusal({ stream_options: { include_usage: true } })).toMatchObject({ param: 'stream_options' });
    // An image is an https:// URL or a base64 data URL: the gateway names the part it refuses.
    expect(await refusal({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] })).toMatchObject({
      param: 'messages[0].content[0]',
    });
    expect(await refusal({ messages: [{ role: 'user', content: [{ type: 'video', video: {} }] }] })).toMatchObject({
      param: 'messages[0].content[0].type',
    });
    // Text content parts are kept as parts; `developer` goes to OpenAI as it is.
    const parts = await client.chat.completions.create({
      model: 'gpt-test',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'H' },
            { type: 'text', text: 'i' },
          ],
        },
      ],
    });
    expect(parts.choices[0]?.message.content).toBe('Hello there! 你好 😀');
    expect(a.openai.calls.at(-1)?.body).toMatchObject({
      messages: [
        { role: 'developer', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'H' },
            { type: 'text', text: 'i' },
          ],
        },
      ],
    });
    // Nothing was stored for a request refused before the gateway saw it.
    expect(expectData(await a.t.run(CostsQuery, { groupBy: 'MODEL' })).costs.totals.requests).toBe(1);
  });

  it('should take the cost-limit header only as a plain decimal: hex, exponents, signs, Infinity and an empty value are a 400 naming it', async () => {
    const { a, base } = await gateway();
    const post = (costLimit: string) =>
      fetch(`${base}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-switchyard-cost-limit': costLimit },
        body: JSON.stringify({ model: 'gpt-test', messages: hi }),
      });
    const calls = a.openai.calls.length;
    for (const refused of ['0x10', '0b1', '0o7', '1e3', '1E-2', 'Infinity', '-1', '+1', '', '1.', '1,5', 'NaN', '9'.repeat(400)]) {
      const response = await post(refused);
      const body = (await response.json()) as { error: { param: string; type: string; message: string } };
      expect([refused, response.status, body.error.param, body.error.type]).toEqual([
        refused,
        400,
        'x-switchyard-cost-limit',
        'invalid_request_error',
      ]);
      expect(body.error.message).toContain('expected a plain decimal number of USD');
    }
    expect(a.openai.calls.length).toBe(calls); // nothing was sent upstream
    for (const accepted of ['1', '0.5', '.5', '10']) expect([accepted, (await post(accepted)).status]).toEqual([accepted, 200]);
    // The limit is applied: a prompt that costs more than it is refused as over the limit, not as malformed.
    const tight = await post('0.0000001');
    expect([tight.status, ((await tight.json()) as { error: { code: string } }).error.code]).toEqual([400, 'cost_limit_exceeded']);
    // /v1/responses reads the same header, with the same checks.
    const respond = (costLimit: string) =>
      fetch(`${base}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-switchyard-cost-limit': costLimit },
        body: JSON.stringify({ model: 'gpt-test', input: 'Hi', store: false }),
      });
    const answers = await Promise.all(['0x10', '0.0000001'].map(async (limit) => (await respond(limit)).json()));
    expect(answers.map((b) => (b as { error: { param: string | null; code: string | null } }).error)).toMatchObject([
      { param: 'x-switchyard-cost-limit' },
      { code: 'cost_limit_exceeded' },
    ]);
  });

  it('should answer 401, 404 and 429 (rate limit and budget, with Retry-After) as AuthenticationError, NotFoundError and RateLimitError', async () => {
    const { a, base } = await gateway({ SWITCHYARD_ADMIN_KEY: ADMIN });
    await expect(sdk(base, 'sk-not-a-switchyard-key').chat.completions.create({ model: 'mock-a', messages: hi })).rejects.toMatchObject({
      status: 401,
      code: 'invalid_api_key',
      constructor: AuthenticationError,
    });
    await expect(sdk(base, ADMIN).chat.completions.create({ model: 'nope', messages: hi })).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
      param: 'model',
      constructor: NotFoundError,
    });

    const limited = expectData(
      await a.t.run(CreateBudgetedKey, { input: { name: 'one-a-minute', scopes: ['CLIENT'], requestsPerMinute: 1 } }, ADMIN),
    ).createApiKey;
    const first = await sdk(base, limited.key).chat.completions.create({ model: 'mock-a', messages: hi }).withResponse();
    expect(first.response.headers.get('x-ratelimit-limit-requests')).toBe('1');
    expect(first.response.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(first.response.headers.get('x-ratelimit-reset-requests')).toMatch(/^(\d+m)?\d+s$/);
    const rateError = await sdk(base, limited.key)
      .chat.completions.create({ model: 'mock-a', messages: hi })
      .catch((e: unknown) => e);
    expect(rateError).toBeInstanceOf(RateLimitError);
    expect(rateError).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
    expect(Number((rateError as RateLimitError).headers.get('retry-after'))).toBeGreaterThan(0);

    const broke = expectData(
      await a.t.run(CreateBudgetedKey, { input: { name: 'broke', scopes: ['CLIENT'], budget: { daily: 0 } } }, ADMIN),
    ).createApiKey;
    const budgetError = await sdk(base, broke.key)
      .chat.completions.create({ model: 'mock-a', messages: hi })
      .catch((e: unknown) => e);
    expect(budgetError).toBeInstanceOf(RateLimitError);
    expect(budgetError).toMatchObject({ status: 429, code: 'budget_exceeded', type: 'insufficient_quota' });
    const retryAfter = Number((budgetError as RateLimitError).headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400); // the next UTC day
    expect((budgetError as RateLimitError).headers.get('x-switchyard-generation-id')).toMatch(/^[0-9a-f-]{36}$/); // the refusal is stored

    // A client key may not do what needs admin: the REST model list is open to it, the switch of another's session is not found.
    const other = expectData(await a.t.run(CreateSession, { input: { modelId: 'mock-a' } }, ADMIN)).createSession;
    const denied = await fetch(`${base}/api/models/switch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${limited.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId: other.id, modelId: 'gpt-test' }),
    });
    expect([denied.status, ((await denied.json()) as { error: { code: string } }).error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('should end a stream that fails after its first chunk with OpenAI’s error object, and keep the record', async () => {
    const { a, base } = await gateway();
    a.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-error-midstream.sse') });
    const { data: stream, response } = await sdk(base)
      .chat.completions.create({ model: 'gpt-test', messages: hi, stream: true })
      .withResponse();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
    })().catch((e: unknown) => e);
    expect(seen.join('')).toBe('Partial');
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toMatch(/server had an error/);
    const id = response.headers.get('x-switchyard-generation-id') ?? '';
    expect(expectData(await a.t.run(GenerationQuery, { id })).generation).toMatchObject({ status: 'FAILED', text: 'Partial' });
  });
});

describe('/v1 and revocation', () => {
  it('should end a running stream of a key revoked meanwhile with a permission error, stored CANCELLED, and refuse the key after', async () => {
    const { a, base } = await gateway({ SWITCHYARD_ADMIN_KEY: ADMIN });
    expectData(
      await a.t.run(RegisterModel, { input: { id: 'mock-slow', provider: 'MOCK', mock: { tokens: 400, tokenDelayMs: 20 } } }, ADMIN),
    );
    const key = expectData(await a.t.run(CreateBudgetedKey, { input: { name: 'soon-revoked', scopes: ['CLIENT'] } }, ADMIN)).createApiKey;
    const { data: stream, response } = await sdk(base, key.key)
      .chat.completions.create({ model: 'mock-slow', messages: hi, stream: true })
      .withResponse();
    let chunks = 0;
    const error = await (async () => {
      for await (const _chunk of stream) if (++chunks === 3) expectData(await a.t.run(RevokeApiKey, { id: key.apiKey.id }, ADMIN));
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain('the API key was revoked');
    expect(chunks).toBeLessThan(100);
    const id = response.headers.get('x-switchyard-generation-id') ?? '';
    await expect.poll(async () => expectData(await a.t.run(GenerationQuery, { id }, ADMIN)).generation?.status).toBe('CANCELLED');
    await expect(sdk(base, key.key).chat.completions.create({ model: 'mock-a', messages: hi })).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('/v1 requests cut short, and requests from elsewhere', () => {
  it('should not start a stream whose key was revoked while it was admitted, and cancel one whose client left', async () => {
    const { a, base } = await gateway({ SWITCHYARD_ADMIN_KEY: ADMIN });
    const key = expectData(await a.t.run(CreateBudgetedKey, { input: { name: 'racing', scopes: ['CLIENT'] } }, ADMIN)).createApiKey;
    // The revocation reaches the open operations before the request registers (the database still has the key: the race OpenOperations covers).
    a.t.app.services.openOperations.revoke(key.apiKey.id);
    const calls = a.openai.calls.length;
    const refused = await sdk(base, key.key)
      .chat.completions.create({ model: 'gpt-test', messages: hi, stream: true })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 403, code: 'permission_denied' });
    expect(a.openai.calls.length).toBe(calls); // nothing was sent upstream

    expectData(
      await a.t.run(RegisterModel, { input: { id: 'mock-slow', provider: 'MOCK', mock: { tokens: 400, tokenDelayMs: 20 } } }, ADMIN),
    );
    const leaving = new AbortController();
    const response = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      signal: leaving.signal,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ model: 'mock-slow', messages: hi, stream: true }),
    });
    const id = response.headers.get('x-switchyard-generation-id') ?? '';
    const reader = response.body?.getReader();
    await reader?.read();
    leaving.abort();
    await expect.poll(async () => expectData(await a.t.run(GenerationQuery, { id }, ADMIN)).generation?.status).toBe('CANCELLED');
  });

  it('should refuse a browser request from another site, a body that is not JSON, and one over the size limit (closing the connection)', async () => {
    const { base } = await gateway();
    const chat = JSON.stringify({ model: 'mock-a', messages: hi });
    const post = (headers: Record<string, string>, body = chat) => fetch(`${base}/v1/chat/completions`, { method: 'POST', headers, body });
    const crossSite = await post({ 'content-type': 'text/plain', origin: 'https://evil.example' });
    expect([crossSite.status, ((await crossSite.json()) as { error: { code: string } }).error.code]).toEqual([403, 'cross_origin']);
    const sameSite = await post({ 'content-type': 'application/json', origin: base });
    expect(sameSite.status).toBe(200);
    const plainText = await post({ 'content-type': 'text/plain' });
    expect([plainText.status, ((await plainText.json()) as { error: { code: string } }).error.code]).toEqual([415, 'invalid_content_type']);
    const rest = await fetch(`${base}/api/models/switch`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      body: '{}',
    });
    expect([rest.status, ((await rest.json()) as { error: { code: string } }).error.code]).toEqual([403, 'FORBIDDEN']);
    const huge = await post(
      { 'content-type': 'application/json' },
      JSON.stringify({ model: 'mock-a', messages: [{ role: 'user', content: 'x'.repeat(2 * 1024 * 1024) }] }),
    );
    expect([huge.status, huge.headers.get('connection')]).toEqual([413, 'close']);
    expect((await fetch(`${base}/v1/models/%E0%A4`)).status).toBe(404);
  });

  it('should take null parameters as absent and those sent at their default', async () => {
    const { base } = await gateway();
    const answer = await sdk(base).chat.completions.create({
      model: 'mock-a',
      messages: hi,
      tools: null,
      seed: null,
      logprobs: false,
      response_format: { type: 'text' },
    } as never);
    expect(answer.choices[0]?.message.content?.length).toBeGreaterThan(0);
    await expect(
      sdk(base).chat.completions.create({ model: 'mock-a', messages: hi, response_format: { type: 'json_schema' } } as never),
    ).rejects.toMatchObject({ status: 400, param: 'response_format.json_schema' });
  });
});

describe('raw SSE framing and the REST switch', () => {
  it('should frame every chunk as one data event, end with [DONE], and answer a failure before the first chunk with a status', async () => {
    const { a, base } = await gateway();
    const response = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock-a', messages: hi, stream: true, stream_options: { include_usage: true } }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-switchyard-model')).toBe('mock-a');
    const raw = await response.text();
    const events = raw.split('\n\n');
    expect(events.pop()).toBe('');
    expect(events.at(-1)).toBe('data: [DONE]');
    for (const event of events.slice(0, -1)) expect(() => JSON.parse(event.replace(/^data: /, ''))).not.toThrow();
    expect(events.every((e) => e.startsWith('data: ') && !e.includes('\n'))).toBe(true);

    a.openai.respond('POST /v1/chat/completions', {
      type: 'json',
      status: 500,
      body: { error: { message: 'down', type: 'server_error', param: null, code: null } },
    });
    const failed = await fetch(`${base}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-test', messages: hi, stream: true }),
    });
    expect(failed.status).toBe(502);
    expect(failed.headers.get('x-switchyard-generation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await failed.json()).toMatchObject({ error: { type: 'upstream_error' } });
  });

  it('should switch a session over REST as switchModel does, publishing the switch, and list the registry', async () => {
    const { a, base } = await gateway();
    const session = expectData(await a.t.run(CreateSession, { input: { modelId: 'mock-a' } })).createSession;
    const post = (body: unknown) =>
      fetch(`${base}/api/models/switch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const switched = await post({ sessionId: session.id, modelId: 'gpt-test' });
    expect(switched.status).toBe(200);
    const body = (await switched.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      sessionId: session.id,
      revision: 2,
      previous: { modelId: 'mock-a', poolName: null },
      current: { modelId: 'gpt-test', poolName: null },
    });
    expect(typeof body.latencyMs).toBe('number');
    expect(expectData(await a.t.run(SessionQuery, { id: session.id })).session?.model?.id).toBe('gpt-test');

    const bad = await post({ sessionId: session.id, modelId: 'nope' });
    expect([bad.status, await bad.json()]).toEqual([
      404,
      { error: { code: 'NOT_FOUND', message: 'model "nope" does not exist', field: 'input.modelId' } },
    ]);
    const invalid = await post({ sessionId: 'x' });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { code: string; field: string } }).error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: expect.stringMatching(/sessionId|modelId/),
    });

    const list = (await (await fetch(`${base}/api/models`)).json()) as { models: { id: string; pricing: unknown }[] };
    expect(list.models.find((m) => m.id === 'gpt-test')).toMatchObject({ pricing: { input: 30, output: 60 } });
  });
});
