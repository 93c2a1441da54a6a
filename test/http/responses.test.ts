import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../fakes/vendors.js';
import { CreateBudgetedKey, GenerationQuery, RegisterModel, RevokeApiKey, UpdateModel } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';
import { generationOfItem } from '../../src/http/openai/responses-object.js';

/**
 * POST /v1/responses and GET /v1/responses/{id} on the wire: the refusals (a 400 naming the
 * parameter), the SSE framing, an answer cut by max_output_tokens, item references, and a stored
 * response seen only by its own key.
 */
const ADMIN = 'responses-admin-key-0123456789';
let v: VendorApp | undefined;
afterEach(async () => {
  await v?.dispose();
  v = undefined;
});

async function gateway(env: Record<string, string> = {}): Promise<{ a: VendorApp; base: string }> {
  v = await startVendorApp(env);
  return { a: v, base: await v.t.listen() };
}

type Json = Record<string, unknown>;

async function post(base: string, body: unknown, key?: string): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await fetch(`${base}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json, headers: response.headers };
}

/** The SSE events of a streamed response: each `event:` line and the `data:` it names. */
async function events(base: string, body: unknown): Promise<Array<{ event: string; data: Json }>> {
  const response = await fetch(`${base}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...(body as Json), stream: true }),
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? '';
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? 'null') as Json;
      return { event, data };
    });
}

describe('POST /v1/responses refusals', () => {
  it.each([
    [{ model: 'mock-a', input: 'Hi', background: true }, 'background'],
    [{ input: 'Hi' }, 'model'],
    [{ model: 'mock-a' }, 'input'],
    [{ model: 'mock-a', input: 'Hi', tools: [{ type: 'file_search', vector_store_ids: ['vs_1'] }] }, 'tools[0].type'],
    [{ model: 'mock-a', input: 'Hi', tools: [{ type: 'computer_use_preview' }] }, 'tools[0].type'],
    [{ model: 'mock-a', input: 'Hi', tool_choice: { type: 'web_search_preview' } }, 'tool_choice.type'],
    [{ model: 'mock-a', input: [{ type: 'web_search_call', id: 'ws_1' }] }, 'input[0].type'],
    [{ model: 'mock-a', input: [{ role: 'user', content: [{ type: 'input_text', text: 'x', extra: 1 }] }] }, 'input[0].content[0].extra'],
    [{ model: 'mock-a', input: 'Hi', text: { format: { type: 'json_schema', name: 'x' } } }, 'text.format.schema'],
    [{ model: 'mock-a', input: 'Hi', reasoning: { effort: 'extreme' } }, 'reasoning.effort'],
    [{ model: 'mock-a', input: 'Hi', store: false, previous_response_id: 'resp_x' }, 'store'],
    [{ model: 'mock-a', input: 'Hi', include: ['reasoning.encrypted_content'] }, 'include'],
  ])('should refuse %j with a 400 naming %s', async (body, param) => {
    const { base } = await gateway();
    const answer = await post(base, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { type: 'invalid_request_error', param } });
  });

  it('should answer 404 in OpenAI’s shape for an unknown model, and for a previous response that is not there', async () => {
    const { base } = await gateway();
    expect(await post(base, { model: 'nope', input: 'Hi' })).toMatchObject({ status: 404, body: { error: { param: 'model' } } });
    expect(await post(base, { model: 'mock-a', input: 'Hi', previous_response_id: 'resp_nope' })).toMatchObject({
      status: 404,
      body: { error: { type: 'invalid_request_error', param: 'previous_response_id' } },
    });
  });
});

