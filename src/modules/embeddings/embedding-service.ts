import { randomUUID } from 'node:crypto';
import {
  BudgetUnavailableError,
  CostLimitExceededError,
  GatewayError,
  InvalidInputError,
  ModelUnavailableError,
  RateLimitedError,
  RetryExhaustedError,
  UpstreamError,
} from '../../core/errors.js';
import type { Clock } from '../../core/ports/clock.js';
import type { BudgetStore, HoldResult, RateStore, Reservation } from '../../core/ports/stores.js';
import type { GenerationRecord } from '../../core/records/generation.js';
import type { ModelRecord } from '../../core/records/model.js';
import type { Metrics } from '../../observability/metrics.js';
import { costMicroUsd } from '../../pricing/cost.js';
import { hasUnknownPrice, type UnknownPricePolicy, unknownPriceRefusal } from '../../pricing/unknown-price.js';
import { microToUsd } from '../../pricing/money.js';
import type { ProviderAdapters } from '../../providers/providers.js';
import type { EmbedResult } from '../../providers/provider.js';
import { countTokens } from '../../providers/token-estimate.js';
import { missingVendorKey, upstreamTarget, type VendorKeys } from '../../providers/upstream-target.js';
import { AttemptLog } from '../../routing/attempt-log.js';
import type { RouteTarget, TargetFields, TargetResolver } from '../../routing/resolve-target.js';
import { retryDelayMs, shouldRetry } from '../../routing/retry-policy.js';
import type { RoutePlan, Router } from '../../routing/router.js';
import { type GenerationRecorder, NOTHING_PRODUCED } from '../generations/generation-recorder.js';
import type { PreparedGeneration } from '../generations/prepared-generation.js';
import { hasScope, type Viewer } from '../keys/viewer.js';
import { ofKind, requireKind } from './model-kind.js';
import { endWithError, markFailed, NO_TRACING, SpanKind, type Tracing } from '../../observability/tracing.js';
import {
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  attemptAttributes,
  genAIProviderName,
  responseAttributes,
  SWITCHYARD_ATTRIBUTES,
} from '../../observability/tracing-attributes.js';
import type { AnswerCache, CachePlan } from '../../cache/answer-cache.js';
import { embeddingCacheKey, scopeOf } from '../../cache/cache-key.js';
import { decideCaching } from '../../cache/cache-policy.js';
import type { CachedEmbeddings } from '../../cache/cached-answer.js';
import type { CacheControl, CacheSettings } from '../../core/records/cache.js';

/** At most this many texts in one request (OpenAI's own bound). */
export const MAX_EMBED_INPUTS = 2048;
/** At most this many characters in one text: about 8192 tokens, the input bound of OpenAI's embedding models. */
export const MAX_EMBED_INPUT_CHARS = 32_768;
/** The largest vector size a request may ask for (OpenAI's largest model has 3072). */
export const MAX_EMBED_DIMENSIONS = 16_384;

/** An embedding request as every door builds it. */
export interface EmbedServiceRequest {
  readonly model?: string | undefined;
  readonly pool?: string | undefined;
  readonly input: readonly string[];
  readonly dimensions?: number | undefined;
}

/** How a door names its fields, so an error names the caller's own. */
export interface EmbedFields extends TargetFields {
  readonly input: string;
  readonly dimensions: string;
}

/** The vectors, on which model, the input tokens and the stored record with its cost. */
export interface Embedded {
  readonly embeddings: number[][];
  readonly model: ModelRecord;
  readonly inputTokens: number;
  readonly record: GenerationRecord;
}

export interface EmbeddingServiceDeps {
  readonly targets: Pick<TargetResolver, 'find' | 'requireAvailable'>;
  readonly models: { find(id: string): ModelRecord | undefined };
  readonly router: Pick<Router, 'plan' | 'policy' | 'isEligible' | 'acquire' | 'recordOutcome'>;
  readonly adapters: ProviderAdapters;
  readonly vendorKeys: VendorKeys;
  readonly rates: RateStore;
  readonly budgets: BudgetStore;
  readonly recorder: Pick<GenerationRecorder, 'finished' | 'refused'>;
  readonly metrics: Pick<Metrics, 'rateLimited'>;
  readonly clock: Pick<Clock, 'now' | 'sleep'>;
  readonly random: () => number;
  /** `budgets.unknownPrice` (read per call); default `refuse`. */
  readonly unknownPrice?: () => UnknownPricePolicy;
  /** Each attempt an `embeddings` CLIENT span; the outcome on the request span (default: off). */
  readonly tracing?: Tracing;
  /** The response cache and the settings in force for a model target (undefined: a pool); absent: no cache. */
  readonly cache?: Pick<AnswerCache, 'find' | 'keep'>;
  /** The cache settings in force for a target: a model's over the gateway's; a pool's, the strictest of its members' (see strictestSettings). */
  readonly cacheSettings?: (target: RouteTarget) => CacheSettings;
}

