import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayUse } from '../../src/routing/model-access.js';
import { ApiKeyModels, CreateLimitedKey, ViewerModels } from '../helpers/credential-documents.js';
import { CreateSession, Generate, GenerateRouted, GenerateStream, SwitchModel } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { subscribe, WsClients, wsClient } from '../helpers/ws.js';

const ADMIN = 'model-access-admin-key-0123456789';
let t: TestApp;
let base: string;
let limited: string;
const sockets = new WsClients();

beforeAll(async () => {
  t = await startTestApp({
    env: { SWITCHYARD_ADMIN_KEY: ADMIN },
    file: {
      models: [
        { id: 'mock-a', provider: 'mock', pricing: { input: 1, output: 1 } },
        { id: 'mock-b', provider: 'mock', pricing: { input: 1, output: 1 } },
        { id: 'mock-c', provider: 'mock', pricing: { input: 1, output: 1 } },
        { id: 'embed-a', provider: 'mock', kind: 'embedding', pricing: { input: 1, output: 0 } },
        { id: 'embed-b', provider: 'mock', kind: 'embedding', pricing: { input: 1, output: 0 } },
      ],
      pools: [
        { name: 'team-pool', members: [{ modelId: 'mock-b' }] },
        { name: 'other-pool', members: [{ modelId: 'mock-a' }] },
      ],
    },
  });
  base = await t.listen();
  limited = expectData(
    await t.run(CreateLimitedKey, { input: { name: 'limited', scopes: ['CLIENT'], models: ['mock-a', 'team-pool', 'embed-a'] } }, ADMIN),
  ).createApiKey.key;
});
afterAll(async () => {
  await sockets.closeAll();
  await t.dispose();
});

