import type { SqlEntityManager } from '@mikro-orm/knex';
import type { Orm } from '../../db/orm.js';
import { InvalidInputError } from '../../core/errors.js';
import type { CostFilter, CostGroupBy, CostReport, CostRow } from '../../core/records/cost.js';

/** SQL for each grouping (SQLite: created_at is epoch milliseconds; DAY is its UTC date). */
const GROUP_EXPRESSION: Record<CostGroupBy, string> = {
  MODEL: 'model_id',
  PROVIDER: 'provider',
  SESSION: 'session_id',
  API_KEY: 'api_key_id',
  DAY: "date(created_at / 1000, 'unixepoch')",
};

/** Cost reports over the generations table: its grouping SQL lives here alone. */
export class CostRepository {
  constructor(private readonly orm: Orm) {}

  /**
   * Requests, tokens, failures and cost over stored generations, grouped in SQL (over the indexed
   * created_at, model and key columns), with totals. The data behind a cost dashboard.
   */
  report(filter: CostFilter, groupBy: CostGroupBy): Promise<CostReport> {
    return costReport(this.orm.em.fork() as SqlEntityManager, filter, groupBy);
  }
}

async function costReport(em: SqlEntityManager, filter: CostFilter, groupBy: CostGroupBy): Promise<CostReport> {
  if (filter.since && filter.until && filter.since >= filter.until) throw InvalidInputError.forField('filter.until', 'expected a time after filter.since');
  const knex = em.getKnex();
  const query = knex('generations')
    .select(
      knex.raw(`${GROUP_EXPRESSION[groupBy]} as key`),
      knex.raw('count(*) as requests'),
      knex.raw("sum(case when status = 'FAILED' then 1 else 0 end) as failures"),
      knex.raw('coalesce(sum(input_tokens), 0) as input_tokens'),
      knex.raw('coalesce(sum(output_tokens), 0) as output_tokens'),
      knex.raw('coalesce(sum(cost_micro_usd), 0) as cost'),
    )
    .groupByRaw(GROUP_EXPRESSION[groupBy])
    .orderBy([{ column: 'cost', order: 'desc' }, { column: 'key', order: 'asc' }]);
  if (filter.since) query.where('created_at', '>=', filter.since.getTime());
  if (filter.until) query.where('created_at', '<', filter.until.getTime());
  if (filter.modelId) query.where('model_id', filter.modelId);
  if (filter.provider) query.where('provider', filter.provider);
  if (filter.apiKeyId) query.where('api_key_id', filter.apiKeyId);
  const rows = (await query) as Array<{ key: string | null; requests: number; failures: number; input_tokens: number; output_tokens: number; cost: number }>;
  const groups = rows.map((r) => ({
    key: r.key === null ? null : String(r.key),
    requests: Number(r.requests),
    failures: Number(r.failures),
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
    costMicroUsd: Number(r.cost),
  }));
  const totals = groups.reduce(
    (sum, g) => ({
      key: null,
      requests: sum.requests + g.requests,
      failures: sum.failures + g.failures,
      inputTokens: sum.inputTokens + g.inputTokens,
      outputTokens: sum.outputTokens + g.outputTokens,
      costMicroUsd: sum.costMicroUsd + g.costMicroUsd,
    }),
    { key: null, requests: 0, failures: 0, inputTokens: 0, outputTokens: 0, costMicroUsd: 0 } as CostRow,
  );
  return { groups, totals };
}
