import type { SqlEntityManager } from '@mikro-orm/knex';
import { type Dialect, dialectOf, sqlTime } from '../../db/dialect.js';
import type { Orm } from '../../db/orm.js';
import type { GenerationRecord, StoredRequest } from '../../core/records/generation.js';

/** SQLite keeps a multi-row insert under 500 compound terms (and PostgreSQL under 65,535 parameters: 400 × 25). */
const MAX_BATCH = 400;

interface Pending {
  /** The row's values, in ROW order. */
  readonly values: readonly SqlValue[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

type SqlValue = string | number | boolean | Date | null;

/** Each column of the generations table and its value for a record (booleans: 1/0 in SQLite). */
const ROW: readonly (readonly [column: string, value: (record: GenerationRecord, dialect: Dialect) => SqlValue])[] = [
  ['id', (r) => r.id],
  ['model_id', (r) => r.modelId],
  ['provider', (r) => r.provider],
  ['upstream_model', (r) => r.upstreamModel],
  ['api_key_id', (r) => r.apiKeyId],
  ['session_id', (r) => r.sessionId],
  ['request_id', (r) => r.requestId],
  ['pool_name', (r) => r.poolName],
  ['dropped_messages', (r) => r.droppedMessages],
  ['status', (r) => r.status],
  ['stream', (r, d) => (d === 'sqlite' ? (r.stream ? 1 : 0) : r.stream)],
  ['finish_reason', (r) => r.finishReason],
  ['text', (r) => r.text],
  ['max_tokens', (r) => r.maxTokens],
  ['input_tokens', (r) => r.inputTokens],
  ['output_tokens', (r) => r.outputTokens],
  ['cached_input_tokens', (r) => r.cachedInputTokens],
  ['cache_write_tokens', (r) => r.cacheWriteTokens],
  ['reasoning_tokens', (r) => r.reasoningTokens],
  ['tool_calls', (r) => (r.toolCalls.length === 0 ? null : JSON.stringify(r.toolCalls))],
  ['usage_estimated', (r, d) => (d === 'sqlite' ? (r.usageEstimated ? 1 : 0) : r.usageEstimated)],
  ['cost_micro_usd', (r) => r.costMicroUsd],
  ['latency_ms', (r) => r.latencyMs],
  ['time_to_first_token_ms', (r) => r.timeToFirstTokenMs],
  ['error_code', (r) => r.errorCode],
  ['error_message', (r) => r.errorMessage],
  ['attempts', (r) => JSON.stringify(r.attempts)],
  ['request', (r) => (r.request === null ? null : requestJson(r.request))],
  ['cached', (r, d) => (d === 'sqlite' ? (r.cached ? 1 : 0) : r.cached)],
  ['saved_micro_usd', (r) => r.savedMicroUsd],
  ['trace_id', (r) => r.traceId],
  ['log_bytes', (r) => logBytes(r)],
  ['created_at', (r, d) => sqlTime(d, r.createdAt)],
  ['completed_at', (r, d) => sqlTime(d, r.completedAt)],
];

/**
 * The bytes a record's logged content takes (UTF-16 length as a close bound of the text's): the
 * answer, its tool calls, the logged request and the error message, plus a fixed share for the
 * row itself. The request log's retention sums it to hold `maxBytes`.
 */
export function logBytes(record: GenerationRecord): number {
  const ROW_OVERHEAD = 400;
  let bytes = ROW_OVERHEAD + record.text.length + (record.errorMessage?.length ?? 0);
  for (const call of record.toolCalls) bytes += call.id.length + call.name.length + call.arguments.length;
  if (record.request !== null) bytes += requestJson(record.request).length;
  return bytes;
}

/** A logged request's JSON, made once per request though both its column and log_bytes need it. */
const requestJsons = new WeakMap<StoredRequest, string>();
function requestJson(request: StoredRequest): string {
  let json = requestJsons.get(request);
  if (json === undefined) {
    json = JSON.stringify(request);
    requestJsons.set(request, json);
  }
  return json;
}

const ROW_PLACEHOLDERS = `(${ROW.map(() => '?').join(', ')})`;
const INSERT_HEAD = `insert into "generations" (${ROW.map(([column]) => `"${column}"`).join(', ')}) values `;

/** The most records waiting for the database; past it a write fails at once. */
const MAX_PENDING = 10_000;

/** Statements for batches up to this many rows are kept (a few kB); larger, rarer ones are built each time. */
const KEPT_STATEMENTS = 16;
const insertStatements = new Map<number, string>();

/** `insert … values (?, …), …` for `rows` rows (knex's query builder rebuilt it column by column for every batch). */
function insertStatement(rows: number): string {
  let sql = insertStatements.get(rows);
  if (sql === undefined) {
    sql = INSERT_HEAD + Array.from({ length: rows }, () => ROW_PLACEHOLDERS).join(', ');
    if (rows <= KEPT_STATEMENTS) insertStatements.set(rows, sql);
  }
  return sql;
}

/**
 * Writes generation records in batches: a record written while no insert is running is inserted
 * at once; records written while one runs wait for it and then go together in one INSERT. Each
 * caller's promise resolves only when its row is committed — so a request is never answered
 * before its record is stored, and no record is lost to batching. One statement for many
 * requests under load, no added wait when idle.
 */
/** PostgreSQL's text and jsonb refuse U+0000 (SQLite keeps it): it is dropped there, so one vendor's NUL cannot fail a batch. */
function withoutNul(value: SqlValue, dialect: Dialect): SqlValue {
  return dialect === 'postgresql' && typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
}

export class GenerationWriter {
  #queue: Pending[] = [];
  #flushing: Promise<void> | undefined;
  readonly #dialect: Dialect;

  constructor(private readonly orm: Orm) {
    this.#dialect = dialectOf(orm);
  }

  write(record: GenerationRecord): Promise<void> {
    // A database that does not keep up (or does not answer): refuse at once rather than queue without bound.
    if (this.#queue.length >= MAX_PENDING)
      return Promise.reject(new Error(`the database does not keep up: ${MAX_PENDING} generation records are waiting to be written`));
    return new Promise((resolve, reject) => {
      this.#queue.push({
        values: ROW.map(([, value]) => withoutNul(value(record, this.#dialect) ?? null, this.#dialect)),
        resolve,
        reject,
      });
      this.#startFlush();
    });
  }

  #startFlush(): void {
    this.#flushing ??= this.#flush().finally(() => {
      this.#flushing = undefined;
      // A write made between the last batch and this line (in a reaction to that batch) has no flush yet.
      if (this.#queue.length > 0) this.#startFlush();
    });
  }

  #insert(batch: readonly Pending[]): Promise<unknown> {
    return (this.orm.em as SqlEntityManager).getKnex().raw(
      insertStatement(batch.length),
      batch.flatMap((p) => p.values),
    );
  }

  /** A failed batch row by row: one bad record fails alone, not the requests that shared its INSERT. */
  async #oneByOne(batch: readonly Pending[]): Promise<void> {
    for (const pending of batch) {
      try {
        await this.#insert([pending]);
        pending.resolve();
      } catch (error) {
        pending.reject(error);
      }
    }
  }

  /** Resolves when every record written so far is committed (at shutdown). */
  async drain(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  async #flush(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      try {
        await this.#insert(batch);
        for (const pending of batch) pending.resolve();
      } catch (error) {
        if (batch.length === 1) (batch[0] as Pending).reject(error);
        else await this.#oneByOne(batch);
      }
    }
  }
}
