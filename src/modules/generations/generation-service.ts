import { GatewayError, UpstreamError } from '../../core/errors.js';
import type { FinishReason, GenerationRecord, GenerationStatus } from '../../core/records/generation.js';
import type { ModelRecord } from '../../core/records/model.js';
import { costMicroUsd } from '../../pricing/cost.js';
import type { Usage } from '../../providers/provider.js';
import { countPromptTokens, countTokens } from '../../providers/token-estimate.js';
import { AttemptLog } from '../../routing/attempt-log.js';
import { MergingQueue } from '../../util/merging-queue.js';
import type { Router } from '../../routing/router.js';
import { hasScope, type Viewer } from '../keys/viewer.js';
import type { SessionService } from '../sessions/session-service.js';
import type { Admission, PreparedGeneration } from './admission.js';
import type { GenerationRecorder } from './generation-recorder.js';
import type { GenerationFilter, GenerationPage, GenerationRepository } from './generation-repository.js';

/** What a generation stream yields, in order: started, deltas, then completed or failed. */
export type GenerationEvent =
  /** The answer started on `model` (the one serving it), after `attempts` attempts (this one included). */
  | { readonly kind: 'started'; readonly generationId: string; readonly model: ModelRecord; readonly at: Date; readonly attempts: number }
  /** Text of `chunks` upstream chunks (more than one when they were merged), the first being number `index` (0-based). */
  | {
      readonly kind: 'delta';
      readonly generationId: string;
      readonly text: string;
      readonly index: number;
      readonly chunks: number;
      readonly costMicroUsd: number;
    }
  | { readonly kind: 'completed'; readonly generation: GenerationRecord }
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
}

export interface GenerationServiceDeps {
  readonly admission: Pick<Admission, 'admit'>;
  readonly router: Pick<Router, 'start'>;
  readonly sessions: Pick<SessionService, 'appendTurn'>;
  readonly store: Pick<GenerationRepository, 'get' | 'page'>;
  readonly recorder: Pick<GenerationRecorder, 'finished'>;
  /** The model records by id (the answering model of a failed request). */
  readonly models: { find(id: string): ModelRecord | undefined };
}

type Emit = (event: GenerationEvent) => void;

/**
 * Two deltas not yet read travel as one: the text joined, `index` the first chunk's, `chunks`
 * summed, the running cost the later one's. Nothing else merges. The earlier delta, which the
 * queue owns until it is read, is extended in place (a fast stream merges many).
 */
