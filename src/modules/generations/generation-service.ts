import { GatewayError, UpstreamError } from '../../core/errors.js';
import type { AssistantMessage, ReasoningBlock } from '../../core/chat/chat-request.js';
import type { GenerationRecord, GenerationStatus } from '../../core/records/generation.js';
import type { ModelRecord } from '../../core/records/model.js';
import { usageCostMicroUsd } from '../../pricing/cost.js';
import { hasUnknownPrice } from '../../pricing/unknown-price.js';
import { AttemptLog } from '../../routing/attempt-log.js';
import { MergingQueue } from '../../util/merging-queue.js';
import type { Router } from '../../routing/router.js';
import { hasScope, type Viewer } from '../keys/viewer.js';
import type { SessionService } from '../sessions/session-service.js';
import type { Admission } from './admission.js';
import type { AdmitOptions, PreparedGeneration } from './prepared-generation.js';
import { emptyAnswer, type RelayedAnswer, type RelayedPart, relayAnswer } from './answer-relay.js';
import type { GenerateRequest } from './generate-request.js';
import type { GenerationRecorder } from './generation-recorder.js';
import type { GenerationFilter, GenerationPage, GenerationRepository } from './generation-repository.js';
import { endWithError, markFailed, NO_TRACING, SpanKind, type Tracing } from '../../observability/tracing.js';
import {
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STREAM,
  genAIProviderName,
  requestParamAttributes,
  responseAttributes,
  SWITCHYARD_ATTRIBUTES,
} from '../../observability/tracing-attributes.js';
import { microToUsd } from '../../pricing/money.js';
import type { AnswerCache } from '../../cache/answer-cache.js';
import type { CachedChatAnswer } from '../../cache/cached-answer.js';
import { replayParts } from '../../cache/replay-parts.js';

/** What a generation stream yields, in order: started, deltas, then completed or failed. */
export type GenerationEvent =
  /** The answer started on `model` (the one serving it), after `attempts` attempts (this one included). */
  | {
      readonly kind: 'started';
      readonly generationId: string;
      readonly model: ModelRecord;
      readonly at: Date;
      readonly attempts: number;
      /** Set when the answer is replayed from the response cache (nothing was sent upstream). */
      readonly cached?: true;
    }
  /** Text of `chunks` upstream chunks (more than one when they were merged), the first being number `index` (0-based). */
  | {
      readonly kind: 'delta';
      readonly generationId: string;
      readonly text: string;
      readonly index: number;
      readonly chunks: number;
      readonly costMicroUsd: number | null;
    }
  /** A fragment of tool call `index`: its first carries the call's id and name (then null), the others its JSON arguments. */
  | {
      readonly kind: 'tool-call-delta';
      readonly generationId: string;
      readonly index: number;
      readonly id: string | null;
      readonly name: string | null;
      readonly argumentsDelta: string;
      readonly costMicroUsd: number | null;
    }
  /**
   * Reasoning text (the model's thinking, where the vendor streams it). `end` is set on the (empty)
   * delta that ends a signed or redacted block: its signature or redacted data.
   */
  | {
      readonly kind: 'reasoning-delta';
      readonly generationId: string;
      readonly text: string;
      readonly costMicroUsd: number | null;
      readonly end?: Omit<ReasoningBlock, 'text'>;
    }
  /** `reasoning`: the answer's reasoning blocks, with their signatures (what Anthropic's door answers). */
  | { readonly kind: 'completed'; readonly generation: GenerationRecord; readonly reasoning?: readonly ReasoningBlock[] }
  | {
      readonly kind: 'failed';
      readonly generation: GenerationRecord;
      readonly code: string;
      readonly message: string;
      readonly error: GatewayError;
    };

export interface GenerationOutcome {
  readonly record: GenerationRecord;
  /** Set when the generation failed: what to tell the caller. */
  readonly error?: GatewayError;
  /** The answer's reasoning blocks, with their signatures, when it had any. */
  readonly reasoning?: readonly ReasoningBlock[];
}

export interface GenerationServiceDeps {
  readonly admission: Pick<Admission, 'admit'>;
  readonly router: Pick<Router, 'start'>;
  readonly sessions: Pick<SessionService, 'appendTurn'>;
  readonly store: Pick<GenerationRepository, 'get' | 'page'>;
  readonly recorder: Pick<GenerationRecorder, 'finished'>;
  /** The model records by id (the answering model of a failed request, the model of a cached answer). */
  readonly models: { find(id: string): ModelRecord | undefined };
  /** The admission span, and the request span's GenAI attributes (default: off). */
  readonly tracing?: Tracing;
  /** The response cache; absent: none (nothing is looked up or kept). */
  readonly cache?: Pick<AnswerCache, 'find' | 'keep'>;
}

