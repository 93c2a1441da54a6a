import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { RetryError, SwitchyardClient } from '../../src/client/index.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { FakeUpstream } from '../fakes/fake-upstream.js';
import { fixture, fixtureJson, OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import { ConfigStatusQuery, GenerateRouted, GenerateStream, ModelsQuery, ReloadConfig } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { eventKinds, tokenDeltas } from '../helpers/stream-events.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { subscribe, waitFor, wsClient, WsClients } from '../helpers/ws.js';

const fakes: FakeUpstream[] = [];
const clients = new WsClients();
let t: TestApp | undefined;
afterEach(async () => {
  await clients.closeAll();
  await t?.dispose();
  t = undefined;
  await Promise.all(fakes.splice(0).map((f) => f.dispose()));
});

type Event = { __typename: string; text?: string; generation?: { status: string }; code?: string; partialText?: string };

describe('streaming fallback', () => {
  it('should fall back before the first token, and end with GenerationFailed after it', async () => {
    const a = await startOpenAIFake();
    const b = await startOpenAIFake();
    fakes.push(a, b);
    t = await startTestApp({
      env: { OPENAI_API_KEY: OPENAI_TEST_KEY },
      file: {
        security: { allowPrivateEndpoints: true },
        routing: { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } },
        models: [
          { id: 'gpt-a', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${a.url}/v1`, fallbacks: ['gpt-b'] },
          { id: 'gpt-b', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${b.url}/v1` },
        ],
      },
    });
    const url = await t.listen();
    const client = wsClient(url);
    clients.push(client);
    const run = async () => {
      const events: Event[] = [];
      for await (const result of subscribe(client, GenerateStream, { input: { model: 'gpt-a', prompt: 'x' } }))
        events.push(result.data?.generateStream as Event);
      return events;
    };

    a.respond('POST /v1/chat/completions', { type: 'json', status: 503, body: fixtureJson('openai/error-500.json') });
    const before = await run();
    expect(eventKinds(before)).toEqual(['GenerationStarted', 'TokenDelta…', 'GenerationCompleted']);
    expect(tokenDeltas(before)).toMatchObject({ text: 'Hello there! 你好 😀', chunks: 4 });
    expect(b.calls.filter((c) => c.path === '/v1/chat/completions')).toHaveLength(1);

    // The role chunk arrives, then the upstream fails before any text: still a fallback.
    a.respond('POST /v1/chat/completions', {
      type: 'sse',
      body: fixture('openai/chat-error-midstream.sse').replace('"content":"Partial"', '"content":""'),
    });
    expect((await run()).at(-1)).toMatchObject({ __typename: 'GenerationCompleted' });

    // After a token, no fallback: the stream ends with the partial text.
    a.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-error-midstream.sse') });
    const after = await run();
    expect(eventKinds(after)).toEqual(['GenerationStarted', 'TokenDelta…', 'GenerationFailed']);
    expect(tokenDeltas(after)).toMatchObject({ text: 'Partial', chunks: 1 });
    expect(after.at(-1)).toMatchObject({ code: 'UPSTREAM_ERROR', partialText: 'Partial' });
  });

  it('should give the client a RetryError when every attempt fails', async () => {
    const a = await startOpenAIFake();
    fakes.push(a);
    t = await startTestApp({
      env: { OPENAI_API_KEY: OPENAI_TEST_KEY },
      file: {
        security: { allowPrivateEndpoints: true },
        routing: { retry: { attempts: 2, baseDelayMs: 1 } },
        models: [{ id: 'gpt-a', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${a.url}/v1` }],
      },
    });
    a.respond('POST /v1/chat/completions', { type: 'json', status: 502, body: fixtureJson('openai/error-500.json') });
    const client = new SwitchyardClient({ url: `${await t.listen()}/graphql` });
    const error = await client.generate('x', { model: 'gpt-a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryError);
    expect((error as RetryError).extensions.attempts).toHaveLength(2);
    await client.close();
  });
});

describe('hot reload', () => {
  function writeConfig(path: string, models: unknown[], extra: Record<string, unknown> = {}) {
    writeFileSync(path, stringify({ database: { url: ':memory:' }, logging: { level: 'silent' }, models, ...extra }));
  }

  it('should add a model while a stream runs: the stream completes, the new model serves the next request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sy-reload-'));
    const path = join(dir, 'switchyard.config.yml');
    const slow = { id: 'mock-slow', provider: 'mock', mock: { tokens: 20, tokenDelayMs: 25 } };
    writeConfig(path, [slow]);
    t = await startTestApp({ config: loadConfig({ path, env: {} }), overrides: { watchConfig: true } });
    const url = await t.listen();
    const client = wsClient(url);
    clients.push(client);
    const events: Event[] = [];
    const streaming = (async () => {
      for await (const result of subscribe(client, GenerateStream, { input: { model: 'mock-slow', prompt: 'long answer' } }))
        events.push(result.data?.generateStream as Event);
    })();
    await waitFor(() => events.length >= 2, 'the stream to start');

    writeConfig(path, [slow, { id: 'mock-new', provider: 'mock', mock: { tokens: 3 } }]);
    const app = t;
    await waitFor(
      async () => expectData(await app.run(ModelsQuery)).models.some((m) => m.id === 'mock-new' && m.status === 'HEALTHY'),
      'the new model',
      5000,
    );
    await streaming;
    expect(events.at(-1)).toMatchObject({ __typename: 'GenerationCompleted', generation: { status: 'SUCCEEDED' } });
    expect(tokenDeltas(events).chunks).toBe(20);
    expect(expectData(await t.run(GenerateRouted, { input: { model: 'mock-new', prompt: 'x' } })).generate.status).toBe('SUCCEEDED');
  });

  it('should leave the running configuration in place when an edit is invalid, and say why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sy-reload-'));
    const path = join(dir, 'switchyard.config.yml');
    writeConfig(path, [{ id: 'mock-a', provider: 'mock' }]);
    t = await startTestApp({ config: loadConfig({ path, env: {} }) });
    const before = expectData(await t.run(ConfigStatusQuery)).configStatus;
    writeConfig(path, [
      { id: 'mock-a', provider: 'mock' },
      { id: 'broken', provider: 'nope' },
    ]);
    const { reloadConfig } = expectData(await t.run(ReloadConfig));
    expect(reloadConfig.lastError).toBe(
      `${path}: models[1].provider: expected one of openai, anthropic, openai-compatible, dashscope, qianfan, gemini, vertex-ai, bedrock, azure-openai, mock, got "nope"`,
    );
    expect(reloadConfig.hash).toBe(before.hash);
    expect(expectData(await t.run(ModelsQuery)).models.map((m) => m.id)).toEqual(['mock-a']);

    writeConfig(path, [{ id: 'mock-b', provider: 'mock' }]);
    const fixed = expectData(await t.run(ReloadConfig)).reloadConfig;
    expect(fixed.lastError).toBeNull();
    expect(fixed.hash).not.toBe(before.hash);
    expect(expectData(await t.run(ModelsQuery)).models.map((m) => m.id)).toEqual(['mock-b']); // mock-a retired with the file
  });
});
