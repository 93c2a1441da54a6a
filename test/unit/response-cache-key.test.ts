import { describe, expect, it } from 'vitest';
import { chatCacheKey, embeddingCacheKey, scopeOf } from '../../src/cache/cache-key.js';
import { decideCaching, strictestSettings } from '../../src/cache/cache-policy.js';
import { canonicalJson } from '../../src/cache/canonical-json.js';
import type { ChatRequest } from '../../src/core/chat/chat-request.js';
import type { CacheSettings } from '../../src/core/records/cache.js';

const request: ChatRequest = {
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hello' },
  ],
  params: { maxTokens: 100, temperature: 0.2 },
};

describe('response cache key', () => {
  it('is the same for the same request whatever the order of its fields, its request id or its token count', () => {
    const reordered: ChatRequest = {
      params: { temperature: 0.2, maxTokens: 100 },
      messages: request.messages,
      requestId: 'r-1',
      promptTokens: 9,
    };
    expect(chatCacheKey('shared', 'model:a', reordered)).toBe(chatCacheKey('shared', 'model:a', request));
    expect(canonicalJson({ b: 1, a: [1, { d: undefined, c: 2 }] })).toBe('{"a":[1,{"c":2}],"b":1}');
  });

  it('differs with the scope, the target, a message, a parameter, the tools or the response format', () => {
    const key = chatCacheKey(scopeOf('key', 'k1'), 'model:a', request);
    const others = [
      chatCacheKey(scopeOf('key', 'k2'), 'model:a', request),
      chatCacheKey(scopeOf('shared', 'k1'), 'model:a', request),
      chatCacheKey(scopeOf('key', 'k1'), 'pool:a', request),
      chatCacheKey(scopeOf('key', 'k1'), 'model:a', { ...request, messages: [...request.messages, { role: 'user', content: 'more' }] }),
      chatCacheKey(scopeOf('key', 'k1'), 'model:a', { ...request, params: { ...request.params, temperature: 0.3 } }),
      chatCacheKey(scopeOf('key', 'k1'), 'model:a', { ...request, tools: [{ name: 't', parameters: { type: 'object' } }] }),
      chatCacheKey(scopeOf('key', 'k1'), 'model:a', { ...request, responseFormat: { type: 'json_object' } }),
      embeddingCacheKey(scopeOf('key', 'k1'), 'model:a', ['Hello'], undefined),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
    expect(scopeOf('key', null)).toBe('key:local');
  });
});

describe('decideCaching', () => {
  const exact: CacheSettings = { mode: 'exact', ttlSeconds: 300, scope: 'key' };
  const off: CacheSettings = { ...exact, mode: 'off' };

  it('looks up and stores within the TTL when the cache is on', () => {
    expect(decideCaching(exact, {})).toEqual({ maxAgeMs: 300_000, ttlMs: 300_000, scope: 'key' });
  });

  it('does nothing when off, unless max-age asks; then it keeps the answer at least that long', () => {
    expect(decideCaching(off, {})).toBeUndefined();
    expect(decideCaching(off, { maxAgeSeconds: 600 })).toEqual({ maxAgeMs: 600_000, ttlMs: 600_000, scope: 'key' });
    expect(decideCaching(exact, { maxAgeSeconds: 10 })).toEqual({ maxAgeMs: 10_000, ttlMs: 300_000, scope: 'key' });
  });

  it('skips the lookup for no-cache and max-age=0 but stores; no-store wins over everything', () => {
    expect(decideCaching(exact, { noCache: true })).toEqual({ maxAgeMs: null, ttlMs: 300_000, scope: 'key' });
    expect(decideCaching(exact, { maxAgeSeconds: 0 })?.maxAgeMs).toBeNull();
    // max-age=0 on a gateway whose cache is off turns nothing on (HTTP stacks send it by default).
    expect(decideCaching(off, { maxAgeSeconds: 0 })).toBeUndefined();
    expect(decideCaching(exact, { noStore: true, maxAgeSeconds: 60 })).toBeUndefined();
  });
});

describe('strictestSettings (a pool)', () => {
  const gateway: CacheSettings = { mode: 'exact', ttlSeconds: 300, scope: 'shared' };
  it("takes the strictest of its members' settings: off over exact, key over shared, the shortest TTL", () => {
    expect(strictestSettings(gateway, [null, { ttlSeconds: 60 }])).toEqual({ mode: 'exact', ttlSeconds: 60, scope: 'shared' });
    expect(strictestSettings(gateway, [null, { scope: 'key' }])).toMatchObject({ scope: 'key' });
    expect(strictestSettings(gateway, [{ mode: 'off' }, null])).toMatchObject({ mode: 'off' });
    expect(strictestSettings(gateway, [])).toEqual(gateway);
  });
});
