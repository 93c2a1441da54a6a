import { randomUUID } from 'node:crypto';
import {
  BudgetUnavailableError,
  CostLimitExceededError,
  GatewayError,
  ModelUnavailableError,
  NotFoundError,
  RateLimitedError,
} from '../../core/errors.js';
import type { Clock } from '../../core/ports/clock.js';
import type { BudgetStatus, BudgetStore, HoldResult, RateStore, Reservation } from '../../core/ports/stores.js';
import type { ModelRecord } from '../../core/records/model.js';
import type { Metrics } from '../../observability/metrics.js';
import { costMicroUsd, fitMaxTokens } from '../../pricing/cost.js';
import { microToUsd, usdToMicro } from '../../pricing/money.js';
import { hasUnknownPrice, type UnknownPricePolicy, unknownPriceRefusal } from '../../pricing/unknown-price.js';
import type { GenerationParams } from '../../core/chat/chat-request.js';
import { requestOverheadTokens } from '../../providers/prompt-tokens.js';
import type { RouteTarget, TargetFields, TargetRef, TargetResolver } from '../../routing/resolve-target.js';
import type { Router } from '../../routing/router.js';
import { stickinessKey } from '../../routing/stickiness-key.js';
import { hasScope, type Viewer } from '../keys/viewer.js';
import { fitHistory } from '../sessions/session-history.js';
import type { SessionService } from '../sessions/session-service.js';
import { type ChatBounds, checkChatBounds, DEFAULT_CHAT_BOUNDS } from './chat-bounds.js';
import type { GenerateRequest } from './generate-request.js';
import type { AdmitOptions, PreparedGeneration } from './prepared-generation.js';

import { needsOf, unmetNeed, unmetNeedError } from './target-features.js';
import type { GenerationRecorder } from './generation-recorder.js';
import { requireKind } from '../embeddings/model-kind.js';
import { chatCacheKey, scopeOf } from '../../cache/cache-key.js';
import { decideCaching } from '../../cache/cache-policy.js';
import type { CacheSettings } from '../../core/records/cache.js';

/**
 * The most of a key's remaining budget one request may hold back when it leaves maxTokens to the
 * model's default (see admit): parallel requests on a small budget each get a share, not none.
 */
export const BUDGET_SHARE = 0.25;

/**
 * How long a request whose budget is all held back by running requests waits for them to settle
 * (most give back most of what they hold), polling the store with a jittered back-off from
 * BUDGET_POLL_MS doubling up to BUDGET_POLL_MAX_MS; past it, the request is refused.
 */
export const BUDGET_WAIT_MS = 30_000;
const BUDGET_POLL_MS = 10;
const BUDGET_POLL_MAX_MS = 200;

export interface AdmissionDeps {
  readonly sessions: Pick<SessionService, 'get' | 'fittedHistory'>;
  readonly targets: Pick<TargetResolver, 'find' | 'requireAvailable'>;
  readonly models: { find(id: string): ModelRecord | undefined };
  readonly router: Pick<Router, 'plan' | 'policy'>;
  readonly rates: RateStore;
  readonly budgets: BudgetStore;
  readonly recorder: Pick<GenerationRecorder, 'refused'>;
  readonly metrics: Pick<Metrics, 'rateLimited'>;
  readonly clock: Pick<Clock, 'now' | 'sleep'>;
  /** Uniform in [0, 1): the jitter of the waits for a budget's holds to settle. */
  readonly random?: () => number;
  /** What a request may carry besides text (read per call); default DEFAULT_CHAT_BOUNDS. */
  readonly chatBounds?: () => ChatBounds;
  /** The config's default model (read per call: a reload may change it). */
  readonly defaultModel: () => string | undefined;
  /** `budgets.unknownPrice` (read per call); default `refuse`. */
  readonly unknownPrice?: () => UnknownPricePolicy;
  /** The response cache settings in force for a model target (undefined: a pool, the gateway's); absent: no cache. */
  /** The cache settings in force for a target: a model's over the gateway's; a pool's, the strictest of its members' (see strictestSettings). */
  readonly cacheSettings?: (target: RouteTarget) => CacheSettings;
}

/**
 * Admission (SPEC §5–§7), apart from execution: validates the input, resolves the target once,
 * draws its candidates once (the router walks that same order), fits maxTokens, the cost limit and
 * the budget on the first candidate, and reserves the key's rate and budget. A refusal after the
 * target is known is stored like any generation, then thrown. Nothing is sent upstream here.
 */
export class Admission {
  constructor(private readonly deps: AdmissionDeps) {}

