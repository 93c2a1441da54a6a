/**
 * Where answers are kept for the response cache (SPEC §17): in process, bounded by bytes
 * (`src/cache/memory-response-cache.ts`), or in the Redis the instances share
 * (`src/cache/redis-response-cache.ts`). The store knows nothing of requests: it keeps opaque
 * payloads under the keys `src/cache/cache-key.ts` makes, each with the time it was stored and a
 * time to live.
 *
 * The `exact` strategy looks a key up as it is. A semantic strategy (a near-enough prompt answered
 * from the cache) is a later step: it would be a second port beside this one — an index from the
 * prompt's embedding to the keys of this store — so the stores stay as they are.
 */
export interface ResponseCache {
  /** The entry under `key`, if one is there and was stored no longer than `maxAgeMs` ago. */
  lookup(key: string, maxAgeMs: number): Promise<CacheEntry | undefined>;
  /** Keeps `payload` under `key` for `ttlMs` (replacing what was there). */
  store(key: string, payload: string, ttlMs: number): Promise<void>;
}

/** A stored answer: its serialized form (see `src/cache/cached-answer.ts`) and when it was stored. */
export interface CacheEntry {
  readonly payload: string;
  /** Milliseconds since the epoch. */
  readonly storedAt: number;
}
