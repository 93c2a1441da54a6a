import { MemoryResponseCache } from '../../cache/memory-response-cache.js';
import { RedisResponseCache } from '../../cache/redis-response-cache.js';
import type { ResponseCache } from '../../core/ports/response-cache.js';
import type { Config } from '../../config/config.js';
import type { Clock } from '../../core/ports/clock.js';
import type { BudgetStore, RateStore, StickyStore } from '../../core/ports/stores.js';
import { BudgetLedger } from '../../modules/budgets/budget-ledger.js';
import type { GenerationRepository } from '../../modules/generations/generation-repository.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import { RedisBudgetStore } from '../../redis/redis-budget-store.js';
import { redisProbeLock } from '../../redis/redis-probe-lock.js';
import { RedisRateStore } from '../../redis/redis-rate-store.js';
import { RedisStickyStore } from '../../redis/redis-sticky-store.js';
import { InProcessStickyStore } from '../../routing/in-process-sticky-store.js';
import { InProcessCircuits, InProcessRates } from '../../routing/in-process-stores.js';
import type { SharedRedis } from './shared-state.js';

/** How often, at most, a Redis that cannot check the rate limits is logged: one line per 10 s, not one per request. */
const UNCHECKED_LOG_EVERY_MS = 10_000;

/** Request and token windows per key and per model: in process, or in the Redis the instances share. */
export function createRateStore(redis: SharedRedis | undefined, deps: { clock: Clock; logger: Logger; metrics: Metrics }): RateStore {
  const { clock, logger, metrics } = deps;
  if (!redis) return new InProcessRates(() => clock.now());
  const failOpen = redis.rateLimitsFailOpen;
  let lastUncheckedLog = 0;
  return new RedisRateStore(redis.connections.publisher, redis.prefix, clock, failOpen, (error) => {
    metrics.limitsUnchecked.inc({ outcome: failOpen ? 'allowed' : 'refused' });
    if (clock.now() - lastUncheckedLog < UNCHECKED_LOG_EVERY_MS) return;
    lastUncheckedLog = clock.now();
    logger.warn(
      { err: error },
      failOpen
        ? 'redis: rate limits cannot be checked; requests go through unlimited (RATE_LIMITS_FAIL_OPEN=true)'
        : 'redis: rate limits cannot be checked; limited requests are refused (RATE_LIMITS_FAIL_OPEN=false)',
    );
  });
}

/** Circuits are per process; with Redis they adopt the other instances' changes (see follow-instances.ts). */
export function createCircuitStore(config: Config, clock: Clock): InProcessCircuits {
  return new InProcessCircuits(config.routing.circuitBreaker, () => clock.now());
}

/** With Redis, one instance probes an open circuit (the others wait the cool-down); in one process, no lock. */
export function createProbeLock(config: Config, redis: SharedRedis | undefined): ((modelId: string) => Promise<boolean>) | undefined {
  return redis ? redisProbeLock(redis.connections.publisher, redis.prefix, config.routing.circuitBreaker.coolDownMs) : undefined;
}

/** Budget spend and holds: in process (read from the stored generations), or in the Redis the instances share. */
export function createBudgetStore(redis: SharedRedis | undefined, generationRepository: GenerationRepository, clock: Clock): BudgetStore {
  return redis
    ? new RedisBudgetStore(
        redis.connections.publisher,
        redis.prefix,
        (keyId, day, month, recent) => generationRepository.spendSnapshot(keyId, day, month, recent),
        clock,
      )
    : new BudgetLedger((keyId, since) => generationRepository.spentSince(keyId, since), clock);
}

/** Sticky pools' members by stickiness key: in process, or in the Redis the instances share (so they agree). */
export function createStickyStore(redis: SharedRedis | undefined, deps: { clock: Clock; logger: Logger }): StickyStore {
  if (!redis) return new InProcessStickyStore(() => deps.clock.now());
  let lastLog = 0;
  return new RedisStickyStore(redis.connections.publisher, redis.prefix, (error) => {
    if (deps.clock.now() - lastLog < UNCHECKED_LOG_EVERY_MS) return;
    lastLog = deps.clock.now();
    deps.logger.warn({ err: error }, 'redis: sticky pools cannot read or remember members; their strategy picks meanwhile');
  });
}

/**
 * Where the response cache keeps answers: in process, bounded by `cache.maxBytes`, or in the Redis
 * the instances share (entries expire at their TTL there), so one instance's answer serves another's caller.
 */
export function createResponseCache(config: Config, redis: SharedRedis | undefined, clock: Clock): ResponseCache {
  const now = () => clock.now();
  return redis
    ? new RedisResponseCache(redis.connections.publisher, redis.prefix, now)
    : new MemoryResponseCache(config.cache.maxBytes, now);
}