const post = (path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${limited}` }) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('an API key limited to some models and pools (CreateApiKeyInput.models)', () => {
  it('should match ids, pool names and prefix/* patterns, and everything without a list', () => {
    expect(mayUse(null, 'anything')).toBe(true);
    expect(mayUse(['openai/*'], 'openai/gpt-4.1-mini')).toBe(true);
    expect(mayUse(['openai/*'], 'openai-compatible')).toBe(false);
    expect(mayUse(['openai/*'], 'anthropic/claude')).toBe(false);
    expect(mayUse(['mock-a'], 'mock-ab')).toBe(false);
  });

  it('should show the key its list, and refuse a malformed list naming the field', async () => {
    expect(expectData(await t.run(ViewerModels, {}, limited)).viewer.models).toEqual(['mock-a', 'team-pool', 'embed-a']);
    expect(expectData(await t.run(ViewerModels, {}, ADMIN)).viewer.models).toBeNull();
    expect(expectData(await t.run(ApiKeyModels, {}, ADMIN)).apiKeys.find((k) => k.name === 'limited')?.models).toEqual([
      'mock-a',
      'team-pool',
      'embed-a',
    ]);
    expect(expectError(await t.run(CreateLimitedKey, { input: { name: 'bad', scopes: ['CLIENT'], models: ['a b'] } }, ADMIN)).message).toBe(
      'input.models[0]: expected a model id, a pool name or a prefix/* pattern (up to 200 characters), got "a b"',
    );
    expect(expectError(await t.run(CreateLimitedKey, { input: { name: 'bad', scopes: ['CLIENT'], models: [] } }, ADMIN)).message).toContain(
      'input.models: expected at least one model',
    );
  });

  it('should serve what the list names over GraphQL (a pool brings its members) and refuse the rest FORBIDDEN, naming it', async () => {
    expect(expectData(await t.run(Generate, { input: { model: 'mock-a', prompt: 'Hi' } }, limited)).generate.modelId).toBe('mock-a');
    expect(expectData(await t.run(GenerateRouted, { input: { pool: 'team-pool', prompt: 'Hi' } }, limited)).generate.modelId).toBe(
      'mock-b',
    );
    expect(expectError(await t.run(Generate, { input: { model: 'mock-b', prompt: 'Hi' } }, limited))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'this API key may not use model "mock-b": it is limited to the models of its models list',
    });
    expect(expectError(await t.run(GenerateRouted, { input: { pool: 'other-pool', prompt: 'Hi' } }, limited)).message).toBe(
      'this API key may not use pool "other-pool": it is limited to the models of its models list',
    );
    // A model that does not exist is refused the same way: the list does not reveal what exists.
    expect(expectError(await t.run(Generate, { input: { model: 'no-such', prompt: 'Hi' } }, limited)).code).toBe('FORBIDDEN');
    // Admin keys without a list are not limited.
    expect(expectData(await t.run(Generate, { input: { model: 'mock-b', prompt: 'Hi' } }, ADMIN)).generate.modelId).toBe('mock-b');
  });

  it('should refuse a session on, or a switch to, a model outside the list, and generateStream likewise', async () => {
    expect(expectError(await t.run(CreateSession, { input: { modelId: 'mock-c' } }, limited)).code).toBe('FORBIDDEN');
    const session = expectData(await t.run(CreateSession, { input: { modelId: 'mock-a' } }, limited)).createSession;
    expect(expectError(await t.run(SwitchModel, { input: { sessionId: session.id, modelId: 'mock-c' } }, limited)).message).toContain(
      'may not use model "mock-c"',
    );
    expect(
      expectData(await t.run(SwitchModel, { input: { sessionId: session.id, poolName: 'team-pool' } }, limited)).switchModel.revision,
    ).toBe(2);
    const client = wsClient(base, limited);
    sockets.push(client);
    const first = await subscribe(client, GenerateStream, { input: { model: 'mock-c', prompt: 'Hi' } }).next();
    expect(first.value?.errors?.[0]).toMatchObject({
      message: expect.stringContaining('may not use model "mock-c"'),
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('should answer 403 naming the model on /v1/chat/completions, /v1/responses and /v1/embeddings (OpenAI’s shape)', async () => {
    const chat = await post('/v1/chat/completions', { model: 'mock-b', messages: [{ role: 'user', content: 'Hi' }] });
    expect(chat.status).toBe(403);
    expect(await chat.json()).toEqual({
      error: {
        message: 'this API key may not use model "mock-b": it is limited to the models of its models list',
        type: 'permission_error',
        param: 'model',
        code: 'model_not_allowed',
      },
    });
    const responses = await post('/v1/responses', { model: 'mock-c', input: 'Hi' });
    expect(responses.status).toBe(403);
    expect(await responses.json()).toMatchObject({ error: { code: 'model_not_allowed', message: expect.stringContaining('"mock-c"') } });
    const embeddings = await post('/v1/embeddings', { model: 'embed-b', input: 'Hi' });
    expect(embeddings.status).toBe(403);
    expect(await embeddings.json()).toMatchObject({ error: { code: 'model_not_allowed', message: expect.stringContaining('"embed-b"') } });
    expect((await post('/v1/embeddings', { model: 'embed-a', input: 'Hi' })).status).toBe(200);
    expect((await post('/v1/chat/completions', { model: 'mock-a', messages: [{ role: 'user', content: 'Hi' }] })).status).toBe(200);
  });

  it('should answer 403 permission_error on /v1/messages (Anthropic’s shape)', async () => {
    const refused = await post(
      '/v1/messages',
      { model: 'mock-b', max_tokens: 16, messages: [{ role: 'user', content: 'Hi' }] },
      { 'x-api-key': limited, 'anthropic-version': '2023-06-01' },
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      type: 'error',
      request_id: expect.any(String),
      error: {
        type: 'permission_error',
        message: 'this API key may not use model "mock-b": it is limited to the models of its models list',
      },
    });
  });

  it('should list on /v1/models only what the key may use, and refuse the others by id', async () => {
    const listed = (await (await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${limited}` } })).json()) as {
      data: { id: string }[];
    };
    expect(listed.data.map((m) => m.id).sort()).toEqual(['embed-a', 'mock-a', 'team-pool']);
    const all = (await (await fetch(`${base}/v1/models`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { data: unknown[] };
    expect(all.data).toHaveLength(7);
    const one = await fetch(`${base}/v1/models/mock-b`, { headers: { authorization: `Bearer ${limited}` } });
    expect(one.status).toBe(403);
    expect(((await one.json()) as { error: { code: string } }).error.code).toBe('model_not_allowed');
  });

  it('should tell a limited key nothing of other names: the same 403 for one that exists and one that does not, on every door, and no other models or pools over GraphQL', async () => {
    for (const model of ['mock-b', 'no-such-model']) {
      const chat = await post('/v1/chat/completions', { model, messages: [{ role: 'user', content: 'Hi' }] });
      expect(chat.status, model).toBe(403);
      expect((await post('/v1/responses', { model, input: 'Hi' })).status, model).toBe(403);
      expect((await post('/v1/embeddings', { model, input: 'Hi' })).status, model).toBe(403);
      const anthropic = { 'x-api-key': limited, 'anthropic-version': '2023-06-01' };
      const message = { model, max_tokens: 16, messages: [{ role: 'user', content: 'Hi' }] };
      expect((await post('/v1/messages', message, anthropic)).status, model).toBe(403);
      expect((await post('/v1/messages/count_tokens', { model, messages: message.messages }, anthropic)).status, model).toBe(403);
      const one = await fetch(`${base}/v1/models/${model}`, { headers: { authorization: `Bearer ${limited}` } });
      expect(one.status, model).toBe(403);
    }
    const pool = await fetch(`${base}/v1/models/other-pool`, { headers: { authorization: `Bearer ${limited}` } });
    expect(((await pool.json()) as { error: { message: string } }).error.message).toContain('model "other-pool"');
    const graphql = async (query: string) =>
      (await (
        await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${limited}` },
          body: JSON.stringify({ query }),
        })
      ).json()) as { data: Record<string, unknown> };
    const seen = await graphql('{ models { id } pools { name } model(id: "mock-b") { id } }');
    expect(seen.data).toEqual({ models: [{ id: 'embed-a' }, { id: 'mock-a' }], pools: [{ name: 'team-pool' }], model: null });
  });
});
