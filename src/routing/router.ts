import { GatewayError, ModelUnavailableError, RateLimitedError, RetryExhaustedError, UpstreamError } from '../core/errors.js';
import type { Clock } from '../core/ports/clock.js';
import type { EventBus } from '../core/ports/event-bus.js';
import type { CircuitSnapshot, CircuitStore, RateReservation, RateStore, StickyStore } from '../core/ports/stores.js';
import type { StoredAttempt } from '../core/records/generation.js';
import type { ModelRecord } from '../core/records/model.js';
import { DEFAULT_STICKY_TTL_SECONDS } from '../core/records/pool.js';
import { definitionId } from '../core/records/model-id.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { endWithError, NO_TRACING, type Span, SpanKind, type Tracing } from '../observability/tracing.js';
import {
  attemptAttributes,
  CANCELLED_ATTEMPT,
  responseAttributes,
  SPAN_EVENTS,
  SWITCHYARD_ATTRIBUTES,
} from '../observability/tracing-attributes.js';
import type { ChatRequest, StreamPart, UpstreamTarget, Usage } from '../providers/provider.js';
import type { ProviderAdapters } from '../providers/providers.js';
import { countPromptTokens } from '../providers/prompt-tokens.js';
import { upstreamTarget, type VendorKeys } from '../providers/upstream-target.js';
import type { AttemptLog } from './attempt-log.js';
import { LatencyTracker, orderPoolMembers } from './pool-selection.js';
import type { RouteTarget } from './resolve-target.js';
import { type RetryPolicy, retryDelayMs, shouldRetry } from './retry-policy.js';
import type { ModelCatalog } from './routing-table.js';
import { InProcessStickyStore } from './in-process-sticky-store.js';

export interface RouterDeps {
  readonly models: ModelCatalog;
  readonly adapters: ProviderAdapters;
  /** Vendor keys by variable name, as the key-variable policy allows. */
  readonly vendorKeys: VendorKeys;
  readonly circuits: CircuitStore;
  readonly rates: RateStore;
  readonly bus: Pick<EventBus, 'publish'>;
  readonly metrics: Pick<Metrics, 'retries' | 'fallbacks' | 'rateLimited'>;
  readonly logger: Logger;
  readonly retry: RetryPolicy;
  readonly random: () => number;
  readonly clock: Clock;
  /**
   * With several instances: takes the shared right to send an open circuit's probe (one
   * instance sends it); absent in one process. A lock that cannot be taken answers false.
   */
  readonly probeLock?: (modelId: string) => Promise<boolean>;
  /** Sticky pools' members by stickiness key (shared in Redis with several instances); default: in process. */
  readonly sticky?: StickyStore;
  /** Each attempt a GenAI CLIENT span; retries and fallbacks events of the request span (default: off). */
  readonly tracing?: Tracing;
}

/** What a request brings to its plan besides its target. */
export interface PlanOptions {
  /** Its stickiness key (routing/stickiness-key.ts): a sticky pool sends it to the member that served it last. */
  readonly stickinessKey?: string | undefined;
}

/**
 * The candidates of one request, drawn once at admission: the models to try, in order (the first
 * is the one the request's maxTokens and cost limit were fitted on), and the retry policy.
 */
export interface RoutePlan {
  readonly target: RouteTarget;
  readonly order: readonly ModelRecord[];
  readonly policy: RetryPolicy;
  /** A sticky pool's request: the member that starts it is remembered under `key` for `ttlMs`. */
  readonly sticky?: { readonly key: string; readonly ttlMs: number };
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
  readonly #turns = new Map<string, number>();
  readonly latency = new LatencyTracker();
  readonly #sticky: StickyStore;
  readonly #tracing: Tracing;

  constructor(private readonly deps: RouterDeps) {
    this.#sticky = deps.sticky ?? new InProcessStickyStore(() => deps.clock.now());
    this.#tracing = deps.tracing ?? NO_TRACING;
  }