describe('POST /v1/responses answers', () => {
  it('should stream typed events: each `event:` line names its data’s type, sequence numbers count from 0', async () => {
    const { base } = await gateway();
    const list = await events(base, { model: 'mock-a', input: 'Hi' });
    for (const { event, data } of list) expect(data.type).toBe(event);
    expect(list.map((e) => e.data.sequence_number)).toEqual(list.map((_, i) => i));
    expect(list[0]?.event).toBe('response.created');
    expect(list.at(-1)?.event).toBe('response.completed');
    const done = list.find((e) => e.event === 'response.output_text.done')?.data.text;
    const deltas = list.filter((e) => e.event === 'response.output_text.delta').map((e) => e.data.delta);
    expect(deltas.join('')).toBe(done);
  });

  it('should pass text.format json_schema on as the upstream’s response format, and echo it', async () => {
    const { a, base } = await gateway();
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };
    const format = { type: 'json_schema', name: 'place', schema, strict: true };
    const from = a.openai.calls.length;
    const answer = await post(base, { model: 'gpt-test', input: 'Where?', text: { format }, store: false });
    expect(answer).toMatchObject({ status: 200, body: { text: { format }, store: false } });
    const sent = a.openai.calls.slice(from).find((c) => c.path === '/v1/chat/completions')?.body as Json;
    expect(sent.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'place', schema, strict: true } });
  });

  it('should end a stream that fails after it started with response.failed, the error in the response', async () => {
    const { a, base } = await gateway();
    a.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-error-midstream.sse') });
    const list = await events(base, { model: 'gpt-test', input: 'Hi', store: false });
    const deltas = list.filter((e) => e.event === 'response.output_text.delta').map((e) => e.data.delta);
    expect(deltas.join('')).toBe('Partial');
    expect(list.at(-1)).toMatchObject({
      event: 'response.failed',
      data: { response: { status: 'failed', error: { message: expect.stringMatching(/server had an error/) } } },
    });
  });

  it('should answer an answer cut by max_output_tokens as incomplete, whole and streamed', async () => {
    const { a, base } = await gateway();
    expectData(await a.t.run(RegisterModel, { input: { id: 'mock-long', provider: 'MOCK', mock: { tokens: 200 } } }));
    const whole = await post(base, { model: 'mock-long', input: 'Talk a lot.', max_output_tokens: 16, store: false });
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      max_output_tokens: 16,
      output: [{ type: 'message', status: 'incomplete' }],
    });
    const streamed = await events(base, { model: 'mock-long', input: 'Talk a lot.', max_output_tokens: 16, store: false });
    expect(streamed.at(-1)).toMatchObject({
      event: 'response.incomplete',
      data: { response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } } },
    });
  });

  it('should send an item_reference to a stored response’s message as that message, and GET it whole, even with the request log off', async () => {
    const { a, base } = await gateway();
    // The request log keeps no text of this model's records: the response's state is its session's.
    expectData(await a.t.run(UpdateModel, { input: { id: 'gpt-test', requestLog: 'OFF' } }));
    const first = await post(base, { model: 'gpt-test', input: 'Hi' });
    expect(first.status).toBe(200);
    const message = (first.body.output as Json[])[0] as { id: string; content: Array<{ text: string }> };
    expect(message.content[0]?.text).not.toBe('');
    const retrieved = (await (await fetch(`${base}/v1/responses/${first.body.id as string}`)).json()) as Json;
    expect(retrieved.output).toEqual(first.body.output);
    const from = a.openai.calls.length;
    const second = await post(base, {
      model: 'gpt-test',
      input: [
        { role: 'user', content: 'Hi' },
        { type: 'item_reference', id: message.id },
        { role: 'user', content: 'And again?' },
      ],
      store: false,
    });
    expect(second.status).toBe(200);
    const sent = a.openai.calls.slice(from).find((c) => c.path === '/v1/chat/completions')?.body as { messages: Json[] };
    expect(sent.messages).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: message.content[0]?.text },
      { role: 'user', content: 'And again?' },
    ]);
    expect(await post(base, { model: 'gpt-test', input: [{ type: 'item_reference', id: 'msg_nope' }] })).toMatchObject({
      status: 404,
      body: { error: { param: 'input[0].id' } },
    });
  });

  it('should let a previous response’s conversation be answered by another model named in `model`, for that response', async () => {
    const { base } = await gateway();
    const first = await post(base, { model: 'mock-a', input: 'Hi' });
    const second = await post(base, { model: 'gpt-test', input: 'Go on.', previous_response_id: first.body.id });
    expect(second).toMatchObject({ status: 200, body: { model: 'gpt-test', previous_response_id: first.body.id } });
    expect(second.headers.get('x-switchyard-session')).toBe(first.headers.get('x-switchyard-session'));
  });
});

