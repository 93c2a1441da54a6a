import type { WindowLimits } from '../core/ports/stores.js';

/**
 * A sliding one-minute window of requests and tokens, kept in buckets of `bucketMs`. Tokens are
 * reserved at admission (prompt + maxTokens) and settled with the real usage afterwards, so a
 * burst cannot overrun the limit while its answers are still being generated.
 */

interface Bucket {
  start: number;
  requests: number;
  tokens: number;
}

export const WINDOW_MS = 60_000;

export class SlidingWindowLimiter {
  #buckets: Bucket[] = [];

  constructor(
    private readonly now: () => number,
    private readonly bucketMs = 1_000,
  ) {}

  /**
   * Reserves one request and `tokens` when both fit the limits: answers the reservation, or how
   * long to wait (ms) until enough of the window has passed.
   */
  tryReserve(
    limits: WindowLimits,
    tokens: number,
  ): { ok: true; reservation: { start: number; tokens: number } } | { ok: false; retryAfterMs: number } {
    const { requests, tokens: used } = this.#totals();
    const requestsFull = limits.requestsPerMinute !== undefined && requests + 1 > limits.requestsPerMinute;
    const tokensFull = limits.tokensPerMinute !== undefined && used + tokens > limits.tokensPerMinute && used > 0;
    if (requestsFull || tokensFull) {
      const oldest = this.#buckets[0];
      return { ok: false, retryAfterMs: oldest ? Math.max(1, oldest.start + this.bucketMs + WINDOW_MS - this.now()) : this.bucketMs };
    }
    const bucket = this.#current();
    bucket.requests++;
    bucket.tokens += tokens;
    return { ok: true, reservation: { start: bucket.start, tokens } };
  }

  /** Replaces a reservation's tokens with the tokens really used. */
  settle(reservation: { start: number; tokens: number }, actualTokens: number): void {
    const bucket = this.#buckets.find((b) => b.start === reservation.start);
    if (bucket) bucket.tokens = Math.max(0, bucket.tokens - reservation.tokens + actualTokens);
  }

  /** The requests and tokens in the window now, and when its oldest bucket leaves it. */
  usage(): { requests: number; tokens: number; resetMs: number } {
    const { requests, tokens } = this.#totals();
    const oldest = this.#buckets[0];
    return { requests, tokens, resetMs: oldest ? Math.max(0, oldest.start + this.bucketMs + WINDOW_MS - this.now()) : 0 };
  }

  #current(): Bucket {
    const start = Math.floor(this.now() / this.bucketMs) * this.bucketMs;
    const last = this.#buckets.at(-1);
    if (last?.start === start) return last;
    const bucket = { start, requests: 0, tokens: 0 };
    this.#buckets.push(bucket);
    return bucket;
  }

  #totals(): { requests: number; tokens: number } {
    const horizon = this.now() - WINDOW_MS;
    this.#buckets = this.#buckets.filter((b) => b.start + this.bucketMs > horizon);
    return this.#buckets.reduce((sum, b) => ({ requests: sum.requests + b.requests, tokens: sum.tokens + b.tokens }), {
      requests: 0,
      tokens: 0,
    });
  }
}
