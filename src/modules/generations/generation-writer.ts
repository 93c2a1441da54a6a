import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Orm } from '../../db/orm.js';
import type { GenerationRecord } from '../../core/records/generation.js';

/** SQLite keeps a multi-row insert under 500 compound terms. */
const MAX_BATCH = 400;

interface Pending {
  readonly row: Record<string, unknown>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

function toRow(record: GenerationRecord): Record<string, unknown> {
  return {
    id: record.id,
    model_id: record.modelId,
    provider: record.provider,
    upstream_model: record.upstreamModel,
    api_key_id: record.apiKeyId,
    session_id: record.sessionId,
    request_id: record.requestId,
    pool_name: record.poolName,
    dropped_messages: record.droppedMessages,
    status: record.status,
    stream: record.stream ? 1 : 0,
    finish_reason: record.finishReason,
    text: record.text,
    max_tokens: record.maxTokens,
    input_tokens: record.inputTokens,
    output_tokens: record.outputTokens,
    usage_estimated: record.usageEstimated ? 1 : 0,
    cost_micro_usd: record.costMicroUsd,
    latency_ms: record.latencyMs,
    time_to_first_token_ms: record.timeToFirstTokenMs,
    error_code: record.errorCode,
    error_message: record.errorMessage,
    attempts: JSON.stringify(record.attempts),
    created_at: record.createdAt.getTime(),
    completed_at: record.completedAt.getTime(),
  };
}

/** The generations table's columns, in the order toRow names them. */
const COLUMNS = Object.keys(toRow({ attempts: [], createdAt: new Date(0), completedAt: new Date(0) } as unknown as GenerationRecord));
const ROW_PLACEHOLDERS = `(${COLUMNS.map(() => '?').join(', ')})`;
const INSERT_HEAD = `insert into "generations" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) values `;

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
export class GenerationWriter {
  #queue: Pending[] = [];
  #flushing: Promise<void> | undefined;

  constructor(private readonly orm: Orm) {}

  write(record: GenerationRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ row: toRow(record), resolve, reject });
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

  /** Resolves when every record written so far is committed (at shutdown). */
  async drain(): Promise<void> {
    while (this.#flushing) await this.#flushing;
  }

  async #flush(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      try {
        await (this.orm.em as SqlEntityManager).getKnex().raw(insertStatement(batch.length), batch.flatMap((p) => COLUMNS.map((column) => (p.row[column] ?? null) as string | number | null)));
        for (const pending of batch) pending.resolve();
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
  }
}