  /**
   * Admits a door's typed request. `fields`: how the door names its fields (errors name them);
   * `signal`: the caller's, which ends a wait for the budget (see #reserveCost).
   */
  async admit(request: GenerateRequest, viewer: Viewer, options: AdmitOptions): Promise<PreparedGeneration> {
    const { stream, requestId = null, signal, fields: requestFields } = options;
    checkChatBounds(request, this.deps.chatBounds?.() ?? DEFAULT_CHAT_BOUNDS, requestFields);
    const { costLimit } = request;
    const session = request.sessionId ? await this.deps.sessions.get(request.sessionId, viewer) : undefined;
    // The target, and the field an error about it names: the caller's own, or the session's.
    const sessionFields: TargetFields = { model: requestFields.session, pool: requestFields.session };
    const [ref, fields]: [TargetRef, TargetFields] = request.pool
      ? [{ poolName: request.pool }, requestFields]
      : request.model
        ? [{ modelId: request.model }, requestFields]
        : session
          ? [{ modelId: session.modelId, poolName: session.poolName }, sessionFields]
          : [{ modelId: this.deps.defaultModel() }, requestFields];
    const base = baseDraft(viewer, stream, requestId, session?.id ?? null);
    /** Stores a request refused before its candidates were drawn, on the model it names (a pool: its first member). */
    const refuse = async (target: RouteTarget, error: GatewayError) => {
      const model = target.kind === 'model' ? target.model : this.#nominalModel(target);
      const draft = await this.#draft(
        { ...base, target, plan: { target, order: [], policy: this.deps.router.policy(target) } },
        model,
        request,
        session?.params,
      );
      return this.deps.recorder.refused(draft, error);
    };

