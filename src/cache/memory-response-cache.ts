import { LRUCache } from 'lru-cache';
import type { CacheEntry, ResponseCache } from '../core/ports/response-cache.js';

/** What one entry is counted as besides its payload: the key, the timestamps, the LRU's own bookkeeping. */
const ENTRY_OVERHEAD_BYTES = 200;

/**
 * The response cache of one process: an LRU bounded by the bytes its entries take (UTF-16 code
 * units counted as 2 bytes, the way V8 holds most strings), the least recently used let go first;
 * each entry expires at its own TTL. An entry larger than the whole budget is not kept.
 */
export class MemoryResponseCache implements ResponseCache {
  readonly #entries: LRUCache<string, CacheEntry>;

  constructor(
    maxBytes: number,
    private readonly now: () => number,
  ) {
    this.#entries = new LRUCache<string, CacheEntry>({
      maxSize: maxBytes,
      sizeCalculation: (entry, key) => (entry.payload.length + key.length) * 2 + ENTRY_OVERHEAD_BYTES,
      ttlAutopurge: false,
      perf: { now },
    });
  }

  lookup(key: string, maxAgeMs: number): Promise<CacheEntry | undefined> {
    const entry = this.#entries.get(key);
    return Promise.resolve(entry && this.now() - entry.storedAt <= maxAgeMs ? entry : undefined);
  }

  store(key: string, payload: string, ttlMs: number): Promise<void> {
    if (ttlMs > 0) this.#entries.set(key, { payload, storedAt: this.now() }, { ttl: ttlMs });
    return Promise.resolve();
  }

  /** Bytes the entries take now (for tests and the bound's check). */
  get sizeBytes(): number {
    return this.#entries.calculatedSize;
  }
}
