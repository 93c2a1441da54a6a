/** Cost reports: requests, tokens, failures and cost of stored generations, grouped. */

export const COST_GROUPS = ['MODEL', 'PROVIDER', 'SESSION', 'API_KEY', 'DAY'] as const;
export type CostGroupBy = (typeof COST_GROUPS)[number];

export interface CostFilter {
  readonly since?: Date | null;
  readonly until?: Date | null;
  readonly modelId?: string | null;
  readonly provider?: string | null;
  /** Only this key's generations (a client key is always held to its own). */
  readonly apiKeyId?: string | null;
}

export interface CostRow {
  /** The group's value (model id, provider, session id, key id or YYYY-MM-DD); null for generations without one. */
  readonly key: string | null;
  readonly requests: number;
  readonly failures: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costMicroUsd: number;
}

export interface CostReport {
  readonly groups: CostRow[];
  readonly totals: CostRow;
}
