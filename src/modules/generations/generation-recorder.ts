import type { Clock } from '../../core/ports/clock.js';
import { type GatewayError, RecordNotStoredError } from '../../core/errors.js';
import type { EventBus } from '../../core/ports/event-bus.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import { currentTraceId } from '../../observability/tracing.js';
import type { BudgetStore } from '../../core/ports/stores.js';
import type { ModelRecord } from '../../core/records/model.js';
import { definitionId } from '../../core/records/model-id.js';
import type { GenerationRecord } from '../../core/records/generation.js';
import type { PreparedGeneration } from './prepared-generation.js';
import type { GenerationRepository } from './generation-repository.js';
import { effectiveRequestLogMode, type RequestLogSettings } from '../../core/records/request-log.js';
import { loggedRecord } from '../request-log/logged-record.js';
import { redactorFor } from '../../security/log-redactor.js';

/** What a generation's run decided; the recorder adds what the prepared request already knew. */
export type GenerationOutcomeFields = Pick<
  GenerationRecord,
  | 'status'
  | 'finishReason'
  | 'text'
  | 'toolCalls'
  | 'inputTokens'
  | 'outputTokens'
  | 'cachedInputTokens'
  | 'cacheWriteTokens'
  | 'reasoningTokens'
  | 'usageEstimated'
  | 'costMicroUsd'
  | 'latencyMs'
  | 'timeToFirstTokenMs'
  | 'errorCode'
  | 'errorMessage'
  | 'attempts'
> &
  /** A cache hit's flag and saving (absent: not a hit). */
  Partial<Pick<GenerationRecord, 'cached' | 'savedMicroUsd'>>;

/** The outcome of a generation that produced nothing (refused, or failed before any answer): no text, usage, cost or attempts. */
export const NOTHING_PRODUCED = {
  finishReason: null,
  text: '',
  toolCalls: [],
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  usageEstimated: false,
  costMicroUsd: 0,
  latencyMs: 0,
  timeToFirstTokenMs: null,
  errorCode: null,
  errorMessage: null,
  attempts: [],
} as const satisfies Omit<GenerationOutcomeFields, 'status'>;

export interface GenerationRecorderDeps {
  readonly store: Pick<GenerationRepository, 'save'>;
  readonly budgets: Pick<BudgetStore, 'record'>;
  readonly bus: EventBus;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly clock: Pick<Clock, 'now'>;
  /** The gateway's `requestLog:` settings as they are now (a reload may change them). */
  readonly requestLog?: () => RequestLogSettings;
}

/**
 * The bookkeeping of a generation once it ends or is refused: the stored record, the budget
 * settlement (and usageUpdated), the metrics and the failure log line — in one place, so every
 * outcome is accounted for the same way.
 */
export class GenerationRecorder {
  constructor(private readonly deps: GenerationRecorderDeps) {}

  /** Stores a generation that was sent, settles its budget reservation and counts it. */
  async finished(
    prepared: PreparedGeneration,
    model: ModelRecord,
    outcome: GenerationOutcomeFields,
    timeToFirstTokenMs: number | null,
  ): Promise<GenerationRecord> {
    const whole: GenerationRecord = {
      ...baseFields(prepared, model),
      ...outcome,
      completedAt: new Date(this.deps.clock.now()),
    };
    const logged = this.#logged(whole, prepared, model);
    // The caller gets its whole answer, with the request as the log kept it (what generation(id) shows later).
    const record: GenerationRecord = Object.freeze({ ...whole, request: logged.request });
    try {
      await this.deps.store.save(logged);
    } catch (error) {
      // The vendor was paid even though the record could not be stored: the budget is charged, not given back.
      prepared.reservation?.settle(outcome.costMicroUsd ?? 0);
      this.deps.logger.error(
        { err: error, requestId: prepared.requestId, generation: prepared.id },
        'a generation record could not be stored',
      );
      throw notStored(error);
    }
    // An unknown cost (null) charges the budget nothing: only budgets.unknownPrice `allow` lets such a request run on a budgeted key.
    if (prepared.reservation) prepared.reservation.settle(record.costMicroUsd ?? 0);
    else if (record.apiKeyId) this.deps.budgets.record(record.apiKeyId, record.costMicroUsd ?? 0, record.id);
    this.#observe(record, timeToFirstTokenMs, definitionId(model));
    return record;
  }

