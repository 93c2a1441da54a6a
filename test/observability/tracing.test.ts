import { Writable } from 'node:stream';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ConfigError } from '../../src/config/config.js';
import { createLogger } from '../../src/observability/logger.js';
import { createTracing, NO_TRACING } from '../../src/observability/tracing.js';
import { readTracingSettings } from '../../src/observability/tracing-settings.js';
import type { FakeUpstream } from '../fakes/fake-upstream.js';
import { fixture, fixtureJson, OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import { type OtlpReceiver, type ReceivedSpan, SPAN_KIND, startOtlpReceiver } from '../helpers/otlp-receiver.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL, testConfig } from '../helpers/test-config.js';

const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

let receiver: OtlpReceiver;
let fake: FakeUpstream;
let t: TestApp;
let url: string;
const logLines: string[] = [];

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  fake = await startOpenAIFake();
  const sink = new Writable({
    write: (chunk, _enc, done) => {
      logLines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  // The real configuration path: the OTEL_* variables through the config loader, the real logger.
  t = await startTestApp({
    env: {
      OPENAI_API_KEY: OPENAI_TEST_KEY,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: 'switchyard-traced',
      OTEL_BSP_SCHEDULE_DELAY: '10',
    },
    file: {
      security: { allowPrivateEndpoints: true },
      routing: { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } },
      models: [
        { id: 'gpt-a', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${fake.url}/v1`, fallbacks: ['gpt-b'] },
        { id: 'gpt-b', provider: 'openai', upstreamModel: 'gpt-4o-mini', baseUrl: `${fake.url}/v1` },
        { id: 'mock-embed', provider: 'mock', kind: 'embedding' },
      ],
    },
    overrides: { logger: createLogger('debug', { format: 'json', destination: sink }) },
  });
  url = await t.listen();
});

afterAll(async () => {
  await t?.dispose();
  await fake?.dispose();
  await receiver?.dispose();
});

/** The spans of one trace once `names` have all arrived. */
async function traceOf(traceId: string, names: readonly string[]): Promise<ReceivedSpan[]> {
  const of = (spans: readonly ReceivedSpan[]) => spans.filter((s) => s.traceId === traceId);
  await receiver.waitFor((spans) => names.every((name) => of(spans).some((s) => s.name === name)));
  return of(receiver.spans);
}

function only(spans: readonly ReceivedSpan[], name: string): ReceivedSpan {
  const found = spans.filter((s) => s.name === name);
  expect(found.map((s) => s.name)).toEqual([name]);
  return found[0] as ReceivedSpan;
}

function chat(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }], ...body }),
  });
}

describe('traces', () => {
  it("should trace a /v1 request under the caller's traceparent: server, admission, attempt and upstream call, sent upstream and logged", async () => {
    const response = await chat(
      { model: 'gpt-a', max_tokens: 50, temperature: 0.5 },
      { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`, tracestate: 'caller=abc' },
    );
    expect(response.status).toBe(200);
    await response.json();
    const generationId = response.headers.get('x-switchyard-generation-id') as string;

    const spans = await traceOf(CALLER_TRACE, ['POST /v1/chat/completions', 'admission', 'chat gpt-4', 'POST']);
    const server = only(spans, 'POST /v1/chat/completions');
    const admission = only(spans, 'admission');
    const attempt = only(spans, 'chat gpt-4');
    const call = only(spans, 'POST');
    expect(server).toMatchObject({ service: 'switchyard-traced', kind: SPAN_KIND.server, parentSpanId: CALLER_SPAN });
    expect(server.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/v1/chat/completions',
      'http.response.status_code': 200,
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-a',
      'gen_ai.request.max_tokens': 50,
      'gen_ai.request.temperature': 0.5,
      'gen_ai.request.stream': false,
      'gen_ai.provider.name': 'openai',
      'gen_ai.response.model': 'gpt-4',
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 5,
      'gen_ai.response.finish_reasons': ['stop'],
      'switchyard.generation.id': generationId,
    });
    expect(admission).toMatchObject({ kind: SPAN_KIND.internal, parentSpanId: server.spanId });
    expect(admission.attributes).toMatchObject({ 'switchyard.generation.id': generationId, 'switchyard.candidates': ['gpt-a', 'gpt-b'] });
    expect(attempt).toMatchObject({ kind: SPAN_KIND.client, parentSpanId: server.spanId, status: 0 });
    expect(attempt.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4',
      'switchyard.model.id': 'gpt-a',
      'switchyard.attempt': 1,
      'gen_ai.usage.output_tokens': 5,
    });
    expect(call).toMatchObject({ kind: SPAN_KIND.client, parentSpanId: attempt.spanId });
    expect(call.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
      'url.full': `${fake.url}/v1/chat/completions`,
    });
    expect(receiver.posts[0]).toEqual({ path: '/v1/traces', contentType: 'application/json' });

    // Upstream, the call's own span is the parent; the caller's tracestate goes along.
    const sent = fake.calls.at(-1)?.headers;
    expect(sent?.traceparent).toBe(`00-${CALLER_TRACE}-${call.spanId}-01`);
    expect(sent?.tracestate).toBe('caller=abc');
    // The generation record and the request's log lines name the trace.
    expect((await t.app.services.generationRepository.get(generationId))?.traceId).toBe(CALLER_TRACE);
    const logged = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).find((l) => l.msg === 'openai request');
    expect(logged).toMatchObject({ trace_id: CALLER_TRACE, span_id: server.spanId, trace_flags: '01' });
  });

  it('should record a retry and a fallback as events of the request span, each attempt its own span', async () => {
    fake.respond(
      'POST /v1/chat/completions',
      { type: 'json', status: 500, body: fixtureJson('openai/error-500.json') },
      { type: 'sse', body: fixture('openai/chat-text.sse') },
    );
    const response = await chat({ model: 'gpt-a', stream: true });
    expect(response.status).toBe(200);
    await response.text();
    const generationId = response.headers.get('x-switchyard-generation-id') as string;

    await receiver.waitFor((spans) =>
      spans.some((s) => s.attributes['switchyard.generation.id'] === generationId && s.kind === SPAN_KIND.server),
    );
    const server = receiver.spans.find((s) => s.attributes['switchyard.generation.id'] === generationId && s.kind === SPAN_KIND.server);
    const traceId = server?.traceId as string;
    const spans = await traceOf(traceId, ['chat gpt-4', 'chat gpt-4o-mini']);
    expect(server).toMatchObject({ parentSpanId: '', status: 0 });
    expect(server?.attributes).toMatchObject({ 'gen_ai.request.stream': true, 'gen_ai.response.model': 'gpt-4o-mini' });
    expect(server?.events).toEqual([
      {
        name: 'switchyard.retry',
        attributes: {
          'switchyard.attempt': 2,
          'switchyard.model.id': 'gpt-b',
          'switchyard.retry.delay_ms': expect.any(Number),
          'error.type': 'UPSTREAM_ERROR',
        },
      },
      {
        name: 'switchyard.fallback',
        attributes: { 'switchyard.attempt': 2, 'switchyard.fallback.from': 'gpt-a', 'switchyard.fallback.to': 'gpt-b' },
      },
    ]);
    const failed = only(spans, 'chat gpt-4');
    expect(failed).toMatchObject({ status: 2, parentSpanId: server?.spanId });
    expect(failed.attributes['error.type']).toBe('UPSTREAM_ERROR');
    expect(only(spans, 'chat gpt-4o-mini')).toMatchObject({ status: 0, parentSpanId: server?.spanId });
    // Each upstream call is a child of its attempt; the failed one carries its status.
    const calls = spans.filter((s) => s.name === 'POST');
    expect(calls.map((c) => c.attributes['http.response.status_code']).sort()).toEqual([200, 500]);
    expect(new Set(calls.map((c) => c.parentSpanId))).toEqual(new Set([failed.spanId, only(spans, 'chat gpt-4o-mini').spanId]));
  });

  it('should trace GraphQL generate and generateStream as request spans under the caller', async () => {
    const trace = (n: number) => `${CALLER_TRACE.slice(0, -1)}${n}`;
    const post = (query: string, n: number, accept = 'application/json') =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, traceparent: `00-${trace(n)}-${CALLER_SPAN}-01` },
        body: JSON.stringify({ query }),
      });
    const generated = await post('mutation Ask { generate(input: { model: "gpt-a", prompt: "Hi" }) { id traceId } }', 1);
    const { data } = (await generated.json()) as { data: { generate: { id: string; traceId: string } } };
    expect(data.generate.traceId).toBe(trace(1));
    const streamed = await post(
      'subscription { generateStream(input: { model: "gpt-a", prompt: "Hi" }) { __typename } }',
      2,
      'text/event-stream',
    );
    expect(await streamed.text()).toContain('GenerationCompleted');

    const mutation = await traceOf(trace(1), ['mutation generate', 'admission', 'chat gpt-4', 'POST']);
    const request = only(mutation, 'mutation generate');
    expect(request).toMatchObject({ kind: SPAN_KIND.server, parentSpanId: CALLER_SPAN });
    expect(request.attributes).toMatchObject({
      'graphql.operation.type': 'mutation',
      'graphql.operation.name': 'Ask',
      'switchyard.generation.id': data.generate.id,
      'gen_ai.usage.input_tokens': 12,
    });
    expect(only(mutation, 'chat gpt-4').parentSpanId).toBe(request.spanId);

    const subscription = await traceOf(trace(2), ['subscription generateStream', 'admission', 'chat gpt-4', 'POST']);
    const stream = only(subscription, 'subscription generateStream');
    expect(stream).toMatchObject({ kind: SPAN_KIND.server, parentSpanId: CALLER_SPAN });
    expect(stream.attributes).toMatchObject({ 'gen_ai.request.stream': true, 'gen_ai.usage.output_tokens': 5 });
    expect(only(subscription, 'admission').parentSpanId).toBe(stream.spanId);
    expect(only(subscription, 'chat gpt-4').parentSpanId).toBe(stream.spanId);
    expect(fake.calls.at(-1)?.headers.traceparent).toBe(`00-${trace(2)}-${only(subscription, 'POST').spanId}-01`);
  });

  it("should take a graphql-ws client's traceparent from its connectionParams", async () => {
    const traceId = `${CALLER_TRACE.slice(0, -2)}d1`;
    const client = createClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { traceparent: `00-${traceId}-${CALLER_SPAN}-01` },
    });
    try {
      const kinds: string[] = [];
      for await (const result of client.iterate<{ generateStream: { __typename: string } }>({
        query: 'subscription { generateStream(input: { model: "gpt-a", prompt: "Hi" }) { __typename } }',
      }))
        kinds.push(result.data?.generateStream.__typename ?? 'error');
      expect(kinds.at(-1)).toBe('GenerationCompleted');
    } finally {
      await client.dispose();
    }
    const spans = await traceOf(traceId, ['subscription generateStream', 'chat gpt-4']);
    const request = only(spans, 'subscription generateStream');
    expect(request.parentSpanId).toBe(CALLER_SPAN);
    expect(only(spans, 'chat gpt-4').parentSpanId).toBe(request.spanId);
  });

  it('should trace /v1/messages and /v1/responses as a chat and /v1/embeddings as an embeddings operation', async () => {
    const post = (path: string, body: unknown, n: number) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', traceparent: `00-${CALLER_TRACE.slice(0, -2)}e${n}-${CALLER_SPAN}-01` },
        body: JSON.stringify(body),
      });
    const messages = await post('/v1/messages', { model: 'gpt-a', max_tokens: 20, messages: [{ role: 'user', content: 'Hi' }] }, 1);
    expect(messages.status).toBe(200);
    const embedded = await post('/v1/embeddings', { model: 'mock-embed', input: ['one', 'two'] }, 2);
    expect(embedded.status).toBe(200);
    const responded = await post('/v1/responses', { model: 'gpt-b', input: 'Hi' }, 3);
    expect(responded.status).toBe(200);
    const responsesTrace = await traceOf(`${CALLER_TRACE.slice(0, -2)}e3`, ['POST /v1/responses', 'chat gpt-4o-mini', 'POST']);
    expect(only(responsesTrace, 'POST /v1/responses').attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-b',
      'gen_ai.usage.output_tokens': 5,
    });

    const chatTrace = await traceOf(`${CALLER_TRACE.slice(0, -2)}e1`, ['POST /v1/messages', 'chat gpt-4', 'POST']);
    const door = only(chatTrace, 'POST /v1/messages');
    expect(door.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-a',
      'gen_ai.request.max_tokens': 20,
    });
    expect(only(chatTrace, 'chat gpt-4').parentSpanId).toBe(door.spanId);

    const embedTraceId = `${CALLER_TRACE.slice(0, -2)}e2`;
    await receiver.waitFor((spans) => spans.some((s) => s.traceId === embedTraceId && s.name.startsWith('embeddings ')));
    const embedTrace = await traceOf(embedTraceId, ['POST /v1/embeddings']);
    const embedDoor = only(embedTrace, 'POST /v1/embeddings');
    expect(embedDoor.attributes).toMatchObject({
      'gen_ai.operation.name': 'embeddings',
      'gen_ai.request.model': 'mock-embed',
      'switchyard.generation.status': 'SUCCEEDED',
      'switchyard.cache': 'miss',
      'http.response.status_code': 200,
    });
    expect(embedDoor.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0);
    const attempt = embedTrace.find((s) => s.name.startsWith('embeddings '));
    expect(attempt).toMatchObject({ kind: SPAN_KIND.client, parentSpanId: embedDoor.spanId });
    expect(attempt?.attributes).toMatchObject({ 'gen_ai.operation.name': 'embeddings', 'switchyard.model.id': 'mock-embed' });
  });

  it('should export the spans still buffered when the gateway stops', async () => {
    const flushed = await startTestApp({
      env: {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces`,
        OTEL_SERVICE_NAME: 'switchyard-flush',
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      },
      file: { models: [MOCK_MODEL] },
    });
    const answer = await flushed.app.fetch('http://x/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${CALLER_TRACE.replace(/^0/, 'f')}-${CALLER_SPAN}-01` },
      body: JSON.stringify({ query: 'mutation { generate(input: { model: "mock-a", prompt: "Hi" }) { id } }' }),
    });
    expect(answer.status).toBe(200);
    expect(receiver.spans.filter((s) => s.service === 'switchyard-flush')).toEqual([]);
    await flushed.dispose();
    expect(
      receiver.spans
        .filter((s) => s.service === 'switchyard-flush')
        .map((s) => s.name)
        .sort(),
    ).toEqual(['admission', 'chat mock-a', 'mutation generate']);
  });
});

