import type { CircuitState } from '../records/model.js';

/**
 * The state the request path keeps between requests, behind ports: in process
 * (`routing/in-process-stores.ts`, `modules/budgets/budget-ledger.ts`), or shared by several
 * instances in Redis (REDIS_URL) where a limit must hold across them: rate windows and budgets
 * answer promises (a shared store makes one round trip, atomically); circuits stay synchronous
 * and per process.
 */

/** Limits of a sliding one-minute window; undefined: not limited. */
export interface WindowLimits {
  readonly requestsPerMinute?: number | undefined;
  readonly tokensPerMinute?: number | undefined;
}

/** Tokens held for one admitted request until it settles with what it really used. */
export interface RateReservation {
  /** Replaces the reserved tokens with `actualTokens` (once; later calls do nothing). */
  settle(actualTokens: number): void;
}

/** What a key's window holds now. */
export interface WindowUsage {
  readonly requests: number;
  readonly tokens: number;
  /** Milliseconds until the oldest of them leaves the window (0 when it is empty). */
  readonly resetMs: number;
}

/** What a reservation attempt answers. */
export type RateResult = { ok: true; reservation: RateReservation } | { ok: false; retryAfterMs: number };

/**
 * Sliding-window request and token counters, by key (a model id, an API key id): in process, or
 * shared by the instances (Redis), the check and the count one atomic step either way.
 */
export interface RateStore {
  /** Reserves one request and `tokens` when both fit `limits`; else how long to wait, in ms. */
  tryReserve(key: string, limits: WindowLimits, tokens: number): Promise<RateResult>;
  /** The requests and tokens in the key's window now (the x-ratelimit-* headers). */
  usage(key: string): Promise<WindowUsage>;
}

/** What one model's circuit says now. */
export interface CircuitSnapshot {
  readonly state: CircuitState;
  /** Failures / requests in the window (0 when empty). */
  readonly errorRate: number;
  readonly requests: number;
  readonly openedAt: number | null;
  readonly reopensAt: number | null;
}

/** Per-model circuit breakers. `acquire` and `record` answer the new state when it changed. */
export interface CircuitStore {
  /** Whether a request could go through now (without taking the half-open probe). */
  isAvailable(modelId: string): boolean;
  /** Takes permission for one request (the half-open probe after the cool-down). */
  acquire(modelId: string): { granted: boolean; changedTo?: CircuitState };
  /** Records an outcome; answers the new state when it changed. */
  record(modelId: string, success: boolean, latencyMs: number): CircuitState | undefined;
  snapshot(modelId: string): CircuitSnapshot;
  /** Takes the state another instance's circuit of the model moved to (a shared deployment's events). */
  adopt(modelId: string, state: CircuitState, at: number): void;
  /** A probe ended without an outcome (cancelled): the circuit is open again, ready for the next probe. */
  releaseProbe(modelId: string): void;
}

/** A key's budgets in micro-USD (null: none). */
export interface Budget {
  readonly dailyMicroUsd: number | null;
  readonly monthlyMicroUsd: number | null;
}

/** What a key has spent and may still spend, in micro-USD. */
export interface BudgetStatus {
  readonly spentTodayMicroUsd: number;
  readonly spentThisMonthMicroUsd: number;
  /** Reserved by requests still running. */
  readonly reservedMicroUsd: number;
  /** The smaller of what the daily and monthly budgets have left (reservations counted); null: no budget. */
  readonly remainingMicroUsd: number | null;
  /** Which budget `remaining` comes from. */
  readonly binding: 'daily' | 'monthly' | null;
}

/**
 * A reservation of worst-case cost: settle it with the real cost, or release it (once; later calls
 * do nothing). A settle charges at most what was held: every other request was admitted on what
 * the budget had left beside this hold, so charging more could take the key past its budget.
 */
export interface Reservation {
  /** What is held, in micro-USD: the most `settle` charges. */
  readonly amountMicroUsd: number;
  /** Charges `min(actual, amountMicroUsd)` and gives back the rest of the hold. */
  settle(actualMicroUsd: number): void;
  release(): void;
}

/** What a hold attempt answers: the hold and the status with it, or (when the amount does not fit) the status that refused it. */
export type HoldResult =
  | { readonly ok: true; readonly reservation: Reservation; readonly status: BudgetStatus }
  | { readonly ok: false; readonly status: BudgetStatus };

/**
 * Spend and reservations per API key against its daily and monthly budgets (UTC days). Admission
 * first tries to hold a request's full worst case (within its share of what is left); refused, it
 * fits the request on the status the refusal answers and tries again (waiting for running
 * requests to settle when only their holds stand in the way): the check that it fits what is left
 * and the hold are one atomic step (in process, or across instances), and a settle charges at
 * most its hold, so concurrent requests — on one gateway or several — cannot overspend. A store
 * that cannot answer (its shared backend is down) rejects: budgets fail closed.
 */
export interface BudgetStore {
  /** What the key has spent today and this month, holds and has left (loading its spend once). */
  status(keyId: string, budget: Budget): Promise<BudgetStatus>;
  /**
   * Holds `amountMicroUsd` if it fits what the budget has left — with `share`, only if it is at
   * most that share of it — in one step. A refusal answers the status, to fit again on.
   */
  tryReserve(keyId: string, budget: Budget, amountMicroUsd: number, share?: number, generationId?: string): Promise<HoldResult>;
  /** Adds spend that had no reservation (a request of a key without budgets). */
  record(keyId: string, actualMicroUsd: number, generationId?: string): void;
  /** Remaining budget of every key this instance has seen with one (for the gauge). */
  remainingByKey(): Array<{ keyId: string; remainingMicroUsd: number }>;
}

/**
 * Which member of a sticky pool served a stickiness key's last turn (see routing/sticky-routing.ts):
 * in process (bounded, with a TTL), or in the Redis the instances share, so that every instance
 * sends a conversation to the same member. A store that cannot answer forgets: `member` answers
 * undefined (the pool's strategy picks) and `remember` does nothing — stickiness is an
 * optimisation, never a reason to fail a request.
 */
export interface StickyStore {
  /** The member remembered for `key`, if any (not past its TTL). */
  member(key: string): Promise<string | undefined>;
  /** Remembers `modelId` for `key` for `ttlMs` from now (a later turn starts the TTL again). */
  remember(key: string, modelId: string, ttlMs: number): Promise<void>;
}
