import { randomUUID } from 'node:crypto';
import { Repeater } from '@repeaterjs/repeater';
import { CostLimitExceededError, GatewayError, InvalidInputError, ModelUnavailableError, NotFoundError, RateLimitedError, UpstreamError } from '../../core/errors.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import { costMicroUsd, fitMaxTokens } from '../../pricing/cost.js';
import { microToUsd, usdToMicro } from '../../pricing/money.js';
import type { ChatMessage, ChatRequest, Usage } from '../../providers/provider.js';
import type { FinishReason } from '../../core/records/generation.js';
import type { ProviderAdapters } from '../../providers/providers.js';
import { countPromptTokens, countTokens } from '../../providers/token-estimate.js';
import type { EventBus } from '../../events/event-bus.js';
import type { BudgetLedger } from '../budgets/budget-ledger.js';
import type { Reservation } from '../../core/ports/stores.js';
import { formatIssues } from '../../validation/format-issues.js';
import type { Orm } from '../../db/orm.js';
import { hasScope, type Viewer } from '../keys/viewer.js';
import { fitHistory } from '../sessions/session-history.js';
import type { SessionService } from '../sessions/session-service.js';
import type { ModelRecord } from '../../core/records/model.js';
import type { PoolRegistry } from '../pools/pool-registry.js';
import { LimiterMap } from '../../routing/rate-limiter.js';
import { resolveTarget, type TargetRef } from '../../routing/resolve-target.js';
import type { RouteTarget, Router } from '../../routing/router.js';
import type { ModelRegistry } from '../models/model-registry.js';
import { generateInputSchema } from './generate-input.js';
import type { GenerationRecord } from '../../core/records/generation.js';
import { GenerationRecorder } from './generation-recorder.js';
import type { GenerationFilter, GenerationPage, GenerationRepository } from './generation-repository.js';
import type { GenerationStatus, StoredAttempt } from '../../core/records/generation.js';

/**
 * The most of a key's remaining budget one request may hold back when it leaves maxTokens to the
 * model's default (see prepare): parallel requests on a small budget each get a share, not none.
 */
export const BUDGET_SHARE = 0.25;

/** What a generation stream yields, in order: started, deltas, then completed or failed. */
export type GenerationEvent =
  | { readonly kind: 'started'; readonly generationId: string; readonly model: ModelRecord; readonly at: Date }
  | { readonly kind: 'delta'; readonly generationId: string; readonly text: string; readonly index: number; readonly costMicroUsd: number }
  | { readonly kind: 'completed'; readonly generation: GenerationRecord }
  | { readonly kind: 'failed'; readonly generation: GenerationRecord; readonly code: string; readonly message: string };

/** A request that passed validation, model resolution and the cost limit: ready to send. */
export interface PreparedGeneration {
  readonly id: string;
  /** What the request targets: a model (with its fallbacks) or a pool. */
  readonly target: RouteTarget;
  /** The model whose defaults, context window and prices shaped the request (a pool's first candidate). */
  readonly model: ModelRecord;
  /** What is sent upstream: the session's (fitted) history, then the new messages. */
  readonly request: ChatRequest;
  readonly apiKeyId: string | null;
  readonly sessionId: string | null;
  /** The messages this request adds to its session's history (with the answer, once it succeeds). */
  readonly fresh: readonly ChatMessage[];
  readonly droppedMessages: number;
  readonly stream: boolean;
  /** The most this request may cost (its costLimit or what the key's budget has left); null: no limit. */
  readonly costLimitMicroUsd: number | null;
  /** Prompt tokens of `request.messages` (cl100k) once counted, so no request counts them twice. */
  readonly promptTokens: number | null;
  /** The worst case held against the key's budget until the generation settles. */
  readonly reservation: Reservation | null;
  readonly requestId: string | null;
  readonly createdAt: Date;
}

export interface GenerationOutcome {
  readonly record: GenerationRecord;
  /** Set when the generation failed: what to tell the caller. */
  readonly error?: GatewayError;
}

export interface GenerationServiceDeps {
  readonly orm: Orm;
  readonly models: ModelRegistry;
  readonly pools: PoolRegistry;
  readonly router: Router;
  readonly sessions: SessionService;
  readonly adapters: ProviderAdapters;
  readonly store: GenerationRepository;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly budgets: BudgetLedger;
  readonly bus: EventBus;
  /** The config's default model (read per call: a reload may change it). */
  readonly defaultModel: () => string | undefined;
}

type Emit = (event: GenerationEvent) => unknown;

