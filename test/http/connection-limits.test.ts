import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { CreateApiKey, Generate } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { rawRequest, wsHandshake } from '../helpers/raw-http.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL, TEST_ADMIN_KEY } from '../helpers/test-config.js';
import { waitFor, wsClient } from '../helpers/ws.js';

const PER_KEY = 3;
const PER_ADDRESS = 6;

/** A graphql-ws client whose connection_init was acknowledged, or the close it got instead. */
function connected(url: string, key: string): Promise<{ client: Client } | { closed: { code: number; reason: string } }> {
  return new Promise((resolve) => {
    let client: Client;
    client = wsClient(url, key, (event) => resolve({ closed: event }));
    client.on('connected', () => resolve({ client }));
  });
}

async function metric(url: string, pattern: RegExp): Promise<number> {
  const match = pattern.exec((await rawRequest(url, '/metrics')).body);
  return match ? Number(match[1]) : 0;
}

describe('connections per API key (limits.maxConnectionsPerKey)', () => {
  let app: TestApp;
  let url: string;
  let keyA: string;
  let keyB: string;
  beforeAll(async () => {
    app = await startTestApp({
      file: { models: [{ ...MOCK_MODEL, mock: { tokens: 8, tokenDelayMs: 20 } }], limits: { maxConnectionsPerKey: PER_KEY } },
      env: { SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY },
    });
    url = await app.listen();
    const create = async (name: string) =>
      expectData(await app.run(CreateApiKey, { input: { name, scopes: ['CLIENT'] } }, TEST_ADMIN_KEY)).createApiKey.key;
    keyA = await create('a');
    keyB = await create('b');
  });
  afterAll(() => app.dispose());

  it('should close a WebSocket past the cap with 4429, refuse the key’s SSE and /v1 streams with 429, and keep serving another key', async () => {
    const open: Client[] = [];
    for (let i = 0; i < PER_KEY; i++) {
      const result = await connected(url, keyA);
      if (!('client' in result)) throw new Error(`connection ${i} closed: ${result.closed.code} ${result.closed.reason}`);
      open.push(result.client);
    }
    const refused = await connected(url, keyA);
    expect(refused).toMatchObject({ closed: { code: 4429, reason: expect.stringContaining('limits.maxConnectionsPerKey') } });

    const sse = await rawRequest(url, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${keyA}` },
      body: JSON.stringify({ query: 'subscription { usageUpdated { generationId } }' }),
    });
    expect(sse.status).toBe(429);
    expect(JSON.parse(sse.body).errors[0]).toMatchObject({
      extensions: { code: 'RATE_LIMITED' },
      message: expect.stringContaining(`at most ${PER_KEY}`),
    });
    const chat = JSON.stringify({ model: 'mock-a', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    const v1 = await rawRequest(url, '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keyA}` },
      body: chat,
    });
    expect([v1.status, JSON.parse(v1.body).error.code]).toEqual([429, 'connection_limit_exceeded']);
    // A whole (non-streamed) answer takes no slot: the key is still served.
    const whole = await rawRequest(url, '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keyA}` },
      body: chat.replace('"stream":true', '"stream":false'),
    });
    expect(whole.status).toBe(200);

    // Another key: served over HTTP and WebSocket while A sits at its cap.
    expect(expectData(await app.run(Generate, { input: { model: 'mock-a', prompt: 'hello' } }, keyB)).generate.status).toBe('SUCCEEDED');
    const other = await connected(url, keyB);
    expect('client' in other).toBe(true);
    if ('client' in other) await other.client.dispose();
    const streamB = await rawRequest(url, '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keyB}` },
      body: chat,
    });
    expect(streamB.status).toBe(200);
    expect(streamB.body).toContain('data: [DONE]');

    expect(await metric(url, /switchyard_connections_refused_total\{limit="per_key",transport="websocket"\} (\d+)/)).toBe(1);
    expect(await metric(url, /switchyard_connections_refused_total\{limit="per_key",transport="sse"\} (\d+)/)).toBe(1);
    expect(await metric(url, /switchyard_connections_refused_total\{limit="per_key",transport="http"\} (\d+)/)).toBe(1);

    // A slot comes back when a connection closes; every slot when all do.
    await open.pop()?.dispose();
    await waitFor(
      async () => (await metric(url, /switchyard_connections_open\{limit="per_key"\} (\d+)/)) === PER_KEY - 1,
      'a slot given back',
    );
    const again = await connected(url, keyA);
    expect('client' in again).toBe(true);
    if ('client' in again) open.push(again.client);
    await Promise.all(open.map((client) => client.dispose()));
    await waitFor(async () => (await metric(url, /switchyard_connections_open\{limit="per_key"\} (\d+)/)) === 0, 'every slot given back');
  });
});

