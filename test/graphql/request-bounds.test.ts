import { afterEach, describe, expect, it } from 'vitest';
import type { FakeUpstream } from '../fakes/fake-upstream.js';
import { fixtureJson, OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import { GenerateRouted } from '../helpers/documents.js';
import { expectError } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const fakes: FakeUpstream[] = [];
let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
  await Promise.all(fakes.splice(0).map((f) => f.dispose()));
});

const completionCalls = (fake: FakeUpstream) => fake.calls.filter((c) => c.path === '/v1/chat/completions').length;

/** One OpenAI-format upstream as model gpt-a (three attempts by default), and gpt-b on a second one. */
async function start(modelA: Record<string, unknown> = {}) {
  const a = await startOpenAIFake();
  const b = await startOpenAIFake();
  fakes.push(a, b);
  t = await startTestApp({
    env: { OPENAI_API_KEY: OPENAI_TEST_KEY },
    file: {
      security: { allowPrivateEndpoints: true },
      routing: { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 1000 } },
      models: [
        { id: 'gpt-a', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${a.url}/v1`, ...modelA },
        { id: 'gpt-b', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${b.url}/v1` },
      ],
      pools: [{ name: 'both', strategy: 'ROUND_ROBIN', members: [{ modelId: 'gpt-a' }, { modelId: 'gpt-b' }] }],
    },
  });
  return { a, b, t };
}

describe('one request, bounded', () => {
  it('should fail at once with the vendor’s retryAfterMs when its Retry-After passes maxRetryAfterMs', async () => {
    const { a, t } = await start();
    a.respond('POST /v1/chat/completions', { type: 'json', status: 429, headers: { 'retry-after': '120' }, body: fixtureJson('openai/error-429.json') });
    const error = expectError(await t.run(GenerateRouted, { input: { model: 'gpt-a', prompt: 'hi' } }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', extensions: { retryAfterMs: 120_000 } });
    expect(completionCalls(a)).toBe(1);
  });

  it('should move to another pool member instead when the vendor asks for a wait past the cap', async () => {
    const { a, b, t } = await start();
    a.respond('POST /v1/chat/completions', { type: 'json', status: 503, headers: { 'retry-after': '600' }, body: fixtureJson('openai/error-500.json') });
    b.respond('POST /v1/chat/completions', { type: 'json', status: 503, headers: { 'retry-after': '600' }, body: fixtureJson('openai/error-500.json') });
    const error = expectError(await t.run(GenerateRouted, { input: { pool: 'both', prompt: 'hi' } }));
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', extensions: { retryAfterMs: 600_000 } });
    expect([completionCalls(a), completionCalls(b)]).toEqual([1, 1]); // each once, neither retried
  });

  it('should give a request one deadline: a stalled stream is not given totalMs again on each retry', async () => {
    const { a, t } = await start({ timeouts: { totalMs: 400 } });
    a.respond('POST /v1/chat/completions', { type: 'hang' });
    const error = expectError(await t.run(GenerateRouted, { input: { model: 'gpt-a', prompt: 'hi' } }));
    expect(error.message).toContain('no complete answer within');
    expect(completionCalls(a)).toBe(1); // three attempts of 400 ms each before the fix
  });

  it('should not retry a redirect, and say what to fix', async () => {
    const { a, t } = await start();
    a.respond('POST /v1/chat/completions', { type: 'json', status: 302, headers: { location: 'https://elsewhere.example/v1/chat/completions' }, body: {} });
    const error = expectError(await t.run(GenerateRouted, { input: { model: 'gpt-a', prompt: 'hi' } }));
    expect(error).toMatchObject({
      code: 'UPSTREAM_ERROR',
      message: "openai answered 302, a redirect to https://elsewhere.example/v1/chat/completions; set the model's baseUrl to the API's own address",
    });
    expect(completionCalls(a)).toBe(1);
  });
});
