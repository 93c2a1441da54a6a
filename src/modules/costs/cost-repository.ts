import type { Knex } from '@mikro-orm/knex';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { type Dialect, dialectOf, sqlTime } from '../../db/dialect.js';
import type { Orm } from '../../db/orm.js';
import { RollupRepository } from '../request-log/rollup-repository.js';
import { InvalidInputError } from '../../core/errors.js';
import type { CostFilter, CostGroupBy, CostInterval, CostPoint, CostReport, CostRow } from '../../core/records/cost.js';

/** The grouping over the daily rollup (its time: day_start), which keeps no session (null). */
function rollupGroupExpression(groupBy: CostGroupBy, dialect: Dialect): string | null {
  return groupBy === 'SESSION' ? null : groupExpression(groupBy, dialect, 'day_start');
}

/** SQL for each grouping; DAY is the UTC date (SQLite keeps created_at as epoch milliseconds, PostgreSQL as timestamptz). */
function groupExpression(groupBy: CostGroupBy, dialect: Dialect, time = 'created_at'): string {
  switch (groupBy) {
    case 'MODEL':
      return 'model_id';
    case 'PROVIDER':
      return 'provider';
    case 'POOL':
      return 'pool_name';
    case 'SESSION':
      return 'session_id';
    case 'API_KEY':
      return 'api_key_id';
    case 'DAY':
      return dialect === 'sqlite' ? `date(${time} / 1000, 'unixepoch')` : `to_char(${time} at time zone 'UTC', 'YYYY-MM-DD')`;
  }
}

/** created_at (or the rollup's day_start) as epoch milliseconds, in SQL. */
const epochMs = (dialect: Dialect, time = 'created_at') =>
  dialect === 'sqlite' ? time : `cast(floor(extract(epoch from ${time}) * 1000) as bigint)`;

/** Milliseconds per series bucket; buckets start at whole UTC hours or days of the epoch. */
const INTERVAL_MS: Record<CostInterval, number> = { HOUR: 3_600_000, DAY: 86_400_000 };

/** The most points a series may hold (groups × buckets), so one query cannot bloat an answer. */
export const MAX_SERIES_POINTS = 20_000;

type SummedRow = {
  key: string | null;
  requests: number;
  failures: number;
  input_tokens: number;
  output_tokens: number;
  cost: number;
  unpriced: number;
  cached: number;
  saved: number;
};

/**
 * Cost reports over the generations table and the daily rollup of the generations the request
 * log's retention deleted (counted in their UTC day, without a session): its grouping SQL lives here alone.
 */
export class CostRepository {
  readonly #rollups: RollupRepository;

  constructor(private readonly orm: Orm) {
    this.#rollups = new RollupRepository(orm);
  }

  /**
   * Requests, tokens, failures and cost over stored generations, grouped in SQL (over the indexed
   * created_at, model and key columns), with totals. The data behind a cost dashboard.
   */
  async report(filter: CostFilter, groupBy: CostGroupBy): Promise<CostReport> {
    const knex = this.knex();
    const dialect = dialectOf(this.orm);
    const group = groupExpression(groupBy, dialect);
    const query = summed(knex, filter, dialect)
      .select(knex.raw(`${group} as key`))
      .groupByRaw(group);
    const stored = (await query.orderBy([
      { column: 'cost', order: 'desc' },
      { column: 'key', order: 'asc', nulls: 'first' },
    ])) as SummedRow[];
    const rolled = await this.#rolledUp(knex, filter, groupBy, dialect);
    const groups = (rolled.length === 0 ? stored : mergeReport(stored, rolled)).map(toCostRow);
    return { groups, totals: addUp(groups) };
  }

