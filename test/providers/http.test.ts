import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { UpstreamError } from '../../src/core/errors.js';
import { createUpstreamHttp } from '../../src/providers/http.js';
import { parseRetryAfter } from '../../src/providers/retry-after.js';
import { startFakeUpstream } from '../fakes/fake-upstream.js';
import { track } from './helpers.js';

/** A resolver that maps every name to 127.0.0.1, as a rebinding attacker's DNS would. */
const toLoopback: LookupFunction = (_hostname, options, callback) => {
  if (options.all)
    (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

const request = (signal = new AbortController().signal) => ({ method: 'GET' as const, headers: {}, signal, connectTimeoutMs: 2000 });

describe('upstream HTTP client', () => {
  it('should refuse, at connect time, a host name that resolves to a loopback address', async () => {
    const fake = track(await startFakeUpstream());
    fake.respond('GET /v1/models', { type: 'json', body: { data: [] } });
    const port = new URL(fake.url).port;
    const http = track(createUpstreamHttp({ allowPrivateEndpoints: false, lookup: toLoopback }));
    const error = (await http.send(`http://api.vendor.test:${port}/v1/models`, request()).catch((e: unknown) => e)) as UpstreamError;
    expect(error.message).toBe(
      `could not reach api.vendor.test:${port}: api.vendor.test resolves to 127.0.0.1, a loopback address; set security.allowPrivateEndpoints: true to allow it`,
    );
    expect(error.isRetryable).toBe(false);
    expect(fake.calls).toHaveLength(0);
  });

  it('should refuse a literal private address without resolving anything', async () => {
    const http = track(createUpstreamHttp({ allowPrivateEndpoints: false }));
    const error = (await http.send('http://10.0.0.8/v1/models', request()).catch((e: unknown) => e)) as UpstreamError;
    expect(error.message).toBe(
      'refused to call 10.0.0.8: 10.0.0.8 is a private address; set security.allowPrivateEndpoints: true in the config to allow it',
    );
  });

  it('should connect when private endpoints are allowed', async () => {
    const fake = track(await startFakeUpstream());
    fake.respond('GET /v1/models', { type: 'json', body: { data: [] } });
    const http = track(createUpstreamHttp({ allowPrivateEndpoints: true, lookup: toLoopback }));
    const response = await http.send(`http://api.vendor.test:${new URL(fake.url).port}/v1/models`, request());
    expect(response.status).toBe(200);
    expect(JSON.parse(await response.text(1024))).toEqual({ data: [] });
  });

  it('should report a refused connection as a retryable upstream error', async () => {
    const fake = await startFakeUpstream();
    await fake.dispose();
    const http = track(createUpstreamHttp({ allowPrivateEndpoints: true }));
    const error = (await http.send(`${fake.url}/v1/models`, request()).catch((e: unknown) => e)) as UpstreamError;
    expect(error.message).toMatch(/could not reach 127\.0\.0\.1:\d+: ECONNREFUSED/);
    expect(error.isRetryable).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  it('should read retry-after-ms, seconds and HTTP dates', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '1500' })).toBe(1500);
    expect(parseRetryAfter({ 'retry-after': '2' })).toBe(2000);
    expect(parseRetryAfter({ 'retry-after': 'Wed, 25 Nov 2026 17:00:10 GMT' }, Date.parse('Wed, 25 Nov 2026 17:00:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfter({})).toBeUndefined();
  });
});
