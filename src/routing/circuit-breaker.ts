import type { CircuitSnapshot } from '../core/ports/stores.js';
import type { CircuitState } from '../core/records/model.js';

/** When a model's circuit opens and how it recovers. */
export interface BreakerConfig {
  /** The rolling window the error rate and latency are measured over. */
  readonly windowMs: number;
  /** How many time buckets the window is kept in. */
  readonly buckets: number;
  /** Opens when failures / requests in the window pass this (0.05 = 5%)… */
  readonly errorRateThreshold: number;
  /** …once the window holds at least this many requests. */
  readonly minRequests: number;
  /** Also opens when the mean latency in the window stays above this (with minRequests); null: never. */
  readonly latencyThresholdMs: number | null;
  /** How long an open circuit stays open before one probe request is let through. */
  readonly coolDownMs: number;
}

export const DEFAULT_BREAKER: BreakerConfig = {
  windowMs: 60_000,
  buckets: 10,
  errorRateThreshold: 0.05,
  minRequests: 20,
  latencyThresholdMs: null,
  coolDownMs: 30_000,
};

interface Bucket {
  start: number;
  successes: number;
  failures: number;
  latencyMs: number;
}

/**
 * A per-model circuit breaker: CLOSED counts outcomes in a time-bucketed rolling window and opens
 * on too high an error rate (or latency); OPEN refuses until the cool-down ends; then HALF_OPEN
 * lets exactly one probe through, whose outcome closes it (a fresh window) or opens it again.
 * Time comes from `now`, so transitions are exact in tests.
 */
export class CircuitBreaker {
  #state: CircuitState = 'CLOSED';
  #buckets: Bucket[] = [];
  #openedAt: number | null = null;
  #probeInFlight = false;
  /** When another instance's probe (adopted as HALF_OPEN) is given up on: it may have died with it. */
  #adoptedProbeUntil: number | null = null;

  constructor(
    private readonly config: BreakerConfig,
    private readonly now: () => number,
  ) {}

  get state(): CircuitState {
    return this.#state;
  }

  /** Whether a request could go through now (without taking the half-open probe). */
  isAvailable(): boolean {
    this.#expireAdoptedProbe();
    if (this.#state === 'CLOSED') return true;
    if (this.#state === 'OPEN') return this.now() >= (this.#openedAt ?? 0) + this.config.coolDownMs;
    return !this.#probeInFlight;
  }

  /**
   * Takes permission for one request: always in CLOSED; after the cool-down, the single probe
   * (moving OPEN → HALF_OPEN). Answers false when the request must not be sent.
   */
  acquire(): boolean {
    if (this.#state === 'CLOSED') return true;
    if (!this.isAvailable()) return false;
    this.#state = 'HALF_OPEN';
    this.#probeInFlight = true;
    this.#adoptedProbeUntil = null; // the probe is this breaker's own now
    return true;
  }

  /** Records an outcome; answers the new state when it changed. */
  record(success: boolean, latencyMs: number): CircuitState | undefined {
    const before = this.#state;
    if (this.#state === 'HALF_OPEN') {
      this.#probeInFlight = false;
      this.#adoptedProbeUntil = null;
      if (success) this.#close();
      else this.#open();
      return this.#state !== before ? this.#state : undefined;
    }
    if (this.#state === 'OPEN') return undefined; // a request that started before it opened
    const bucket = this.#currentBucket();
    if (success) bucket.successes++;
    else bucket.failures++;
    bucket.latencyMs += latencyMs;
    const { requests, errorRate, meanLatencyMs } = this.#totals();
    const tooManyErrors = requests >= this.config.minRequests && errorRate > this.config.errorRateThreshold;
    const tooSlow =
      this.config.latencyThresholdMs !== null && requests >= this.config.minRequests && meanLatencyMs > this.config.latencyThresholdMs;
    if (tooManyErrors || tooSlow) this.#open();
    return this.#state !== before ? this.#state : undefined;
  }

  /**
   * The probe ended without an outcome (its caller cancelled it): back to OPEN, cooled down, so
   * the next request probes. A no-op when no probe is in flight.
   */
  releaseProbe(): void {
    if (this.#state !== 'HALF_OPEN' || !this.#probeInFlight) return;
    this.#state = 'OPEN';
    this.#probeInFlight = false;
    this.#openedAt = this.now() - this.config.coolDownMs;
  }

  /**
   * Takes the state another instance's breaker of the same model moved to (at `at`): OPEN from
   * then (refusing until its cool-down ends), HALF_OPEN with the other's probe in flight (refusing
   * until it settles), CLOSED with a fresh window.
   */
  adopt(state: CircuitState, at: number): void {
    if (state === 'OPEN') {
      this.#state = 'OPEN';
      this.#openedAt = Math.max(at, this.#openedAt ?? 0);
      this.#probeInFlight = false;
    } else if (state === 'HALF_OPEN') {
      this.#state = 'HALF_OPEN';
      this.#probeInFlight = true;
      // Its outcome should arrive well within a cool-down; if it never does (the prober died), this
      // breaker takes the probe itself.
      this.#adoptedProbeUntil = at + this.config.coolDownMs;
      return;
    } else this.#close();
    this.#adoptedProbeUntil = null;
  }

  #expireAdoptedProbe(): void {
    if (this.#adoptedProbeUntil === null || this.now() < this.#adoptedProbeUntil) return;
    this.#adoptedProbeUntil = null;
    if (this.#state === 'HALF_OPEN' && this.#probeInFlight) {
      this.#state = 'OPEN';
      this.#probeInFlight = false;
      this.#openedAt = this.now() - this.config.coolDownMs; // cooled down: the next request is the probe
    }
  }

  snapshot(): CircuitSnapshot {
    const { requests, errorRate } = this.#totals();
    return {
      state: this.#state,
      errorRate,
      requests,
      openedAt: this.#openedAt,
      reopensAt: this.#openedAt === null ? null : this.#openedAt + this.config.coolDownMs,
    };
  }

  #open(): void {
    this.#state = 'OPEN';
    this.#openedAt = this.now();
  }

  #close(): void {
    this.#state = 'CLOSED';
    this.#openedAt = null;
    this.#buckets = [];
  }

  #currentBucket(): Bucket {
    const size = this.config.windowMs / this.config.buckets;
    const start = Math.floor(this.now() / size) * size;
    const last = this.#buckets.at(-1);
    if (last?.start === start) return last;
    const bucket = { start, successes: 0, failures: 0, latencyMs: 0 };
    this.#buckets.push(bucket);
    return bucket;
  }

  #totals(): { requests: number; errorRate: number; meanLatencyMs: number } {
    const horizon = this.now() - this.config.windowMs;
    this.#buckets = this.#buckets.filter((b) => b.start + this.config.windowMs / this.config.buckets > horizon);
    let successes = 0;
    let failures = 0;
    let latency = 0;
    for (const b of this.#buckets) {
      successes += b.successes;
      failures += b.failures;
      latency += b.latencyMs;
    }
    const requests = successes + failures;
    return { requests, errorRate: requests ? failures / requests : 0, meanLatencyMs: requests ? latency / requests : 0 };
  }
}
