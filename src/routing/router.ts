import { setTimeout as sleep } from 'node:timers/promises';
import { GatewayError, ModelUnavailableError, RateLimitedError, RetryExhaustedError, UpstreamError } from '../core/errors.js';
import type { EventBus } from '../events/event-bus.js';
import type { StoredAttempt } from '../core/records/generation.js';
import { upstreamTarget, type VendorKeys } from '../modules/models/model-health.js';
import type { ModelRecord } from '../core/records/model.js';
import type { RoutingTable } from '../modules/models/routing-table.js';
import type { PoolRecord } from '../core/records/pool.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { ChatRequest, StreamPart, UpstreamTarget } from '../providers/provider.js';
import type { ProviderAdapters } from '../providers/providers.js';
import { countPromptTokens } from '../providers/token-estimate.js';
import { type BreakerConfig, CircuitBreaker, type CircuitSnapshot } from './circuit-breaker.js';
import { LatencyTracker, orderPoolMembers } from './pool-selection.js';
import { LimiterMap } from './rate-limiter.js';
import { type RetryPolicy, retryDelayMs, shouldRetry } from './retry-policy.js';

/** What a request targets: one model (with its fallbacks) or a pool. */
export type RouteTarget = { readonly kind: 'model'; readonly model: ModelRecord } | { readonly kind: 'pool'; readonly pool: PoolRecord };

export interface RouterDeps {
  readonly routing: RoutingTable;
  readonly adapters: ProviderAdapters;
  /** Vendor keys by variable name, as the key-variable policy allows. */
  readonly vendorKeys: VendorKeys;
  readonly bus: EventBus;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly retry: RetryPolicy;
  readonly breaker: BreakerConfig;
  readonly random: () => number;
  readonly now: () => number;
}

/** A stream that has produced its first token (or finished) on `model`. */
export interface StartedRoute {
  readonly model: ModelRecord;
  readonly parts: AsyncIterable<StreamPart>;
  /** `performance.now()` when the first token arrived (before any buffering), if one did. */
  readonly firstTokenAt: number | undefined;
}

export interface StartOptions {
  /**
   * Read the whole answer before handing it over (for `generate`, whose caller sees nothing
   * until the end): then a failure at any point, not only before the first token, falls back.
   */
  readonly wholeAnswer?: boolean;
  /** The prompt's token count when the caller has it; else it is counted here, only for a model with a tokens-per-minute limit. */
  readonly promptTokens?: number;
}

/**
 * The router (SPEC §5): orders a target's candidates (a model and its fallbacks, or a pool's
 * members by strategy), skips those that are unhealthy, circuit-open or rate-limited, and tries
 * them with retries — back-off with jitter, Retry-After honoured, the next candidate before a
 * reused one. A failure before the first token falls back like any other; after it, the stream
 * ends with its error part. Every attempt is appended to the caller's `attempts`.
 */
export class Router {
  readonly #breakers = new Map<string, CircuitBreaker>();
  readonly #limiters: LimiterMap;
  readonly #turns = new Map<string, number>();
  readonly latency = new LatencyTracker();

  constructor(private readonly deps: RouterDeps) {
    this.#limiters = new LimiterMap(deps.now);
  }

  breaker(modelId: string): CircuitBreaker {
    let breaker = this.#breakers.get(modelId);
    if (!breaker) {
      breaker = new CircuitBreaker(this.deps.breaker, this.deps.now);
      this.#breakers.set(modelId, breaker);
    }
    return breaker;
  }

  /** Takes the breaker's permission for one request, publishing the move to HALF_OPEN when it is the probe. */
  acquire(modelId: string): boolean {
    const breaker = this.breaker(modelId);
    const before = breaker.state;
    const granted = breaker.acquire();
    if (breaker.state !== before) this.publishCircuit(modelId);
    return granted;
  }

  circuit(modelId: string): CircuitSnapshot {
    return this.breaker(modelId).snapshot();
  }

