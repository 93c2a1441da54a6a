import { LRUCache } from 'lru-cache';
import type { StickyStore } from '../core/ports/stores.js';

/**
 * Stickiness keys kept at once in one process: callers choose them (a session, a user, a
 * conversation), so the least recently used is let go past this (its next turn is drawn afresh).
 * About 50k × ~300 bytes: some 15 MB at the most.
 */
export const STICKY_KEYS_KEPT = 50_000;

/** The StickyStore of one process: an LRU bounded by STICKY_KEYS_KEPT, each key with its own TTL on the gateway's clock. */
export class InProcessStickyStore implements StickyStore {
  readonly #members: LRUCache<string, string>;

  constructor(now: () => number, max = STICKY_KEYS_KEPT) {
    // ttlResolution 0: every read asks the clock (the default caches "now" for 1 ms on a real timer).
    this.#members = new LRUCache<string, string>({ max, perf: { now }, ttlResolution: 0 });
  }

  member(key: string): Promise<string | undefined> {
    return Promise.resolve(this.#members.get(key));
  }

  remember(key: string, modelId: string, ttlMs: number): Promise<void> {
    this.#members.set(key, modelId, { ttl: ttlMs });
    return Promise.resolve();
  }
}