type Emit = (event: GenerationEvent) => void;

/**
 * Two deltas not yet read travel as one: two text deltas (the text joined, `index` the first
 * chunk's, `chunks` summed), two reasoning deltas (joined), or two fragments of one tool call's
 * arguments (joined; a fragment that opens a call never joins an earlier one) — the running cost
 * the later one's. Nothing else merges. The earlier delta, which the queue owns until it is read,
 * is extended in place (a fast stream merges many).
 */
export function mergeDeltas(last: GenerationEvent, next: GenerationEvent): GenerationEvent | undefined {
  if (last.kind === 'delta' && next.kind === 'delta') {
    const merged = last as Mutable<typeof last>;
    merged.text += next.text;
    merged.chunks += next.chunks;
    merged.costMicroUsd = next.costMicroUsd;
    return merged;
  }
  // A delta after a block's end belongs to the next block: it never joins the ended one.
  if (last.kind === 'reasoning-delta' && next.kind === 'reasoning-delta' && last.end === undefined) {
    const merged = last as Mutable<typeof last>;
    merged.text += next.text;
    merged.costMicroUsd = next.costMicroUsd;
    if (next.end !== undefined) merged.end = next.end;
    return merged;
  }
  if (last.kind === 'tool-call-delta' && next.kind === 'tool-call-delta' && last.index === next.index && next.id === null) {
    const merged = last as Mutable<typeof last>;
    merged.argumentsDelta += next.argumentsDelta;
    merged.costMicroUsd = next.costMicroUsd;
    return merged;
  }
  return undefined;
}

/** A relayed part as the event its stream yields (`index`: the number of the part among the answer's). */
function toEvent(generationId: string, part: RelayedPart, index: number): GenerationEvent {
  switch (part.kind) {
    case 'text':
      return { kind: 'delta', generationId, text: part.text, index, chunks: 1, costMicroUsd: part.costMicroUsd };
    case 'reasoning':
      return {
        kind: 'reasoning-delta',
        generationId,
        text: part.text,
        costMicroUsd: part.costMicroUsd,
        ...(part.end !== undefined ? { end: part.end } : {}),
      };
    case 'tool-call': {
      const { kind: _kind, ...call } = part;
      return { kind: 'tool-call-delta', generationId, ...call };
    }
  }
}

/** The answer as the session's history keeps it: its text, tool calls and reasoning blocks (signatures kept for the next turn). */
function assistantMessage(answer: RelayedAnswer): AssistantMessage {
  return {
    role: 'assistant',
    content: answer.text,
    ...(answer.toolCalls.length ? { toolCalls: answer.toolCalls } : {}),
    ...(answer.reasoning.length ? { reasoning: answer.reasoning } : {}),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A succeeded answer as the response cache keeps it. */
function cachedAnswer(model: ModelRecord, answer: RelayedAnswer, record: GenerationRecord): CachedChatAnswer {
  const finishReason =
    answer.finishReason === null || answer.finishReason === 'cancelled' || answer.finishReason === 'cost-limit'
      ? 'stop'
      : answer.finishReason;
  return {
    kind: 'chat',
    modelId: model.id,
    text: answer.text,
    toolCalls: answer.toolCalls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args })),
    reasoning: answer.reasoning.map((block) => ({ ...block })),
    finishReason,
    usage: { ...answer.usage },
    costMicroUsd: record.costMicroUsd,
  };
}

/**
 * Runs generations (SPEC §6): a request admitted (see Admission) is sent through the router on
 * its drawn candidates, its parts relayed, its running cost held to its limit, and its outcome —
 * succeeded, failed or cancelled — stored with usage, cost in micro-USD, latency, time to first
 * token and the attempt log.
 */
export class GenerationService {
  constructor(private readonly deps: GenerationServiceDeps) {}

