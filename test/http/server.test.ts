import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import WebSocket from 'ws';
import type { Client } from 'graphql-ws';
import { ModelEventsSubscription, ModelsQuery } from '../helpers/documents.js';
import { execute, expectData } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { subscribe, waitFor, wsClient, WsClients } from '../helpers/ws.js';

let t: TestApp | undefined;
const clients = new WsClients();
afterEach(async () => {
  await clients.closeAll();
  await t?.dispose();
  t = undefined;
});

describe('HTTP endpoints', () => {
  it('should answer /healthz, /readyz and /metrics on the GraphQL port', async () => {
    t = await startTestApp();
    const url = await t.listen();
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: { database: 'ok', accepting: true, config: { source: 'test.config.yml' } },
    });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain('switchyard_models{provider="mock",status="HEALTHY"} 1');
    expect(metrics).toContain('switchyard_model_health{model="mock-a",provider="mock",status="HEALTHY"} 1');
    expect(metrics).toContain('switchyard_model_health_checks_total{provider="mock",outcome="ok"} 1');
    expect(metrics).toContain('process_cpu_user_seconds_total');
    expect(metrics).toContain('switchyard_active_subscriptions 0');
  });

  it('should serve GraphiQL to a browser and GraphQL to clients on /graphql', async () => {
    t = await startTestApp();
    const url = await t.listen();
    const page = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<title>Switchyard</title>');
    // Everything GraphiQL needs is in the page: no script, style or icon comes from another host (no CDN).
    expect(html).not.toMatch(/<(script|link|img)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/import\(\s*["']https?:|unpkg\.com|jsdelivr/i);
    expect(expectData(await execute(fetch, ModelsQuery, undefined, { url: `${url}/graphql` })).models).toHaveLength(1);
  });

  it('should refuse oversized bodies and unknown paths', async () => {
    t = await startTestApp();
    const url = await t.listen();
    const big = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ models { id } }`, pad: 'x'.repeat(1_100_000) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect((await fetch(`${url}/nope`)).status).toBe(404);
  });

  it('should take a chunked body (no Content-Length) within the limit and refuse one past it', async () => {
    t = await startTestApp();
    const url = await t.listen();
    const chunked = (parts: string[]) =>
      request(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Readable.from(parts.map((p) => Buffer.from(p))),
      });
    const small = await chunked(['{"query":"{ models', ' { id } }"}']);
    expect(small.statusCode).toBe(200);
    expect(((await small.body.json()) as { data: { models: unknown[] } }).data.models).toHaveLength(1);
    const big = await chunked(['{"query":"{ models { id } }","pad":"', ...Array.from({ length: 20 }, () => 'x'.repeat(64 * 1024)), '"}']);
    expect(big.statusCode).toBe(413);
    expect(await big.body.json()).toMatchObject({ errors: [{ message: 'request body too large: at most 1048576 bytes' }] });
  });

  it('should let a client still sending a chunked body past the limit read the 413 (no reset), on /graphql and /v1', async () => {
    t = await startTestApp();
    const url = await t.listen();
    const { port } = new URL(url);
    /**
     * Sends 1.5 MiB of a chunked body, waits for the answer to start, then sends 1.5 MiB more and
     * the end (a client that notices the answer late): answers all it read and how the socket ended.
     */
    const upload = (path: string) =>
      new Promise<{ text: string; error: string | null }>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1');
        let text = '';
        let error: string | null = null;
        const frame = `${(64 * 1024).toString(16)}\r\n${'x'.repeat(64 * 1024)}\r\n`;
        const send = (frames: number, last: string) => socket.write(`${frame.repeat(frames)}${last}`);
        socket.setEncoding('utf8').on('data', (d: string) => {
          if (text === '') send(24, '0\r\n\r\n');
          text += d;
        });
        socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
        socket.on('close', () => resolve({ text, error }));
        socket.write(
          `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n1\r\n{\r\n`,
        );
        send(24, '');
      });
    const graphql = await upload('/graphql');
    expect([graphql.error, graphql.text.split('\r\n')[0]]).toEqual([null, 'HTTP/1.1 413 Payload Too Large']);
    expect(graphql.text).toContain('request body too large: at most 1048576 bytes');
    expect(graphql.text.toLowerCase()).toContain('connection: close');
    const openai = await upload('/v1/chat/completions');
    expect([openai.error, openai.text.split('\r\n')[0]]).toEqual([null, 'HTTP/1.1 413 Payload Too Large']);
    expect(openai.text).toContain('The request body is too large: at most 1048576 bytes.');
    // undici, which sends the whole body before it reads, reads it too.
    const body = () => Readable.from(Array.from({ length: 48 }, () => Buffer.from('x'.repeat(64 * 1024))));
    for (const path of ['/graphql', '/v1/chat/completions']) {
      const answer = await request(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() });
      expect([path, answer.statusCode]).toEqual([path, 413]);
      await answer.body.dump();
    }
    // The gateway still serves.
    expect(expectData(await execute(fetch, ModelsQuery, undefined, { url: `${url}/graphql` })).models).toHaveLength(1);
  });

  it('should answer 408 and close a body that does not arrive in time (a chunked body that never ends)', async () => {
    t = await startTestApp({ overrides: { bodyReadTimeoutMs: 300 } });
    const url = await t.listen();
    const never = new Readable({ read() {} });
    never.push(Buffer.from('{"query":"{ models'));
    const started = Date.now();
    const slow = await request(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: never,
      headersTimeout: 5000,
    });
    expect(slow.statusCode).toBe(408);
    expect(slow.headers.connection).toBe('close');
    expect(await slow.body.json()).toMatchObject({
      errors: [{ message: 'request body too slow: it must arrive within 300 ms', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect(Date.now() - started).toBeLessThan(4000);
    never.destroy();
    expect(expectData(await execute(fetch, ModelsQuery, undefined, { url: `${url}/graphql` })).models).toHaveLength(1);
  });

  it('should close a WebSocket whose message passes the body limit (1009) before it is authenticated', async () => {
    t = await startTestApp({ env: { SWITCHYARD_ADMIN_KEY: 'admin-key-for-the-payload-test' } });
    const url = await t.listen();
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(1_100_000) } }));
    expect(await closed).toBe(1009);
    // A message within the limit is still read (and this one, without a key, refused as before).
    const second = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve, reject) => second.once('open', resolve).once('error', reject));
    const refused = new Promise<number>((resolve) => second.once('close', (code) => resolve(code)));
    second.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(900_000) } }));
    expect(await refused).toBe(4403);
  });

  it('should answer a body that is not JSON with 400 BAD_USER_INPUT, and a parsed one as before', async () => {
    t = await startTestApp();
    const url = await t.listen();
    const post = (body: string) => fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const bad = await post('{"query": "{ models { id } }",');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_USER_INPUT' } }] });
    const good = await post(JSON.stringify({ query: 'query Q { models { id } }', variables: {}, operationName: 'Q' }));
    expect(((await good.json()) as { data: { models: unknown[] } }).data.models).toHaveLength(1);
    const notAnObject = await post('[]');
    expect(((await notAnObject.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });

  it('should report GraphQL validation errors with their code', async () => {
    t = await startTestApp();
    const url = await t.listen();
    const invalid = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ models { nope } }' }),
    });
    expect(await invalid.json()).toMatchObject({
      errors: [{ message: 'Cannot query field "nope" on type "Model".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });

  it('should stop gracefully: WebSocket clients closed with 1001 (going away), port released', async () => {
    t = await startTestApp();
    const url = await t.listen();
    let client!: Client;
    const closed = new Promise<{ code: number }>((resolve) => {
      client = wsClient(url, undefined, resolve);
      clients.push(client);
    });
    const events = subscribe(client, ModelEventsSubscription);
    const app = t;
    await waitFor(
      async () => ((await app.app.services.metrics.activeSubscriptions.get()).values[0]?.value ?? 0) === 1,
      'the subscription to open',
    );
    await t.dispose();
    expect((await closed).code).toBe(1001);
    await events.return?.();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});

describe('GraphQL document limits', () => {
  async function post(url: string, query: string) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  }

  it('should refuse a query deeper than the limit, too many aliases or too many tokens, over HTTP', async () => {
    t = await startTestApp();
    const url = await t.listen();
    const deep = await post(url, `{ models { ${'defaults { '.repeat(12)}maxTokens${' }'.repeat(12)} } }`);
    expect(deep.errors?.[0]?.message).toMatch(/depth limit/i);
    const aliases = await post(url, `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { localMode }`).join(' ')} }`);
    expect(aliases.errors?.[0]?.message).toMatch(/aliases limit/i);
    const tokens = await post(url, `{ ${'viewer { localMode } '.repeat(1300)} }`);
    expect(tokens.errors?.[0]?.message).toMatch(/token limit/i);
    const fine = await post(url, '{ models { id defaults { maxTokens } lastHealthCheck { ok } } }');
    expect(fine.errors).toBeUndefined();
  });

  it('should apply the same limits to operations over graphql-ws', async () => {
    t = await startTestApp();
    const url = await t.listen();
    const client = wsClient(url);
    clients.push(client);
    const query = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { localMode }`).join(' ')} }`;
    const result = await new Promise<unknown>((resolve) => {
      client.subscribe({ query }, { next: resolve, error: resolve, complete: () => undefined });
    });
    expect(JSON.stringify(result)).toMatch(/aliases limit/i);
  });
});
