import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthError,
  CostLimitError,
  GatewayError,
  InvalidInputError,
  ModelUnavailableError,
  NotFoundError,
  RateLimitError,
  RetryError,
  SwitchyardClient,
  UpstreamError,
  type ModelSwitch,
} from '../../src/client/index.js';
import { toClientError } from '../../src/client/errors.js';
import { CreateApiKey, GenerationsQuery, RegisterModel } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';
import { waitFor } from '../helpers/ws.js';
import { fixture, fixtureJson } from '../fakes/vendors.js';

let v: VendorApp;
let url: string;
const clients: SwitchyardClient[] = [];
beforeEach(async () => {
  v = await startVendorApp();
  url = `${await v.t.listen()}/graphql`;
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await v.dispose();
});

function newClient(apiKey?: string): SwitchyardClient {
  const client = new SwitchyardClient({ url, ...(apiKey ? { apiKey } : {}) });
  clients.push(client);
  return client;
}

async function thrown(promise: Promise<unknown>): Promise<GatewayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  return error as GatewayError;
}

describe('SwitchyardClient', () => {
  it('should set a model, generate, switch, stream with history, and tell a second client about the switch', async () => {
    const client = newClient();
    const watcher = newClient();
    const seen: ModelSwitch[] = [];
    const unsubscribe = watcher.onModelSwitched((change) => seen.push(change));
    await waitFor(async () => ((await v.t.app.services.metrics.activeSubscriptions.get()).values[0]?.value ?? 0) === 1, 'the watcher');

    expect(await client.setModel('mock-a')).toMatchObject({ previousModel: null, model: 'mock-a', revision: 1 });
    const first = await client.generate('What is a switchyard?');
    expect(first).toMatchObject({ modelId: 'mock-a', status: 'SUCCEEDED', sessionId: client.sessionId });

    expect(await client.setModel('gpt-test', { maxTokens: 64 })).toMatchObject({ previousModel: 'mock-a', model: 'gpt-test', revision: 2 });
    const stream = client.stream('And a signal box?');
    const texts: string[] = [];
    for await (const text of stream) texts.push(text);
    expect(texts).toEqual(['Hello', ' there', '! 你好', ' 😀']);
    expect(await stream.generation).toMatchObject({
      modelId: 'gpt-test',
      status: 'SUCCEEDED',
      text: 'Hello there! 你好 😀',
      usage: { outputTokens: 5 },
    });
    expect(v.openai.calls.at(-1)?.body).toMatchObject({
      max_completion_tokens: 64,
      messages: [
        { role: 'user', content: 'What is a switchyard?' },
        { role: 'assistant', content: first.text },
        { role: 'user', content: 'And a signal box?' },
      ],
    });

    await waitFor(() => seen.length === 1, 'the switch event');
    expect(seen[0]).toMatchObject({ sessionId: client.sessionId, previousModel: 'mock-a', model: 'gpt-test', revision: 2 });
    unsubscribe();
    await waitFor(async () => ((await v.t.app.services.metrics.activeSubscriptions.get()).values[0]?.value ?? 0) === 0, 'the unsubscribe');
    await client.setModel('claude-test');
    expect(seen).toHaveLength(1);
  });

  it('should drive a stream from its generation promise alone, and cancel one', async () => {
    const client = newClient();
    expect(await client.stream('hi', { model: 'claude-test', sessionId: null }).generation).toMatchObject({
      status: 'SUCCEEDED',
      text: 'Hello from Claude — ünïcödé',
    });
    v.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse'), delayMs: 15 });
    const stream = client.stream('slow', { model: 'gpt-test' });
    for await (const text of stream) {
      expect(text).toBe('Hello');
      await stream.cancel();
    }
    await expect(stream.generation).rejects.toMatchObject({ code: 'CANCELLED' });
    const app = v.t;
    await waitFor(
      async () => expectData(await app.run(GenerationsQuery, { filter: { status: ['CANCELLED'] } })).generations.edges.length === 1,
      'the CANCELLED record',
    );
  });

  it('should drop a switch event at or below the revision it delivered, and read the session again after a reconnect', async () => {
    // The client talks to the gateway through a proxy this test can cut, as a network would.
    const { createServer, connect } = await import('node:net');
    const target = new URL(url);
    const open = new Set<import('node:net').Socket>();
    const proxy = createServer((socket) => {
      const upstream = connect(Number(target.port), target.hostname);
      open.add(socket);
      open.add(upstream);
      socket.on('close', () => open.delete(socket));
      upstream.on('close', () => open.delete(upstream));
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
      socket.pipe(upstream).pipe(socket);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxied = `http://127.0.0.1:${(proxy.address() as import('node:net').AddressInfo).port}/graphql`;
    try {
      const owner = newClient();
      const first = await owner.setModel('mock-a');
      const watcher = new SwitchyardClient({ url: proxied });
      clients.push(watcher);
      const seen: ModelSwitch[] = [];
      watcher.onModelSwitched((change) => seen.push(change), { sessionId: first.sessionId });
      await waitFor(
        async () => ((await v.t.app.services.metrics.activeSubscriptions.get()).values[0]?.value ?? 0) === 1,
        'the subscription',
      );
      const second = await owner.setModel('gpt-test');
      await waitFor(() => seen.length === 1, 'the switch');
      // A late copy of that switch (another instance, a redelivery): dropped.
      const session = await v.t.app.services.sessions.get(first.sessionId, (await import('../../src/modules/keys/viewer.js')).LOCAL_VIEWER);
      v.t.app.services.bus.publish('modelSwitched', {
        session: { ...session, revision: 2 },
        previousModelId: 'mock-a',
        previousPoolName: null,
        modelId: 'gpt-test',
        poolName: null,
        revision: 2,
        switchedAt: new Date(),
        latencyMs: 1,
      });
      // A real switch after it: delivered in order after the late copy, which was dropped.
      const third = await owner.setModel('mock-a');
      await waitFor(() => seen.length === 2, 'the next switch');
      // The connection breaks; a switch made meanwhile is missed by the socket and read back after the reconnect.
      for (const socket of open) socket.destroy();
      await owner.setModel('gpt-test');
      await waitFor(() => seen.length === 3, 'the session read again after the reconnect', 10_000);
      expect(seen.map((c) => [c.revision, c.model, c.latencyMs === null])).toEqual([
        [second.revision, 'gpt-test', false],
        [third.revision, 'mock-a', false],
        [third.revision + 1, 'gpt-test', true],
      ]);
    } finally {
      await Promise.all(clients.splice(0).map((c) => c.close()));
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('should throw a typed error for every failure the gateway reports', async () => {
    const client = newClient();
    expect(await thrown(client.generate('x', { model: 'ghost' }))).toBeInstanceOf(NotFoundError);
    const invalid = await thrown(client.generate('x', { params: { temperature: 5 } }));
    expect(invalid).toBeInstanceOf(InvalidInputError);
    expect(invalid.message).toBe('input.params.temperature: expected a number from 0 to 2, got 5');
    const cost = await thrown(client.generate('x', { model: 'gpt-test', costLimit: 0.000001 }));
    expect(cost).toBeInstanceOf(CostLimitError);
    expect(cost.generationId).toEqual(expect.any(String));

    v.openai.respond('POST /v1/chat/completions', {
      type: 'json',
      status: 429,
      body: fixtureJson('openai/error-429.json'),
      headers: { 'retry-after': '4' },
    });
    const limited = await thrown(client.generate('x', { model: 'gpt-test' }));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAfterMs).toBe(4000);

    v.openai.respond('POST /v1/chat/completions', { type: 'json', status: 500, body: fixtureJson('openai/error-500.json') });
    expect(await thrown(client.generate('x', { model: 'gpt-test' }))).toBeInstanceOf(UpstreamError);

    expectData(await v.t.run(RegisterModel, { input: { id: 'gpt-off', provider: 'OPENAI', apiKeyEnv: 'UNSET_VAR' } }));
    expect(await thrown(client.setModel('gpt-off'))).toBeInstanceOf(ModelUnavailableError);

    v.anthropic.respond('POST /v1/messages', { type: 'sse', body: fixture('anthropic/messages-overloaded-midstream.sse') });
    const failed = await thrown(client.stream('x', { model: 'claude-test' }).generation);
    expect(failed).toBeInstanceOf(UpstreamError);
    expect(failed.extensions).toMatchObject({ partialText: 'Partial answer' });
  });

  it('should throw AuthError for a missing or wrong key and for a key without the scope', async () => {
    await v.dispose();
    const admin = 'client-admin-key-0123456789';
    v = await startVendorApp({ SWITCHYARD_ADMIN_KEY: admin });
    url = `${await v.t.listen()}/graphql`;
    const anonymous = await thrown(newClient().generate('x'));
    expect(anonymous).toBeInstanceOf(AuthError);
    expect(anonymous.code).toBe('UNAUTHENTICATED');
    expect(await thrown(newClient('sy_wrong').generate('x'))).toBeInstanceOf(AuthError);
    const clientKey = expectData(await v.t.run(CreateApiKey, { input: { name: 'c', scopes: ['CLIENT'] } }, admin)).createApiKey.key;
    const client = newClient(clientKey);
    expect((await client.generate('x')).status).toBe('SUCCEEDED');
    const forbidden = await thrown(client.request(RegisterModel, { input: { id: 'm', provider: 'MOCK' } }));
    expect(forbidden).toBeInstanceOf(AuthError);
    expect(forbidden.code).toBe('FORBIDDEN');
  });

  it('should spread a session over a pool with setModelPool', async () => {
    const client = newClient();
    await client.setModel('mock-a');
    const change = await client.setModelPool(['gpt-test', 'claude-test'], [1, 0], { name: 'duo', sticky: true });
    expect(change).toMatchObject({ previousModel: 'mock-a', model: 'pool:duo', revision: 2 });
    for (let i = 0; i < 3; i++) expect((await client.generate(`q${i}`)).modelId).toBe('gpt-test'); // claude-test drained by weight 0
    expect(v.t.app.services.pools.find('duo')?.sticky).toBe(true);
  });

  it('should map RETRY_EXHAUSTED and unknown codes', () => {
    expect(toClientError({ message: 'all attempts failed', extensions: { code: 'RETRY_EXHAUSTED', attempts: [] } })).toBeInstanceOf(
      RetryError,
    );
    const other = toClientError({ message: 'odd', extensions: { code: 'SOMETHING_NEW' } });
    expect(other.constructor).toBe(GatewayError);
    expect(other.code).toBe('SOMETHING_NEW');
  });
});

describe('the client carries the chat surface', () => {
  it('should make a tool call, answer it with a tool message, stream call fragments to onToolCallDelta, and send image parts', async () => {
    const client = newClient();
    const tools = [{ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }];
    const called = await client.generate('Weather in Paris?', {
      model: 'mock-a',
      tools,
      toolChoice: { name: 'get_weather' },
      sessionId: null,
    });
    expect(called.finishReason).toBe('TOOL_CALLS');
    const call = called.toolCalls[0];
    expect(call?.name).toBe('get_weather');
    expect(JSON.parse(call?.arguments ?? '')).toHaveProperty('city');

    const answered = await client.generate(
      [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', toolCalls: called.toolCalls },
        { role: 'tool', toolCallId: call?.id ?? '', content: '{"celsius": 18}' },
      ],
      { model: 'mock-a', tools, sessionId: null },
    );
    expect(answered.finishReason).toBe('STOP');
    expect(answered.toolCalls).toEqual([]);

    const fragments: { index: number; id: string | null; name: string | null; argumentsDelta: string }[] = [];
    const stream = client.stream('Weather in Oslo?', {
      model: 'mock-a',
      tools,
      sessionId: null,
      onToolCallDelta: (d) => fragments.push(d),
    });
    const streamed = await stream.generation;
    expect(fragments[0]).toMatchObject({ index: 0, name: 'get_weather' });
    expect(fragments.map((f) => f.argumentsDelta).join('')).toBe(streamed.toolCalls[0]?.arguments);

    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const seen = await client.generate([{ role: 'user', parts: [{ text: 'What is this?' }, { imageUrl: { url: png, detail: 'LOW' } }] }], {
      model: 'gpt-test',
      sessionId: null,
    });
    expect(seen.status).toBe('SUCCEEDED');
    expect(v.openai.calls.at(-1)?.body).toMatchObject({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: png, detail: 'low' } },
          ],
        },
      ],
    });
  });
});