  /**
   * The copy of a record the request log stores: its mode is the key's, else the model's, else
   * the gateway's; what it keeps is redacted (see loggedRecord).
   */
  #logged(record: GenerationRecord, prepared: PreparedGeneration, model: ModelRecord): GenerationRecord {
    const settings = this.deps.requestLog?.();
    if (!settings) return record;
    const mode = effectiveRequestLogMode(prepared.keyRequestLog, model.requestLog, settings.mode);
    return loggedRecord(record, mode, redactorFor(settings.redact), prepared.request);
  }

  /** Stores a request refused before anything was sent, and answers the error to throw (naming the record). */
  async refused(prepared: PreparedGeneration, error: GatewayError): Promise<GatewayError> {
    const record = await this.#saveRefusal(prepared, error);
    this.#observe(record, null, definitionId(prepared.model));
    return error.withDetails({ generationId: record.id });
  }

  async #saveRefusal(prepared: PreparedGeneration, error: GatewayError): Promise<GenerationRecord> {
    const record: GenerationRecord = {
      ...baseFields(prepared, prepared.model),
      ...NOTHING_PRODUCED,
      status: 'FAILED',
      errorCode: error.code,
      errorMessage: error.message,
      completedAt: new Date(this.deps.clock.now()),
    };
    return this.deps.store.save(this.#logged(record, prepared, prepared.model)).catch((failure: unknown) => {
      this.deps.logger.error({ err: failure, requestId: prepared.requestId }, 'a refused request could not be stored');
      throw notStored(failure);
    });
  }

  /**
   * Counts a stored generation (metrics, the usageUpdated event, the failure log line). `model`:
   * the metrics' model label — the definition's id, so a wildcard's names count under `openai/*`.
   */
  #observe(record: GenerationRecord, timeToFirstTokenMs: number | null, model: string): void {
    const { metrics } = this.deps;
    const labels = { model, provider: record.provider };
    metrics.generationRequests.inc({ ...labels, outcome: record.status.toLowerCase() });
    if (record.attempts.length > 0) metrics.generationDuration.observe({ provider: record.provider }, record.latencyMs / 1000);
    if (timeToFirstTokenMs !== null) metrics.timeToFirstToken.observe({ provider: record.provider }, timeToFirstTokenMs / 1000);
    // A response cache hit's tokens were not processed by anyone: only its request is counted.
    if (!record.cached) this.#countTokens(record, labels);
    if (record.costMicroUsd) metrics.cost.inc(labels, record.costMicroUsd);
    else if (record.costMicroUsd === null) metrics.unpriced.inc(labels);
    this.deps.bus.publish('usageUpdated', {
      apiKeyId: record.apiKeyId,
      generationId: record.id,
      modelId: record.modelId,
      sessionId: record.sessionId,
      status: record.status,
      costMicroUsd: record.costMicroUsd,
      at: record.completedAt,
    });
    if (record.status === 'FAILED')
      this.deps.logger.info(
        { requestId: record.requestId, generation: record.id, model: record.modelId, code: record.errorCode },
        'generation failed',
      );
  }

  #countTokens(record: GenerationRecord, labels: { model: string; provider: string }): void {
    const { metrics } = this.deps;
    if (record.inputTokens) metrics.tokens.inc({ ...labels, direction: 'input' }, record.inputTokens);
    if (record.outputTokens) metrics.tokens.inc({ ...labels, direction: 'output' }, record.outputTokens);
    // Parts of the input and output counts above, counted again under their own direction.
    if (record.cachedInputTokens) metrics.tokens.inc({ ...labels, direction: 'cached_input' }, record.cachedInputTokens);
    if (record.cacheWriteTokens) metrics.tokens.inc({ ...labels, direction: 'cache_write' }, record.cacheWriteTokens);
    if (record.reasoningTokens) metrics.tokens.inc({ ...labels, direction: 'reasoning' }, record.reasoningTokens);
  }
}

function baseFields(prepared: PreparedGeneration, model: ModelRecord) {
  return {
    id: prepared.id,
    requestId: prepared.requestId,
    modelId: model.id,
    provider: model.provider,
    upstreamModel: model.upstreamModel,
    poolName: prepared.target.kind === 'pool' ? prepared.target.pool.name : null,
    apiKeyId: prepared.apiKeyId,
    sessionId: prepared.sessionId,
    droppedMessages: prepared.droppedMessages,
    stream: prepared.stream,
    maxTokens: prepared.request.params.maxTokens,
    createdAt: prepared.createdAt,
    request: null,
    cached: false,
    savedMicroUsd: null,
    // The request's trace (its span is active while the record is made); null when it is not traced.
    traceId: currentTraceId(),
  };
}

function notStored(error: unknown): RecordNotStoredError {
  // The database's own words (hosts, SQL) go to the log only.
  return new RecordNotStoredError("the database did not store this request's record, so nothing was kept; retry later", { cause: error });
}