describe('tracing settings (OTEL_* variables)', () => {
  const read = (env: Record<string, string>) => {
    const problems: string[] = [];
    return { settings: readTracingSettings(env, problems), problems };
  };

  it('should be off without an OTLP endpoint, with OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none', () => {
    expect(read({}).settings).toBeUndefined();
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }).settings).toBeUndefined();
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' }).settings).toBeUndefined();
    expect(testConfig().tracing).toBeUndefined();
    expect(createTracing(undefined)).toBe(NO_TRACING);
  });

  it('should read the endpoint, headers, service, resource and sampler as the specification says', () => {
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318/' }).settings).toMatchObject({
      url: 'http://c:4318/v1/traces',
      serviceName: 'switchyard',
      sampler: 'parentbased_always_on',
    });
    const { settings } = read({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/ingest',
      OTEL_EXPORTER_OTLP_HEADERS: 'a=1,b=x%20y',
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: 'b=2',
      OTEL_SERVICE_NAME: 'gw',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=prod',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    });
    expect(settings).toMatchObject({
      url: 'https://traces.example/ingest',
      headers: { a: '1', b: '2' },
      serviceName: 'gw',
      resourceAttributes: { 'deployment.environment': 'prod' },
      sampler: 'parentbased_traceidratio',
      samplerRatio: 0.25,
    });
  });

  it('should refuse a bad value at start, naming the variable and what was expected', () => {
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'c:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }).problems).toEqual([
      'OTEL_EXPORTER_OTLP_ENDPOINT: expected an http:// or https:// URL, got "c:4317"',
      'OTEL_EXPORTER_OTLP_PROTOCOL: expected http/json or http/protobuf (Switchyard sends OTLP over HTTP, in JSON), got "grpc"',
    ]);
    expect(
      read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '2' }).problems,
    ).toEqual(['OTEL_TRACES_SAMPLER_ARG: expected a number from 0 to 1 (the share of traces kept), got "2"']);
    const refused = (() => {
      try {
        testConfig({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_BSP_SCHEDULE_DELAY: 'soon' } });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ConfigError);
    expect((refused as ConfigError).lines).toEqual(['OTEL_BSP_SCHEDULE_DELAY: expected a whole number from 1 to 3600000, got "soon"']);
  });
});
