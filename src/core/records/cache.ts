/** The response cache's modes (SPEC §17): `off`, or `exact` (an answer is served again for the very same normalized request). */
export const CACHE_MODES = ['off', 'exact'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/** Whose answers a request may be served: its own API key's (`key`), or any caller's (`shared`). */
export const CACHE_SCOPES = ['key', 'shared'] as const;
export type CacheScope = (typeof CACHE_SCOPES)[number];

/** How a model or the gateway caches answers. */
export interface CacheSettings {
  readonly mode: CacheMode;
  /** How long an answer is kept and served. */
  readonly ttlSeconds: number;
  readonly scope: CacheScope;
}

/** A model's own cache settings: each unset field is the gateway's (config `cache:`). */
export interface StoredModelCache {
  mode?: CacheMode;
  ttlSeconds?: number;
  scope?: CacheScope;
}

/**
 * What one request asks of the cache, in HTTP's words (`cache-control` on /v1, GraphQL's `cache`
 * argument): `maxAgeSeconds` takes an answer up to that old and stores its own even when the
 * cache is off; `noCache` asks upstream afresh (the new answer is stored); `noStore` keeps
 * nothing and serves nothing.
 */
export interface CacheControl {
  readonly maxAgeSeconds?: number;
  readonly noCache?: boolean;
  readonly noStore?: boolean;
}