  /** Admits a door's typed request (target, candidates, limits): see Admission.admit. Traced as the `admission` span. */
  prepare(request: GenerateRequest, viewer: Viewer, options: AdmitOptions): Promise<PreparedGeneration> {
    const tracing = this.deps.tracing ?? NO_TRACING;
    if (!tracing.enabled) return this.deps.admission.admit(request, viewer, options);
    const requestSpan = tracing.requestSpan();
    const asked = request.model ?? request.pool;
    requestSpan?.setAttributes({
      ...requestParamAttributes(request.params),
      ...(asked ? { [ATTR_GEN_AI_REQUEST_MODEL]: asked } : {}),
      [ATTR_GEN_AI_REQUEST_STREAM]: options.stream,
    });
    const span = tracing.startChild('admission', SpanKind.INTERNAL, viewer.keyId ? { [SWITCHYARD_ATTRIBUTES.apiKeyId]: viewer.keyId } : {});
    return tracing.withSpan(span, async () => {
      let prepared: PreparedGeneration;
      try {
        prepared = await this.deps.admission.admit(request, viewer, options);
      } catch (error) {
        endWithError(span, error);
        throw error;
      }
      const target = prepared.target.kind === 'model' ? prepared.target.model.id : prepared.target.pool.name;
      const admitted = {
        [SWITCHYARD_ATTRIBUTES.generationId]: prepared.id,
        [ATTR_GEN_AI_REQUEST_MODEL]: target,
        ...(prepared.target.kind === 'pool' ? { [SWITCHYARD_ATTRIBUTES.pool]: target } : {}),
        ...requestParamAttributes(prepared.request.params),
      };
      span?.setAttributes({ ...admitted, [SWITCHYARD_ATTRIBUTES.candidates]: prepared.plan.order.map((m) => m.id) });
      span?.end();
      requestSpan?.setAttributes(admitted);
      return prepared;
    });
  }

  /**
   * `generate`: runs to the end; a failed generation is stored and its error thrown with the
   * generation's id. One cut by a signal whose reason is a GatewayError (the key was revoked) is
   * stored CANCELLED and that reason thrown.
   */
  async generate(
    request: GenerateRequest,
    viewer: Viewer,
    signal: AbortSignal,
    options: Omit<AdmitOptions, 'stream' | 'signal'>,
  ): Promise<GenerationRecord> {
    const outcome = await this.run(await this.prepare(request, viewer, { ...options, stream: false, signal }), signal);
    if (outcome.error) throw outcome.error;
    return outcome.record;
  }

  /**
   * Runs an admitted request to the end: the stored record, and — when it failed, or was cut by
   * a signal whose reason is a GatewayError (a revoked key) — the error to report, naming the
   * record (`details.generationId`).
   */
  async run(prepared: PreparedGeneration, signal: AbortSignal): Promise<GenerationOutcome> {
    const { record, error, reasoning } = await this.execute(prepared, signal);
    if (error) return { record, error: error.withDetails({ generationId: record.id }) };
    if (record.status === 'CANCELLED' && signal.reason instanceof GatewayError)
      return { record, error: signal.reason.withDetails({ generationId: record.id }) };
    return reasoning ? { record, reasoning } : { record };
  }