export function mergeDeltas(last: GenerationEvent, next: GenerationEvent): GenerationEvent | undefined {
  if (last.kind !== 'delta' || next.kind !== 'delta') return undefined;
  const merged = last as Mutable<typeof last>;
  merged.text += next.text;
  merged.chunks += next.chunks;
  merged.costMicroUsd = next.costMicroUsd;
  return merged;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Runs generations (SPEC §6): a request admitted (see Admission) is sent through the router on
 * its drawn candidates, its parts relayed, its running cost held to its limit, and its outcome —
 * succeeded, failed or cancelled — stored with usage, cost in micro-USD, latency, time to first
 * token and the attempt log.
 */
export class GenerationService {
  constructor(private readonly deps: GenerationServiceDeps) {}

  /** Admits a request (validation, target, limits): see Admission.admit. `signal` ends a wait for the key's budget. */
  prepare(
    input: unknown,
    viewer: Viewer,
    stream: boolean,
    requestId: string | null = null,
    signal?: AbortSignal,
  ): Promise<PreparedGeneration> {
    return this.deps.admission.admit(input, viewer, stream, requestId, signal);
  }

  /**
   * `generate`: runs to the end; a failed generation is stored and its error thrown with the
   * generation's id. One cut by a signal whose reason is a GatewayError (the key was revoked) is
   * stored CANCELLED and that reason thrown.
   */
  async generate(input: unknown, viewer: Viewer, signal: AbortSignal, requestId: string | null = null): Promise<GenerationRecord> {
    const outcome = await this.run(await this.prepare(input, viewer, false, requestId, signal), signal);
    if (outcome.error) throw outcome.error;
    return outcome.record;
  }

  /**
   * Runs an admitted request to the end: the stored record, and — when it failed, or was cut by
   * a signal whose reason is a GatewayError (a revoked key) — the error to report, naming the
   * record (`details.generationId`).
   */
  async run(prepared: PreparedGeneration, signal: AbortSignal): Promise<GenerationOutcome> {
    const { record, error } = await this.execute(prepared, signal);
    if (error) return { record, error: error.withDetails({ generationId: record.id }) };
    if (record.status === 'CANCELLED' && signal.reason instanceof GatewayError)
      return { record, error: signal.reason.withDetails({ generationId: record.id }) };
    return { record };
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

  /** Sends the request through the router, relays its parts to `emit`, and stores the outcome. */
  async execute(prepared: PreparedGeneration, signal: AbortSignal, emit?: Emit): Promise<GenerationOutcome> {
    const { request } = prepared;
    let model = prepared.model;
    const started = performance.now();
    const attempts = new AttemptLog();

    let text = '';
    let timeToFirstToken: number | null = null;
    let usage: Usage = { inputTokens: 0, outputTokens: 0, estimated: false };
    let finishReason: FinishReason | null = null;
    let error: GatewayError | undefined;
    let deltas = 0;
    // A stream that would pass its cost limit is stopped before the chunk that would pass it: the
    // upstream call is aborted and the answer ends with COST_LIMIT.
    const limit = prepared.costLimitMicroUsd;
    const inner = new AbortController();
    const forward = () => inner.abort();
    // A signal aborted before this point (a key revoked while the request was admitted) fires no listener.
    if (signal.aborted) inner.abort();
    else signal.addEventListener('abort', forward, { once: true });
    let stoppedForCost = false;
    // The running cost (TokenDelta.costUsd, the stop at the limit) is counted only where someone
    // needs it, the way admission counted the hold: the prompt's cl100k count, each chunk's.
    const trackCost = emit !== undefined || limit !== null;
    const promptTokens = trackCost ? (prepared.promptTokens ?? countPromptTokens(request.messages)) : 0;
    let outputTokens = 0;
    try {
      const route = await this.deps.router.start(prepared.plan, request, inner.signal, attempts, {
        wholeAnswer: !prepared.stream,
        ...(typeof prepared.promptTokens === 'number' ? { promptTokens: prepared.promptTokens } : {}),
      });
      model = route.model;
      emit?.({ kind: 'started', generationId: prepared.id, model, at: prepared.createdAt, attempts: attempts.length });
      for await (const part of route.parts) {
        if (part.type === 'text-delta') {
          // Once stopped, the stream is only read to its end (for the usage it reports).
          if (stoppedForCost) continue;
          const tokens = trackCost ? countTokens(part.text) : 0;
          const running = trackCost ? costMicroUsd(promptTokens, outputTokens + tokens, model) : 0;
          if (limit !== null && running > limit) {
            stoppedForCost = true;
            inner.abort();
            continue;
          }
          timeToFirstToken ??= (route.firstTokenAt ?? performance.now()) - started;
          text += part.text;
          outputTokens += tokens;
          emit?.({ kind: 'delta', generationId: prepared.id, text: part.text, index: deltas++, chunks: 1, costMicroUsd: running });
        } else if (part.type === 'finish') {
          usage = part.usage;
          finishReason = part.finishReason;
        } else if (part.type === 'error') {
          error = part.error;
          usage = part.usage ?? usage;
        }
      }
    } catch (thrown) {
      error =
        thrown instanceof GatewayError
          ? thrown
          : new UpstreamError(`${model.id}: ${thrown instanceof Error ? thrown.message : 'failed'}`, { cause: thrown });
      model = this.deps.models.find(attempts.lastModelId() ?? model.id) ?? model;
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
    // What the generation is charged (and stored as its cost): what its usage costs, but never more
    // than its limit — what it holds of the key's budget, or its costLimit. The usage stays as reported.
    const cost = costMicroUsd(usage.inputTokens, usage.outputTokens, model);
    const record = await this.deps.recorder.finished(
      prepared,
      model,
      {
        status,
        finishReason: cancelled ? 'cancelled' : finishReason,
        text,
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        usageEstimated: usage.estimated,
        costMicroUsd: limit === null ? cost : Math.min(cost, limit),
        latencyMs: Math.round(latencyMs),
        timeToFirstTokenMs: timeToFirstToken === null ? null : Math.round(timeToFirstToken),
        errorCode: cancelled ? null : (error?.code ?? null),
        errorMessage: cancelled ? null : (error?.message ?? null),
        attempts: attempts.entries(),
      },
      timeToFirstToken === null ? null : Math.round(timeToFirstToken),
    );
    // Only a whole turn joins the history: a failed or cancelled one leaves it as it was.
    if (status === 'SUCCEEDED' && prepared.sessionId) {
      await this.deps.sessions.appendTurn(prepared.sessionId, [...prepared.fresh, { role: 'assistant', content: text }], record.id);
    }
    if (status === 'SUCCEEDED') emit?.({ kind: 'completed', generation: record });
    else if (error && !cancelled)
      emit?.({
        kind: 'failed',
        generation: record,
        code: error.code,
        message: error.message,
        error: error.withDetails({ generationId: record.id }),
      });
    return error && !cancelled ? { record, error } : { record };
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
