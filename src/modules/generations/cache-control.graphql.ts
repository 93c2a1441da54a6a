import { MAX_CACHE_TTL_SECONDS } from '../../config/cache-definition.js';
import { InvalidInputError } from '../../core/errors.js';
import type { CacheControl } from '../../core/records/cache.js';
import { builder } from '../../graphql/builder.js';

export const CacheControlInput = builder.inputType('CacheControlInput', {
  description: "What one request asks of the response cache, with HTTP cache-control's meanings.",
  fields: (t) => ({
    maxAgeSeconds: t.int({
      description: 'Take a cached answer up to this many seconds old, and store this answer even when the cache is off (max-age).',
    }),
    noCache: t.boolean({ description: 'Ask upstream afresh; the new answer is stored (no-cache).' }),
    noStore: t.boolean({ description: 'Neither serve from nor store in the cache (no-store).' }),
  }),
});

/** The `cache` argument as the service takes it; a maxAgeSeconds out of range is refused naming `cache.maxAgeSeconds`. */
export function readCacheControl(
  input: { maxAgeSeconds?: number | null; noCache?: boolean | null; noStore?: boolean | null } | null | undefined,
): CacheControl {
  if (!input) return {};
  const { maxAgeSeconds, noCache, noStore } = input;
  if (maxAgeSeconds != null && !(maxAgeSeconds >= 0 && maxAgeSeconds <= MAX_CACHE_TTL_SECONDS))
    throw InvalidInputError.forField(
      'cache.maxAgeSeconds',
      `expected a whole number from 0 to ${MAX_CACHE_TTL_SECONDS}, got ${maxAgeSeconds}`,
    );
  return {
    ...(maxAgeSeconds != null ? { maxAgeSeconds } : {}),
    ...(noCache ? { noCache: true } : {}),
    ...(noStore ? { noStore: true } : {}),
  };
}