    const target = this.deps.targets.find(ref, fields, viewer.models);
    // An embedding model asked to chat is bad input, like any other the request cannot use.
    requireKind(target, 'chat', target.kind === 'model' ? fields.model : fields.pool, (id) => this.deps.models.find(id));
    // What the request needs beyond text (images, tools, a JSON schema …): a target none of whose
    // models' providers carries it is bad input, refused before it takes a rate or pool turn.
    const needs = needsOf(request, requestFields);
    const carries = (model: ModelRecord) => unmetNeed(model, needs) === undefined;
    if (needs.length > 0) {
      const models = target.kind === 'model' ? [target.model] : target.pool.members.flatMap((m) => this.deps.models.find(m.modelId) ?? []);
      if (!models.some(carries)) {
        const model = models[0] ?? (target.kind === 'model' ? target.model : this.#nominalModel(target));
        throw unmetNeedError(model, unmetNeed(model, needs) ?? (needs[0] as (typeof needs)[number]));
      }
    }
    try {
      this.deps.targets.requireAvailable(target, fields, hasScope(viewer, 'admin'));
    } catch (error) {
      throw error instanceof ModelUnavailableError ? await refuse(target, error) : error;
    }
    // The key's own limit is checked first: a refused request takes no pool turn.
    if (viewer.requestsPerMinute !== null) {
      const admitted = await this.deps.rates.tryReserve(
        `api-key:${viewer.keyId ?? 'local'}`,
        { requestsPerMinute: viewer.requestsPerMinute },
        0,
      );
      if (!admitted.ok) {
        this.deps.metrics.rateLimited.inc({ scope: 'api_key' });
        throw await refuse(
          target,
          new RateLimitedError(
            `this API key may send ${viewer.requestsPerMinute} requests per minute; retry after ${admitted.retryAfterMs} ms`,
            { retryAfterMs: admitted.retryAfterMs, retryable: true },
          ),
        );
      }
    }
    // A sticky pool sends the request where its conversation's last turn went (the key is read only for one).
    const sticky =
      target.kind === 'pool' && target.pool.sticky
        ? stickinessKey({ ...request, sessionId: session?.id, caller: viewer.keyId ?? 'local' })
        : undefined;
    const drawn = await this.deps.router.plan(target, { stickinessKey: sticky });
    // Candidates that cannot carry the request (a fallback of another provider kind) are left out.
    const chatModels = drawn.order.filter((m) => m.kind === 'chat');
    const plan = { ...drawn, order: needs.length === 0 ? chatModels : chatModels.filter(carries) };
    // Its candidates may have gone while the rate check awaited (a remote disable or circuit).
    if (plan.order.length === 0)
      throw await refuse(
        target,
        new ModelUnavailableError(
          `no candidate of ${target.kind === 'model' ? target.model.id : `pool ${target.pool.name}`} can take requests now`,
        ),
      );
    const drafted = await this.#draft({ ...base, target, plan }, plan.order[0] as ModelRecord, request, session?.params);
    // The cache key is taken before the budget fits maxTokens: a budget's state never changes it.
    const cache = this.#cachePlan(drafted, target, options);
    const prepared = cache ? { ...drafted, cache } : drafted;
    return this.#reserveCost(
      prepared,
      viewer,
      costLimit,
      request.params.maxTokens !== undefined || session?.params.maxTokens !== undefined,
      signal,
    );
  }

  /**
   * Fits the request in its costLimit and the key's budget on the plan's first model, and holds
   * the worst case against the budget. A budget's worst cases must fit in what it has left, so a
   * running request holds back its prompt plus maxTokens of output until it settles, and is held
   * to that amount: it is stopped before passing it and charged at most it. With maxTokens left to
   * the model's default (2000), one request on a small budget would hold all of it: such a request
   * may hold at most a share of what is left (BUDGET_SHARE), its maxTokens lowered to fit. A
   * maxTokens the caller asked for is fitted to the whole of it.
   *
   * When not one output token fits what is left only because running requests hold the rest, the
   * request waits for them to settle (they give back what they did not spend) and fits again, for
   * up to BUDGET_WAIT_MS and while `signal` lets it; it is refused when what the budget truly has
   * left cannot pay for its prompt, or when the wait runs out.
   */
  async #reserveCost(
    prepared: PreparedGeneration,
    viewer: Viewer,
    costLimit: number | undefined,
    explicitMax: boolean,
    signal: AbortSignal | undefined,
  ): Promise<PreparedGeneration> {
    const { model } = prepared;
    const keyId = viewer.keyId;
    const budgeted = keyId !== null && (viewer.budget.dailyMicroUsd !== null || viewer.budget.monthlyMicroUsd !== null);
    const requestLimit = costLimit === undefined ? null : usdToMicro(costLimit);
    if (!budgeted && requestLimit === null) return prepared;
    // A model whose price is unknown cannot be fitted in a budget or a cost limit: refused, or run uncounted, as the config says.
    if (hasUnknownPrice(model)) {
      if ((this.deps.unknownPrice?.() ?? 'refuse') === 'allow') return prepared;
      throw await this.deps.recorder.refused(prepared, unknownPriceRefusal(model, budgeted ? 'budget' : 'costLimit'));
    }
    const { promptTokens } = prepared;
    const fitted = (affordable: number, limit: number | null, reservation: Reservation | null): PreparedGeneration => ({
      ...prepared,
      promptTokens,
      // A budgeted request may cost what it holds, at most: that is its stream's limit and the most it is charged.
      costLimitMicroUsd: reservation === null ? limit : Math.min(reservation.amountMicroUsd, requestLimit ?? Infinity),
      reservation,
      request: { ...prepared.request, params: { ...prepared.request.params, maxTokens: affordable } },
    });
    if (!budgeted || keyId === null) {
      const fit = fitCost(prepared, null, requestLimit, explicitMax, promptTokens);
      if (fit.affordable < 1)
        throw await this.deps.recorder.refused(prepared, costRefusal(model.id, null, requestLimit, costLimit, fit.limit));
      return fitted(fit.affordable, fit.limit, null);
    }
    // The common case in one step: the whole worst case held at once (within the request's share of
    // what is left, and its cost limit). Refused, the request is fitted on the status that answers.
    let budget: BudgetStatus;
    const whole = fitCost(prepared, null, requestLimit, true, promptTokens);
    if (whole.affordable === prepared.request.params.maxTokens) {
      const hold = await this.#hold(
        prepared,
        keyId,
        viewer,
        costMicroUsd(promptTokens, whole.affordable, model),
        explicitMax ? 1 : BUDGET_SHARE,
      );
      if (hold.ok) return fitted(whole.affordable, whole.limit, hold.reservation);
      budget = hold.status;
    } else budget = await this.#budgetStatus(prepared, keyId, viewer);
    // Fit, then hold: the store holds only what still fits, atomically; when another request (on
    // this instance or another) took the room meanwhile, fit again on the status it answers.
    const waitUntil = this.deps.clock.now() + BUDGET_WAIT_MS;
    let pollMs = BUDGET_POLL_MS;
    /** Waits a jittered back-off, then reads the budget again; refuses once the wait has run out or the caller has gone. */
    const pause = async (fit: { limit: number | null }) => {
      if (this.deps.clock.now() + pollMs > waitUntil)
        throw await this.deps.recorder.refused(prepared, costRefusal(model.id, budget, requestLimit, costLimit, fit.limit, 'waited'));
      try {
        await this.deps.clock.sleep(Math.ceil(pollMs * (0.5 + (this.deps.random ?? Math.random)() / 2)), signal);
      } catch {
        const reason: unknown = signal?.reason;
        throw await this.deps.recorder.refused(
          prepared,
          reason instanceof GatewayError ? reason : costRefusal(model.id, budget, requestLimit, costLimit, fit.limit, 'cancelled'),
        );
      }
      pollMs = Math.min(pollMs * 2, BUDGET_POLL_MAX_MS);
      return this.#budgetStatus(prepared, keyId, viewer);
    };
    for (let lost = 0; ; ) {
      const fit = fitCost(prepared, budget, requestLimit, explicitMax, promptTokens);
      if (fit.affordable >= 1) {
        const hold = await this.#hold(prepared, keyId, viewer, costMicroUsd(promptTokens, fit.affordable, model));
        if (hold.ok) return fitted(fit.affordable, fit.limit, hold.reservation);
        // Another request took the room meanwhile: fit again at once, and after a few such races, back off.
        budget = ++lost % 4 === 0 ? await pause(fit) : hold.status;
        continue;
      }
      // Not one output token fits what is left: wait only when it would once the running requests settle.
      const truly = budget.remainingMicroUsd === null ? null : budget.remainingMicroUsd + budget.reservedMicroUsd;
      const onceSettled =
        budget.reservedMicroUsd > 0 &&
        fitCost(prepared, { ...budget, remainingMicroUsd: truly }, requestLimit, true, promptTokens).affordable >= 1;
      if (!onceSettled) throw await this.deps.recorder.refused(prepared, costRefusal(model.id, budget, requestLimit, costLimit, fit.limit));
      budget = await pause(fit);
    }
  }

  /** The response cache's plan for the request: its key (with its scope) and what the policy decided; undefined: no cache. */
  #cachePlan(prepared: PreparedGeneration, target: RouteTarget, options: AdmitOptions): PreparedGeneration['cache'] {
    const settings = this.deps.cacheSettings?.(target);
    const decision = settings && decideCaching(settings, options.cache ?? {});
    if (!decision) return undefined;
    const asked = target.kind === 'model' ? `model:${target.model.id}` : `pool:${target.pool.name}`;
    return {
      ...decision,
      key: chatCacheKey(scopeOf(decision.scope, prepared.apiKeyId), asked, prepared.request),
      maxTokens: prepared.request.params.maxTokens,
    };
  }

  /** The key's budget status; a store that cannot answer refuses the request, stored (budgets fail closed). */
  async #budgetStatus(prepared: PreparedGeneration, keyId: string, viewer: Viewer): Promise<BudgetStatus> {
    try {
      return await this.deps.budgets.status(keyId, viewer.budget);
    } catch (error) {
      throw await this.deps.recorder.refused(prepared, budgetUnavailable(error));
    }
  }

  async #hold(prepared: PreparedGeneration, keyId: string, viewer: Viewer, amount: number, share?: number): Promise<HoldResult> {
    try {
      return await this.deps.budgets.tryReserve(keyId, viewer.budget, amount, share ?? 1, prepared.id);
    } catch (error) {
      throw await this.deps.recorder.refused(prepared, budgetUnavailable(error));
    }
  }

  /**
   * The request as it would be sent to `model`: parameters over the model's defaults, the
   * session's history (read only as far as the window takes) fitted to its context window, and
   * its prompt tokens counted — once for the request: budgets, cost limits, rate limits and the
   * usage estimate all take this count.
   */
  async #draft(
    base: Pick<PreparedGeneration, 'id' | 'target' | 'plan' | 'apiKeyId' | 'sessionId' | 'stream' | 'requestId' | 'keyRequestLog'>,
    model: ModelRecord,
    asked: GenerateRequest,
    sessionParams: Partial<GenerationParams> | undefined,
  ): Promise<PreparedGeneration> {
    const fresh = asked.messages;
    const { params } = asked;
    const { maxTokens: modelMax, ...modelParams } = model.defaults;
    const maxTokens = params.maxTokens ?? sessionParams?.maxTokens ?? modelMax;
    const overhead = requestOverheadTokens(asked);
    const fitted = base.sessionId
      ? await this.deps.sessions.fittedHistory(base.sessionId, fresh, model.contextWindow, maxTokens, overhead)
      : fitHistory([], fresh, model.contextWindow, maxTokens, overhead);
    return {
      ...base,
      model,
      request: {
        messages: fitted.messages,
        params: { ...modelParams, ...sessionParams, ...params, maxTokens },
        ...(asked.tools?.length ? { tools: asked.tools } : {}),
        ...(asked.toolChoice !== undefined ? { toolChoice: asked.toolChoice } : {}),
        ...(asked.parallelToolCalls !== undefined ? { parallelToolCalls: asked.parallelToolCalls } : {}),
        ...(asked.responseFormat !== undefined ? { responseFormat: asked.responseFormat } : {}),
        ...(asked.reasoning !== undefined ? { reasoning: asked.reasoning } : {}),
        ...(base.requestId ? { requestId: base.requestId } : {}),
        promptTokens: fitted.promptTokens,
      },
      fresh,
      droppedMessages: fitted.dropped,
      promptTokens: fitted.promptTokens,
      costLimitMicroUsd: null,
      reservation: null,
      createdAt: new Date(this.deps.clock.now()),
    };
  }

  #nominalModel(target: Extract<RouteTarget, { kind: 'pool' }>): ModelRecord {
    const id = target.pool.members[0]?.modelId ?? '';
    const model = this.deps.models.find(id);
    if (!model) throw new NotFoundError('model', id);
    return model;
  }
}