  /**
   * The same figures per group and per time bucket (UTC hours or days), oldest first: the
   * dashboard's charts. Buckets without requests are left out. The range must be bounded
   * (`since` required) and hold at most MAX_SERIES_POINTS buckets.
   */
  async series(filter: CostFilter, groupBy: CostGroupBy, interval: CostInterval): Promise<CostPoint[]> {
    const width = INTERVAL_MS[interval];
    if (!filter.since) throw InvalidInputError.forField('filter.since', 'expected the start of the range (a series needs one)');
    const until = filter.until ?? new Date();
    if (Math.ceil((until.getTime() - filter.since.getTime()) / width) > MAX_SERIES_POINTS) {
      throw InvalidInputError.forField(
        'interval',
        `expected at most ${MAX_SERIES_POINTS} buckets between filter.since and filter.until: choose a wider interval or a shorter range`,
      );
    }
    const knex = this.knex();
    const dialect = dialectOf(this.orm);
    const group = groupExpression(groupBy, dialect);
    const bucket = `(${epochMs(dialect)} / ${width}) * ${width}`;
    const query = summed(knex, filter, dialect)
      .select(knex.raw(`${group} as key`), knex.raw(`${bucket} as bucket`))
      .groupByRaw(`${bucket}, ${group}`)
      .orderByRaw(`${bucket} asc, key asc nulls first`) // nulls first on both engines (PostgreSQL's default is last)
      .limit(MAX_SERIES_POINTS + 1);
    const stored = (await query) as Array<SummedRow & { bucket: number }>;
    const rolled = await this.#rolledUpSeries(knex, filter, groupBy, width, dialect);
    const rows = rolled.length === 0 ? stored : mergeSeries(stored, rolled);
    if (rows.length > MAX_SERIES_POINTS)
      throw InvalidInputError.forField(
        'groupBy',
        `expected at most ${MAX_SERIES_POINTS} points: choose a wider interval, a shorter range or a coarser grouping`,
      );
    return rows.map((r) => ({ ...toCostRow(r), start: new Date(Number(r.bucket)) }));
  }

  /** The rollup's rows grouped as `report` groups (none when nothing was rolled up in the range). */
  async #rolledUp(knex: Knex, filter: CostFilter, groupBy: CostGroupBy, dialect: Dialect): Promise<SummedRow[]> {
    const group = rollupGroupExpression(groupBy, dialect);
    const query = this.#rollups.summed(knex, filter).select(knex.raw(`${group ?? 'null'} as key`));
    if (group) query.groupByRaw(group);
    return ((await query) as SummedRow[]).filter((r) => Number(r.requests) > 0);
  }

  /** The rollup's rows per group and bucket (a deleted generation counts in the bucket of its day's start). */
  async #rolledUpSeries(
    knex: Knex,
    filter: CostFilter,
    groupBy: CostGroupBy,
    width: number,
    dialect: Dialect,
  ): Promise<Array<SummedRow & { bucket: number }>> {
    const group = rollupGroupExpression(groupBy, dialect);
    const bucket = `(${epochMs(dialect, 'day_start')} / ${width}) * ${width}`;
    const query = this.#rollups
      .summed(knex, filter)
      .select(knex.raw(`${group ?? 'null'} as key`), knex.raw(`${bucket} as bucket`))
      .groupByRaw(group ? `${bucket}, ${group}` : bucket)
      .limit(MAX_SERIES_POINTS + 1);
    return ((await query) as Array<SummedRow & { bucket: number }>).filter((r) => Number(r.requests) > 0);
  }

  private knex(): Knex {
    return (this.orm.em.fork() as SqlEntityManager).getKnex();
  }
}

/** The summing SELECT over the filtered generations, without its grouping. */
function summed(knex: Knex, filter: CostFilter, dialect: Dialect): Knex.QueryBuilder {
  if (filter.since && filter.until && filter.since >= filter.until)
    throw InvalidInputError.forField('filter.until', 'expected a time after filter.since');
  const query = knex('generations').select(
    knex.raw('count(*) as requests'),
    knex.raw("sum(case when status = 'FAILED' then 1 else 0 end) as failures"),
    // A cache hit's tokens were processed once, by the request it replays: not counted again.
    knex.raw('coalesce(sum(case when cached then 0 else input_tokens end), 0) as input_tokens'),
    knex.raw('coalesce(sum(case when cached then 0 else output_tokens end), 0) as output_tokens'),
    knex.raw('coalesce(sum(cost_micro_usd), 0) as cost'),
    knex.raw('sum(case when cost_micro_usd is null then 1 else 0 end) as unpriced'),
    knex.raw('sum(case when cached then 1 else 0 end) as cached'),
    knex.raw('coalesce(sum(saved_micro_usd), 0) as saved'),
  );
  if (filter.since) query.where('created_at', '>=', sqlTime(dialect, filter.since));
  if (filter.until) query.where('created_at', '<', sqlTime(dialect, filter.until));
  if (filter.modelId) query.where('model_id', filter.modelId);
  if (filter.provider) query.where('provider', filter.provider);
  if (filter.apiKeyId) query.where('api_key_id', filter.apiKeyId);
  if (filter.poolName) query.where('pool_name', filter.poolName);
  return query;
}

