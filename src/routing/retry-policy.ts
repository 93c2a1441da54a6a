import { type GatewayError, UpstreamError } from '../core/errors.js';

/** How a request is retried: attempts in all (first included), back-off bounds and the Retry-After cap. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A vendor's Retry-After longer than this is not waited for (the attempt moves on or fails). */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5_000, maxRetryAfterMs: 30_000 };

const NEVER_RETRIED = new Set([400, 401, 403, 404, 422]);

/**
 * Whether another attempt may succeed: connection errors, timeouts, 408, 409, 429, 5xx and 529 are
 * retried (the statuses `isRetryableStatus` accepts); 400, 401, 403, 404 and 422 never are, nor a
 * redirect; anything that is not an upstream failure (bad input, cost limit) is not.
 */
export function shouldRetry(error: GatewayError): boolean {
  if (!(error instanceof UpstreamError)) return false;
  if (error.status !== undefined && NEVER_RETRIED.has(error.status)) return false;
  return error.isRetryable;
}

/**
 * The wait before attempt `attempt` (2, 3, …): exponential back-off with full jitter, bounded
 * by `maxDelayMs`; a vendor's Retry-After is honoured (at least that long) when within the cap.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number, retryAfterMs?: number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 2));
  const jittered = Math.round(exponential / 2 + random() * (exponential / 2));
  if (retryAfterMs !== undefined && retryAfterMs <= policy.maxRetryAfterMs) return Math.max(jittered, retryAfterMs);
  return jittered;
}
