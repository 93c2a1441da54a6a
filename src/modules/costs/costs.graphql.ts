import { builder } from '../../graphql/builder.js';
import { withoutNulls } from '../../graphql/input.js';
import { microToUsd } from '../../pricing/money.js';
import { COST_GROUPS, COST_INTERVALS, type CostFilter as CostFilterRecord, type CostPoint, type CostRow } from '../../core/records/cost.js';

const CostGroupByEnum = builder.enumType('CostGroupBy', { values: COST_GROUPS });
const CostIntervalEnum = builder.enumType('CostInterval', {
  values: COST_INTERVALS,
  description: 'The width of a series bucket: a UTC hour or a UTC day.',
});

const CostRowRef = builder.objectRef<CostRow>('CostRow').implement({
  description: 'Requests, tokens and cost of one group (or of all, in totals).',
  fields: (t) => ({
    key: t.exposeString('key', {
      nullable: true,
      description:
        'Model id, provider, pool, session id, API key id or UTC day (YYYY-MM-DD); null in totals and for generations without one.',
    }),
    requests: t.exposeInt('requests'),
    failures: t.exposeInt('failures', { description: 'Generations that FAILED (refusals included).' }),
    inputTokens: t.exposeInt('inputTokens', { description: 'Tokens processed upstream (a cache hit’s are not counted again).' }),
    outputTokens: t.exposeInt('outputTokens', { description: 'Tokens processed upstream (a cache hit’s are not counted again).' }),
    costUsd: t.float({
      description: 'Of the generations whose cost is known (see unpricedRequests).',
      resolve: (r) => microToUsd(r.costMicroUsd),
    }),
    costMicroUsd: t.float({ description: 'Exact, in micro-USD.', resolve: (r) => r.costMicroUsd }),
    unpricedRequests: t.exposeInt('unpricedRequests', {
      description:
        'Generations whose cost is unknown (a name a wildcard model serves with no price in the config or the catalog): not in costUsd.',
    }),
    cachedRequests: t.exposeInt('cachedRequests', { description: 'Generations answered from the response cache (at no cost).' }),
    savedUsd: t.float({
      description: 'What the response cache saved: the cost of the answers its hits replayed.',
      resolve: (r) => microToUsd(r.savedMicroUsd),
    }),
  }),
});

const CostPointRef = builder.objectRef<CostPoint>('CostPoint').implement({
  description: "One group's requests, tokens and cost over one time bucket.",
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime', description: 'The start of the bucket (a whole UTC hour or day).' }),
    key: t.exposeString('key', { nullable: true, description: 'As CostRow.key.' }),
    requests: t.exposeInt('requests'),
    failures: t.exposeInt('failures'),
    inputTokens: t.exposeInt('inputTokens', { description: 'Tokens processed upstream (a cache hit’s are not counted again).' }),
    outputTokens: t.exposeInt('outputTokens', { description: 'Tokens processed upstream (a cache hit’s are not counted again).' }),
    costUsd: t.float({
      description: 'Of the generations whose cost is known (see unpricedRequests).',
      resolve: (r) => microToUsd(r.costMicroUsd),
    }),
    costMicroUsd: t.float({ description: 'Exact, in micro-USD.', resolve: (r) => r.costMicroUsd }),
    unpricedRequests: t.exposeInt('unpricedRequests', {
      description:
        'Generations whose cost is unknown (a name a wildcard model serves with no price in the config or the catalog): not in costUsd.',
    }),
    cachedRequests: t.exposeInt('cachedRequests', { description: 'Generations answered from the response cache (at no cost).' }),
    savedUsd: t.float({
      description: 'What the response cache saved: the cost of the answers its hits replayed.',
      resolve: (r) => microToUsd(r.savedMicroUsd),
    }),
  }),
});

const CostReportRef = builder.objectRef<{ groups: CostRow[]; totals: CostRow }>('CostReport').implement({
  fields: (t) => ({
    groups: t.field({ type: [CostRowRef], description: 'Most expensive first.', resolve: (r) => r.groups }),
    totals: t.field({ type: CostRowRef, resolve: (r) => r.totals }),
  }),
});

const CostFilter = builder.inputType('CostFilter', {
  fields: (t) => ({
    since: t.field({ type: 'DateTime', description: 'Created at or after.' }),
    until: t.field({ type: 'DateTime', description: 'Created before.' }),
    modelId: t.id(),
    provider: t.string({ description: 'openai, anthropic, …' }),
    poolName: t.id({ description: 'Only requests that targeted this pool.' }),
    apiKeyId: t.id({ description: 'Admins: one key. A client key always sees only its own.' }),
  }),
});

type CostFilterArg = {
  since?: Date | null;
  until?: Date | null;
  modelId?: string | number | null;
  provider?: string | null;
  poolName?: string | number | null;
  apiKeyId?: string | number | null;
};

function toCostFilter(filter: CostFilterArg | null | undefined): CostFilterRecord {
  const { apiKeyId, modelId, poolName, ...rest } = withoutNulls(filter ?? {});
  return {
    ...rest,
    ...(modelId ? { modelId: String(modelId) } : {}),
    ...(poolName ? { poolName: String(poolName) } : {}),
    ...(apiKeyId ? { apiKeyId: String(apiKeyId) } : {}),
  };
}

builder.queryFields((t) => ({
  costs: t.field({
    scope: 'client',
    type: CostReportRef,
    description:
      'Requests, tokens, failures and cost grouped by MODEL, PROVIDER, POOL, SESSION, API_KEY or DAY over a time range, with totals.',
    args: { filter: t.arg({ type: CostFilter }), groupBy: t.arg({ type: CostGroupByEnum, required: true }) },
    resolve: (_root, { filter, groupBy }, ctx) => ctx.services.costs.report(ctx.viewer, toCostFilter(filter), groupBy),
  }),
  costSeries: t.field({
    scope: 'client',
    type: [CostPointRef],
    description:
      'The figures of `costs` per group and per UTC hour or day, oldest first (buckets without requests left out): the data behind charts over time. filter.since is required; at most 20,000 points.',
    args: {
      filter: t.arg({ type: CostFilter, required: true }),
      groupBy: t.arg({ type: CostGroupByEnum, required: true }),
      interval: t.arg({ type: CostIntervalEnum, required: true }),
    },
    resolve: (_root, { filter, groupBy, interval }, ctx) => ctx.services.costs.series(ctx.viewer, toCostFilter(filter), groupBy, interval),
  }),
}));
