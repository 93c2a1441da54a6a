import type { ResponseCache } from '../core/ports/response-cache.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { CacheDecision } from './cache-policy.js';
import { type CachedAnswer, parseAnswer, serializeAnswer } from './cached-answer.js';

/** One request's use of the cache: its key and what the policy decided (see decideCaching). */
export interface CachePlan extends CacheDecision {
  readonly key: string;
  /**
   * The output limit the key was taken with (before a budget or cost limit fitted it): an answer
   * made under a lower limit may have been cut short by it, so it is not kept for callers without one.
   */
  readonly maxTokens?: number;
}

/** What the answer cache needs: the store, the lookups counter, the logger. */
export interface AnswerCacheDeps {
  readonly store: ResponseCache;
  readonly metrics: Pick<Metrics, 'cacheLookups'>;
  readonly logger: Pick<Logger, 'warn'>;
  /**
   * The largest answer kept, in characters of its stored form (default: no bound). Bounds what one
   * answer takes of the store — Redis too, which `cache.maxBytes` does not otherwise bound — and
   * the work of reading it back on every hit.
   */
  readonly maxEntryChars?: number;
}

/**
 * The response cache as the services use it: typed answers over the store's payloads, every
 * lookup counted (`switchyard_cache_lookups_total{result}`), and a store that fails (a Redis
 * away) a miss or nothing kept — never a failed request.
 */
export class AnswerCache {
  constructor(private readonly deps: AnswerCacheDeps) {}

  /** The stored answer for the plan's key, no older than its max age; undefined (a miss) otherwise. */
  async find<K extends CachedAnswer['kind']>(plan: CachePlan, kind: K): Promise<Extract<CachedAnswer, { kind: K }> | undefined> {
    if (plan.maxAgeMs === null) return undefined;
    let answer: CachedAnswer | undefined;
    try {
      const entry = await this.deps.store.lookup(plan.key, plan.maxAgeMs);
      answer = entry && parseAnswer(entry.payload);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'response cache: lookup failed; asking upstream');
    }
    const hit = answer?.kind === kind ? (answer as Extract<CachedAnswer, { kind: K }>) : undefined;
    this.deps.metrics.cacheLookups.inc({ result: hit ? 'hit' : 'miss' });
    return hit;
  }

  /** Keeps an answer for the plan's TTL (when the plan stores at all). */
  async keep(plan: CachePlan, answer: CachedAnswer): Promise<void> {
    if (plan.ttlMs === null) return;
    try {
      const payload = serializeAnswer(answer);
      if (this.deps.maxEntryChars !== undefined && payload.length > this.deps.maxEntryChars) return;
      await this.deps.store.store(plan.key, payload, plan.ttlMs);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'response cache: storing an answer failed');
    }
  }
}
