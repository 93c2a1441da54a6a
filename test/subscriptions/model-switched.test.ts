import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import {
  CreateApiKey,
  CreateSession,
  GenerateStream,
  ModelSwitchedSubscription,
  RegisterModel,
  SessionQuery,
  SwitchModel,
  GenerateInSession,
} from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { type StreamEvent, tokenDeltas } from '../helpers/stream-events.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';
import { subscribe, waitFor, wsClient, WsClients } from '../helpers/ws.js';

let v: VendorApp;
let url: string;
const clients = new WsClients();
beforeEach(async () => {
  v = await startVendorApp();
  url = await v.t.listen();
});
afterEach(async () => {
  await clients.closeAll();
  await v.dispose();
});

function client(key?: string): Client {
  const c = wsClient(url, key);
  clients.push(c);
  return c;
}

/** Restarts the app with an admin key, and makes two client keys. */
async function restartWithClientKeys(): Promise<{ a: string; b: string }> {
  await clients.closeAll();
  await v.dispose();
  const admin = 'switch-admin-key-0123456789';
  v = await startVendorApp({ SWITCHYARD_ADMIN_KEY: admin });
  url = await v.t.listen();
  const key = async (name: string) =>
    expectData(await v.t.run(CreateApiKey, { input: { name, scopes: ['CLIENT'] } }, admin)).createApiKey.key;
  return { a: await key('a'), b: await key('b') };
}

const openSubscriptions = async () => (await v.t.app.services.metrics.activeSubscriptions.get()).values[0]?.value ?? 0;