describe('stream slots of clients that leave at once', () => {
  it('should give back the slot of an SSE request whose client left while its key was looked up', async () => {
    const app = await startTestApp({
      file: { models: [MOCK_MODEL], limits: { maxConnectionsPerKey: PER_KEY } },
      env: { SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY },
    });
    try {
      const url = await app.listen();
      const key = expectData(await app.run(CreateApiKey, { input: { name: 'leaves', scopes: ['CLIENT'] } }, TEST_ADMIN_KEY)).createApiKey
        .key;
      const { port } = new URL(url);
      const body = JSON.stringify({ query: 'subscription { usageUpdated { generationId } }' });
      // Each writes its request and goes away at once; the key is not remembered yet, so each waits on the database.
      for (let i = 0; i < 3 * PER_KEY; i++) {
        const socket = connect(Number(port), '127.0.0.1');
        await new Promise((resolve) => socket.once('connect', resolve));
        socket.end(
          `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\naccept: text/event-stream\r\nauthorization: Bearer ${key}\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
        );
        socket.destroy();
      }
      await waitFor(
        async () => (await metric(url, /switchyard_connections_open\{limit="per_address"\} (\d+)/)) <= 1,
        'the sockets to close',
      );
      await waitFor(async () => (await metric(url, /switchyard_connections_open\{limit="per_key"\} (\d+)/)) === 0, 'every slot given back');
      const again = await connected(url, key);
      expect('client' in again).toBe(true);
      if ('client' in again) await again.client.dispose();
    } finally {
      await app.dispose();
    }
  });
});

describe('connections per client address (limits.maxConnectionsPerAddress)', () => {
  let app: TestApp;
  let url: string;
  beforeAll(async () => {
    app = await startTestApp({ file: { models: [MOCK_MODEL], limits: { maxConnectionsPerAddress: PER_ADDRESS } } });
    url = await app.listen();
  });
  afterAll(() => app.dispose());

  it('should refuse connections from one address past the cap (loopback included) with 429, and take them again once some close', async () => {
    const { port } = new URL(url);
    // Idle TCP connections, as a flood of them would be: no request sent yet.
    const idle: Socket[] = [];
    for (let i = 0; i < PER_ADDRESS; i++) {
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      idle.push(socket);
    }
    await waitFor(
      async () =>
        app.app.services.metrics.registry
          .getSingleMetricAsString('switchyard_connections_open')
          .then((text) => text.includes(`limit="per_address"} ${PER_ADDRESS}`)),
      'the idle connections counted',
    );
    const http = await rawRequest(url, '/healthz');
    expect(http.status).toBe(429);
    expect(JSON.parse(http.body).error).toContain(`at most ${PER_ADDRESS} may be open at once (limits.maxConnectionsPerAddress)`);
    expect(await wsHandshake(url, {})).toMatchObject({ status: 429 });
    for (const socket of idle) socket.destroy();
    await waitFor(async () => (await rawRequest(url, '/healthz')).status === 200, 'served again');
    const text = await app.app.services.metrics.registry.getSingleMetricAsString('switchyard_connections_refused_total');
    expect(text).toMatch(/limit="per_address",transport="http"\} [1-9]/);
    expect(text).toMatch(/limit="per_address",transport="websocket"\} 1/);
  });
});
