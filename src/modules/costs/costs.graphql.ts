import { builder } from '../../graphql/builder.js';
import { withoutNulls } from '../../graphql/input.js';
import { microToUsd } from '../../pricing/money.js';
import { COST_GROUPS, type CostRow } from '../../core/records/cost.js';

const CostGroupByEnum = builder.enumType('CostGroupBy', { values: COST_GROUPS });

const CostRowRef = builder.objectRef<CostRow>('CostRow').implement({
  description: 'Requests, tokens and cost of one group (or of all, in totals).',
  fields: (t) => ({
    key: t.exposeString('key', { nullable: true, description: 'Model id, provider, session id, API key id or UTC day (YYYY-MM-DD); null in totals and for generations without one.' }),
    requests: t.exposeInt('requests'),
    failures: t.exposeInt('failures', { description: 'Generations that FAILED (refusals included).' }),
    inputTokens: t.exposeInt('inputTokens'),
    outputTokens: t.exposeInt('outputTokens'),
    costUsd: t.float({ resolve: (r) => microToUsd(r.costMicroUsd) }),
    costMicroUsd: t.float({ description: 'Exact, in micro-USD.', resolve: (r) => r.costMicroUsd }),
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
    apiKeyId: t.id({ description: 'Admins: one key. A client key always sees only its own.' }),
  }),
});

builder.queryFields((t) => ({
  costs: t.field({
    type: CostReportRef,
    description: 'Requests, tokens, failures and cost grouped by MODEL, PROVIDER, SESSION, API_KEY or DAY over a time range, with totals.',
    args: { filter: t.arg({ type: CostFilter }), groupBy: t.arg({ type: CostGroupByEnum, required: true }) },
    resolve: (_root, { filter, groupBy }, ctx) => {
      const { apiKeyId, modelId, ...rest } = withoutNulls(filter ?? {});
      return ctx.services.costs.report(ctx.viewer, { ...rest, ...(modelId ? { modelId: String(modelId) } : {}), ...(apiKeyId ? { apiKeyId: String(apiKeyId) } : {}) }, groupBy);
    },
  }),
}));