function baseDraft(viewer: Viewer, stream: boolean, requestId: string | null, sessionId: string | null) {
  return { id: randomUUID(), apiKeyId: viewer.keyId, sessionId, stream, requestId, keyRequestLog: viewer.requestLog ?? null };
}

/**
 * The largest maxTokens that fits the cost limit and the budget on the plan's first model: the
 * budget's share for a request that left maxTokens to the default (BUDGET_SHARE), all of what is
 * left for one that set it (or when not even a token fits the share).
 */
function fitCost(
  prepared: PreparedGeneration,
  budget: BudgetStatus | null,
  requestLimit: number | null,
  explicitMax: boolean,
  promptTokens: number,
): { affordable: number; limit: number | null } {
  const { model } = prepared;
  const maxTokens = prepared.request.params.maxTokens;
  const budgetLimit =
    budget?.remainingMicroUsd == null ? null : explicitMax ? budget.remainingMicroUsd : Math.floor(budget.remainingMicroUsd * BUDGET_SHARE);
  const within = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  let limit = within(requestLimit, budgetLimit);
  if (limit === null) return { affordable: maxTokens, limit: null };
  let affordable = fitMaxTokens(promptTokens, maxTokens, limit, model);
  if (affordable < 1 && !explicitMax && budget?.remainingMicroUsd != null) {
    limit = within(requestLimit, budget.remainingMicroUsd) as number;
    affordable = fitMaxTokens(promptTokens, maxTokens, limit, model);
  }
  return { affordable, limit };
}

