import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import { type Dialect, dialectOf, fromSqlTime, sqlTime } from '../../db/dialect.js';
import type { Orm } from '../../db/orm.js';

/** The columns of a deleted generation that its rollup keeps. */
interface FoldedRow {
  id: string;
  created_at: number | string | Date;
  api_key_id: string | null;
  model_id: string;
  provider: string;
  pool_name: string | null;
  status: string;
  input_tokens: number | string;
  output_tokens: number | string;
  cached_input_tokens: number | string;
  cache_write_tokens: number | string;
  reasoning_tokens: number | string;
  cost_micro_usd: number | string | null;
  cached: number | boolean;
  saved_micro_usd: number | string | null;
  log_bytes: number | string;
}

const FOLDED_COLUMNS =
  'id, created_at, api_key_id, model_id, provider, pool_name, status, input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, reasoning_tokens, cost_micro_usd, cached, saved_micro_usd, log_bytes';

/** The summed columns of a rollup row, in insert order. */
const SUMS = [
  'requests',
  'succeeded',
  'failed',
  'cancelled',
  'input_tokens',
  'output_tokens',
  'cached_input_tokens',
  'cache_write_tokens',
  'reasoning_tokens',
  'cost_micro_usd',
  'unpriced',
  'cached_requests',
  'saved_micro_usd',
] as const;
type Sums = Record<(typeof SUMS)[number], number>;

interface Group {
  readonly id: string;
  readonly dayStart: Date;
  readonly apiKeyId: string | null;
  readonly modelId: string;
  readonly provider: string;
  readonly poolName: string | null;
  readonly sums: Sums;
}

/** A candidate for deletion: its id and the bytes it holds. */
export interface RetentionCandidate {
  readonly id: string;
  readonly logBytes: number;
}

/** Groups per upsert statement (SQLite keeps a statement under 999 parameters: 50 × 19). */
const GROUPS_PER_UPSERT = 50;

const num = (value: number | string | null | undefined) => Number(value ?? 0);
const dayStartOf = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/** The rollup row a generation folds into: its UTC day, key, model, provider and pool. */
export function rollupId(dayStart: Date, apiKeyId: string | null, modelId: string, provider: string, poolName: string | null): string {
  return [dayStart.toISOString().slice(0, 10), apiKeyId ?? '', modelId, provider, poolName ?? ''].join('|');
}

/**
 * The request log's storage side: which generations the retention may delete, the fold of
 * deleted generations into the daily rollup (generation_rollups) in the same transaction as the
 * delete, and the rollup's share of cost reports and budget spend. All of the rollup table's SQL.
 */
export class RollupRepository {
  readonly #dialect: Dialect;

  constructor(private readonly orm: Orm) {
    this.#dialect = dialectOf(orm);
  }