  /** Takes the circuit's permission for one request, publishing the move to HALF_OPEN when it is the probe. */
  acquire(modelId: string): boolean {
    const { granted, changedTo } = this.deps.circuits.acquire(modelId);
    if (changedTo) this.#publishCircuit(modelId);
    return granted;
  }

  /**
   * Takes an open circuit's probe once its cool-down is over: with several instances only the one
   * that wins the shared lock (probeLock) may; then the breaker's own permission.
   */
  async takeProbe(modelId: string): Promise<boolean> {
    if (!this.deps.circuits.isAvailable(modelId)) return false;
    if (this.deps.probeLock && !(await this.deps.probeLock(modelId))) return false;
    return this.acquire(modelId);
  }

  circuit(modelId: string): CircuitSnapshot {
    return this.deps.circuits.snapshot(modelId);
  }

  /** Feeds the outcome of a probe (or any request) to the model's circuit, publishing a change. */
  recordOutcome(modelId: string, success: boolean, latencyMs: number): void {
    if (this.deps.circuits.record(modelId, success, latencyMs)) this.#publishCircuit(modelId);
  }

  /** Whether the model could take a request now (HEALTHY, circuit not refusing). */
  isEligible(model: ModelRecord): boolean {
    return model.status === 'HEALTHY' && this.deps.circuits.isAvailable(model.id);
  }

  /** Every model that could take a request now, sorted by id. */
  routable(): ModelRecord[] {
    return this.deps.models.all().filter((model) => this.isEligible(model));
  }

  /**
   * Draws a request's candidates once (a pool's strategy runs here and its round-robin turn
   * moves on): admission fits the request on the first, and `start` walks this same order. A
   * sticky pool puts the member remembered for the request's stickiness key first (see below).
   * Admission draws only after the key's own rate limit let the request in; one refused after the
   * draw (its cost limit, its budget) has used its turn.
   */
  async plan(target: RouteTarget, options: PlanOptions = {}): Promise<RoutePlan> {
    if (target.kind === 'pool') this.#turns.set(target.pool.name, (this.#turns.get(target.pool.name) ?? 0) + 1);
    const order = this.candidates(target);
    const policy = this.policy(target);
    if (target.kind !== 'pool' || !target.pool.sticky || options.stickinessKey === undefined) return { target, order, policy };
    // Sticky: the member that served the key's last turn goes first while it is a candidate (healthy,
    // weight above 0) with its circuit closed; the strategy's order follows. A member at its rate
    // limit is passed over when the request starts, and the one that serves it is remembered instead.
    const sticky = {
      key: `${target.pool.name}:${options.stickinessKey}`,
      ttlMs: (target.pool.stickyTtlSeconds ?? DEFAULT_STICKY_TTL_SECONDS) * 1000,
    };
    const remembered = await this.#sticky.member(sticky.key);
    const held = order.find((m) => m.id === remembered && this.deps.circuits.snapshot(m.id).state === 'CLOSED');
    return { target, order: held ? [held, ...order.filter((m) => m !== held)] : order, policy, sticky };
  }

