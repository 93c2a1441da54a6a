import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from '../fakes/vendors.js';
import { GenerationsQuery } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { eventKinds, type StreamEvent, tokenDeltas } from '../helpers/stream-events.js';
import { ALLOWED_TEST_ORIGIN, startVendorApp, type VendorApp } from '../helpers/vendor-app.js';
import { waitFor } from '../helpers/ws.js';
import { startTestApp } from '../helpers/test-app.js';
import { TEST_ADMIN_KEY } from '../helpers/test-config.js';

// Subscriptions over SSE are served by the gateway's own writer (src/http/sse-subscriptions.ts);
// a request with an Origin header still goes through Yoga's. Both must answer alike.
let v: VendorApp;
let url: string;
beforeEach(async () => {
  v = await startVendorApp();
  url = await v.t.listen();
});
afterEach(async () => {
  await v.dispose();
});

const STREAM =
  'subscription($m: ID) { generateStream(input: { model: $m, prompt: "Hi" }) { __typename ... on TokenDelta { text index chunks } ... on GenerationCompleted { generation { status text } } } }';

async function sse(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Splits an SSE body into its messages: comments as ':' and events as [event, data]. */
function messages(body: string): (string | [string, string])[] {
  expect(body.endsWith('\n\n')).toBe(true);
  return body
    .slice(0, -2)
    .split('\n\n')
    .map((block) => {
      if (block === ':') return ':';
      const match = /^event: (\w+)\ndata:(?: (.*))?$/s.exec(block);
      if (!match) throw new Error(`not an SSE message: ${JSON.stringify(block)}`);
      return [match[1] as string, match[2] ?? ''];
    });
}

describe('subscriptions over SSE', () => {
  it('should write Yoga’s framing: a comment first, next events with the results, complete at the end', async () => {
    for (const headers of [{}, { origin: 'http://elsewhere.example' }] as Record<string, string>[]) {
      v.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse') });
      const answer = await sse(STREAM, { m: 'gpt-test' }, { 'x-request-id': 'sse-frame-1', ...headers });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toContain('text/event-stream');
      expect(answer.headers.get('cache-control')).toBe('no-cache');
      expect(answer.headers.get('x-request-id')).toBe('sse-frame-1');
      const list = messages(answer.body);
      expect(list[0]).toBe(':');
      expect(list.at(-1)).toEqual(['complete', '']);
      // Yoga pings every 300 ms under NODE_ENV=test (12 s otherwise): on a loaded machine a ping may fall between events.
      const results = headers.origin ? list.slice(1, -1).filter((m) => m !== ':') : list.slice(1, -1);
      const events = results.map((m) => {
        expect(m[0]).toBe('next');
        return (JSON.parse(m[1] as string) as { data: { generateStream: StreamEvent } }).data.generateStream;
      });
      expect(eventKinds(events)).toEqual(['GenerationStarted', 'TokenDelta…', 'GenerationCompleted']);
      expect(tokenDeltas(events)).toMatchObject({ text: 'Hello there! 你好 😀', chunks: 4 });
      expect(events.at(-1)).toMatchObject({ generation: { status: 'SUCCEEDED', text: 'Hello there! 你好 😀' } });
    }
  });

  it('should answer a refused subscription with one next carrying the coded error, as Yoga does', async () => {
    const ours = await sse(STREAM, { m: 'ghost' });
    const yogas = await sse(STREAM, { m: 'ghost' }, { origin: 'http://elsewhere.example' });
    expect(ours.status).toBe(yogas.status);
    expect(messages(ours.body)).toEqual(messages(yogas.body));
    const next = messages(ours.body)[1] as [string, string];
    expect(JSON.parse(next[1])).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('should answer a refusal as JSON when the Accept header also takes JSON, as Yoga does', async () => {
    for (const accept of ['text/event-stream, application/json', 'application/json, text/event-stream', 'text/event-stream, */*']) {
      const ours = await sse(STREAM, { m: 'ghost' }, { accept });
      const yogas = await sse(STREAM, { m: 'ghost' }, { accept, origin: 'http://elsewhere.example' });
      expect([ours.status, ours.headers.get('content-type'), ours.body]).toEqual([
        yogas.status,
        yogas.headers.get('content-type'),
        yogas.body,
      ]);
      expect(ours.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(ours.body)).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    }
    // A stream is a stream whatever else the header takes.
    v.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse') });
    const stream = await sse(STREAM, { m: 'gpt-test' }, { accept: 'application/json, text/event-stream' });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(messages(stream.body).at(-1)).toEqual(['complete', '']);
  });

  it('should refuse a bad key with 401 once (one authentication, one counted failure), framed as Yoga frames it', async () => {
    const t = await startTestApp({ env: { SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY } });
    try {
      const keyed = await t.listen();
      const response = await fetch(`${keyed}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: 'Bearer sy-not-a-key' },
        body: JSON.stringify({ query: STREAM, variables: { m: 'mock-a' } }),
      });
      expect(response.status).toBe(401);
      expect(messages(await response.text())).toEqual([
        ':',
        ['next', JSON.stringify({ errors: [{ message: 'the API key is not valid', extensions: { code: 'UNAUTHENTICATED' } }] })],
        ['complete', ''],
      ]);
      expect(await t.app.services.metrics.registry.metrics()).toContain('switchyard_auth_failures_total{reason="unknown"} 1');
    } finally {
      await t.dispose();
    }
  });

  it('should leave queries, invalid documents, bad variables and unknown parameters to Yoga, with the answers they had', async () => {
    const query = await sse('{ models { id } }', {});
    expect(query.status).toBe(200);
    expect(messages(query.body).find((m) => m[0] === 'next')?.[1]).toContain('"gpt-test"');
    const invalid = await sse('subscription { generateStream(input: { nope: 1 }) { __typename } }', {});
    expect(invalid.body).toContain('nope');
    const badVariable = await sse(STREAM, { m: { not: 'an id' } });
    expect(badVariable.body).toContain('$m');
    const unknown = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: STREAM, variables: { m: 'gpt-test' }, foo: 1 }),
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Unexpected parameter');
  });

  it('should serve the subscription itself (counted in switchyard_sse_subscriptions while open), an allowed cross-origin one through Yoga', async () => {
    const open = async () => (await v.t.app.services.metrics.sseSubscriptions.get()).values[0]?.value ?? 0;
    for (const [headers, counted] of [
      [{}, 1],
      [{ origin: ALLOWED_TEST_ORIGIN }, 0],
    ] as const) {
      v.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse'), delayMs: 10 });
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
        body: JSON.stringify({ query: STREAM, variables: { m: 'gpt-test' } }),
      });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      expect(response.status).toBe(200);
      let seen = '';
      while (!seen.includes('TokenDelta')) {
        const read = await reader.read();
        if (read.done) throw new Error(`the stream ended before a TokenDelta: ${seen}`);
        seen += new TextDecoder().decode(read.value);
      }
      expect(await open()).toBe(counted);
      while (!(await reader.read()).done);
      await waitFor(async () => (await open()) === 0, 'the gauge to go back to 0');
    }
  });

  it('should send the headers and the first comment on their own when a feed has nothing to say yet', async () => {
    const controller = new AbortController();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { modelEvents { type } }' }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const first = await (response.body as ReadableStream<Uint8Array>).getReader().read();
    expect(new TextDecoder().decode(first.value)).toBe(':\n\n');
    expect((await v.t.app.services.metrics.sseSubscriptions.get()).values[0]?.value).toBe(1);
    controller.abort();
    await waitFor(
      async () => ((await v.t.app.services.metrics.sseSubscriptions.get()).values[0]?.value ?? 0) === 0,
      'the subscription to close',
    );
  });

  it('should close the source and store CANCELLED when the client goes away before the first result', async () => {
    v.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse'), delayMs: 100 });
    const controller = new AbortController();
    const answered = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: STREAM, variables: { m: 'gpt-test' } }),
      signal: controller.signal,
    }).catch(() => undefined);
    const completion = () => v.openai.calls.find((c) => c.path === '/v1/chat/completions');
    await waitFor(() => completion() !== undefined, 'the upstream call');
    controller.abort(); // nothing has been written yet: the headers wait for the first result
    await answered;
    await completion()?.closedEarly;
    const app = v.t;
    await waitFor(
      async () => expectData(await app.run(GenerationsQuery, { filter: { status: ['CANCELLED'] } })).generations.edges.length === 1,
      'the CANCELLED record',
    );
    await waitFor(async () => ((await app.app.services.metrics.sseSubscriptions.get()).values[0]?.value ?? 0) === 0, 'the gauge back to 0');
  });

  it('should cancel the generation, stored CANCELLED, when the client goes away mid-stream', async () => {
    v.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse'), delayMs: 15 });
    const controller = new AbortController();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: STREAM, variables: { m: 'gpt-test' } }),
      signal: controller.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let seen = '';
    while (!seen.includes('TokenDelta')) seen += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    await v.openai.calls.at(-1)?.closedEarly;
    const app = v.t;
    await waitFor(
      async () => expectData(await app.run(GenerationsQuery, { filter: { status: ['CANCELLED'] } })).generations.edges.length === 1,
      'the CANCELLED record',
    );
  });
});

describe('a client that stops reading an SSE subscription', () => {
  it('should lose the connection once it has taken nothing for the stalled-reader time, its generation stored CANCELLED', async () => {
    const s = await startVendorApp({}, undefined, { stalledReaderMs: 200 });
    try {
      const base = await s.t.listen();
      // A long answer (4 MB in 128 deltas, arriving in small pieces), each delta's text selected
      // 25 times: far more to write than the sockets' buffers hold on loopback, for longer than 200 ms.
      const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
        `data: ${JSON.stringify({ id: 'chatcmpl-long', object: 'chat.completion.chunk', created: 1732550400, model: 'gpt-4', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      const text = 'lorem ipsum '.repeat(2_700);
      s.openai.respond('POST /v1/chat/completions', {
        type: 'sse',
        body: `${Array.from({ length: 128 }, () => chunk({ content: text })).join('')}${chunk({}, 'stop')}data: [DONE]\n\n`,
      });
      const texts = Array.from({ length: 25 }, (_, i) => `t${i}: text`).join(' ');
      const body = JSON.stringify({
        query: `subscription { generateStream(input: { model: "gpt-test", prompt: "Hi", params: { maxTokens: 100000 } }) { __typename ... on TokenDelta { ${texts} } } }`,
      });
      // A raw client that sends its request and never reads: what the gateway writes piles up in the socket.
      const socket = connect(Number(new URL(base).port), '127.0.0.1');
      socket.pause();
      let received = '';
      socket.setEncoding('utf8').on('data', (d: string) => (received += d));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()).on('error', () => undefined));
      socket.write(
        `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\naccept: text/event-stream\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      const gauge = async () => (await s.t.app.services.metrics.sseSubscriptions.get()).values[0]?.value ?? 0;
      await waitFor(async () => (await gauge()) === 1, 'the subscription to open');
      // The gateway ends the connection (the client reads nothing, so it cannot have ended it).
      await waitFor(
        async () => expectData(await s.t.run(GenerationsQuery, { filter: { status: ['CANCELLED'] } })).generations.edges.length === 1,
        'the CANCELLED record',
        10_000,
      );
      await waitFor(async () => (await gauge()) === 0, 'the gauge back to 0');
      await s.openai.calls.at(-1)?.closedEarly;
      // Read now, the connection turns out ended by the gateway, mid-stream.
      socket.resume();
      await closed;
      expect(received).toContain('TokenDelta');
      expect(received).not.toContain('event: complete');
    } finally {
      await s.dispose();
    }
  });
});