  /** The oldest generations created before `before`, oldest first, at most `limit`. */
  async olderThan(before: Date, limit: number): Promise<RetentionCandidate[]> {
    const rows = (await this.#knex()('generations')
      .select('id', 'log_bytes')
      .where('created_at', '<', sqlTime(this.#dialect, before))
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .limit(limit)) as Array<{ id: string; log_bytes: number | string }>;
    return rows.map((r) => ({ id: r.id, logBytes: num(r.log_bytes) }));
  }

  /** The oldest generations completed before `completedBefore` (the newest are never taken), oldest first, at most `limit`. */
  async oldest(completedBefore: Date, limit: number): Promise<RetentionCandidate[]> {
    const rows = (await this.#knex()('generations')
      .select('id', 'log_bytes')
      .where('completed_at', '<', sqlTime(this.#dialect, completedBefore))
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .limit(limit)) as Array<{ id: string; log_bytes: number | string }>;
    return rows.map((r) => ({ id: r.id, logBytes: num(r.log_bytes) }));
  }

  /** The logged bytes the generations hold now (the sum maxBytes bounds). */
  async loggedBytes(): Promise<number> {
    const rows = (await this.#knex()('generations').select(this.#knex().raw('coalesce(sum(log_bytes), 0) as total'))) as Array<{
      total: number | string;
    }>;
    return num(rows[0]?.total);
  }

  /**
   * Deletes these generations and adds them to their days' rollups, in one transaction: a cost
   * report or budget sum sees each either as a row or in the rollup, never both or neither. Only
   * the rows this call deleted are folded (DELETE … RETURNING), so two instances running the
   * retention at once cannot count a row twice. Answers what it deleted.
   */
  async foldAndDelete(ids: readonly string[]): Promise<{ deleted: number; bytes: number }> {
    if (ids.length === 0) return { deleted: 0, bytes: 0 };
    return this.orm.em.fork().transactional(async (em) => {
      // Statements run on the transaction's own connection (the base knex would wait for it on SQLite).
      const run = (sql: string, params: unknown[]) =>
        (em as SqlEntityManager).getConnection().execute(sql, params, 'all', em.getTransactionContext()) as Promise<unknown>;
      const placeholders = ids.map(() => '?').join(', ');
      const rows = await this.#deleteReturning(run, placeholders, ids);
      const groups = [...groupRows(rows).values()];
      for (let i = 0; i < groups.length; i += GROUPS_PER_UPSERT) await this.#upsert(run, groups.slice(i, i + GROUPS_PER_UPSERT));
      return { deleted: rows.length, bytes: rows.reduce((sum, r) => sum + num(r.log_bytes), 0) };
    });
  }

  /**
   * Deletes the rows and answers them. PostgreSQL: DELETE … RETURNING, so that of two instances
   * deleting the same rows each folds only those it deleted. SQLite (one process, one writer):
   * the rows read, then deleted, in the same transaction.
   */
  async #deleteReturning(run: (sql: string, params: unknown[]) => Promise<unknown>, placeholders: string, ids: readonly string[]) {
    if (this.#dialect === 'postgresql')
      return (await run(`delete from "generations" where "id" in (${placeholders}) returning ${FOLDED_COLUMNS}`, [...ids])) as FoldedRow[];
    const rows = (await run(`select ${FOLDED_COLUMNS} from "generations" where "id" in (${placeholders})`, [...ids])) as FoldedRow[];
    await run(`delete from "generations" where "id" in (${placeholders})`, [...ids]);
    return rows;
  }

  async #upsert(run: (sql: string, params: unknown[]) => Promise<unknown>, groups: readonly Group[]): Promise<void> {
    const columns = ['id', 'day_start', 'api_key_id', 'model_id', 'provider', 'pool_name', ...SUMS];
    const row = `(${columns.map(() => '?').join(', ')})`;
    const values = groups.flatMap((g) => [
      g.id,
      sqlTime(this.#dialect, g.dayStart),
      g.apiKeyId,
      g.modelId,
      g.provider,
      g.poolName,
      ...SUMS.map((column) => g.sums[column]),
    ]);
    const add = SUMS.map((c) => `"${c}" = "generation_rollups"."${c}" + excluded."${c}"`).join(', ');
    await run(
      `insert into "generation_rollups" (${columns.map((c) => `"${c}"`).join(', ')}) values ${groups.map(() => row).join(', ')} on conflict ("id") do update set ${add}`,
      values,
    );
  }

  /**
   * The rollup's figures in the shape of CostRepository's summed rows (requests, failures,
   * tokens, cost, unpriced, cache hits and their saving), filtered like generations with its day's start as `created_at`:
   * a deleted generation counts in a range when its UTC day starts in it.
   */
  summed(
    knex: Knex,
    filter: {
      since?: Date | null | undefined;
      until?: Date | null | undefined;
      modelId?: string | null | undefined;
      provider?: string | null | undefined;
      apiKeyId?: string | null | undefined;
      poolName?: string | null | undefined;
    },
  ): Knex.QueryBuilder {
    const query = knex('generation_rollups').select(
      knex.raw('coalesce(sum(requests), 0) as requests'),
      knex.raw('coalesce(sum(failed), 0) as failures'),
      knex.raw('coalesce(sum(input_tokens), 0) as input_tokens'),
      knex.raw('coalesce(sum(output_tokens), 0) as output_tokens'),
      knex.raw('coalesce(sum(cost_micro_usd), 0) as cost'),
      knex.raw('coalesce(sum(unpriced), 0) as unpriced'),
      knex.raw('coalesce(sum(cached_requests), 0) as cached'),
      knex.raw('coalesce(sum(saved_micro_usd), 0) as saved'),
    );
    if (filter.since) query.where('day_start', '>=', sqlTime(this.#dialect, filter.since));
    if (filter.until) query.where('day_start', '<', sqlTime(this.#dialect, filter.until));
    if (filter.modelId) query.where('model_id', filter.modelId);
    if (filter.provider) query.where('provider', filter.provider);
    if (filter.apiKeyId) query.where('api_key_id', filter.apiKeyId);
    if (filter.poolName) query.where('pool_name', filter.poolName);
    return query;
  }

  /** What a key's folded generations cost from `since` (a UTC day's or month's start) on, read through `em` (a snapshot's). */
  async spentSince(em: SqlEntityManager, apiKeyId: string, since: Date): Promise<number> {
    const rows = await em
      .getConnection()
      .execute<Array<{ total: number | string }>>(
        'select coalesce(sum(cost_micro_usd), 0) as total from "generation_rollups" where "api_key_id" = ? and "day_start" >= ?',
        [apiKeyId, sqlTime(this.#dialect, dayStartOf(since))],
        'all',
        em.getTransactionContext(),
      );
    return num(rows[0]?.total);
  }

  /** Every rollup row's requests and cost, summed (the soak test's and the operator's check). */
  async totals(): Promise<{ requests: number; costMicroUsd: number; rows: number }> {
    const rows = (await this.#knex()('generation_rollups').select(
      this.#knex().raw('count(*) as n'),
      this.#knex().raw('coalesce(sum(requests), 0) as requests'),
      this.#knex().raw('coalesce(sum(cost_micro_usd), 0) as cost'),
    )) as Array<{ n: number | string; requests: number | string; cost: number | string }>;
    return { rows: num(rows[0]?.n), requests: num(rows[0]?.requests), costMicroUsd: num(rows[0]?.cost) };
  }

  #knex(): Knex {
    return (this.orm.em.fork() as SqlEntityManager).getKnex();
  }
}

/** Deleted rows summed per rollup group. */
function groupRows(rows: readonly FoldedRow[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const dayStart = dayStartOf(fromSqlTime(row.created_at));
    const id = rollupId(dayStart, row.api_key_id, row.model_id, row.provider, row.pool_name);
    let group = groups.get(id);
    if (!group) {
      const sums = Object.fromEntries(SUMS.map((c) => [c, 0])) as Sums;
      group = { id, dayStart, apiKeyId: row.api_key_id, modelId: row.model_id, provider: row.provider, poolName: row.pool_name, sums };
      groups.set(id, group);
    }
    const s = group.sums;
    s.requests += 1;
    if (row.status === 'SUCCEEDED') s.succeeded += 1;
    else if (row.status === 'FAILED') s.failed += 1;
    else s.cancelled += 1;
    const hit = row.cached === true || row.cached === 1;
    // A cache hit's tokens were processed once, by the request it replays: not counted again (as in the cost reports).
    if (!hit) {
      s.input_tokens += num(row.input_tokens);
      s.output_tokens += num(row.output_tokens);
      s.cached_input_tokens += num(row.cached_input_tokens);
      s.cache_write_tokens += num(row.cache_write_tokens);
      s.reasoning_tokens += num(row.reasoning_tokens);
    }
    if (row.cost_micro_usd === null) s.unpriced += 1;
    else s.cost_micro_usd += num(row.cost_micro_usd);
    if (hit) {
      s.cached_requests += 1;
      s.saved_micro_usd += num(row.saved_micro_usd);
    }
  }
  return groups;
}