  /** Whether the model could take a request now (HEALTHY, circuit not refusing). */
  isEligible(model: ModelRecord): boolean {
    return model.status === 'HEALTHY' && this.breaker(model.id).isAvailable();
  }

  /** Every model that could take a request now, sorted by id. */
  routable(): ModelRecord[] {
    return this.deps.routing.all().filter((model) => this.isEligible(model));
  }

  /** The models a target would try, in order, leaving out the ineligible ones. */
  candidates(target: RouteTarget): ModelRecord[] {
    const find = (id: string) => this.deps.routing.get(id);
    const eligible = (id: string) => {
      const model = find(id);
      return model !== undefined && this.isEligible(model);
    };
    if (target.kind === 'model') {
      return [target.model.id, ...target.model.fallbacks].filter((id, i, all) => all.indexOf(id) === i && eligible(id)).map((id) => find(id) as ModelRecord);
    }
    const turn = this.#turns.get(target.pool.name) ?? 0;
    const order = orderPoolMembers(target.pool.members, target.pool.strategy, eligible, { random: this.deps.random, turn, latency: (id) => this.latency.get(id) });
    return order.map((id) => find(id) as ModelRecord);
  }

  policy(target: RouteTarget): RetryPolicy {
    const own = target.kind === 'model' ? target.model.retry : target.pool.retry;
    return { ...this.deps.retry, ...own };
  }