/**
 * Runs generations (SPEC §6): resolves the model (the input's, else the config's default),
 * merges parameters over the model's defaults, applies the cost limit before anything is sent,
 * streams from the adapter, and stores every outcome — succeeded, failed, cancelled or refused —
 * with usage, cost in micro-USD, latency and time to first token.
 */
export class GenerationService {
  readonly #recorder: GenerationRecorder;

  constructor(private readonly deps: GenerationServiceDeps) {
    this.#recorder = new GenerationRecorder(deps);
  }

  /** Validates and resolves a request; refusals after the model is known are stored, then thrown. */
  async prepare(input: unknown, viewer: Viewer, stream: boolean, requestId: string | null = null): Promise<PreparedGeneration> {
    const parsed = generateInputSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
    const { model: requested, pool: requestedPool, sessionId, prompt, messages, params = {}, costLimit } = parsed.data;
    const em = this.deps.orm.em.fork();
    const session = sessionId ? await this.deps.sessions.get(em, sessionId, viewer) : undefined;
    const ref: TargetRef = requestedPool
      ? { poolName: requestedPool }
      : requested
        ? { modelId: requested }
        : session
          ? { modelId: session.modelId, poolName: session.poolName }
          : { modelId: this.deps.defaultModel() };
    if (!ref.modelId && !ref.poolName) throw InvalidInputError.forField('input.model', 'is required: no model given and the config names no defaultModel');
    const pool = ref.poolName ? this.deps.pools.find(ref.poolName) : undefined;
    if (ref.poolName && !pool) throw new NotFoundError('pool', ref.poolName);
    const baseId = pool ? (this.deps.router.candidates({ kind: 'pool', pool })[0]?.id ?? pool.members[0]?.modelId) : ref.modelId;
    const model = baseId ? this.deps.models.find(baseId) : undefined;
    if (!model) throw new NotFoundError('model', baseId ?? '');
    const target: RouteTarget = pool ? { kind: 'pool', pool } : { kind: 'model', model };

    const fresh: ChatMessage[] = messages ?? [{ role: 'user', content: prompt ?? '' }];
    const { maxTokens: modelMax, ...modelParams } = model.defaults;
    const merged = { ...modelParams, ...session?.params, ...params };
    const maxTokens = params.maxTokens ?? session?.params.maxTokens ?? modelMax;
    const history = session ? await this.deps.sessions.history(em, session.id) : [];
    const fitted = fitHistory(history, fresh, model.contextWindow, maxTokens);
    const prepared: PreparedGeneration = {
      id: randomUUID(),
      target,
      model,
      request: { messages: fitted.messages, params: { ...merged, maxTokens }, ...(requestId ? { requestId } : {}) },
      apiKeyId: viewer.keyId,
      sessionId: session?.id ?? null,
      fresh,
      droppedMessages: fitted.dropped,
      promptTokens: fitted.promptTokens,
      stream,
      costLimitMicroUsd: null,
      reservation: null,
      requestId,
      createdAt: new Date(),
    };

    try {
      resolveTarget(this.deps, ref);
    } catch (error) {
      throw error instanceof ModelUnavailableError ? await this.#recorder.refused(prepared, error) : error;
    }
    if (viewer.requestsPerMinute !== null) {
      const admitted = this.#keyLimiters.get(viewer.keyId ?? 'local').tryReserve({ requestsPerMinute: viewer.requestsPerMinute }, 0);
      if (!admitted.ok) {
        this.deps.metrics.rateLimited.inc({ scope: 'api_key' });
        const error = new RateLimitedError(`this API key may send ${viewer.requestsPerMinute} requests per minute; retry after ${admitted.retryAfterMs} ms`, { retryAfterMs: admitted.retryAfterMs, retryable: true });
        throw await this.#recorder.refused(prepared, error);
      }
    }
    const budgeted = viewer.keyId !== null && (viewer.budget.dailyMicroUsd !== null || viewer.budget.monthlyMicroUsd !== null);
    if (budgeted && viewer.keyId) await this.deps.budgets.ensureLoaded(viewer.keyId);
    // From here to the reservation nothing awaits: the budget check and the reservation are one step.
    const budget = budgeted && viewer.keyId ? this.deps.budgets.status(viewer.keyId, viewer.budget) : null;
    const requestLimit = costLimit === undefined ? null : usdToMicro(costLimit);
    // A budget's worst cases must fit in what it has left, so a running request holds back its
    // prompt plus maxTokens of output until it settles. With maxTokens left to the model's
    // default (2000), one request on a small budget would hold all of it and refuse every parallel
    // one: such a request may hold at most a share of what is left (BUDGET_SHARE), its maxTokens
    // lowered to fit. A maxTokens the caller asked for is fitted to the whole of it.
    const explicitMax = params.maxTokens !== undefined || session?.params.maxTokens !== undefined;
    const budgetLimit = budget?.remainingMicroUsd == null ? null : explicitMax ? budget.remainingMicroUsd : Math.floor(budget.remainingMicroUsd * BUDGET_SHARE);
    const within = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
    let limit = within(requestLimit, budgetLimit);
    if (limit === null) return prepared;
    const promptTokens = prepared.promptTokens ?? countPromptTokens(prepared.request.messages);
    let affordable = fitMaxTokens(promptTokens, maxTokens, limit, model);
    if (affordable < 1 && !explicitMax && budget?.remainingMicroUsd != null) {
      // Not even a token fits in the share: the rest of the budget, as an explicit maxTokens would get.
      limit = within(requestLimit, budget.remainingMicroUsd) as number;
      affordable = fitMaxTokens(promptTokens, maxTokens, limit, model);
    }
    if (affordable < 1) {
      const byBudget = budget !== null && budget.remainingMicroUsd !== null && (requestLimit === null || budget.remainingMicroUsd < requestLimit);
      const held = budget && budget.reservedMicroUsd > 0 ? `, after $${microToUsd(budget.reservedMicroUsd)} held back by running requests until they settle` : '';
      const message = byBudget
        ? `the ${budget?.binding} budget of this API key has $${microToUsd(budget?.remainingMicroUsd ?? 0)} left${held}, less than the prompt alone would cost on ${model.id}; nothing was sent`
        : `the prompt alone would cost more than the costLimit of $${costLimit} on ${model.id}; nothing was sent`;
      const details = byBudget ? { budget: budget?.binding, remainingUsd: microToUsd(budget?.remainingMicroUsd ?? 0), reservedUsd: microToUsd(budget?.reservedMicroUsd ?? 0) } : { costLimitMicroUsd: limit };
      throw await this.#recorder.refused(prepared, new CostLimitExceededError(message, { details }));
    }
    const reservation = budgeted && viewer.keyId ? this.deps.budgets.reserve(viewer.keyId, costMicroUsd(promptTokens, affordable, model)) : null;
    return { ...prepared, promptTokens, costLimitMicroUsd: limit, reservation, request: { ...prepared.request, params: { ...prepared.request.params, maxTokens: affordable } } };
  }

