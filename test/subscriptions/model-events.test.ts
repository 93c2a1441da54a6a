import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { CreateApiKey, DisableModel, ModelEventsSubscription, RegisterModel, RevokeApiKey } from '../helpers/documents.js';
import { execute, expectData } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { TEST_ADMIN_KEY } from '../helpers/test-config.js';
import { subscribe, waitFor, wsClient } from '../helpers/ws.js';

let t: TestApp | undefined;
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
  await t?.dispose();
  t = undefined;
});

async function openSubscriptions(app: TestApp): Promise<number> {
  return (await app.app.services.metrics.activeSubscriptions.get()).values[0]?.value ?? 0;
}

describe('modelEvents over graphql-ws', () => {
  it('should deliver REGISTERED then HEALTH_CHANGED when a model is registered over HTTP', async () => {
    t = await startTestApp();
    const url = await t.listen();
    const client = wsClient(url);
    clients.push(client);
    const events = subscribe(client, ModelEventsSubscription);
    const app = t;
    await waitFor(async () => (await openSubscriptions(app)) === 1, 'the subscription to open');

    const result = await execute(fetch, RegisterModel, { input: { id: 'mock-new', provider: 'MOCK' } }, { url: `${url}/graphql` });
    expectData(result);

    const first = await events.next();
    const second = await events.next();
    expect(first.value?.data?.modelEvents).toMatchObject({ type: 'REGISTERED', model: { id: 'mock-new', status: 'PENDING', provider: 'MOCK' } });
    expect(second.value?.data?.modelEvents).toMatchObject({ type: 'HEALTH_CHANGED', model: { id: 'mock-new', status: 'HEALTHY' } });
    await events.return?.();
    await waitFor(async () => (await openSubscriptions(app)) === 0, 'the subscription gauge to drop');
  });

  it('should filter by model and by event type', async () => {
    t = await startTestApp();
    const url = await t.listen();
    const client = wsClient(url);
    clients.push(client);
    const events = subscribe(client, ModelEventsSubscription, { modelId: 'mock-a', types: ['DISABLED'] });
    const app = t;
    await waitFor(async () => (await openSubscriptions(app)) === 1, 'the subscription to open');
    expectData(await app.run(RegisterModel, { input: { id: 'other', provider: 'MOCK' } }));
    expectData(await app.run(DisableModel, { id: 'other' }));
    expectData(await app.run(DisableModel, { id: 'mock-a' }));
    const next = await events.next();
    expect(next.value?.data?.modelEvents).toMatchObject({ type: 'DISABLED', model: { id: 'mock-a', status: 'DISABLED' } });
    await events.return?.();
  });

  it('should close a socket without a key with 4403 when an admin key is configured', async () => {
    t = await startTestApp({ env: { SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY } });
    const url = await t.listen();
    const closed = new Promise<{ code: number; reason: string }>((resolve) => clients.push(wsClient(url, undefined, resolve)));
    expect(await closed).toMatchObject({ code: 4403, reason: 'Forbidden' });
    const wrong = new Promise<{ code: number; reason: string }>((resolve) => clients.push(wsClient(url, 'sy_wrong', resolve)));
    expect((await wrong).code).toBe(4403);
  });

  it('should accept a client key over WebSocket and refuse new operations once it is revoked', async () => {
    t = await startTestApp({ env: { SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY } });
    const url = await t.listen();
    const { createApiKey } = expectData(await t.run(CreateApiKey, { input: { name: 'ws', scopes: ['CLIENT'] } }, TEST_ADMIN_KEY));
    const client = wsClient(url, createApiKey.key);
    clients.push(client);
    const events = subscribe(client, ModelEventsSubscription);
    const app = t;
    await waitFor(async () => (await openSubscriptions(app)) === 1, 'the subscription to open');
    expectData(await app.run(DisableModel, { id: 'mock-a' }, TEST_ADMIN_KEY));
    expect((await events.next()).value?.data?.modelEvents).toMatchObject({ type: 'DISABLED' });

    expectData(await app.run(RevokeApiKey, { id: createApiKey.apiKey.id }, TEST_ADMIN_KEY));
    const refused = subscribe(client, ModelEventsSubscription);
    const error = await refused.next().catch((e: unknown) => e);
    expect(JSON.stringify(error)).toContain('UNAUTHENTICATED');
    await events.return?.();
  });
});
