import type { StoredRetry } from './model.js';

export const POOL_STRATEGIES = ['WEIGHTED', 'ROUND_ROBIN', 'LEAST_LATENCY'] as const;
export type PoolStrategy = (typeof POOL_STRATEGIES)[number];

export interface PoolMember {
  readonly modelId: string;
  /** Share of traffic (WEIGHTED); 0 drains the member: it is never picked. */
  readonly weight: number;
}

/** A pool as every layer sees it (SPEC §5): plain and immutable. */
export interface PoolRecord {
  readonly name: string;
  readonly strategy: PoolStrategy;
  readonly members: readonly PoolMember[];
  readonly retry: Readonly<StoredRetry>;
  readonly source: 'CONFIG' | 'API';
  readonly updatedAt: Date;
}