/** Adds one summed row to another (numbers as the drivers give them: number, or bigint text). */
function addRows<T extends SummedRow>(a: T, b: SummedRow): T {
  return {
    ...a,
    requests: Number(a.requests) + Number(b.requests),
    failures: Number(a.failures) + Number(b.failures),
    input_tokens: Number(a.input_tokens) + Number(b.input_tokens),
    output_tokens: Number(a.output_tokens) + Number(b.output_tokens),
    cost: Number(a.cost) + Number(b.cost),
    unpriced: Number(a.unpriced ?? 0) + Number(b.unpriced ?? 0),
    cached: Number(a.cached ?? 0) + Number(b.cached ?? 0),
    saved: Number(a.saved ?? 0) + Number(b.saved ?? 0),
  };
}

const keyOf = (key: string | null) => (key === null ? null : String(key));
/** Keys ascending, null first (the SQL order of both engines here). */
const byKey = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);

/** The stored groups with the rollup's added, most expensive first. */
function mergeReport(stored: readonly SummedRow[], rolled: readonly SummedRow[]): SummedRow[] {
  const byGroup = new Map<string | null, SummedRow>();
  for (const row of [...stored, ...rolled]) {
    const key = keyOf(row.key);
    const seen = byGroup.get(key);
    byGroup.set(key, seen ? addRows(seen, row) : { ...row, key });
  }
  return [...byGroup.values()].sort((a, b) => Number(b.cost) - Number(a.cost) || byKey(a.key, b.key));
}

/** The stored points with the rollup's added, oldest bucket first. */
function mergeSeries(
  stored: ReadonlyArray<SummedRow & { bucket: number }>,
  rolled: ReadonlyArray<SummedRow & { bucket: number }>,
): Array<SummedRow & { bucket: number }> {
  const points = new Map<string, SummedRow & { bucket: number }>();
  for (const row of [...stored, ...rolled]) {
    const key = keyOf(row.key);
    const id = `${Number(row.bucket)}|${key === null ? '\u0000' : key}`;
    const seen = points.get(id);
    points.set(id, seen ? addRows(seen, row) : { ...row, key, bucket: Number(row.bucket) });
  }
  return [...points.values()].sort((a, b) => a.bucket - b.bucket || byKey(a.key, b.key));
}

function toCostRow(r: SummedRow): CostRow {
  return {
    key: r.key === null ? null : String(r.key),
    requests: Number(r.requests),
    failures: Number(r.failures),
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
    costMicroUsd: Number(r.cost),
    unpricedRequests: Number(r.unpriced ?? 0),
    cachedRequests: Number(r.cached ?? 0),
    savedMicroUsd: Number(r.saved ?? 0),
  };
}

function addUp(groups: readonly CostRow[]): CostRow {
  return groups.reduce(
    (sum, g) => ({
      key: null,
      requests: sum.requests + g.requests,
      failures: sum.failures + g.failures,
      inputTokens: sum.inputTokens + g.inputTokens,
      outputTokens: sum.outputTokens + g.outputTokens,
      costMicroUsd: sum.costMicroUsd + g.costMicroUsd,
      unpricedRequests: sum.unpricedRequests + g.unpricedRequests,
      cachedRequests: sum.cachedRequests + g.cachedRequests,
      savedMicroUsd: sum.savedMicroUsd + g.savedMicroUsd,
    }),
    {
      key: null,
      requests: 0,
      failures: 0,
      inputTokens: 0,
      outputTokens: 0,
      costMicroUsd: 0,
      unpricedRequests: 0,
      cachedRequests: 0,
      savedMicroUsd: 0,
    } as CostRow,
  );
}
