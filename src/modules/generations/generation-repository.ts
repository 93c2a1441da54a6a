import { type EntityManager, type FilterQuery, IsolationLevel, raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { type Dialect, dialectOf } from '../../db/dialect.js';
import type { Orm } from '../../db/orm.js';
import { InvalidInputError } from '../../core/errors.js';
import { toGenerationRecord } from './generation-record.js';
import type { GenerationRecord, GenerationStatus } from '../../core/records/generation.js';
import { GenerationWriter } from './generation-writer.js';
import { RollupRepository } from '../request-log/rollup-repository.js';
import { type GenerationEntity, GenerationSchema } from './generation.entity.js';

export interface GenerationFilter {
  readonly modelId?: string | null;
  readonly status?: readonly GenerationStatus[] | null;
  /** Only this key's generations (a client key sees only its own). */
  readonly apiKeyId?: string | null;
  /** Only the turns of this session. */
  readonly sessionId?: string | null;
  readonly since?: Date | null;
  readonly until?: Date | null;
  /** Case-insensitive substring of the stored answer (text, tool calls) or request (1 to MAX_SEARCH_CHARS characters). */
  readonly search?: string | null;
}

export interface GenerationPage {
  readonly items: GenerationRecord[];
  readonly hasNextPage: boolean;
  readonly cursor: (record: GenerationRecord) => string;
}

export const MAX_PAGE_SIZE = 200;

/** The longest `search` accepted. */
export const MAX_SEARCH_CHARS = 200;

function encodeCursor(record: GenerationRecord): string {
  return Buffer.from(`${record.createdAt.getTime()}|${record.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(Number(time));
  if (!id || Number.isNaN(createdAt.getTime())) throw InvalidInputError.forField('after', 'expected a cursor from a previous page');
  return { createdAt, id };
}

/**
 * `search` as SQL: a case-insensitive LIKE over the answer's text, its tool calls and the logged
 * request (JSON text, so the term is matched both as written and JSON-escaped). SQLite's LIKE
 * folds ASCII case; PostgreSQL's ILIKE folds every letter. The scan is bounded by the table, which
 * the request log's retention bounds (requestLog.maxBytes).
 */
function searchCondition(search: string, dialect: Dialect): { sql: string; params: string[] } {
  if (search.length < 1 || search.length > MAX_SEARCH_CHARS)
    throw InvalidInputError.forField('filter.search', `expected 1 to ${MAX_SEARCH_CHARS} characters, got ${search.length}`);
  const like = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const plain = like(search);
  const escaped = like(JSON.stringify(search).slice(1, -1));
  const op = dialect === 'postgresql' ? 'ilike' : 'like';
  const json = (column: string) => (dialect === 'postgresql' ? `${column}::text` : column);
  const sql = `("text" ${op} ? escape '\\' or ${json('"tool_calls"')} ${op} ? escape '\\' or ${json('"request"')} ${op} ? escape '\\')`;
  return { sql, params: [plain, escaped, escaped] };
}

/**
 * The generations table, all of its SQL: records written in batches (GenerationWriter), read one
 * by one or a page at a time (newest first), and summed per key for budgets. Every method works
 * on an EntityManager of its own.
 */
export class GenerationRepository {
  readonly #writer: GenerationWriter;
  /** What the request log's retention deleted, still counted in spend. */
  readonly #rollups: RollupRepository;

  constructor(private readonly orm: Orm) {
    this.#writer = new GenerationWriter(orm);
    this.#rollups = new RollupRepository(orm);
  }

  /** Stores a record (batched with the others of this moment; resolves once committed). */
  async save(data: GenerationRecord): Promise<GenerationRecord> {
    const record: GenerationRecord = Object.freeze({ ...data, attempts: data.attempts.map((a) => ({ ...a })) });
    await this.#writer.write(record);
    return record;
  }

  /** Waits for every pending record write (graceful stop). */
  drain(): Promise<void> {
    return this.#writer.drain();
  }

  async get(id: string): Promise<GenerationRecord | undefined> {
    const entity = await this.orm.em.fork().findOne(GenerationSchema, { id });
    return entity ? toGenerationRecord(entity) : undefined;
  }

  async page(filter: GenerationFilter, first: number, after?: string | null): Promise<GenerationPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
      throw InvalidInputError.forField('first', `expected a whole number from 1 to ${MAX_PAGE_SIZE}, got ${first}`);
    const where: FilterQuery<GenerationEntity>[] = [];
    if (filter.modelId) where.push({ modelId: filter.modelId });
    if (filter.status?.length) where.push({ status: { $in: [...filter.status] } });
    if (filter.apiKeyId) where.push({ apiKeyId: filter.apiKeyId });
    if (filter.sessionId) where.push({ sessionId: filter.sessionId });
    if (filter.since) where.push({ createdAt: { $gte: filter.since } });
    if (filter.until) where.push({ createdAt: { $lt: filter.until } });
    if (after) {
      const { createdAt, id } = decodeCursor(after);
      where.push({ $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: id } }] });
    }
    const query = (this.orm.em.fork() as SqlEntityManager)
      .createQueryBuilder(GenerationSchema)
      .select('*')
      .where(where.length ? { $and: where } : {});
    if (filter.search != null) {
      const { sql, params } = searchCondition(filter.search, dialectOf(this.orm));
      query.andWhere(sql, params);
    }
    const rows = await query
      .orderBy({ createdAt: 'desc', id: 'desc' })
      .limit(first + 1)
      .getResultList();
    return { items: rows.slice(0, first).map(toGenerationRecord), hasNextPage: rows.length > first, cursor: encodeCursor };
  }

  /**
   * A key's spend since the day's and the month's start and the ids of its generations completed
   * since `recentSince`, read in one snapshot (REPEATABLE READ on PostgreSQL; SQLite's
   * transaction), so a shared budget store can tell which recent generations the sums include.
   */
  async spendSnapshot(
    apiKeyId: string,
    dayStart: Date,
    monthStart: Date,
    recentSince: Date,
  ): Promise<{ day: number; month: number; recent: string[] }> {
    const read = async (em: EntityManager) => {
      const sum = async (since: Date) => {
        const rows = await (em as SqlEntityManager)
          .createQueryBuilder(GenerationSchema)
          .select(raw('coalesce(sum(cost_micro_usd), 0) as total'))
          .where({ apiKeyId, createdAt: { $gte: since } })
          .execute<{ total: number | string | null }[]>('all');
        return Number(rows[0]?.total ?? 0) + (await this.#rollups.spentSince(em as SqlEntityManager, apiKeyId, since));
      };
      const recent = await (em as SqlEntityManager)
        .createQueryBuilder(GenerationSchema)
        .select(['id'])
        .where({ apiKeyId, completedAt: { $gte: recentSince } })
        .execute<{ id: string }[]>('all');
      return { day: await sum(dayStart), month: await sum(monthStart), recent: recent.map((r) => r.id) };
    };
    const postgres = dialectOf(this.orm) === 'postgresql';
    return this.orm.em.fork().transactional(read, postgres ? { isolationLevel: IsolationLevel.REPEATABLE_READ } : {});
  }

  /**
   * What the key's generations cost from `since` (a UTC day's or month's start) on, in micro-USD
   * (the budget's spend): the stored ones, and those the request log's retention folded into the rollup.
   */
  async spentSince(apiKeyId: string, since: Date): Promise<number> {
    const em = this.orm.em.fork() as SqlEntityManager;
    const rows = await em
      .createQueryBuilder(GenerationSchema)
      .select(raw('coalesce(sum(cost_micro_usd), 0) as total'))
      .where({ apiKeyId, createdAt: { $gte: since } })
      .execute<{ total: number | null }[]>('all');
    return Number(rows[0]?.total ?? 0) + (await this.#rollups.spentSince(em, apiKeyId, since));
  }
}
