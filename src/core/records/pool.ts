import type { StoredRetry } from './model.js';

export const POOL_STRATEGIES = ['WEIGHTED', 'ROUND_ROBIN', 'LEAST_LATENCY'] as const;
export type PoolStrategy = (typeof POOL_STRATEGIES)[number];

export interface PoolMember {
  readonly modelId: string;
  /** Share of traffic (WEIGHTED); 0 drains the member: it is never picked. */
  readonly weight: number;
}

/** How long a sticky pool remembers a key's member after its last turn, when the pool does not say. */
export const DEFAULT_STICKY_TTL_SECONDS = 3600;

/** A pool as every layer sees it (SPEC §5): plain and immutable. */
export interface PoolRecord {
  readonly name: string;
  readonly strategy: PoolStrategy;
  readonly members: readonly PoolMember[];
  readonly retry: Readonly<StoredRetry>;
  /**
   * Sticky (cache-aware) routing: a request whose stickiness key (its session, else its end user,
   * else its conversation's prefix) was served by a member goes back to that member while it is
   * eligible, so the vendor's prompt cache stays warm. See routing/sticky-routing.ts.
   */
  readonly sticky: boolean;
  /** How long a key stays with its member after its last turn; null: DEFAULT_STICKY_TTL_SECONDS. */
  readonly stickyTtlSeconds: number | null;
  readonly source: 'CONFIG' | 'API';
  readonly updatedAt: Date;
}
