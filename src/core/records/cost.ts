/** Cost reports: requests, tokens, failures and cost of stored generations, grouped. */

export const COST_GROUPS = ['MODEL', 'PROVIDER', 'POOL', 'SESSION', 'API_KEY', 'DAY'] as const;
export type CostGroupBy = (typeof COST_GROUPS)[number];

export interface CostFilter {
  readonly since?: Date | null;
  readonly until?: Date | null;
  readonly modelId?: string | null;
  readonly provider?: string | null;
  /** Only this key's generations (a client key is always held to its own). */
  readonly apiKeyId?: string | null;
  /** Only requests that targeted this pool. */
  readonly poolName?: string | null;
}

export interface CostRow {
  /** The group's value (model id, provider, pool, session id, key id or YYYY-MM-DD); null for generations without one. */
  readonly key: string | null;
  readonly requests: number;
  readonly failures: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** The cost of the generations whose cost is known. */
  readonly costMicroUsd: number;
  /** Generations whose cost is unknown (null: no price in the config or the catalog), left out of costMicroUsd. */
  readonly unpricedRequests: number;
  /** Generations answered from the response cache (cost 0). */
  readonly cachedRequests: number;
  /** What those cache hits saved: the cost of the answers they replayed. */
  readonly savedMicroUsd: number;
}

export interface CostReport {
  readonly groups: CostRow[];
  readonly totals: CostRow;
}

/** The width of a cost series' time buckets (UTC). */
export const COST_INTERVALS = ['HOUR', 'DAY'] as const;
export type CostInterval = (typeof COST_INTERVALS)[number];

/** One group's figures over one time bucket. */
export interface CostPoint extends CostRow {
  /** The bucket's start (UTC hour or day). */
  readonly start: Date;
}
