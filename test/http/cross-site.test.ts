import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, wsHandshake } from '../helpers/raw-http.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL, TEST_ADMIN_KEY } from '../helpers/test-config.js';

const EVIL = 'http://evil.example';
const createAdminKey = JSON.stringify({ query: 'mutation { createApiKey(input: { name: "from a web page", scopes: [ADMIN] }) { key } }' });
const json = { 'content-type': 'application/json' };

/** The keys the app holds (through the in-process path, which no browser reaches). */
async function keyNames(app: TestApp): Promise<string[]> {
  const rows = await app.app.services.orm.em.fork().getConnection().execute<{ name: string }[]>('select name from api_keys');
  return rows.map((r) => r.name);
}

describe('a local gateway against web pages (no admin key: nothing authenticated)', () => {
  let app: TestApp;
  let url: string;
  let host: string;
  beforeAll(async () => {
    app = await startTestApp({ file: { models: [MOCK_MODEL], security: { allowedHosts: ['switchyard.internal'] } } });
    url = await app.listen();
    host = new URL(url).host;
  });
  afterAll(() => app.dispose());

  it('should refuse a foreign Origin on every route and transport before any operation runs, without reflecting it', async () => {
    const refused = await rawRequest(url, '/graphql', { method: 'POST', headers: { ...json, host, origin: EVIL }, body: createAdminKey });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body).errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(JSON.parse(refused.body).errors[0].message).toContain(`Origin ${EVIL} is neither this gateway's origin (http://${host})`);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(await keyNames(app)).not.toContain('from a web page');
    // A text/plain form post, a GET read, a CORS preflight, SSE, /v1, /api, /metrics: all refused the same way.
    const asForm = await rawRequest(url, '/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', host, origin: EVIL },
      body: createAdminKey,
    });
    expect(asForm.status).toBe(403);
    const read = await rawRequest(url, `/graphql?query=${encodeURIComponent('{ generations(first: 5) { edges { node { text } } } }')}`, {
      headers: { host, origin: EVIL },
    });
    expect(read.status).toBe(403);
    const preflight = await rawRequest(url, '/graphql', {
      method: 'OPTIONS',
      headers: { host, origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect([preflight.status, preflight.headers['access-control-allow-origin']]).toEqual([403, undefined]);
    const sse = await rawRequest(url, '/graphql', {
      method: 'POST',
      headers: { ...json, accept: 'text/event-stream', host, origin: EVIL },
      body: JSON.stringify({ query: 'subscription { usageUpdated { generationId } }' }),
    });
    expect(sse.status).toBe(403);
    const v1 = await rawRequest(url, '/v1/chat/completions', {
      method: 'POST',
      headers: { ...json, host, origin: EVIL },
      body: JSON.stringify({ model: 'mock-a', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect([v1.status, JSON.parse(v1.body).error.code]).toEqual([403, 'cross_origin']);
    const rest = await rawRequest(url, '/api/models', { headers: { host, origin: EVIL } });
    expect([rest.status, JSON.parse(rest.body).error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await rawRequest(url, '/metrics', { headers: { host, origin: EVIL } })).status).toBe(403);
    const ws = await wsHandshake(url, { host, origin: EVIL });
    expect(ws).toMatchObject({ status: 403 });
    expect('body' in ws && ws.body).toContain('security.allowedOrigins');
    const metrics = await rawRequest(url, '/metrics');
    expect(metrics.body).toMatch(/switchyard_cross_origin_refused_total\{reason="origin"\} ([1-9]\d*)/);
  });

  it('should count the scheme and the port: https or another port of the same host is another origin', async () => {
    for (const origin of [`https://${host}`, `http://127.0.0.1:${Number(new URL(url).port) + 1}`]) {
      const answer = await rawRequest(url, '/graphql', {
        method: 'POST',
        headers: { ...json, host, origin },
        body: JSON.stringify({ query: '{ models { id } }' }),
      });
      expect(answer.status).toBe(403);
    }
  });

  it('should serve its own pages (same origin), and programs that send no Origin', async () => {
    const own = await rawRequest(url, '/graphql', {
      method: 'POST',
      headers: { ...json, host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ query: '{ models { id } }' }),
    });
    expect([own.status, JSON.parse(own.body).data.models[0].id]).toEqual([200, 'mock-a']);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
    const program = await rawRequest(url, '/graphql', {
      method: 'POST',
      headers: { ...json, host },
      body: JSON.stringify({ query: '{ models { id } }' }),
    });
    expect(program.status).toBe(200);
    const ws = await wsHandshake(url, { host, origin: `http://${host}` });
    expect('open' in ws).toBe(true);
    if ('open' in ws) ws.open.close();
  });

  it('should refuse a cross-site subresource without Origin (an image, a script), but let a link open GraphiQL', async () => {
    const query = `/graphql?query=${encodeURIComponent('{ generations(first: 5) { edges { node { text } } } }')}`;
    const asImage = await rawRequest(url, query, {
      headers: { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' },
    });
    expect(asImage.status).toBe(403);
    expect(JSON.parse(asImage.body).errors[0].message).toContain('cross-site request refused');
    const link = await rawRequest(url, '/graphql', {
      headers: { host, accept: 'text/html', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
    });
    expect(link.status).toBe(200);
    expect(link.body).toContain('<title>Switchyard</title>');
  });

  it('should refuse a host name that is not loopback (a DNS-rebound page), on every route, unless listed in security.allowedHosts', async () => {
    const port = new URL(url).port;
    const rebound = `evil.example:${port}`;
    for (const path of ['/graphql?query={models{id}}', '/v1/models', '/api/models', '/metrics', '/healthz', '/']) {
      const answer = await rawRequest(url, path, { headers: { host: rebound, origin: `http://${rebound}` } });
      expect(answer.status, path).toBe(421);
      expect(answer.body).toContain('security.allowedHosts');
    }
    const posted = await rawRequest(url, '/graphql', {
      method: 'POST',
      headers: { ...json, host: rebound, origin: `http://${rebound}` },
      body: createAdminKey,
    });
    expect(posted.status).toBe(421);
    expect(await keyNames(app)).not.toContain('from a web page');
    expect(await wsHandshake(url, { host: rebound, origin: `http://${rebound}` })).toMatchObject({ status: 421 });
    for (const name of [`localhost:${port}`, `[::1]:${port}`, `switchyard.internal:${port}`]) {
      const answer = await rawRequest(url, '/graphql', {
        method: 'POST',
        headers: { ...json, host: name, origin: `http://${name}` },
        body: JSON.stringify({ query: '{ models { id } }' }),
      });
      expect(answer.status, name).toBe(200);
    }
  });
});

describe('a gateway with keys and an allowed browser origin', () => {
  let app: TestApp;
  let url: string;
  let host: string;
  const APP_ORIGIN = 'http://app.example:5173';
  beforeAll(async () => {
    app = await startTestApp({
      file: { models: [MOCK_MODEL], security: { allowedOrigins: [APP_ORIGIN] } },
      env: { SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY },
    });
    url = await app.listen();
    host = new URL(url).host;
  });
  afterAll(() => app.dispose());

  it('should still refuse a foreign origin even with a valid key, and answer to any Host (keys protect it)', async () => {
    const auth = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
    const foreign = await rawRequest(url, '/graphql', {
      method: 'POST',
      headers: { ...json, ...auth, host, origin: EVIL },
      body: createAdminKey,
    });
    expect(foreign.status).toBe(403);
    expect(await keyNames(app)).not.toContain('from a web page');
    const named = await rawRequest(url, '/graphql', {
      method: 'POST',
      headers: { ...json, ...auth, host: 'gateway.example.com' },
      body: JSON.stringify({ query: '{ models { id } }' }),
    });
    expect(named.status).toBe(200);
  });

  it('should answer an allowed origin’s preflight and requests with CORS headers naming it, without credentials', async () => {
    const preflight = await rawRequest(url, '/graphql', {
      method: 'OPTIONS',
      headers: {
        host,
        origin: APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': APP_ORIGIN,
      'access-control-allow-headers': 'authorization, content-type',
      // The REST registry's PATCH and DELETE /api/models/{id} too.
      'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
      vary: 'Origin',
    });
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const answer = await rawRequest(url, '/graphql', {
      method: 'POST',
      headers: { ...json, host, origin: APP_ORIGIN, authorization: `Bearer ${TEST_ADMIN_KEY}` },
      body: JSON.stringify({ query: '{ models { id } }' }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(answer.headers['access-control-expose-headers']).toContain('x-request-id');
    expect(answer.headers['access-control-expose-headers']).toContain('x-switchyard-cache');
    const v1 = await rawRequest(url, '/v1/models', { headers: { host, origin: APP_ORIGIN, authorization: `Bearer ${TEST_ADMIN_KEY}` } });
    expect([v1.status, v1.headers['access-control-allow-origin']]).toEqual([200, APP_ORIGIN]);
    const ws = await wsHandshake(url, { host, origin: APP_ORIGIN });
    expect('open' in ws).toBe(true);
    if ('open' in ws) ws.open.close();
  });
});
