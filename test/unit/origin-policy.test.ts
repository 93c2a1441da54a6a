import { describe, expect, it } from 'vitest';
import { judgeRequest, type OriginPolicy, type RequestFacts } from '../../src/security/origin-policy.js';

const local: OriginPolicy = { localMode: true, allowedOrigins: [], allowedHosts: [] };
const secured: OriginPolicy = { localMode: false, allowedOrigins: ['http://app.example:5173'], allowedHosts: [] };
const facts = (over: Partial<RequestFacts>): RequestFacts => ({
  method: 'POST',
  host: '127.0.0.1:4000',
  origin: undefined,
  secFetchSite: undefined,
  secFetchMode: undefined,
  ...over,
});

describe('the origin policy', () => {
  it('should take programs (no Origin, no Fetch Metadata) and the gateway’s own pages', () => {
    expect(judgeRequest(local, facts({}))).toEqual({ ok: true, corsOrigin: null });
    expect(judgeRequest(local, facts({ origin: 'http://127.0.0.1:4000', secFetchSite: 'same-origin' }))).toEqual({
      ok: true,
      corsOrigin: null,
    });
    expect(judgeRequest(local, facts({ host: 'localhost:4000', origin: 'http://LOCALHOST:4000' }))).toEqual({ ok: true, corsOrigin: null });
    expect(judgeRequest(local, facts({ host: 'localhost', origin: 'http://localhost:80' }))).toEqual({ ok: true, corsOrigin: null });
  });

  it('should refuse a foreign origin, another scheme or port, and the opaque null origin, naming the rule', () => {
    for (const origin of ['http://evil.example', 'https://127.0.0.1:4000', 'http://127.0.0.1:4001', 'null', 'not a url']) {
      const verdict = judgeRequest(local, facts({ origin }));
      expect(verdict).toMatchObject({ ok: false, status: 403, reason: 'origin' });
      if (!verdict.ok) expect(verdict.message).toContain('security.allowedOrigins');
    }
  });

  it('should refuse a browser’s cross-site subresource without Origin, but not a top-level GET navigation', () => {
    expect(judgeRequest(local, facts({ method: 'GET', secFetchSite: 'cross-site', secFetchMode: 'no-cors' }))).toMatchObject({
      ok: false,
      status: 403,
      reason: 'cross-site',
    });
    expect(judgeRequest(local, facts({ method: 'GET', secFetchSite: 'same-site', secFetchMode: 'cors' }))).toMatchObject({
      ok: false,
      reason: 'cross-site',
    });
    expect(judgeRequest(local, facts({ method: 'POST', secFetchSite: 'cross-site', secFetchMode: 'navigate' }))).toMatchObject({
      ok: false,
      reason: 'cross-site',
    });
    expect(judgeRequest(local, facts({ method: 'GET', secFetchSite: 'cross-site', secFetchMode: 'navigate' }))).toEqual({
      ok: true,
      corsOrigin: null,
    });
    expect(judgeRequest(local, facts({ method: 'GET', secFetchSite: 'none', secFetchMode: 'navigate' }))).toEqual({
      ok: true,
      corsOrigin: null,
    });
  });

  it('should answer only to loopback host names in local mode (DNS rebinding), or to those listed', () => {
    for (const host of ['localhost:4000', '127.0.0.1:4000', '127.1.2.3', '[::1]:4000', 'LOCALHOST'])
      expect(judgeRequest(local, facts({ host })).ok).toBe(true);
    for (const host of ['evil.example:4000', 'localhost.evil.example', '10.0.0.5:4000', 'x.localhost:4000', '0.0.0.0:4000']) {
      expect(judgeRequest(local, facts({ host, origin: `http://${host}` }))).toMatchObject({ ok: false, status: 421, reason: 'host' });
    }
    expect(judgeRequest({ ...local, allowedHosts: ['switchyard.internal'] }, facts({ host: 'switchyard.internal:4000' })).ok).toBe(true);
    // With keys required, the Host is not what protects the gateway.
    expect(judgeRequest(secured, facts({ host: 'gateway.example.com', origin: 'http://gateway.example.com' }))).toEqual({
      ok: true,
      corsOrigin: null,
    });
  });

  it('should name an allowed foreign origin for CORS, exactly, and nothing else', () => {
    expect(judgeRequest(secured, facts({ origin: 'http://app.example:5173' }))).toEqual({
      ok: true,
      corsOrigin: 'http://app.example:5173',
    });
    expect(judgeRequest(secured, facts({ origin: 'https://app.example:5173' }))).toMatchObject({ ok: false, reason: 'origin' });
    expect(judgeRequest(secured, facts({ origin: 'http://app.example' }))).toMatchObject({ ok: false, reason: 'origin' });
  });
});