  /**
   * `generateStream`: the events of one generation. Text chunks the reader has not taken yet are
   * merged into one delta (see mergeDeltas). Closing the iterator (the client unsubscribes or
   * disconnects) aborts the upstream call; the generation is stored CANCELLED.
   */
  stream(prepared: PreparedGeneration): AsyncIterableIterator<GenerationEvent> {
    const controller = new AbortController();
    let running: Promise<unknown> | undefined;
    let ended = false;
    const queue = new MergingQueue<GenerationEvent>(mergeDeltas, async () => {
      // A subscription closed before its first read never runs: give back what it reserved.
      if (!running) return void prepared.reservation?.release();
      // Abort only a generation still running (an abort builds an AbortError: not for every
      // stream that simply finished); the close waits until its record is stored.
      if (!ended) controller.abort();
      await running;
    });
    const start = () => {
      running = this.execute(prepared, controller.signal, (event) => queue.push(event))
        .then(
          () => queue.end(),
          (error: unknown) => queue.fail(error),
        )
        .finally(() => {
          ended = true;
        });
    };
    return {
      next: () => {
        // Only the reader can end the queue before it starts: once closed, it never starts (what was reserved is given back).
        if (!running && !queue.isEnded) start();
        return queue.next();
      },
      return: () => queue.return(),
      throw: (error?: unknown) => queue.throw(error),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Sends the request through the router, relays its parts to `emit` (see relay), and stores the outcome (see settle). */
  async execute(prepared: PreparedGeneration, signal: AbortSignal, emit?: Emit): Promise<GenerationOutcome> {
    const startedAt = performance.now();
    const attempts = new AttemptLog();
    const hit = prepared.cache && (await this.deps.cache?.find(prepared.cache, 'chat'));
    if (hit) return this.#replay(prepared, signal, hit, startedAt, emit);
    const { model, answer } = await this.#relay(prepared, signal, attempts, startedAt, emit);
    return this.#settle(prepared, signal, model, answer, attempts, performance.now() - startedAt, emit);
  }

  /**
   * A cache hit: the stored answer replayed through the same relay (as a stream to a streamed
   * request), nothing sent upstream, and settled as a generation that cost nothing and saved what
   * the stored answer cost.
   */
  async #replay(
    prepared: PreparedGeneration,
    signal: AbortSignal,
    hit: CachedChatAnswer,
    startedAt: number,
    emit: Emit | undefined,
  ): Promise<GenerationOutcome> {
    const model = this.deps.models.find(hit.modelId) ?? prepared.model;
    const id = prepared.id;
    let deltas = 0;
    emit?.({ kind: 'started', generationId: id, model, at: prepared.createdAt, attempts: 0, cached: true });
    const answer = await relayAnswer(replayParts(hit), {
      model,
      promptTokens: prepared.promptTokens,
      limitMicroUsd: null,
      trackCost: false,
      startedAt,
      firstTokenAt: undefined,
      stop: () => undefined,
      emit: emit && ((part: RelayedPart) => emit(toEvent(id, part, deltas++))),
    });
    const saved = { savedMicroUsd: hit.costMicroUsd };
    return this.#settle(prepared, signal, model, answer, new AttemptLog(), performance.now() - startedAt, emit, saved);
  }

  /**
   * The relay: starts the request on its candidates (the router) and relays the answer's parts
   * to `emit`, held to the request's cost limit. Answers the model that served (or, when none
   * did, the last one tried) and the answer as it stands.
   */
  async #relay(
    prepared: PreparedGeneration,
    signal: AbortSignal,
    attempts: AttemptLog,
    startedAt: number,
    emit: Emit | undefined,
  ): Promise<{ model: ModelRecord; answer: RelayedAnswer }> {
    let model = prepared.model;
    const inner = new AbortController();
    const forward = () => inner.abort();
    // A signal aborted before this point (a key revoked while the request was admitted) fires no listener.
    if (signal.aborted) inner.abort();
    else signal.addEventListener('abort', forward, { once: true });
    const id = prepared.id;
    let deltas = 0;
    const relayed = emit && ((part: RelayedPart) => emit(toEvent(id, part, deltas++)));
    try {
      const route = await this.deps.router.start(prepared.plan, prepared.request, inner.signal, attempts, {
        wholeAnswer: !prepared.stream,
        promptTokens: prepared.promptTokens,
      });
      model = route.model;
      emit?.({ kind: 'started', generationId: id, model, at: prepared.createdAt, attempts: attempts.length });
      const answer = await relayAnswer(route.parts, {
        model,
        promptTokens: prepared.promptTokens,
        limitMicroUsd: prepared.costLimitMicroUsd,
        // The running cost (the deltas' costUsd, the stop at the limit) is counted only where someone needs it.
        trackCost: emit !== undefined || prepared.costLimitMicroUsd !== null,
        startedAt,
        firstTokenAt: route.firstTokenAt,
        stop: () => inner.abort(),
        emit: relayed,
      });
      return { model, answer };
    } catch (thrown) {
      const error =
        thrown instanceof GatewayError
          ? thrown
          : new UpstreamError(`${model.id}: ${thrown instanceof Error ? thrown.message : 'failed'}`, { cause: thrown });
      model = this.deps.models.find(attempts.lastModelId() ?? model.id) ?? model;
      return { model, answer: { ...emptyAnswer(), error } };
    } finally {
      signal.removeEventListener('abort', forward);
    }
  }