  /**
   * Starts the request on the first candidate that takes it; see the class comment. The request
   * has one deadline, its first candidate's `timeouts.totalMs` from now: every attempt, back-off
   * and the stream that is handed back end by it (a stalled stream is not given `totalMs` again
   * on each retry). A vendor asking to wait longer than `maxRetryAfterMs` is not retried: the
   * request moves to another candidate, or fails at once with that vendor's `retryAfterMs`.
   */
  async start(target: RouteTarget, request: ChatRequest, signal: AbortSignal, attempts: StoredAttempt[], options: StartOptions = {}): Promise<StartedRoute> {
    const policy = this.policy(target);
    if (target.kind === 'pool') this.#turns.set(target.pool.name, (this.#turns.get(target.pool.name) ?? 0) + 1);
    const order = this.candidates(target);
    const deadline = this.deps.now() + (order[0]?.timeouts.totalMs ?? 0);
    /** Models whose vendor asked for a longer wait than the policy allows: not tried again in this request. */
    const waitTooLong = new Set<string>();
    // Tokens-per-minute limits reserve the prompt (cl100k, as cost limits count it) plus maxTokens.
    let reserved = options.promptTokens === undefined ? undefined : options.promptTokens + request.params.maxTokens;
    const reservedTokens = () => (reserved ??= countPromptTokens(request.messages) + request.params.maxTokens);
    let lastError: GatewayError | undefined;
    let rateLimitedFor: number | undefined;
    for (let n = 1; n <= policy.attempts; n++) {
      const delayMs = n > 1 ? retryDelayMs(n, policy, this.deps.random, lastError instanceof UpstreamError ? lastError.retryAfterMs : undefined) : 0;
      // Every candidate asked for a wait past the cap: fail now, without the back-off.
      if (lastError && order.every((m) => waitTooLong.has(m.id))) throw lastError;
      if (n > 1 && this.deps.now() + delayMs >= deadline) break; // no time left for another attempt
      if (delayMs > 0) await sleep(delayMs, undefined, { signal });
      const pick = this.#pick(order, n - 1, reservedTokens, waitTooLong);
      if (!pick.model) {
        if (lastError && waitTooLong.size > 0) throw lastError;
        rateLimitedFor = pick.retryAfterMs ?? rateLimitedFor;
        break;
      }
      const { model, reservation } = pick;
      if (n > 1) {
        this.deps.metrics.retries.inc({ model: model.id });
        if (attempts.at(-1)?.modelId !== model.id) this.deps.metrics.fallbacks.inc({ from: attempts.at(-1)?.modelId ?? '', to: model.id });
      }
      const started = this.deps.now();
      const attempt: StoredAttempt = { modelId: model.id, provider: model.provider, outcome: 'SUCCEEDED', durationMs: 0, ...(delayMs ? { delayMs } : {}) };
      attempts.push(attempt);
      try {
        const adapter = this.deps.adapters.get(model.provider);
        if (!adapter) throw new Error(`no adapter for provider ${model.provider}`);
        const parts = await adapter.stream(request, withinDeadline(upstreamTarget(model, this.deps.vendorKeys), deadline - this.deps.now()), { signal });
        const opened = await openStream(parts, options.wholeAnswer ?? false);
        if (opened.error) throw opened.error;
        return { model, parts: this.#observe(model, attempt, opened.buffered, opened.rest, started, reservation), firstTokenAt: opened.firstTokenAt };
      } catch (thrown) {
        const error = thrown instanceof GatewayError ? thrown : new UpstreamError(`${model.id}: ${thrown instanceof Error ? thrown.message : 'failed'}`, { cause: thrown });
        Object.assign(attempt, failedAttempt(attempt, error, this.deps.now() - started, signal.aborted));
        reservation?.settle(0);
        if (signal.aborted) throw error;
        this.#recordOutcome(model, false, this.deps.now() - started);
        lastError = error;
        if (!shouldRetry(error)) throw error;
        if (error instanceof UpstreamError && error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxRetryAfterMs) waitTooLong.add(model.id);
      }
    }
    if (attempts.length === 0) {
      if (rateLimitedFor !== undefined) throw new RateLimitedError(`every model of ${describe(target)} is at its rate limit; retry after ${rateLimitedFor} ms`, { retryAfterMs: rateLimitedFor, retryable: true });
      throw new ModelUnavailableError(`no model of ${describe(target)} can take requests now (unhealthy, disabled or circuit open)`);
    }
    if (attempts.length === 1 && lastError) throw lastError;
    throw new RetryExhaustedError(`all ${attempts.length} attempts for ${describe(target)} failed; the last: ${lastError?.message ?? 'unknown'}`, attempts);
  }

  /** The next candidate from position `from` (cycling) that its breaker and rate limits admit. */
  #pick(order: readonly ModelRecord[], from: number, tokens: () => number, skip: ReadonlySet<string>): { model?: ModelRecord; reservation?: { settle(actual: number): void }; retryAfterMs?: number } {
    let retryAfterMs: number | undefined;
    for (let i = 0; i < order.length; i++) {
      const model = order[(from + i) % order.length] as ModelRecord;
      if (skip.has(model.id)) continue;
      const limits = model.limits;
      let reservation: { settle(actual: number): void } | undefined;
      if (limits.requestsPerMinute !== undefined || limits.tokensPerMinute !== undefined) {
        const limiter = this.#limiters.get(model.id);
        const result = limiter.tryReserve(limits, limits.tokensPerMinute === undefined ? 0 : tokens());
        if (!result.ok) {
          retryAfterMs = Math.min(retryAfterMs ?? Infinity, result.retryAfterMs);
          continue;
        }
        reservation = { settle: (actual) => limiter.settle(result.reservation, actual) };
      }
      if (!this.acquire(model.id)) {
        reservation?.settle(0);
        continue;
      }
      return { model, ...(reservation ? { reservation } : {}) };
    }
    return retryAfterMs === undefined ? {} : { retryAfterMs };
  }

