import type { Budget } from '../ports/stores.js';

export const API_KEY_SCOPES = ['admin', 'client'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** An API key as the gateway shows it: never its secret, nor its hash. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly requestsPerMinute: number | null;
  readonly budget: Budget;
  /** The model ids, pool names and `prefix/*` patterns the key may use; null: every one. */
  readonly models: readonly string[] | null;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}
