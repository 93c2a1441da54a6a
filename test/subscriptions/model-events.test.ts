import { afterEach, describe, expect, it } from 'vitest';
import {
  CreateApiKey,
  DisableModel,
  EnableModel,
  GenerateStream,
  GenerationsQuery,
  ModelEventsSubscription,
  RegisterModel,
  RevokeApiKey,
} from '../helpers/documents.js';
import { execute, expectData } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { TEST_ADMIN_KEY } from '../helpers/test-config.js';
import { subscribe, waitFor, wsClient, WsClients } from '../helpers/ws.js';

let t: TestApp | undefined;
const clients = new WsClients();
afterEach(async () => {
  await clients.closeAll();
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
    expect(first.value?.data?.modelEvents).toMatchObject({
      type: 'REGISTERED',
      model: { id: 'mock-new', status: 'PENDING', provider: 'MOCK' },
    });
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

  it('should accept a client key over WebSocket, close its connections with 4403 when it is revoked, and refuse it after', async () => {
    t = await startTestApp({ env: { SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY } });
    const url = await t.listen();
    const { createApiKey } = expectData(await t.run(CreateApiKey, { input: { name: 'ws', scopes: ['CLIENT'] } }, TEST_ADMIN_KEY));
    const other = expectData(await t.run(CreateApiKey, { input: { name: 'other', scopes: ['CLIENT'] } }, TEST_ADMIN_KEY)).createApiKey;
    let closed: (event: { code: number; reason: string }) => void = () => undefined;
    const closing = new Promise<{ code: number; reason: string }>((resolve) => (closed = resolve));
    const client = wsClient(url, createApiKey.key, (event) => closed(event));
    const bystander = wsClient(url, other.key);
    clients.push(client, bystander);
    const events = subscribe(client, ModelEventsSubscription);
    const bystanderEvents = subscribe(bystander, ModelEventsSubscription, { modelId: 'mock-a' });
    const app = t;
    await waitFor(async () => (await openSubscriptions(app)) === 2, 'the subscriptions to open');
    expectData(await app.run(DisableModel, { id: 'mock-a' }, TEST_ADMIN_KEY));
    expect((await events.next()).value?.data?.modelEvents).toMatchObject({ type: 'DISABLED' });

    // A stream of the key that is running when it is revoked ends as a closed subscription does.
    expectData(
      await app.run(
        RegisterModel,
        { input: { id: 'mock-slow', provider: 'MOCK', mock: { tokens: 200, tokenDelayMs: 10 } } },
        TEST_ADMIN_KEY,
      ),
    );
    const stream = subscribe(client, GenerateStream, { input: { model: 'mock-slow', prompt: 'go on' } });
    expect((await stream.next()).value?.data?.generateStream.__typename).toBe('GenerationStarted');

    expectData(await app.run(RevokeApiKey, { id: createApiKey.apiKey.id }, TEST_ADMIN_KEY));
    expect(await closing).toMatchObject({ code: 4403, reason: 'Forbidden: the API key was revoked' });
    await waitFor(async () => (await openSubscriptions(app)) === 1, 'the revoked key’s subscriptions to close');
    await waitFor(
      async () =>
        expectData(await app.run(GenerationsQuery, { filter: { status: ['CANCELLED'] } }, TEST_ADMIN_KEY)).generations.edges.length === 1,
      'the CANCELLED stream',
    );
    // The other key's connection lives on.
    expectData(await app.run(EnableModel, { id: 'mock-a' }, TEST_ADMIN_KEY));
    expect((await bystanderEvents.next()).value?.data?.modelEvents).toMatchObject({ type: 'DISABLED' });
    expect((await bystanderEvents.next()).value?.data?.modelEvents).toMatchObject({ type: 'ENABLED' });
    const again = new Promise<{ code: number }>((resolve) => clients.push(wsClient(url, createApiKey.key, resolve)));
    expect((await again).code).toBe(4403);
    await bystanderEvents.return?.();
  });
});
