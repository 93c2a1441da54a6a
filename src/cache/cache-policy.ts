import type { CacheControl, CacheScope, CacheSettings, StoredModelCache } from '../core/records/cache.js';

/** What the cache does for one request; undefined: nothing (neither served from nor stored in the cache). */
export interface CacheDecision {
  /** The oldest answer it takes, in ms; null: it asks upstream whatever is stored. */
  readonly maxAgeMs: number | null;
  /** How long its own answer is kept, in ms; null: not stored. */
  readonly ttlMs: number | null;
  readonly scope: CacheScope;
}

/** The settings in force for a model: its own fields over the gateway's. */
export function effectiveSettings(gateway: CacheSettings, model: StoredModelCache | null | undefined): CacheSettings {
  return { ...gateway, ...model };
}

/**
 * The settings in force for a pool: the strictest of its members' — off if any member is off,
 * scope `key` if any member keeps answers per key, the shortest TTL — so that no member's answer
 * is kept or shared against its own settings by being reached through a pool.
 */
export function strictestSettings(gateway: CacheSettings, members: readonly (StoredModelCache | null | undefined)[]): CacheSettings {
  const all = members.map((member) => effectiveSettings(gateway, member));
  if (all.length === 0) return gateway;
  return {
    mode: all.some((s) => s.mode === 'off') ? 'off' : 'exact',
    scope: all.some((s) => s.scope === 'key') ? 'key' : 'shared',
    ttlSeconds: Math.min(...all.map((s) => s.ttlSeconds)),
  };
}

/**
 * The cache's decision for one request, from the settings in force and what the request asks
 * (see CacheControl): `no-store` wins; with the cache off, only a `max-age` above 0 turns it on for that
 * request; `no-cache` skips the lookup but stores; an answer is kept at least as long as the
 * `max-age` asked.
 */
export function decideCaching(settings: CacheSettings, control: CacheControl): CacheDecision | undefined {
  if (control.noStore) return undefined;
  const { maxAgeSeconds } = control;
  // max-age=0 (some HTTP stacks send it by default) asks for a fresh answer: it never turns a cache that is off on.
  if (settings.mode === 'off' && !maxAgeSeconds) return undefined;
  const maxAge = maxAgeSeconds ?? settings.ttlSeconds;
  return {
    maxAgeMs: control.noCache || maxAge <= 0 ? null : maxAge * 1000,
    ttlMs: Math.max(settings.ttlSeconds, maxAgeSeconds ?? 0) * 1000,
    scope: settings.scope,
  };
}