/**
 * Embeddings (SPEC §15) through the chat path's admission in spirit: the target (a model of kind
 * `embedding`, or a pool with some; a chat model is bad input), the key's rate limit, its budget
 * (the input tokens at the model's input price are held until the request settles), the
 * candidates the router draws tried in order with the retry policy on retryable errors, and the
 * outcome stored as a generation of its model (no text, its input tokens and cost), so
 * `generations`, `costs`, `usageUpdated` and the metrics show it.
 */
export class EmbeddingService {
  readonly #tracing: Tracing;

  constructor(private readonly deps: EmbeddingServiceDeps) {
    this.#tracing = deps.tracing ?? NO_TRACING;
  }

  async embed(
    request: EmbedServiceRequest,
    viewer: Viewer,
    options: { requestId?: string | null; signal: AbortSignal; fields: EmbedFields; cache?: CacheControl | undefined },
  ): Promise<Embedded> {
    const { fields, signal } = options;
    checkBounds(request, fields);
    if (!request.pool && !request.model) throw InvalidInputError.forField(fields.model, 'is required: name an embedding model or pool');
    this.#tracing.requestSpan()?.setAttribute(ATTR_GEN_AI_REQUEST_MODEL, (request.pool ?? request.model) as string);
    const target = this.deps.targets.find(request.pool ? { poolName: request.pool } : { modelId: request.model }, fields, viewer.models);
    requireKind(target, 'embedding', target.kind === 'model' ? fields.model : fields.pool, (id) => this.deps.models.find(id));
    const inputTokens = request.input.reduce((sum, text) => sum + Math.max(1, countTokens(text)), 0);
    const nominal = target.kind === 'model' ? target.model : this.#firstOfKind(target);
    let prepared = this.#prepared(target, { target, order: [], policy: this.deps.router.policy(target) }, nominal, viewer, options);
    try {
      this.deps.targets.requireAvailable(target, fields, hasScope(viewer, 'admin'));
    } catch (error) {
      throw error instanceof ModelUnavailableError ? await this.deps.recorder.refused(prepared, error) : error;
    }
    if (viewer.requestsPerMinute !== null) {
      const admitted = await this.deps.rates.tryReserve(
        `api-key:${viewer.keyId ?? 'local'}`,
        { requestsPerMinute: viewer.requestsPerMinute },
        0,
      );
      if (!admitted.ok) {
        this.deps.metrics.rateLimited.inc({ scope: 'api_key' });
        throw await this.deps.recorder.refused(
          prepared,
          new RateLimitedError(
            `this API key may send ${viewer.requestsPerMinute} requests per minute; retry after ${admitted.retryAfterMs} ms`,
            {
              retryAfterMs: admitted.retryAfterMs,
              retryable: true,
            },
          ),
        );
      }
    }
    const drawn = await this.deps.router.plan(target);
    const plan: RoutePlan = { ...drawn, order: drawn.order.filter(ofKind('embedding')) };
    const first = plan.order[0];
    prepared = this.#prepared(target, plan, first ?? nominal, viewer, options);
    if (!first)
      throw await this.deps.recorder.refused(
        prepared,
        new ModelUnavailableError(`no embedding model of ${describe(target)} can take requests now`),
      );
    // The budget is held before the cache is asked, as for chat: a spent budget refuses a hit too (a hit settles its hold at 0).
    prepared = { ...prepared, reservation: await this.#hold(prepared, viewer, inputTokens, plan.order) };
    const cache = this.#cachePlan(target, request, viewer, options.cache);
    if (cache) prepared = { ...prepared, cache };
    const hit = cache && (await this.deps.cache?.find(cache, 'embedding'));
    if (hit) return this.#replay(prepared, hit);
    return this.#run(prepared, plan, request, signal);
  }

  #cachePlan(target: RouteTarget, request: EmbedServiceRequest, viewer: Viewer, control: CacheControl | undefined): CachePlan | undefined {
    const settings = this.deps.cacheSettings?.(target);
    const decision = settings && decideCaching(settings, control ?? {});
    if (!decision) return undefined;
    const asked = target.kind === 'model' ? `model:${target.model.id}` : `pool:${target.pool.name}`;
    return { ...decision, key: embeddingCacheKey(scopeOf(decision.scope, viewer.keyId), asked, request.input, request.dimensions) };
  }

