import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { HOLD_TTL_MS, RedisBudgetStore } from '../../src/redis/redis-budget-store.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { REDIS_URL, redisPrefix, redisReachable } from '../helpers/redis.js';
import { RedisRateStore } from '../../src/redis/redis-rate-store.js';
import { RedisStickyStore } from '../../src/redis/redis-sticky-store.js';
import { budgetStoreContract, rateStoreContract, stickyStoreContract } from './store-contracts.js';

const redis = await redisReachable();
/** A database that answers sums only (no recent generations listed). */
const sums = (spentSince: (keyId: string, since: Date) => Promise<number>) => async (keyId: string, day: Date, month: Date) => ({
  day: await spentSince(keyId, day),
  month: await spentSince(keyId, month),
  recent: [],
});
const clockAt = () => new ManualClock(Date.UTC(2026, 11, 1, 12));
const client = redis ? new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }) : undefined;
afterAll(() => client?.disconnect());

describe.skipIf(!redis)('RedisRateStore (RateStore, shared)', () => {
  rateStoreContract((clock) => new RedisRateStore(client as Redis, redisPrefix(), clock, false, () => undefined), clockAt);

  it('should follow failOpen when Redis does not answer', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    dead.on('error', () => undefined);
    const unavailable: unknown[] = [];
    const open = new RedisRateStore(dead, redisPrefix(), clockAt(), true, (e) => unavailable.push(e));
    const closed = new RedisRateStore(dead, redisPrefix(), clockAt(), false, (e) => unavailable.push(e));
    expect((await open.tryReserve('k', { requestsPerMinute: 1 }, 0)).ok).toBe(true);
    expect(await closed.tryReserve('k', { requestsPerMinute: 1 }, 0)).toEqual({ ok: false, retryAfterMs: 1_000 });
    expect(unavailable).toHaveLength(2);
    dead.disconnect();
  });
});

describe.skipIf(!redis)('RedisBudgetStore (BudgetStore, shared)', () => {
  budgetStoreContract((clock, spentSince) => new RedisBudgetStore(client as Redis, redisPrefix(), sums(spentSince), clock), clockAt);

  it('should let two instances’ stores hold no more than the budget between them', async () => {
    const prefix = redisPrefix();
    const clock = clockAt();
    const stores = [1, 2].map(
      () =>
        new RedisBudgetStore(
          new Redis(REDIS_URL, { maxRetriesPerRequest: 1 }),
          prefix,
          sums(async () => 0),
          clock,
        ),
    );
    const budget = { dailyMicroUsd: 100, monthlyMicroUsd: null };
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => (stores[i % 2] as RedisBudgetStore).tryReserve('shared', budget, 10)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    for (const store of stores) (store as unknown as { redis: Redis }).redis.disconnect();
  });

  it('should count a generation settled while the counter loads, when the database snapshot missed it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store = new RedisBudgetStore(
      client as Redis,
      redisPrefix(),
      async () => {
        await gate;
        return { day: 100, month: 100, recent: [] }; // g1 was committed after this snapshot
      },
      clockAt(),
    );
    const budget = { dailyMicroUsd: 1_000, monthlyMicroUsd: null };
    const loading = store.status('k', budget); // finds no counter, reads the database…
    store.record('k', 40, 'g1'); // …while g1 settles: no counter yet (one connection: Redis runs it before the load's script)
    release();
    expect(await loading).toMatchObject({ spentTodayMicroUsd: 140 });
  });

  it('should not count twice a generation the load’s snapshot included and that settles after it', async () => {
    const store = new RedisBudgetStore(client as Redis, redisPrefix(), async () => ({ day: 140, month: 140, recent: ['g2'] }), clockAt());
    const budget = { dailyMicroUsd: 1_000, monthlyMicroUsd: null };
    expect(await store.status('k', budget)).toMatchObject({ spentTodayMicroUsd: 140 });
    store.record('k', 40, 'g2'); // already in the snapshot's sum
    store.record('k', 10, 'g3'); // not in it
    await expect.poll(async () => (await store.status('k', budget)).spentTodayMicroUsd).toBe(150);
  });

  it('should let the holds of an instance that died expire', async () => {
    const clock = clockAt();
    const store = new RedisBudgetStore(
      client as Redis,
      redisPrefix(),
      sums(async () => 0),
      clock,
    );
    const budget = { dailyMicroUsd: 100, monthlyMicroUsd: null };
    expect((await store.tryReserve('k', budget, 100)).ok).toBe(true); // never settled
    expect((await store.tryReserve('k', budget, 1)).ok).toBe(false);
    clock.advance(HOLD_TTL_MS + 1);
    expect(await store.status('k', budget)).toMatchObject({ reservedMicroUsd: 0, remainingMicroUsd: 100 });
  });

  it('should reject when Redis does not answer (the caller refuses: budgets fail closed)', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    dead.on('error', () => undefined);
    const store = new RedisBudgetStore(
      dead,
      redisPrefix(),
      sums(async () => 0),
      clockAt(),
    );
    await expect(store.tryReserve('k', { dailyMicroUsd: 100, monthlyMicroUsd: null }, 1)).rejects.toThrow();
    dead.disconnect();
  });
});

describe.skipIf(!redis)('RedisStickyStore (StickyStore, shared)', () => {
  stickyStoreContract(() => new RedisStickyStore(client as Redis, redisPrefix()));

  it('should let a second instance read the member the first remembered, with the TTL in Redis', async () => {
    const prefix = redisPrefix();
    const other = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const [one, two] = [new RedisStickyStore(client as Redis, prefix), new RedisStickyStore(other, prefix)];
    await one.remember('pool:prefix:abc', 'model-2', 30_000);
    expect(await two.member('pool:prefix:abc')).toBe('model-2');
    const ttl = await other.pttl(`${prefix}sticky:pool:prefix:abc`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
    other.disconnect();
  });

  it('should forget, not fail, when Redis does not answer', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    dead.on('error', () => undefined);
    const errors: unknown[] = [];
    const store = new RedisStickyStore(dead, redisPrefix(), (e) => errors.push(e));
    await store.remember('k', 'model-1', 1_000);
    expect(await store.member('k')).toBeUndefined();
    expect(errors).toHaveLength(2);
    dead.disconnect();
  });
});
