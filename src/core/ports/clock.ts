/**
 * The gateway's one source of time. Everything that decides by time — circuit breakers, rate
 * windows, budget days, back-off waits, the health monitor, the key cache — reads it here, so
 * tests drive time (`test/helpers/manual-clock.ts`) instead of sleeping. Durations that are only
 * measured and reported (latency, time to first token) use `performance.now()` directly.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Calls `tick` every `ms` until the answer's `stop()`; never keeps the process alive. */
  every(ms: number, tick: () => void): { stop(): void };
}