  /** Feeds an outcome to the model's breaker (publishing a state change) and latency tracker. */
  #recordOutcome(model: ModelRecord, success: boolean, latencyMs: number): void {
    if (success) this.latency.record(model.id, latencyMs);
    const changed = this.breaker(model.id).record(success, latencyMs);
    if (changed) this.publishCircuit(model.id);
  }

  /** Puts the model's circuit state into the routing table and publishes CIRCUIT_CHANGED. */
  publishCircuit(modelId: string): void {
    const current = this.deps.routing.get(modelId);
    if (!current) return;
    const state = this.breaker(modelId).state;
    const model = { ...current, circuitState: state };
    this.deps.routing.set(model);
    this.deps.logger.warn({ model: modelId, circuit: state }, 'circuit changed');
    this.deps.bus.publish('modelEvents', { type: 'CIRCUIT_CHANGED', model, at: new Date() });
  }

  async *#observe(
    model: ModelRecord,
    attempt: StoredAttempt,
    buffered: StreamPart[],
    rest: AsyncIterator<StreamPart>,
    started: number,
    reservation: { settle(actual: number): void } | undefined,
  ): AsyncGenerator<StreamPart> {
    let last: StreamPart | undefined;
    try {
      for (const part of buffered) yield (last = part);
      for (let next = await rest.next(); !next.done; next = await rest.next()) yield (last = next.value);
    } finally {
      const durationMs = this.deps.now() - started;
      attempt.durationMs = Math.round(durationMs);
      if (last?.type === 'finish') {
        reservation?.settle(last.usage.inputTokens + last.usage.outputTokens);
        if (last.finishReason === 'cancelled') attempt.outcome = 'CANCELLED';
        else this.#recordOutcome(model, true, durationMs);
      } else {
        reservation?.settle(0);
        if (last?.type === 'error') {
          Object.assign(attempt, failedAttempt(attempt, last.error, durationMs, false));
          this.#recordOutcome(model, false, durationMs);
        } else attempt.outcome = 'CANCELLED';
      }
    }
  }
}

function failedAttempt(attempt: StoredAttempt, error: GatewayError, durationMs: number, cancelled: boolean): StoredAttempt {
  return {
    ...attempt,
    outcome: cancelled ? 'CANCELLED' : 'FAILED',
    durationMs: Math.round(durationMs),
    ...(cancelled ? {} : { errorCode: error.code }),
    ...(error instanceof UpstreamError && error.status !== undefined ? { httpStatus: error.status } : {}),
  };
}

/** The target with its timeouts cut to what is left of the request's deadline (at least 1 ms). */
function withinDeadline(target: UpstreamTarget, leftMs: number): UpstreamTarget {
  const left = Math.max(1, Math.floor(leftMs));
  if (left >= target.timeouts.totalMs) return target;
  return { ...target, timeouts: { ...target.timeouts, totalMs: left, firstTokenMs: Math.min(target.timeouts.firstTokenMs, left) } };
}

function describe(target: RouteTarget): string {
  return target.kind === 'model' ? `model "${target.model.id}"` : `pool "${target.pool.name}"`;
}

interface OpenedStream {
  buffered: StreamPart[];
  rest: AsyncIterator<StreamPart>;
  firstTokenAt: number | undefined;
  error?: GatewayError;
  usage?: { outputTokens: number };
}

/**
 * Reads a stream up to its first token (or, with `whole`, to its end): a failure that arrives
 * before that point is returned as `error`, so the router can fall back; the parts read so far
 * are replayed to the caller after.
 */
async function openStream(parts: AsyncIterable<StreamPart>, whole: boolean): Promise<OpenedStream> {
  const rest = parts[Symbol.asyncIterator]();
  const buffered: StreamPart[] = [];
  let firstTokenAt: number | undefined;
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    const part = next.value;
    if (part.type === 'error') {
      await rest.return?.();
      return { buffered, rest, firstTokenAt, error: part.error, ...(part.usage ? { usage: part.usage } : {}) };
    }
    buffered.push(part);
    if (part.type === 'text-delta') firstTokenAt ??= performance.now();
    if (part.type === 'finish' || (part.type === 'text-delta' && !whole)) break;
  }
  return { buffered, rest, firstTokenAt };
}
