import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/cache/answer-cache.js';
import type { CachedChatAnswer } from '../../src/cache/cached-answer.js';
import { MemoryResponseCache } from '../../src/cache/memory-response-cache.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { RedisResponseCache } from '../../src/cache/redis-response-cache.js';
import type { ResponseCache } from '../../src/core/ports/response-cache.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { REDIS_URL, redisPrefix, redisReachable } from '../helpers/redis.js';

/** The ResponseCache port, against each implementation: what is stored is served within its max age and TTL, and only under its key. */
function responseCacheContract(make: (clock: ManualClock) => ResponseCache) {
  it('serves a stored payload under its own key only, within the max age asked', async () => {
    const clock = new ManualClock(Date.UTC(2026, 11, 6, 12));
    const cache = make(clock);
    await cache.store('chat:a', '{"answer":1}', 60_000);
    expect(await cache.lookup('chat:b', 60_000)).toBeUndefined();
    expect(await cache.lookup('chat:a', 60_000)).toEqual({ payload: '{"answer":1}', storedAt: clock.now() });
    clock.advance(10_000);
    expect(await cache.lookup('chat:a', 9_999)).toBeUndefined();
    expect((await cache.lookup('chat:a', 10_000))?.payload).toBe('{"answer":1}');
  });

  it('replaces an entry stored again under the same key', async () => {
    const clock = new ManualClock(Date.UTC(2026, 11, 6, 12));
    const cache = make(clock);
    await cache.store('k', 'old', 60_000);
    clock.advance(5_000);
    await cache.store('k', 'new', 60_000);
    expect(await cache.lookup('k', 1_000)).toEqual({ payload: 'new', storedAt: clock.now() });
  });
}

describe('MemoryResponseCache (ResponseCache, in process)', () => {
  responseCacheContract((clock) => new MemoryResponseCache(1_000_000, () => clock.now()));

  it('expires an entry at its TTL', async () => {
    const clock = new ManualClock();
    const cache = new MemoryResponseCache(1_000_000, () => clock.now());
    await cache.store('k', 'v', 1_000);
    clock.advance(1_001);
    expect(await cache.lookup('k', 60_000)).toBeUndefined();
  });

  it('stays within its byte budget, letting the least recently used entries go first', async () => {
    const clock = new ManualClock();
    const budget = 50_000;
    const cache = new MemoryResponseCache(budget, () => clock.now());
    const payload = 'x'.repeat(4_000); // about 8 KB each
    for (let i = 0; i < 20; i++) {
      await cache.store(`k${i}`, payload, 60_000);
      if (i === 10) await cache.lookup('k5', 60_000); // k5 used again: kept longer than its neighbours
      expect(cache.sizeBytes).toBeLessThanOrEqual(budget);
    }
    expect(await cache.lookup('k19', 60_000)).toBeDefined();
    expect(await cache.lookup('k0', 60_000)).toBeUndefined();
    expect(cache.sizeBytes).toBeGreaterThan(budget / 2);
    // One entry larger than the whole budget is not kept.
    await cache.store('huge', 'y'.repeat(budget), 60_000);
    expect(await cache.lookup('huge', 60_000)).toBeUndefined();
  });
});

const redis = await redisReachable();
const client = redis ? new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }) : undefined;
afterAll(() => client?.disconnect());

describe.skipIf(!redis)('RedisResponseCache (ResponseCache, shared)', () => {
  responseCacheContract((clock) => new RedisResponseCache(client as Redis, redisPrefix(), () => clock.now()));

  it('lets Redis expire an entry at its TTL, and shares entries between instances under one prefix', async () => {
    const prefix = redisPrefix();
    const now = () => Date.now();
    const one = new RedisResponseCache(client as Redis, prefix, now);
    const otherClient = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const other = new RedisResponseCache(otherClient, prefix, now);
    await one.store('k', 'shared answer', 60_000);
    expect((await other.lookup('k', 60_000))?.payload).toBe('shared answer');
    const ttl = await (client as Redis).pttl(`${prefix}cache:k`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await new RedisResponseCache(client as Redis, redisPrefix(), now).lookup('k', 60_000)).toBeUndefined();
    otherClient.disconnect();
  });
});

describe('AnswerCache (typed answers over a store)', () => {
  it('keeps no answer larger than its entry bound, in any store, and serves one within it', async () => {
    const clock = new ManualClock();
    const store = new MemoryResponseCache(10_000_000, () => clock.now());
    const cache = new AnswerCache({ store, metrics: createMetrics(() => []), logger: { warn: () => undefined }, maxEntryChars: 2_000 });
    const plan = { key: 'k', maxAgeMs: 60_000, ttlMs: 60_000, scope: 'key' as const };
    const answer = (text: string): CachedChatAnswer => ({
      kind: 'chat',
      modelId: 'mock-a',
      text,
      toolCalls: [],
      reasoning: [],
      finishReason: 'stop',
      usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false },
      costMicroUsd: 1,
    });
    await cache.keep(plan, answer('x'.repeat(5_000)));
    expect(await cache.find(plan, 'chat')).toBeUndefined();
    await cache.keep(plan, answer('small'));
    expect((await cache.find(plan, 'chat'))?.text).toBe('small');
  });
});
