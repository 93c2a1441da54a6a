import { CACHE_MODES, CACHE_SCOPES, type StoredModelCache } from '../../core/records/cache.js';
import { builder } from '../../graphql/builder.js';
import { screamingEnumValues } from '../../graphql/enums.js';

export const CacheModeEnum = builder.enumType('CacheMode', {
  description: 'The response cache: OFF, or EXACT (the very same normalized request is answered from the cache).',
  values: screamingEnumValues(CACHE_MODES),
});

export const CacheScopeEnum = builder.enumType('CacheScope', {
  description: "Whose answers a request may be served: its own API key's (KEY), or any caller's (SHARED).",
  values: screamingEnumValues(CACHE_SCOPES),
});

export const ModelCacheRef = builder.objectRef<Readonly<StoredModelCache>>('ModelCache').implement({
  description: "A model's own response cache settings; a null field is the gateway's (config cache:).",
  fields: (t) => ({
    mode: t.field({ type: CacheModeEnum, nullable: true, resolve: (c) => c.mode ?? null }),
    ttlSeconds: t.int({ nullable: true, resolve: (c) => c.ttlSeconds ?? null }),
    scope: t.field({ type: CacheScopeEnum, nullable: true, resolve: (c) => c.scope ?? null }),
  }),
});

export const ModelCacheInput = builder.inputType('ModelCacheInput', {
  description: "A model's response cache settings; a field left out is the gateway's (config cache:).",
  fields: (t) => ({
    mode: t.field({ type: CacheModeEnum }),
    ttlSeconds: t.int({ description: 'How long an answer is kept and served, in seconds (1 to 2592000).' }),
    scope: t.field({ type: CacheScopeEnum }),
  }),
});
