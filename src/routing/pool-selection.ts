import type { PoolMember, PoolStrategy } from '../core/records/pool.js';
import { BoundedMap } from '../util/bounded-map.js';
import { CIRCUITS_KEPT } from './in-process-stores.js';

export interface SelectionContext {
  /** Uniform in [0, 1). */
  readonly random: () => number;
  /** The pool's round-robin turn (incremented per request by the caller). */
  readonly turn: number;
  /** Recent latency of a model in ms (EWMA); undefined when it has none yet. */
  readonly latency: (modelId: string) => number | undefined;
}

/**
 * The order in which a pool's members are tried for one request: the first is the strategy's
 * pick, the others follow (a retry moves to the next member before reusing one). Members with
 * weight 0 or not eligible (unhealthy, circuit open, rate-limited) are left out.
 * - WEIGHTED: sampled by weight without replacement.
 * - ROUND_ROBIN: the eligible members in order, rotated by the pool's turn.
 * - LEAST_LATENCY: fastest first; members without measurements first of all (to measure them).
 */
export function orderPoolMembers(
  members: readonly PoolMember[],
  strategy: PoolStrategy,
  eligible: (modelId: string) => boolean,
  ctx: SelectionContext,
): string[] {
  const live = members.filter((m) => m.weight > 0 && eligible(m.modelId));
  if (strategy === 'ROUND_ROBIN') {
    if (live.length === 0) return [];
    const start = ((ctx.turn % live.length) + live.length) % live.length;
    return [...live.slice(start), ...live.slice(0, start)].map((m) => m.modelId);
  }
  if (strategy === 'LEAST_LATENCY') {
    const key = (m: PoolMember) => ctx.latency(m.modelId) ?? -1;
    return [...live].sort((a, b) => key(a) - key(b)).map((m) => m.modelId);
  }
  const order: string[] = [];
  const left = [...live];
  while (left.length > 0) {
    const total = left.reduce((sum, m) => sum + m.weight, 0);
    let point = ctx.random() * total;
    let index = left.findIndex((m) => {
      point -= m.weight;
      return point < 0;
    });
    if (index === -1) index = left.length - 1;
    order.push((left[index] as PoolMember).modelId);
    left.splice(index, 1);
  }
  return order;
}

/** Exponentially weighted moving average of latency per model (recent traffic counts most). */
export class LatencyTracker {
  /** Bounded like the circuits (names served by wildcards are the callers' choice). */
  readonly #values = new BoundedMap<string, number>(CIRCUITS_KEPT);

  constructor(private readonly alpha = 0.3) {}

  record(modelId: string, latencyMs: number): void {
    const previous = this.#values.get(modelId);
    this.#values.set(modelId, previous === undefined ? latencyMs : previous + this.alpha * (latencyMs - previous));
  }

  get(modelId: string): number | undefined {
    return this.#values.get(modelId);
  }
}
