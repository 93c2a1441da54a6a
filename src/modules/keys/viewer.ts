import { ForbiddenError } from '../../core/errors.js';
import type { Budget } from '../../core/ports/stores.js';
import type { ApiKeyScope } from '../../core/records/api-key.js';
import type { RequestLogMode } from '../../core/records/request-log.js';

/**
 * Who is calling. `local`: local mode (no admin key configured), where an anonymous caller has
 * every scope; `key`: an authenticated API key.
 */
export interface Viewer {
  readonly kind: 'local' | 'key';
  readonly keyId: string | null;
  readonly scopes: readonly ApiKeyScope[];
  /** The key's own request limit per minute; null: none. */
  readonly requestsPerMinute: number | null;
  /** The key's spending budgets (none in local mode). */
  readonly budget: Budget;
  /** The model ids, pool names and `prefix/*` patterns the key may use; null: every one (see model-access.ts). */
  readonly models: readonly string[] | null;
  /** The key's request-log mode; null or absent: the model's, else the gateway's. */
  readonly requestLog?: RequestLogMode | null;
}

export const LOCAL_VIEWER: Viewer = Object.freeze({
  kind: 'local',
  keyId: null,
  scopes: ['admin', 'client'] as ApiKeyScope[],
  requestsPerMinute: null,
  budget: { dailyMicroUsd: null, monthlyMicroUsd: null },
  models: null,
});

/** `admin` may do everything a `client` may. */
export function hasScope(viewer: Viewer, scope: ApiKeyScope): boolean {
  return viewer.scopes.includes('admin') || viewer.scopes.includes(scope);
}

export function requireScope(viewer: Viewer, scope: ApiKeyScope, action: string): void {
  if (!hasScope(viewer, scope)) throw missingScopeError(action, scope);
}

/** FORBIDDEN for a caller without `scope`: every door (and every GraphQL field) says it the same way. */
export function missingScopeError(action: string, scope: ApiKeyScope): ForbiddenError {
  return new ForbiddenError(`${action} needs an API key with the ${scope} scope`, { details: { requiredScope: scope } });
}
