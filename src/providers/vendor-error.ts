import { RateLimitedError, UpstreamError } from '../core/errors.js';
import { parseRetryAfter } from './retry-after.js';
import type { UpstreamResponse } from './http.js';

const MAX_MESSAGE = 300;
/** Shapes of vendor keys (OpenAI/Anthropic `sk-…`, Qianfan `bce-v3/…`) that a vendor may echo back. */
const KEY_SHAPES = /\b(?:sk|bce-v3)[-_/A-Za-z0-9*.]{4,}/gi;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A vendor message with anything that looks like a key (and the key itself, in any letter case:
 * a vendor may echo it upper-cased) replaced: messages never carry secrets.
 */
export function redactSecrets(message: string, apiKey?: string): string {
  const withoutKey = apiKey ? message.replace(new RegExp(escapeRegExp(apiKey), 'gi'), '[redacted]') : message;
  return withoutKey.replace(KEY_SHAPES, '[redacted]');
}

/**
 * Maps a vendor's HTTP error onto the gateway's codes: 429 → RATE_LIMITED (retryable, with the
 * vendor's Retry-After), 401/403 → a non-retryable UPSTREAM_ERROR about the key, 408/409/5xx/529
 * → retryable UPSTREAM_ERROR, other 4xx → non-retryable. `vendorMessage` is the message the
 * vendor's error body carried, if it could be read.
 */
export function upstreamHttpError(
  provider: string,
  response: Pick<UpstreamResponse, 'status' | 'headers'>,
  vendorMessage: string | undefined,
  apiKey?: string,
): UpstreamError {
  const { status } = response;
  const retryAfterMs = parseRetryAfter(response.headers);
  const detail = vendorMessage ? `: ${redactSecrets(vendorMessage, apiKey).slice(0, MAX_MESSAGE)}` : '';
  const base = { status, provider, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (status === 429) return new RateLimitedError(`${provider} rate-limited the request (429)${detail}`, base);
  if (status >= 300 && status < 400) {
    // undici follows no redirect: a 3xx means the baseUrl is not the API's (it will not change on a retry).
    const location = response.headers.location;
    const to = typeof location === 'string' ? ` to ${location.slice(0, 200)}` : '';
    return new UpstreamError(`${provider} answered ${status}, a redirect${to}; set the model's baseUrl to the API's own address`, {
      ...base,
      retryable: false,
      reason: 'redirect',
    });
  }
  if (status === 401 || status === 403) {
    return new UpstreamError(`${provider} rejected the API key (${status})${detail}`, { ...base, reason: 'auth' });
  }
  return new UpstreamError(`${provider} answered ${status}${detail}`, base);
}

/** How much of a vendor's error body is read (its message is in the first few hundred bytes). */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;
/** How much of a model list (GET /models, for health checks) is read. */
export const MAX_LIST_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Reads at most `maxBytes` of a body as JSON, else as bounded text, never failing: a body that
 * cannot be read (or is cut mid-JSON) is just absent or text.
 */
export async function readBody(response: UpstreamResponse, maxBytes = MAX_ERROR_BODY_BYTES): Promise<unknown> {
  try {
    const text = await response.text(maxBytes);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text.slice(0, MAX_MESSAGE);
    }
  } catch {
    return undefined;
  }
}
