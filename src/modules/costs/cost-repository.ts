import type { Knex } from '@mikro-orm/knex';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { type Dialect, dialectOf, sqlTime } from '../../db/dialect.js';
import type { Orm } from '../../db/orm.js';
import { InvalidInputError } from '../../core/errors.js';
import type { CostFilter, CostGroupBy, CostInterval, CostPoint, CostReport, CostRow } from '../../core/records/cost.js';

/** SQL for each grouping; DAY is the UTC date (SQLite keeps created_at as epoch milliseconds, PostgreSQL as timestamptz). */
function groupExpression(groupBy: CostGroupBy, dialect: Dialect): string {
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
      return dialect === 'sqlite' ? "date(created_at / 1000, 'unixepoch')" : "to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')";
  }
}

/** created_at as epoch milliseconds, in SQL. */
const epochMs = (dialect: Dialect) =>
  dialect === 'sqlite' ? 'created_at' : 'cast(floor(extract(epoch from created_at) * 1000) as bigint)';

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

/** Cost reports over the generations table: its grouping SQL lives here alone. */
export class CostRepository {
  constructor(private readonly orm: Orm) {}

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
    const groups = (
      (await query.orderBy([
        { column: 'cost', order: 'desc' },
        { column: 'key', order: 'asc', nulls: 'first' },
      ])) as SummedRow[]
    ).map(toCostRow);
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
    const rows = (await query) as Array<SummedRow & { bucket: number }>;
    if (rows.length > MAX_SERIES_POINTS)
      throw InvalidInputError.forField(
        'groupBy',
        `expected at most ${MAX_SERIES_POINTS} points: choose a wider interval, a shorter range or a coarser grouping`,
      );
    return rows.map((r) => ({ ...toCostRow(r), start: new Date(Number(r.bucket)) }));
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
    knex.raw('coalesce(sum(input_tokens), 0) as input_tokens'),
    knex.raw('coalesce(sum(output_tokens), 0) as output_tokens'),
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
