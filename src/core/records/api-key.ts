import type { Budget } from '../ports/stores.js';
import type { RequestLogMode } from './request-log.js';

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
  /** The request log's mode for this key's requests (over the model's and the gateway's); null: inherits. */
  readonly requestLog: RequestLogMode | null;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}