describe('modelSwitched and switching under streams', () => {
  it('should drop an event at or below the revision a subscription delivered (a late copy from another instance)', async () => {
    const session = expectData(await v.t.run(CreateSession, { input: { modelId: 'mock-a' } })).createSession;
    const events = subscribe(client(), ModelSwitchedSubscription, { sessionId: session.id });
    await waitFor(async () => (await openSubscriptions()) === 1, 'the subscription');
    expectData(await v.t.run(SwitchModel, { input: { sessionId: session.id, modelId: 'gpt-test' } }));
    const second = (await events.next()).value?.data?.modelSwitched;
    expect(second?.revision).toBe(2);
    const stored = await v.t.app.services.sessions.get(session.id, (await import('../../src/modules/keys/viewer.js')).LOCAL_VIEWER);
    v.t.app.services.bus.publish('modelSwitched', {
      session: { ...stored, revision: 2 },
      previousModelId: 'mock-a',
      previousPoolName: null,
      modelId: 'gpt-test',
      poolName: null,
      revision: 2,
      switchedAt: new Date(),
      latencyMs: 1,
    });
    expectData(await v.t.run(SwitchModel, { input: { sessionId: session.id, modelId: 'claude-test' } }));
    expect((await events.next()).value?.data?.modelSwitched).toMatchObject({ revision: 3, model: { id: 'claude-test' } });
    await events.return?.();
  });

  it('should deliver every switch to subscribers on two connections, in revision order', async () => {
    const session = expectData(await v.t.run(CreateSession, { input: { modelId: 'mock-a' } })).createSession;
    const first = subscribe(client(), ModelSwitchedSubscription, { sessionId: session.id });
    const second = subscribe(client(), ModelSwitchedSubscription, {});
    await waitFor(async () => (await openSubscriptions()) === 2, 'both subscriptions');

    const targets = ['gpt-test', 'claude-test', 'mock-a', 'gpt-test', 'claude-test'];
    await Promise.all(targets.map((modelId) => v.t.run(SwitchModel, { input: { sessionId: session.id, modelId } })));

    for (const events of [first, second]) {
      const received = [];
      for (let i = 0; i < targets.length; i++) received.push((await events.next()).value?.data?.modelSwitched);
      expect(received.map((e) => e?.revision)).toEqual([2, 3, 4, 5, 6]);
      for (let i = 1; i < received.length; i++) expect(received[i]?.previousModel.id).toBe(received[i - 1]?.model.id);
      expect(received.every((e) => e?.session.id === session.id && (e.latencyMs ?? 0) > 0)).toBe(true);
      await events.return?.();
    }
    const metrics = await v.t.app.services.metrics.registry.metrics();
    expect(metrics).toContain('switchyard_model_switch_duration_seconds_count 5');
  });

  it('should finish a running stream on the old model and use the new one for the next request', async () => {
    expectData(await v.t.run(RegisterModel, { input: { id: 'mock-slow', provider: 'MOCK', mock: { tokens: 12, tokenDelayMs: 20 } } }));
    const session = expectData(await v.t.run(CreateSession, { input: { modelId: 'mock-slow' } })).createSession;
    const stream = subscribe(client(), GenerateStream, { input: { sessionId: session.id, prompt: 'first turn' } });
    const events: StreamEvent[] = [];
    let switched = false;
    for await (const result of stream) {
      const event = result.data?.generateStream as (typeof events)[number];
      events.push(event);
      if (event.__typename === 'TokenDelta' && !switched) {
        switched = true;
        expectData(await v.t.run(SwitchModel, { input: { sessionId: session.id, modelId: 'gpt-test' } }));
      }
    }
    const completed = events.at(-1) as { __typename: string; generation: { id: string; status: string; text: string } };
    expect(completed.__typename).toBe('GenerationCompleted');
    expect(completed.generation.status).toBe('SUCCEEDED');
    expect(tokenDeltas(events).chunks).toBe(12); // all from mock-slow
    const next = expectData(await v.t.run(GenerateInSession, { input: { sessionId: session.id, prompt: 'second turn' } })).generate;
    expect(next.modelId).toBe('gpt-test');
    expect(v.openai.calls.at(-1)?.body).toMatchObject({
      messages: [
        { role: 'user', content: 'first turn' },
        { role: 'assistant', content: completed.generation.text },
        { role: 'user', content: 'second turn' },
      ],
    });
    expect(expectData(await v.t.run(SessionQuery, { id: session.id })).session?.messages.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
  });

  it('should execute an event once for subscribers asking the same way, never across callers, arguments or streams', async () => {
    const { a, b } = await restartWithClientKeys();
    const executions = async () => (await v.t.app.services.metrics.broadcastExecutions.get()).values[0]?.value ?? 0;
    const sessionA = expectData(await v.t.run(CreateSession, { input: { modelId: 'mock-a' } }, a)).createSession;
    const sessionB = expectData(await v.t.run(CreateSession, { input: { modelId: 'mock-a' } }, b)).createSession;
    const sameA = [
      subscribe(client(a), ModelSwitchedSubscription, { sessionId: sessionA.id }),
      subscribe(client(a), ModelSwitchedSubscription, { sessionId: sessionA.id }),
    ];
    const everyOfA = subscribe(client(a), ModelSwitchedSubscription, {});
    const everyOfB = subscribe(client(b), ModelSwitchedSubscription, {});
    await waitFor(async () => (await openSubscriptions()) === 4, 'four subscriptions');
    expect(await executions()).toBe(3); // a by session (shared by two), a for all, b for all

    expectData(await v.t.run(SwitchModel, { input: { sessionId: sessionA.id, modelId: 'gpt-test' } }, a));
    expectData(await v.t.run(SwitchModel, { input: { sessionId: sessionB.id, modelId: 'claude-test' } }, b));
    for (const events of [...sameA, everyOfA])
      expect((await events.next()).value?.data?.modelSwitched).toMatchObject({ session: { id: sessionA.id }, model: { id: 'gpt-test' } });
    expect((await everyOfB.next()).value?.data?.modelSwitched).toMatchObject({
      session: { id: sessionB.id },
      model: { id: 'claude-test' },
    });

    await sameA[0]?.return?.();
    await waitFor(async () => (await openSubscriptions()) === 3, 'one closed');
    expect(await executions()).toBe(3); // its twin still reads the shared execution
    expectData(await v.t.run(SwitchModel, { input: { sessionId: sessionA.id, modelId: 'mock-a' } }, a));
    expect((await sameA[1]?.next())?.value?.data?.modelSwitched).toMatchObject({ revision: 3, model: { id: 'mock-a' } });
    for (const events of [sameA[1], everyOfA, everyOfB]) await events?.return?.();
    await waitFor(async () => (await executions()) === 0, 'every execution closed');

    // Two identical streams are two generations: generateStream is never shared.
    const input = { input: { model: 'mock-a', prompt: 'same words' } };
    const ids = await Promise.all(
      [client(a), client(a)].map(async (c) => {
        for await (const result of subscribe(c, GenerateStream, input)) {
          const event = result.data?.generateStream;
          if (event?.__typename === 'GenerationCompleted') return event.generation.id;
        }
        return undefined;
      }),
    );
    expect(new Set(ids).size).toBe(2);
    expect(ids.every(Boolean)).toBe(true);
  });

  it("should not show a client another key's switches", async () => {
    const { a, b } = await restartWithClientKeys();
    const sessionA = expectData(await v.t.run(CreateSession, { input: { modelId: 'mock-a' } }, a)).createSession;
    const sessionB = expectData(await v.t.run(CreateSession, { input: { modelId: 'mock-a' } }, b)).createSession;
    const seenByB = subscribe(client(b), ModelSwitchedSubscription, {});
    await waitFor(async () => (await openSubscriptions()) === 1, 'the subscription');
    expectData(await v.t.run(SwitchModel, { input: { sessionId: sessionA.id, modelId: 'gpt-test' } }, a));
    expectData(await v.t.run(SwitchModel, { input: { sessionId: sessionB.id, modelId: 'claude-test' } }, b));
    expect((await seenByB.next()).value?.data?.modelSwitched).toMatchObject({ session: { id: sessionB.id }, model: { id: 'claude-test' } });
    const refused = await subscribe(client(b), ModelSwitchedSubscription, { sessionId: sessionA.id })
      .next()
      .catch((e: unknown) => e);
    expect(JSON.stringify(refused)).toContain('NOT_FOUND');
    await seenByB.return?.();
  });
});