  /** A cache hit: the stored vectors, nothing sent upstream, recorded as a generation that cost nothing and saved what they cost. */
  async #replay(prepared: PreparedGeneration, hit: CachedEmbeddings): Promise<Embedded> {
    const model = this.deps.models.find(hit.modelId) ?? prepared.model;
    const record = await this.deps.recorder.finished(
      prepared,
      model,
      {
        ...NOTHING_PRODUCED,
        status: 'SUCCEEDED',
        finishReason: 'stop',
        inputTokens: hit.inputTokens,
        costMicroUsd: 0,
        cached: true,
        savedMicroUsd: hit.costMicroUsd,
      },
      null,
    );
    return { embeddings: hit.embeddings, model, inputTokens: hit.inputTokens, record };
  }

  /** Holds the worst case against the key's budget: the input tokens at the dearest candidate's input price. */
  async #hold(
    prepared: PreparedGeneration,
    viewer: Viewer,
    inputTokens: number,
    order: readonly ModelRecord[],
  ): Promise<Reservation | null> {
    const keyId = viewer.keyId;
    if (keyId === null || (viewer.budget.dailyMicroUsd === null && viewer.budget.monthlyMicroUsd === null)) return null;
    // A candidate of unknown price cannot be fitted in the budget: refused, or run uncounted, as budgets.unknownPrice says.
    const unpriced = order.find(hasUnknownPrice);
    if (unpriced && (this.deps.unknownPrice?.() ?? 'refuse') === 'refuse')
      throw await this.deps.recorder.refused(prepared, unknownPriceRefusal(unpriced, 'budget'));
    const worst = Math.max(...order.map((m) => costMicroUsd(inputTokens, 0, m)));
    let hold: HoldResult;
    try {
      hold = await this.deps.budgets.tryReserve(keyId, viewer.budget, worst, 1, prepared.id);
    } catch (error) {
      throw await this.deps.recorder.refused(
        prepared,
        new BudgetUnavailableError(
          `the budget of this API key cannot be checked now (its store does not answer: ${error instanceof Error ? error.message : String(error)}); nothing was sent`,
          { cause: error },
        ),
      );
    }
    if (hold.ok) return hold.reservation;
    const { status } = hold;
    throw await this.deps.recorder.refused(
      prepared,
      new CostLimitExceededError(
        `the ${status.binding} budget of this API key has $${microToUsd(status.remainingMicroUsd ?? 0)} left (and $${microToUsd(status.reservedMicroUsd)} held by running requests), less than these ${inputTokens} input tokens may cost on ${prepared.model.id}; nothing was sent`,
        { details: { budget: status.binding, remainingUsd: microToUsd(status.remainingMicroUsd ?? 0) } },
      ),
    );
  }

  /** Tries the candidates in order (cycling) under the retry policy; stores the outcome either way. */
  async #run(prepared: PreparedGeneration, plan: RoutePlan, request: EmbedServiceRequest, signal: AbortSignal): Promise<Embedded> {
    const { policy } = plan;
    const attempts = new AttemptLog();
    const started = performance.now();
    let lastError: GatewayError | undefined;
    let lastModel = prepared.model;
    for (let n = 1; n <= policy.attempts && !signal.aborted; n++) {
      const model = this.#pick(plan.order, n - 1);
      if (!model) break;
      const delayMs =
        n > 1 ? retryDelayMs(n, policy, this.deps.random, lastError instanceof UpstreamError ? lastError.retryAfterMs : undefined) : 0;
      if (delayMs > 0) await this.deps.clock.sleep(delayMs, signal).catch(() => undefined);
      if (signal.aborted) break;
      lastModel = model;
      const index = attempts.open({
        modelId: model.id,
        provider: model.provider,
        outcome: 'FAILED',
        durationMs: 0,
        ...(delayMs > 0 ? { delayMs } : {}),
      });
      const sent = performance.now();
      const span = this.#tracing.enabled
        ? this.#tracing.startChild(`embeddings ${model.upstreamModel}`, SpanKind.CLIENT, attemptAttributes('embeddings', model, n))
        : undefined;
      try {
        const result = await this.#tracing.withSpan(span, () => this.#call(model, request, prepared.requestId, signal));
        span?.setAttributes(responseAttributes(model.upstreamModel, { inputTokens: result.usage.inputTokens, outputTokens: 0 }));
        span?.end();
        const durationMs = Math.round(performance.now() - sent);
        attempts.close(index, { outcome: 'SUCCEEDED', durationMs });
        this.deps.router.recordOutcome(model.id, true, durationMs);
        return await this.#settle(prepared, model, result, attempts, started);
      } catch (caught) {
        const error = asGatewayError(caught, model);
        if (span?.isRecording()) endWithError(span, error);
        const durationMs = Math.round(performance.now() - sent);
        attempts.close(index, {
          outcome: signal.aborted ? 'CANCELLED' : 'FAILED',
          durationMs,
          errorCode: error.code,
          ...(error instanceof UpstreamError && error.status !== undefined ? { httpStatus: error.status } : {}),
        });
        if (!signal.aborted) this.deps.router.recordOutcome(model.id, false, durationMs);
        lastError = error;
        if (!shouldRetry(error)) break;
      }
    }
    const error =
      lastError === undefined
        ? new ModelUnavailableError(`no embedding model of ${describe(plan.target)} can take requests now`)
        : attempts.length > 1
          ? new RetryExhaustedError(
              `all ${attempts.length} attempts for ${describe(plan.target)} failed; the last: ${lastError.message}`,
              attempts.entries(),
            )
          : lastError;
    const record = await this.deps.recorder.finished(
      prepared,
      lastModel,
      {
        ...NOTHING_PRODUCED,
        status: signal.aborted ? 'CANCELLED' : 'FAILED',
        finishReason: signal.aborted ? 'cancelled' : null,
        latencyMs: Math.round(performance.now() - started),
        errorCode: signal.aborted ? null : error.code,
        errorMessage: signal.aborted ? null : error.message,
        attempts: attempts.entries(),
      },
      null,
    );
    this.#annotate(record, lastModel, signal.aborted ? undefined : error);
    throw error.withDetails({ generationId: record.id });
  }

  /** The request span's outcome: the model and provider that answered (or were tried last), usage, the failure. */
  #annotate(record: GenerationRecord, model: ModelRecord, error: GatewayError | undefined): void {
    const span = this.#tracing.requestSpan();
    if (!span) return;
    span.setAttributes({
      ...responseAttributes(model.upstreamModel, { inputTokens: record.inputTokens, outputTokens: 0 }),
      [ATTR_GEN_AI_PROVIDER_NAME]: genAIProviderName(model.provider),
      [SWITCHYARD_ATTRIBUTES.modelId]: model.id,
      [SWITCHYARD_ATTRIBUTES.generationId]: record.id,
      [SWITCHYARD_ATTRIBUTES.status]: record.status,
      [SWITCHYARD_ATTRIBUTES.cache]: record.cached ? 'hit' : 'miss',
    });
    if (error) markFailed(span, error);
  }

  /** The next candidate from `from` (cycling) that is still eligible and whose circuit lets a request through. */
  #pick(order: readonly ModelRecord[], from: number): ModelRecord | undefined {
    for (let i = 0; i < order.length; i++) {
      const candidate = order[(from + i) % order.length] as ModelRecord;
      const model = this.deps.models.find(candidate.id) ?? candidate;
      if (model.kind === 'embedding' && this.deps.router.isEligible(model) && this.deps.router.acquire(model.id)) return model;
    }
    return undefined;
  }

  async #call(model: ModelRecord, request: EmbedServiceRequest, requestId: string | null, signal: AbortSignal): Promise<EmbedResult> {
    const adapter = this.deps.adapters.get(model.provider);
    if (!adapter?.embed)
      throw new UpstreamError(`provider ${model.provider} of ${model.id} has no embeddings API`, {
        retryable: false,
        reason: 'config',
        provider: model.provider,
      });
    const target = await upstreamTarget(model, this.deps.vendorKeys);
    const missing = target.apiKey ? undefined : missingVendorKey(model, this.deps.vendorKeys);
    if (missing)
      throw new UpstreamError(`${model.id}: ${missing}`, {
        retryable: false,
        reason: 'config',
        provider: model.provider,
      });
    const result = await adapter.embed(
      {
        input: request.input,
        ...(request.dimensions !== undefined ? { dimensions: request.dimensions } : {}),
        ...(requestId ? { requestId } : {}),
      },
      target,
      { signal: AbortSignal.any([signal, AbortSignal.timeout(model.timeouts.totalMs)]) },
    );
    if (result.embeddings.length !== request.input.length)
      throw new UpstreamError(`${model.id} answered ${result.embeddings.length} vectors for ${request.input.length} inputs`, {
        retryable: false,
        reason: 'malformed',
        provider: model.provider,
      });
    return result;
  }

  async #settle(
    prepared: PreparedGeneration,
    model: ModelRecord,
    result: EmbedResult,
    attempts: AttemptLog,
    started: number,
  ): Promise<Embedded> {
    const { inputTokens, estimated } = result.usage;
    const cost = hasUnknownPrice(model) ? null : costMicroUsd(inputTokens, 0, model);
    const held = prepared.reservation?.amountMicroUsd;
    const record = await this.deps.recorder.finished(
      prepared,
      model,
      {
        ...NOTHING_PRODUCED,
        status: 'SUCCEEDED',
        finishReason: 'stop',
        inputTokens,
        usageEstimated: estimated,
        costMicroUsd: held === undefined || cost === null ? cost : Math.min(cost, held),
        latencyMs: Math.round(performance.now() - started),
        attempts: attempts.entries(),
      },
      null,
    );
    this.#annotate(record, model, undefined);
    if (prepared.cache && this.deps.cache)
      await this.deps.cache.keep(prepared.cache, {
        kind: 'embedding',
        modelId: model.id,
        embeddings: result.embeddings,
        inputTokens,
        costMicroUsd: record.costMicroUsd,
      });
    return { embeddings: result.embeddings, model, inputTokens, record };
  }

  #prepared(
    target: RouteTarget,
    plan: RoutePlan,
    model: ModelRecord,
    viewer: Viewer,
    options: { requestId?: string | null },
  ): PreparedGeneration {
    return {
      id: randomUUID(),
      target,
      plan,
      model,
      request: { messages: [], params: { maxTokens: 0 } },
      apiKeyId: viewer.keyId,
      sessionId: null,
      fresh: [],
      droppedMessages: 0,
      stream: false,
      costLimitMicroUsd: null,
      promptTokens: 0,
      reservation: null,
      requestId: options.requestId ?? null,
      keyRequestLog: viewer.requestLog ?? null,
      createdAt: new Date(this.deps.clock.now()),
    };
  }

  /** The model a pool's refusal is recorded on: its first embedding member. */
  #firstOfKind(target: Extract<RouteTarget, { kind: 'pool' }>): ModelRecord {
    const members = target.pool.members.flatMap((m) => this.deps.models.find(m.modelId) ?? []);
    return (members.find(ofKind('embedding')) ?? members[0]) as ModelRecord;
  }
}