  /** Whether any of the target's models could take a request now (no pool draw is made). */
  hasCandidate(target: RouteTarget): boolean {
    if (target.kind === 'model') return [target.model.id, ...target.model.fallbacks].some(this.#eligibleId);
    return target.pool.members.some((m) => m.weight > 0 && this.#eligibleId(m.modelId));
  }

  /** Whether the registry has a model of this id that could take a request now. */
  readonly #eligibleId = (id: string): boolean => {
    const model = this.deps.models.get(id);
    return model !== undefined && this.isEligible(model);
  };

  /** The models a target would try, in order, leaving out the ineligible ones (no turn is taken). */
  candidates(target: RouteTarget): ModelRecord[] {
    const find = (id: string) => this.deps.models.get(id);
    if (target.kind === 'model') {
      return [target.model.id, ...target.model.fallbacks]
        .filter((id, i, all) => all.indexOf(id) === i && this.#eligibleId(id))
        .map((id) => find(id) as ModelRecord);
    }
    const turn = this.#turns.get(target.pool.name) ?? 0;
    const order = orderPoolMembers(target.pool.members, target.pool.strategy, this.#eligibleId, {
      random: this.deps.random,
      turn,
      latency: (id) => this.latency.get(id),
    });
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
  async start(
    plan: RoutePlan,
    request: ChatRequest,
    signal: AbortSignal,
    attempts: AttemptLog,
    options: StartOptions = {},
  ): Promise<StartedRoute> {
    const { target, policy } = plan;
    // A candidate that became ineligible since admission (its circuit opened, it was disabled) is skipped.
    const order = plan.order.map((m) => this.deps.models.get(m.id) ?? m).filter((m) => this.isEligible(m));
    const now = () => this.deps.clock.now();
    const deadline = now() + (order[0]?.timeouts.totalMs ?? 0);
    /** Models whose vendor asked for a longer wait than the policy allows: not tried again in this request. */
    const waitTooLong = new Set<string>();
    // Tokens-per-minute limits reserve the prompt (cl100k, as cost limits count it) plus maxTokens.
    const promptTokens = options.promptTokens ?? request.promptTokens;
    let reserved = promptTokens === undefined ? undefined : promptTokens + request.params.maxTokens;
    const reservedTokens = () => (reserved ??= countPromptTokens(request) + request.params.maxTokens);
    let lastError: GatewayError | undefined;
    let rateLimitedFor: number | undefined;
    for (let n = 1; n <= policy.attempts; n++) {
      const delayMs =
        n > 1 ? retryDelayMs(n, policy, this.deps.random, lastError instanceof UpstreamError ? lastError.retryAfterMs : undefined) : 0;
      // Every candidate asked for a wait past the cap: fail now, without the back-off.
      if (lastError && order.every((m) => waitTooLong.has(m.id))) throw lastError;
      if (n > 1 && now() + delayMs >= deadline) break; // no time left for another attempt
      if (delayMs > 0) await this.deps.clock.sleep(delayMs, signal);
      const pick = await this.#pick(order, n - 1, reservedTokens, waitTooLong);
      if (!pick.model) {
        if (lastError && waitTooLong.size > 0) throw lastError;
        rateLimitedFor = pick.retryAfterMs ?? rateLimitedFor;
        break;
      }
      const { model, reservation, probe } = pick;
      if (n > 1) {
        this.deps.metrics.retries.inc({ model: definitionId(model) });
        const last = attempts.lastModelId();
        if (last !== model.id)
          this.deps.metrics.fallbacks.inc({
            from: last === undefined ? '' : definitionId(this.deps.models.get(last) ?? model),
            to: definitionId(model),
          });
        this.#traceRetry(n, model, delayMs, last, lastError);
      }
      const started = now();
      const attempt: StoredAttempt = {
        modelId: model.id,
        provider: model.provider,
        outcome: 'SUCCEEDED',
        durationMs: 0,
        ...(delayMs ? { delayMs } : {}),
      };
      const index = attempts.open(attempt);
      let processed = 0; // tokens the vendor processed before this attempt failed
      const span = this.#tracing.enabled
        ? this.#tracing.startChild(`chat ${model.upstreamModel}`, SpanKind.CLIENT, attemptAttributes('chat', model, n))
        : undefined;
      try {
        const adapter = this.deps.adapters.get(model.provider);
        if (!adapter) throw new Error(`no adapter for provider ${model.provider}`);
        const target = withinDeadline(await upstreamTarget(model, this.deps.vendorKeys), deadline - now());
        // The attempt's span is the parent of the upstream call (made on the stream's first read).
        const opened = await this.#tracing.withSpan(span, async () =>
          openStream(await adapter.stream(request, target, { signal }), options.wholeAnswer ?? false),
        );
        if (opened.error) {
          processed = processedTokens(opened.usage);
          throw opened.error;
        }
        // The member that served this turn is the one the stickiness key's next turn goes to (its TTL starts again).
        if (plan.sticky) void this.#sticky.remember(plan.sticky.key, model.id, plan.sticky.ttlMs);
        return {
          model,
          parts: this.#observe(model, attempts, index, opened.buffered, opened.rest, started, reservation, probe === true, span),
          firstTokenAt: opened.firstTokenAt,
        };
      } catch (thrown) {
        const error =
          thrown instanceof GatewayError
            ? thrown
            : new UpstreamError(`${model.id}: ${thrown instanceof Error ? thrown.message : 'failed'}`, { cause: thrown });
        endWithError(span, error);
        attempts.close(index, failedAttempt(error, now() - started, signal.aborted));
        reservation?.settle(processed);
        if (signal.aborted) {
          if (probe) this.deps.circuits.releaseProbe(model.id); // a cancelled probe tells nothing: the next request probes
          throw error;
        }
        this.#recordOutcome(model, false, now() - started);
        lastError = error;
        if (!shouldRetry(error)) throw error;
        if (error instanceof UpstreamError && error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxRetryAfterMs)
          waitTooLong.add(model.id);
      }
    }
    if (attempts.length === 0) {
      if (rateLimitedFor !== undefined)
        throw new RateLimitedError(`every model of ${describe(target)} is at its rate limit; retry after ${rateLimitedFor} ms`, {
          retryAfterMs: rateLimitedFor,
          retryable: true,
        });
      throw new ModelUnavailableError(`no model of ${describe(target)} can take requests now (unhealthy, disabled or circuit open)`);
    }
    if (attempts.length === 1 && lastError) throw lastError;
    throw new RetryExhaustedError(
      `all ${attempts.length} attempts for ${describe(target)} failed; the last: ${lastError?.message ?? 'unknown'}`,
      attempts.entries(),
    );
  }

  /** The next candidate from position `from` (cycling) that its breaker and rate limits admit. */
  async #pick(
    order: readonly ModelRecord[],
    from: number,
    tokens: () => number,
    skip: ReadonlySet<string>,
  ): Promise<{ model?: ModelRecord; reservation?: RateReservation; retryAfterMs?: number; probe?: boolean }> {
    let retryAfterMs: number | undefined;
    for (let i = 0; i < order.length; i++) {
      const model = order[(from + i) % order.length] as ModelRecord;
      if (skip.has(model.id)) continue;
      const limits = model.limits;
      let reservation: RateReservation | undefined;
      if (limits.requestsPerMinute !== undefined || limits.tokensPerMinute !== undefined) {
        // A wildcard's limits bound all of the names it serves together.
        const result = await this.deps.rates.tryReserve(
          `model:${definitionId(model)}`,
          limits,
          limits.tokensPerMinute === undefined ? 0 : tokens(),
        );
        if (!result.ok) {
          this.deps.metrics.rateLimited.inc({ scope: 'model' });
          retryAfterMs = Math.min(retryAfterMs ?? Infinity, result.retryAfterMs);
          continue;
        }
        reservation = result.reservation;
      }
      // After an open circuit's cool-down one request is the probe: with several instances, only the one that wins the shared lock sends it.
      const probe = this.deps.circuits.snapshot(model.id).state === 'OPEN';
      const granted = probe ? await this.takeProbe(model.id) : this.acquire(model.id);
      if (!granted) {
        reservation?.settle(0);
        continue;
      }
      return { model, probe, ...(reservation ? { reservation } : {}) };
    }
    return retryAfterMs === undefined ? {} : { retryAfterMs };
  }

