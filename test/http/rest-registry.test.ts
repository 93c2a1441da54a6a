import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelEvent } from '../../src/core/ports/event-bus.js';
import { CreateApiKey, ModelQuery } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { TEST_ADMIN_KEY } from '../helpers/test-config.js';

/**
 * The article's REST registry (`/api/models[/{id}]`) against a listening gateway with an admin key:
 * the same service calls, checks, events, scopes and error shape as GraphQL's registerModel,
 * updateModel, retireModel and model(id).
 */
let t: TestApp;
let base: string;
let clientKey: string;
let limitedKey: string;

beforeAll(async () => {
  t = await startTestApp({ env: { SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY } });
  base = await t.listen();
  const create = async (name: string, models?: string[]) =>
    expectData(await t.run(CreateApiKey, { input: { name, scopes: ['CLIENT'], ...(models ? { models } : {}) } }, TEST_ADMIN_KEY))
      .createApiKey.key;
  clientKey = await create('rest-client');
  limitedKey = await create('rest-limited', ['mock-a']);
});
afterAll(() => t.dispose());

/** Every shape the routes answer, as one type (a test reads the part its call answers). */
interface RestAnswer {
  readonly error: { code: string; message: string; field: string | null };
  readonly model: { id: string; status: string } & Record<string, unknown>;
  readonly models: { id: string }[];
  readonly healthCheck: unknown;
}

async function call(method: string, path: string, body?: unknown, key = TEST_ADMIN_KEY) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as RestAnswer };
}

/** The registry events published while `action` runs, once `count` of them arrived. */
async function eventsDuring(count: number, action: () => Promise<unknown>): Promise<ModelEvent[]> {
  const events = t.app.services.bus.subscribe('modelEvents');
  await action();
  const seen: ModelEvent[] = [];
  for await (const event of events) {
    seen.push(event);
    if (seen.length === count) break;
  }
  return seen;
}

describe('REST model registry', () => {
  it('should register with registerModel’s input, probe and answer 201 with the model and its health check, publishing REGISTERED', async () => {
    let answer: Awaited<ReturnType<typeof call>> | undefined;
    const events = await eventsDuring(2, async () => {
      answer = await call('POST', '/api/models', {
        id: 'rest-mock',
        provider: 'MOCK',
        mock: { tokens: 4 },
        pricing: { input: 1, output: 3 },
      });
    });
    expect(answer?.status).toBe(201);
    expect(answer?.headers.get('location')).toBe('/api/models/rest-mock');
    expect(answer?.body).toMatchObject({
      model: { id: 'rest-mock', provider: 'mock', status: 'HEALTHY', pricing: { input: 1, output: 3 }, source: 'API' },
      healthCheck: { ok: true },
    });
    expect(events.map((e) => [e.type, e.model.id])).toEqual([
      ['REGISTERED', 'rest-mock'],
      ['HEALTH_CHANGED', 'rest-mock'],
    ]);
    expect(expectData(await t.run(ModelQuery, { id: 'rest-mock' }, TEST_ADMIN_KEY)).model?.status).toBe('HEALTHY');
  });

  it('should read one model and the list with a client key, and hide from a limited key what it may not use', async () => {
    expect(await call('GET', '/api/models/rest-mock', undefined, clientKey)).toMatchObject({
      status: 200,
      body: { model: { id: 'rest-mock' } },
    });
    const hidden = await call('GET', '/api/models/rest-mock', undefined, limitedKey);
    expect([hidden.status, hidden.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const list = await call('GET', '/api/models', undefined, limitedKey);
    expect(list.body.models.map((m) => m.id)).toEqual(['mock-a']);
    expect((await call('GET', '/api/models/nope')).body).toEqual({
      error: { code: 'NOT_FOUND', message: 'model "nope" does not exist', field: null },
    });
  });

  it('should change what the patch names (null clears), publishing UPDATED, probe again when how it is reached changes, and refuse an id in the body that is not the path’s', async () => {
    let answer: Awaited<ReturnType<typeof call>> | undefined;
    const events = await eventsDuring(1, async () => {
      answer = await call('PATCH', '/api/models/rest-mock', { version: '2', contextWindow: 4096, pricing: null });
    });
    expect(answer?.status).toBe(200);
    expect(answer?.body.model).toMatchObject({ version: '2', contextWindow: 4096, pricing: null });
    expect(answer?.body.healthCheck).toBeNull();
    expect(events.map((e) => e.type)).toEqual(['UPDATED']);
    const reached = await call('PATCH', '/api/models/rest-mock', { upstreamModel: 'rest-mock-2' });
    expect(reached.body).toMatchObject({ model: { upstreamModel: 'rest-mock-2' }, healthCheck: { ok: true } });
    const renamed = await call('PATCH', '/api/models/rest-mock', { id: 'other' });
    expect([renamed.status, renamed.body.error.field]).toEqual([400, 'input.id']);
  });

  it('should name the field and what was expected for bad input, as registerModel does', async () => {
    const bad = await call('POST', '/api/models', { id: 'rest-bad', provider: 'MOCK', contextWindow: 'big' });
    expect([bad.status, bad.body.error.code, bad.body.error.field]).toEqual([400, 'BAD_USER_INPUT', 'input.contextWindow']);
    const unknownProvider = await call('POST', '/api/models', { id: 'rest-bad', provider: 'NOPE' });
    expect(unknownProvider.body.error).toMatchObject({ field: 'input.provider', message: expect.stringMatching(/expected one of/) });
    const taken = await call('POST', '/api/models', { id: 'rest-mock', provider: 'mock' });
    expect([taken.status, taken.body.error.field]).toEqual([400, 'input.id']);
    const notObject = await call('POST', '/api/models', ['x']);
    expect([notObject.status, notObject.body.error.field]).toEqual([400, 'body']);
  });

  it('should need admin to change the registry and a key to read it, with the GraphQL codes', async () => {
    const asClient = await call('POST', '/api/models', { id: 'rest-x', provider: 'MOCK' }, clientKey);
    expect([asClient.status, asClient.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await call('DELETE', '/api/models/rest-mock', undefined, clientKey)).status).toBe(403);
    const anonymous = await fetch(`${base}/api/models/rest-mock`);
    expect([anonymous.status, ((await anonymous.json()) as { error: { code: string } }).error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const put = await call('PUT', '/api/models/rest-mock', {});
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, PATCH, DELETE']);
  });

  it('should retire with DELETE, publishing RETIRED; the record stays and cannot be changed', async () => {
    let answer: Awaited<ReturnType<typeof call>> | undefined;
    const events = await eventsDuring(1, async () => {
      answer = await call('DELETE', '/api/models/rest-mock');
    });
    expect(answer?.body.model).toMatchObject({ id: 'rest-mock', status: 'RETIRED', retiredAt: expect.any(String) });
    expect(events.map((e) => e.type)).toEqual(['RETIRED']);
    expect((await call('GET', '/api/models/rest-mock')).body.model.status).toBe('RETIRED');
    const patch = await call('PATCH', '/api/models/rest-mock', { version: '3' });
    expect([patch.status, patch.body.error.code]).toEqual([503, 'MODEL_UNAVAILABLE']);
  });

  it('should reach a model whose id holds a slash, percent-encoded', async () => {
    expect((await call('POST', '/api/models', { id: 'team/rest', provider: 'mock' })).status).toBe(201);
    expect((await call('GET', `/api/models/${encodeURIComponent('team/rest')}`)).body.model.id).toBe('team/rest');
  });
});