  /**
   * The settle: the answer's status (a stop at the cost limit succeeds, ending COST_LIMIT; a
   * failure after the caller left is CANCELLED), its cost from the usage and the model's prices
   * (cache reads and writes at their own prices) but never more than its limit, the stored record,
   * the session's new turn (only a whole one), and the last event.
   */
  async #settle(
    prepared: PreparedGeneration,
    signal: AbortSignal,
    model: ModelRecord,
    answer: RelayedAnswer,
    attempts: AttemptLog,
    latencyMs: number,
    emit: Emit | undefined,
    cached?: { readonly savedMicroUsd: number | null },
  ): Promise<GenerationOutcome> {
    const { usage, stoppedForCost } = answer;
    const error = stoppedForCost ? undefined : answer.error;
    const finishReason = stoppedForCost ? 'cost-limit' : answer.finishReason;
    const cancelled = !stoppedForCost && (finishReason === 'cancelled' || (error !== undefined && signal.aborted));
    const status: GenerationStatus = cancelled ? 'CANCELLED' : error ? 'FAILED' : 'SUCCEEDED';
    const limit = prepared.costLimitMicroUsd;
    // What the generation is charged (and stored as its cost): what its usage costs, but never more
    // than its limit — what it holds of the key's budget, or its costLimit. The usage stays as reported.
    // Unknown (null) when the model's price is (see hasUnknownPrice): stated, not recorded as 0.
    // A cache hit costs nothing: nothing was sent upstream.
    const cost = cached ? 0 : hasUnknownPrice(model) ? null : usageCostMicroUsd(usage, model);
    const record = await this.deps.recorder.finished(
      prepared,
      model,
      {
        status,
        finishReason: cancelled ? 'cancelled' : finishReason,
        text: answer.text,
        toolCalls: answer.toolCalls,
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        cachedInputTokens: usage.cachedInputTokens,
        cacheWriteTokens: usage.cacheWriteTokens,
        reasoningTokens: usage.reasoningTokens,
        usageEstimated: usage.estimated,
        costMicroUsd: limit === null || cost === null ? cost : Math.min(cost, limit),
        latencyMs: Math.round(latencyMs),
        timeToFirstTokenMs: answer.timeToFirstTokenMs,
        errorCode: cancelled ? null : (error?.code ?? null),
        errorMessage: cancelled ? null : (error?.message ?? null),
        attempts: attempts.entries(),
        ...(cached ? { cached: true, savedMicroUsd: cached.savedMicroUsd } : {}),
      },
      answer.timeToFirstTokenMs,
    );
    this.#annotate(record, model, error && !cancelled ? error : undefined);
    // A whole answer (not one stopped at its cost limit, nor one made under an output limit a budget or
    // cost limit lowered) is kept, before the caller hears it ended.
    const fitted = prepared.cache?.maxTokens !== undefined && prepared.request.params.maxTokens < prepared.cache.maxTokens;
    if (!cached && status === 'SUCCEEDED' && !stoppedForCost && !fitted && prepared.cache && this.deps.cache)
      await this.deps.cache.keep(prepared.cache, cachedAnswer(model, answer, record));
    // Only a whole turn joins the history: a failed or cancelled one leaves it as it was.
    if (status === 'SUCCEEDED' && prepared.sessionId) {
      await this.deps.sessions.appendTurn(prepared.sessionId, [...prepared.fresh, assistantMessage(answer)], record.id);
    }
    const reasoning = answer.reasoning.length ? { reasoning: answer.reasoning } : {};
    if (status === 'SUCCEEDED') emit?.({ kind: 'completed', generation: record, ...reasoning });
    else if (error && !cancelled)
      emit?.({
        kind: 'failed',
        generation: record,
        code: error.code,
        message: error.message,
        error: error.withDetails({ generationId: record.id }),
      });
    return error && !cancelled ? { record, error } : { record, ...reasoning };
  }

  /** The request span's outcome attributes: the answering model and provider, usage, cost, and the failure. */
  #annotate(record: GenerationRecord, model: ModelRecord, error: GatewayError | undefined): void {
    const span = this.deps.tracing?.requestSpan();
    if (!span) return;
    span.setAttributes({
      ...responseAttributes(model.upstreamModel, record, record.finishReason),
      [ATTR_GEN_AI_PROVIDER_NAME]: genAIProviderName(model.provider),
      [SWITCHYARD_ATTRIBUTES.modelId]: model.id,
      [SWITCHYARD_ATTRIBUTES.status]: record.status,
      [SWITCHYARD_ATTRIBUTES.cache]: record.cached ? 'hit' : 'miss',
      ...(record.costMicroUsd !== null ? { [SWITCHYARD_ATTRIBUTES.costUsd]: microToUsd(record.costMicroUsd) } : {}),
    });
    if (error) markFailed(span, error);
  }

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