function checkBounds(request: EmbedServiceRequest, fields: EmbedFields): void {
  const { input, dimensions } = request;
  if (input.length === 0) throw InvalidInputError.forField(fields.input, 'must hold at least one text');
  if (input.length > MAX_EMBED_INPUTS)
    throw InvalidInputError.forField(fields.input, `holds ${input.length} texts: at most ${MAX_EMBED_INPUTS}`);
  for (const [i, text] of input.entries()) {
    if (text.length === 0)
      throw InvalidInputError.forField(`${fields.input}[${i}]`, 'is empty: every text must have at least one character');
    if (text.length > MAX_EMBED_INPUT_CHARS)
      throw InvalidInputError.forField(`${fields.input}[${i}]`, `has ${text.length} characters: at most ${MAX_EMBED_INPUT_CHARS}`);
  }
  if (dimensions !== undefined && !(Number.isInteger(dimensions) && dimensions >= 1 && dimensions <= MAX_EMBED_DIMENSIONS))
    throw InvalidInputError.forField(fields.dimensions, `must be a whole number from 1 to ${MAX_EMBED_DIMENSIONS}`);
}

const describe = (target: RouteTarget) => (target.kind === 'model' ? `model "${target.model.id}"` : `pool "${target.pool.name}"`);

function asGatewayError(error: unknown, model: ModelRecord): GatewayError {
  if (error instanceof GatewayError) return error;
  return new UpstreamError(`${model.id}: ${error instanceof Error ? error.message : String(error)}`, { provider: model.provider });
}
