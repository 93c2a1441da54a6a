import type { Redis } from 'ioredis';
import type { CacheEntry, ResponseCache } from '../core/ports/response-cache.js';

/**
 * The response cache the instances share: one Redis string per entry under
 * `<prefix>cache:<key>`, holding the time it was stored and the payload; Redis expires it at its
 * TTL (PX), so the memory Redis gives it is bounded by Redis's own maxmemory policy and the TTLs.
 * A Redis that does not answer fails the call: the caller treats that as a miss, or as nothing
 * stored.
 */
export class RedisResponseCache implements ResponseCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number,
  ) {}

  async lookup(key: string, maxAgeMs: number): Promise<CacheEntry | undefined> {
    const stored = await this.redis.get(this.#key(key));
    if (stored === null) return undefined;
    const separator = stored.indexOf(':');
    const storedAt = Number(stored.slice(0, separator));
    if (separator < 1 || !Number.isFinite(storedAt) || this.now() - storedAt > maxAgeMs) return undefined;
    return { storedAt, payload: stored.slice(separator + 1) };
  }

  async store(key: string, payload: string, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) return;
    await this.redis.set(this.#key(key), `${this.now()}:${payload}`, 'PX', Math.ceil(ttlMs));
  }

  #key(key: string): string {
    return `${this.prefix}cache:${key}`;
  }
}