describe('/v1/responses and revocation', () => {
  it('should end a running stream of a key revoked meanwhile with response.failed (permission_denied), stored CANCELLED', async () => {
    const { a, base } = await gateway({ SWITCHYARD_ADMIN_KEY: ADMIN });
    expectData(
      await a.t.run(RegisterModel, { input: { id: 'mock-slow', provider: 'MOCK', mock: { tokens: 400, tokenDelayMs: 20 } } }, ADMIN),
    );
    const key = expectData(await a.t.run(CreateBudgetedKey, { input: { name: 'soon-revoked', scopes: ['CLIENT'] } }, ADMIN)).createApiKey;
    const response = await fetch(`${base}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}` },
      body: JSON.stringify({ model: 'mock-slow', input: 'Hi', stream: true }),
    });
    expect(response.headers.get('x-switchyard-session')).toMatch(/^[0-9a-f-]{36}$/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    let revoked = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (!revoked && text.split('response.output_text.delta').length > 3) {
        revoked = true;
        expectData(await a.t.run(RevokeApiKey, { id: key.apiKey.id }, ADMIN));
      }
    }
    const last = text.trim().split('\n\n').at(-1) ?? '';
    expect(last).toMatch(/^event: response\.failed$/m);
    expect(last).toContain('permission_denied');
    const id = response.headers.get('x-switchyard-generation-id') ?? '';
    await expect.poll(async () => expectData(await a.t.run(GenerationQuery, { id }, ADMIN)).generation?.status).toBe('CANCELLED');
  });
});

describe('item ids', () => {
  it('should name the generation of a response, a message item (also a later one of a stream) and a function call item', () => {
    const id = '0b6f1c2e-1111-4222-8333-944445555666';
    expect(generationOfItem(`resp_${id}`)).toEqual({ kind: 'response', generationId: id, index: 0 });
    expect(generationOfItem(`msg_${id}`)).toEqual({ kind: 'message', generationId: id, index: 0 });
    expect(generationOfItem(`msg_${id}_2`)).toEqual({ kind: 'message', generationId: id, index: 0 });
    expect(generationOfItem(`fc_${id}_1`)).toEqual({ kind: 'call', generationId: id, index: 1 });
    expect(generationOfItem('rs_x')).toBeUndefined();
  });
});

describe('GET /v1/responses/{id}', () => {
  it('should answer a stored response to its own key only (404 to another), rebuilt from its generation', async () => {
    const { a, base } = await gateway({ SWITCHYARD_ADMIN_KEY: ADMIN });
    const create = async (name: string) =>
      expectData(await a.t.run(CreateBudgetedKey, { input: { name, scopes: ['CLIENT'] } }, ADMIN)).createApiKey.key;
    const [mine, theirs] = [await create('mine'), await create('theirs')];
    const created = await post(base, { model: 'mock-a', input: 'Hi' }, mine);
    expect(created.status).toBe(200);
    const get = (id: string, key: string) => fetch(`${base}/v1/responses/${id}`, { headers: { authorization: `Bearer ${key}` } });
    const own = await get(created.body.id as string, mine);
    expect(own.status).toBe(200);
    const body = (await own.json()) as Json;
    expect(body).toMatchObject({ id: created.body.id, object: 'response', status: 'completed', output: created.body.output });
    expect(body.usage).toEqual(created.body.usage);
    const other = await get(created.body.id as string, theirs);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringContaining('not found') } });
    expect((await get('resp_unknown', mine)).status).toBe(404);
    const post405 = await fetch(`${base}/v1/responses/${created.body.id as string}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${mine}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post405.status).toBe(405);
  });
});