/**
 * Why a request that cannot afford one output token is refused: the budget's words, or the cost
 * limit's. `waited`: the budget's holds did not settle in BUDGET_WAIT_MS, or the request ended
 * (`cancelled`) while it waited for them.
 */
function costRefusal(
  modelId: string,
  budget: BudgetStatus | null,
  requestLimit: number | null,
  costLimit: number | undefined,
  limit: number | null,
  waited?: 'waited' | 'cancelled',
): CostLimitExceededError {
  const byBudget =
    budget !== null && budget.remainingMicroUsd !== null && (requestLimit === null || budget.remainingMicroUsd < requestLimit);
  const reserved = `$${microToUsd(budget?.reservedMicroUsd ?? 0)} held back by running requests`;
  const held =
    waited === 'waited'
      ? `, after ${reserved} that did not settle within ${BUDGET_WAIT_MS / 1000} s`
      : waited === 'cancelled'
        ? `, after ${reserved} (the request ended while it waited for them to settle)`
        : budget && budget.reservedMicroUsd > 0
          ? `, after ${reserved} until they settle`
          : '';
  const message = byBudget
    ? `the ${budget?.binding} budget of this API key has $${microToUsd(budget?.remainingMicroUsd ?? 0)} left${held}, less than the prompt alone would cost on ${modelId}; nothing was sent`
    : `the prompt alone would cost more than the costLimit of $${costLimit} on ${modelId}; nothing was sent`;
  const details = byBudget
    ? {
        budget: budget?.binding,
        remainingUsd: microToUsd(budget?.remainingMicroUsd ?? 0),
        reservedUsd: microToUsd(budget?.reservedMicroUsd ?? 0),
      }
    : { costLimitMicroUsd: limit };
  return new CostLimitExceededError(message, { details });
}

function budgetUnavailable(error: unknown): BudgetUnavailableError {
  return new BudgetUnavailableError(
    `the budget of this API key cannot be checked now (its store does not answer: ${error instanceof Error ? error.message : String(error)}); nothing was sent`,
    { cause: error },
  );
}
