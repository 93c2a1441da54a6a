import type { IncomingMessage } from 'node:http';
import { MAX_CACHE_TTL_SECONDS } from '../config/cache-definition.js';
import { InvalidInputError } from '../core/errors.js';
import type { CacheControl } from '../core/records/cache.js';

/** The header every /v1 answer carries: `hit` when the answer came from the response cache, else `miss`. */
export const CACHE_STATUS_HEADER = 'x-switchyard-cache';
const CACHE_CONTROL_HEADER = 'cache-control';

/** `x-switchyard-cache: hit|miss`. */
export function cacheStatusHeader(cached: boolean): Record<string, string> {
  return { [CACHE_STATUS_HEADER]: cached ? 'hit' : 'miss' };
}

/**
 * The request's `cache-control` header (RFC 9111 request directives): `max-age=<seconds>`,
 * `no-cache`, `no-store`, comma-separated, case-insensitive; other directives are ignored, as
 * HTTP caches ignore the ones they do not implement. A malformed `max-age` is refused naming the header.
 */
export function cacheControlOf(req: IncomingMessage): CacheControl {
  const header = req.headers[CACHE_CONTROL_HEADER];
  if (header === undefined) return {};
  const control: { maxAgeSeconds?: number; noCache?: boolean; noStore?: boolean } = {};
  for (const directive of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', value] = directive.trim().toLowerCase().split('=', 2);
    if (name === 'no-cache') control.noCache = true;
    else if (name === 'no-store') control.noStore = true;
    else if (name === 'max-age') {
      const text = value?.replace(/^"(.*)"$/, '$1') ?? '';
      if (!/^\d{1,10}$/.test(text) || Number(text) > MAX_CACHE_TTL_SECONDS)
        throw InvalidInputError.forField(
          CACHE_CONTROL_HEADER,
          `max-age must be a whole number of seconds from 0 to ${MAX_CACHE_TTL_SECONDS}, like max-age=600; got ${JSON.stringify(directive.trim())}`,
        );
      control.maxAgeSeconds = Number(text);
    }
  }
  return control;
}