  /**
   * `generate`: runs to the end; a failed generation is stored and its error thrown with the
   * generation's id. One cut by a signal whose reason is a GatewayError (the key was revoked) is
   * stored CANCELLED and that reason thrown.
   */
  async generate(input: unknown, viewer: Viewer, signal: AbortSignal, requestId: string | null = null): Promise<GenerationRecord> {
    const outcome = await this.execute(await this.prepare(input, viewer, false, requestId), signal);
    if (outcome.error) throw outcome.error.withDetails({ generationId: outcome.record.id });
    if (outcome.record.status === 'CANCELLED' && signal.reason instanceof GatewayError) throw signal.reason.withDetails({ generationId: outcome.record.id });
    return outcome.record;
  }

  /**
   * `generateStream`: the events of one generation. Closing the iterator (the client
   * unsubscribes or disconnects) aborts the upstream call; the generation is stored CANCELLED.
   */
  stream(prepared: PreparedGeneration): AsyncIterableIterator<GenerationEvent> {
    let started = false;
    const events = new Repeater<GenerationEvent>(async (push, stop) => {
      started = true;
      const controller = new AbortController();
      let ended = false;
      // Abort only a generation still running when the subscription closes (an abort builds an
      // AbortError: not for every stream that simply finished).
      void stop.then(() => ended || controller.abort());
      try {
        await this.execute(prepared, controller.signal, push);
      } finally {
        ended = true;
        stop();
      }
    });
    // A subscription closed before its first read never runs: give back what it reserved.
    return {
      next: () => events.next(),
      return: (value?: unknown) => {
        if (!started) prepared.reservation?.release();
        return events.return(value as never);
      },
      throw: (error?: unknown) => events.throw(error),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Sends the request through the router, relays its parts to `emit`, and stores the outcome. */
  async execute(prepared: PreparedGeneration, signal: AbortSignal, emit?: Emit): Promise<GenerationOutcome> {
    const { request } = prepared;
    let model = prepared.model;
    const started = performance.now();
    const attempts: StoredAttempt[] = [];

    let text = '';
    let timeToFirstToken: number | null = null;
    let usage: Usage = { inputTokens: 0, outputTokens: 0, estimated: false };
    let finishReason: FinishReason | null = null;
    let error: GatewayError | undefined;
    let deltas = 0;
    // A stream that would pass its cost limit is stopped: the upstream call is aborted and the answer ends with COST_LIMIT.
    const inner = new AbortController();
    const forward = () => inner.abort();
    // A signal aborted before this point (a key revoked while the request was admitted) fires no listener.
    if (signal.aborted) inner.abort();
    else signal.addEventListener('abort', forward, { once: true });
    let stoppedForCost = false;
    // The running cost (TokenDelta.costUsd, the stop at the limit) is counted only where someone needs it.
    const trackCost = emit !== undefined || prepared.costLimitMicroUsd !== null;
    const promptTokens = trackCost ? (prepared.promptTokens ?? countPromptTokens(request.messages)) : 0;
    let outputTokens = 0;
    try {
      const route = await this.deps.router.start(prepared.target, request, inner.signal, attempts, { wholeAnswer: !prepared.stream, ...(typeof prepared.promptTokens === 'number' ? { promptTokens: prepared.promptTokens } : {}) });
      model = route.model;
      await emit?.({ kind: 'started', generationId: prepared.id, model, at: prepared.createdAt });
      for await (const part of route.parts) {
        if (part.type === 'text-delta') {
          timeToFirstToken ??= (route.firstTokenAt ?? performance.now()) - started;
          text += part.text;
          if (trackCost) outputTokens += countTokens(part.text);
          const running = trackCost ? costMicroUsd(promptTokens, outputTokens, model) : 0;
          await emit?.({ kind: 'delta', generationId: prepared.id, text: part.text, index: deltas++, costMicroUsd: running });
          if (prepared.costLimitMicroUsd !== null && running > prepared.costLimitMicroUsd && !stoppedForCost) {
            stoppedForCost = true;
            inner.abort();
          }
        } else if (part.type === 'finish') {
          usage = part.usage;
          finishReason = part.finishReason;
        } else if (part.type === 'error') {
          error = part.error;
          usage = part.usage ?? usage;
        }
      }
    } catch (thrown) {
      error = thrown instanceof GatewayError ? thrown : new UpstreamError(`${model.id}: ${thrown instanceof Error ? thrown.message : 'failed'}`, { cause: thrown });
      model = this.deps.models.find(attempts.at(-1)?.modelId ?? model.id) ?? model;
    } finally {
      signal.removeEventListener('abort', forward);
    }

    if (stoppedForCost) {
      finishReason = 'cost-limit';
      error = undefined;
    }
    const cancelled = !stoppedForCost && (finishReason === 'cancelled' || (error !== undefined && signal.aborted));
    const status: GenerationStatus = cancelled ? 'CANCELLED' : error ? 'FAILED' : 'SUCCEEDED';
    const latencyMs = performance.now() - started;
    const record = await this.#recorder.finished(prepared, model, {
      status,
      finishReason: cancelled ? 'cancelled' : finishReason,
      text,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      usageEstimated: usage.estimated,
      costMicroUsd: costMicroUsd(usage.inputTokens, usage.outputTokens, model),
      latencyMs: Math.round(latencyMs),
      timeToFirstTokenMs: timeToFirstToken === null ? null : Math.round(timeToFirstToken),
      errorCode: cancelled ? null : (error?.code ?? null),
      errorMessage: cancelled ? null : (error?.message ?? null),
      attempts,
    }, timeToFirstToken === null ? null : Math.round(timeToFirstToken));
    // Only a whole turn joins the history: a failed or cancelled one leaves it as it was.
    if (status === 'SUCCEEDED' && prepared.sessionId) {
      await this.deps.sessions.appendTurn(prepared.sessionId, [...prepared.fresh, { role: 'assistant', content: text }], record.id);
    }
    if (status === 'SUCCEEDED') await emit?.({ kind: 'completed', generation: record });
    else if (error && !cancelled) await emit?.({ kind: 'failed', generation: record, code: error.code, message: error.message });
    return error && !cancelled ? { record, error } : { record };
  }

  readonly #keyLimiters = new LimiterMap(() => Date.now());

  /** One generation, or undefined when there is none the caller may see. */
  async find(id: string, viewer: Viewer): Promise<GenerationRecord | undefined> {
    const record = await this.deps.store.get(id);
    return record && (hasScope(viewer, 'admin') || record.apiKeyId === viewer.keyId) ? record : undefined;
  }

  /** A page of generations, newest first; a client key sees only its own (its `apiKeyId` filter is replaced). */
  page(viewer: Viewer, filter: GenerationFilter, first: number, after?: string | null): Promise<GenerationPage> {
    const apiKeyId = hasScope(viewer, 'admin') ? filter.apiKeyId : viewer.keyId;
    return this.deps.store.page({ ...filter, apiKeyId: apiKeyId ?? null }, first, after);
  }
}