  /** The request span's event for attempt `n` (> 1): a retry, and a fallback when it moved to another model. */
  #traceRetry(n: number, model: ModelRecord, delayMs: number, last: string | undefined, lastError: GatewayError | undefined): void {
    const span = this.#tracing.requestSpan();
    if (!span) return;
    span.addEvent(SPAN_EVENTS.retry, {
      [SWITCHYARD_ATTRIBUTES.attempt]: n,
      [SWITCHYARD_ATTRIBUTES.modelId]: model.id,
      [SWITCHYARD_ATTRIBUTES.delayMs]: delayMs,
      ...(lastError ? { 'error.type': lastError.code } : {}),
    });
    if (last !== undefined && last !== model.id)
      span.addEvent(SPAN_EVENTS.fallback, {
        [SWITCHYARD_ATTRIBUTES.attempt]: n,
        [SWITCHYARD_ATTRIBUTES.fallbackFrom]: last,
        [SWITCHYARD_ATTRIBUTES.fallbackTo]: model.id,
      });
  }

  /** Feeds an outcome to the model's circuit (publishing a state change) and latency tracker. */
  #recordOutcome(model: ModelRecord, success: boolean, latencyMs: number): void {
    if (success) this.latency.record(model.id, latencyMs);
    this.recordOutcome(model.id, success, latencyMs);
  }

  /** Publishes CIRCUIT_CHANGED with the model as the registry has it and its circuit's new state. */
  #publishCircuit(modelId: string): void {
    const current = this.deps.models.get(modelId);
    if (!current) return;
    const state = this.deps.circuits.snapshot(modelId).state;
    this.deps.logger.warn({ model: modelId, circuit: state }, 'circuit changed');
    this.deps.bus.publish('modelEvents', { type: 'CIRCUIT_CHANGED', model: current, circuit: state, at: new Date(this.deps.clock.now()) });
  }

  /**
   * Relays the stream and closes its attempt when it ends. Its tokens-per-minute reservation is
   * settled with what the vendor processed: the usage of a finished answer, and of a failed one
   * that had produced output (the prompt and the tokens before the failure); 0 for a failure
   * before any output or a stream cut off by its reader.
   */
  async *#observe(
    model: ModelRecord,
    attempts: AttemptLog,
    index: number,
    buffered: StreamPart[],
    rest: AsyncIterator<StreamPart>,
    started: number,
    reservation: RateReservation | undefined,
    /** Whether this attempt is its circuit's half-open probe. */
    probe: boolean,
    /** The attempt's span, ended with the stream (its usage, or its error). */
    span: Span | undefined,
  ): AsyncGenerator<StreamPart> {
    let last: StreamPart | undefined;
    try {
      for (const part of buffered) {
        last = part;
        yield part;
      }
      for (let next = await rest.next(); !next.done; next = await rest.next()) {
        last = next.value;
        yield next.value;
      }
    } finally {
      const durationMs = this.deps.clock.now() - started;
      if (last?.type === 'finish') {
        reservation?.settle(last.usage.inputTokens + last.usage.outputTokens);
        attempts.close(index, {
          durationMs: Math.round(durationMs),
          ...(last.finishReason === 'cancelled' ? { outcome: 'CANCELLED' as const } : {}),
        });
        if (last.finishReason !== 'cancelled') this.#recordOutcome(model, true, durationMs);
        else if (probe) this.deps.circuits.releaseProbe(model.id);
        span?.setAttributes(responseAttributes(model.upstreamModel, last.usage, last.finishReason));
        span?.end();
      } else if (last?.type === 'error') {
        reservation?.settle(processedTokens(last.usage));
        attempts.close(index, failedAttempt(last.error, durationMs, false));
        this.#recordOutcome(model, false, durationMs);
        endWithError(span, last.error);
      } else {
        reservation?.settle(0);
        attempts.close(index, { durationMs: Math.round(durationMs), outcome: 'CANCELLED' });
        span?.setAttributes(CANCELLED_ATTEMPT);
        span?.end();
      }
    }
  }
}

function failedAttempt(error: GatewayError, durationMs: number, cancelled: boolean): Partial<StoredAttempt> {
  return {
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
  usage?: Usage;
}

/** What a failed attempt cost the vendor's token budget: the prompt and the output, once there was output; 0 before any. */
function processedTokens(usage: Usage | undefined): number {
  return usage && usage.outputTokens > 0 ? usage.inputTokens + usage.outputTokens : 0;
}

/** Whether a part is answer output (text, reasoning or a tool call): the first one is the first token. */
function isOutput(part: StreamPart): boolean {
  return part.type === 'text-delta' || part.type === 'reasoning-delta' || part.type === 'tool-call-start';
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
    const output = isOutput(part);
    if (output) firstTokenAt ??= performance.now();
    if (part.type === 'finish' || (output && !whole)) break;
  }
  return { buffered, rest, firstTokenAt };
}
