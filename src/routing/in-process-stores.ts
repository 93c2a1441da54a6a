import type { CircuitSnapshot, CircuitStore, RateResult, RateStore, WindowLimits, WindowUsage } from '../core/ports/stores.js';
import type { CircuitState } from '../core/records/model.js';
import { type BreakerConfig, CircuitBreaker } from './circuit-breaker.js';
import { SlidingWindowLimiter } from './rate-limiter.js';
import { BoundedMap } from '../util/bounded-map.js';

/**
 * Circuits kept at once. Names served by wildcard models each get their own, and callers choose
 * those names, so the least recently used is let go past this (it starts again CLOSED).
 */
export const CIRCUITS_KEPT = 4096;

/** The CircuitStore of one process: a CircuitBreaker per model, made on first use. */
export class InProcessCircuits implements CircuitStore {
  readonly #breakers = new BoundedMap<string, CircuitBreaker>(CIRCUITS_KEPT);

  constructor(
    private readonly config: BreakerConfig,
    private readonly now: () => number,
  ) {}

  #breaker(modelId: string): CircuitBreaker {
    let breaker = this.#breakers.get(modelId);
    if (!breaker) {
      breaker = new CircuitBreaker(this.config, this.now);
      this.#breakers.set(modelId, breaker);
    }
    return breaker;
  }

  isAvailable(modelId: string): boolean {
    return this.#breaker(modelId).isAvailable();
  }

  acquire(modelId: string): { granted: boolean; changedTo?: CircuitState } {
    const breaker = this.#breaker(modelId);
    const before = breaker.state;
    const granted = breaker.acquire();
    return breaker.state === before ? { granted } : { granted, changedTo: breaker.state };
  }

  record(modelId: string, success: boolean, latencyMs: number): CircuitState | undefined {
    return this.#breaker(modelId).record(success, latencyMs);
  }

  snapshot(modelId: string): CircuitSnapshot {
    return this.#breaker(modelId).snapshot();
  }

  adopt(modelId: string, state: CircuitState, at: number): void {
    this.#breaker(modelId).adopt(state, at);
  }

  releaseProbe(modelId: string): void {
    this.#breaker(modelId).releaseProbe();
  }
}

/** The RateStore of one process: a sliding window per key, made on first use. */
export class InProcessRates implements RateStore {
  readonly #limiters = new Map<string, SlidingWindowLimiter>();

  constructor(private readonly now: () => number) {}

  async tryReserve(key: string, limits: WindowLimits, tokens: number): Promise<RateResult> {
    let limiter = this.#limiters.get(key);
    if (!limiter) {
      limiter = new SlidingWindowLimiter(this.now);
      this.#limiters.set(key, limiter);
    }
    const result = limiter.tryReserve(limits, tokens);
    if (!result.ok) return result;
    let open = true;
    return {
      ok: true,
      reservation: {
        settle: (actual) => {
          if (!open) return;
          open = false;
          limiter.settle(result.reservation, actual);
        },
      },
    };
  }

  usage(key: string): Promise<WindowUsage> {
    return Promise.resolve(this.#limiters.get(key)?.usage() ?? { requests: 0, tokens: 0, resetMs: 0 });
  }
}
