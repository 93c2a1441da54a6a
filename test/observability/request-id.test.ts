import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureJson, OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import type { FakeUpstream } from '../fakes/fake-upstream.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp | undefined;
let fake: FakeUpstream | undefined;
afterEach(async () => {
  await t?.dispose();
  await fake?.dispose();
  t = undefined;
});

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}

describe('request ids and logs', () => {
  it('should take x-request-id (or make one), return it, send it upstream and store it; and log no prompt, answer or key', async () => {
    fake = await startOpenAIFake();
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(String(chunk));
        done();
      },
    });
    t = await startTestApp({
      env: { OPENAI_API_KEY: OPENAI_TEST_KEY },
      file: {
        security: { allowPrivateEndpoints: true },
        routing: { retry: { attempts: 1 } },
        models: [{ id: 'gpt-a', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${fake.url}/v1` }],
      },
      overrides: { logger: pino({ level: 'debug' }, sink) },
    });
    const url = await t.listen();
    const secretPrompt = 'my secret prompt about project nightingale';
    const query = `mutation { generate(input: { model: "gpt-a", prompt: "${secretPrompt}" }) { id requestId text } }`;

    const given = await post(url, query, { 'x-request-id': 'trace-abc.123' });
    expect(given.headers.get('x-request-id')).toBe('trace-abc.123');
    const body = (await given.json()) as { data: { generate: { requestId: string; text: string } } };
    expect(body.data.generate.requestId).toBe('trace-abc.123');
    expect(fake.calls.at(-1)?.headers['x-request-id']).toBe('trace-abc.123');
    // Tracing is off (no OTLP endpoint): a caller's traceparent is neither followed nor passed on, and no trace id is stored.
    const traced = await post(url, query.replace('text }', 'text traceId }'), {
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    expect(((await traced.json()) as { data: { generate: { traceId: string | null } } }).data.generate.traceId).toBeNull();
    expect(fake.calls.at(-1)?.headers.traceparent).toBeUndefined();

    const made = await post(url, query, { 'x-request-id': 'not valid because of spaces' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    fake.respond('POST /v1/chat/completions', { type: 'json', status: 500, body: fixtureJson('openai/error-500.json') });
    await post(url, query, { 'x-request-id': 'trace-failed' });
    const log = lines.join('');
    expect(log).toContain('"requestId":"trace-failed"');
    expect(log).not.toContain('nightingale');
    expect(log).not.toContain('Hello there');
    expect(log).not.toContain(OPENAI_TEST_KEY);
  });
});
