import { mayUse } from '../../routing/model-access.js';
import { builder } from '../../graphql/builder.js';
import { withoutNulls } from '../../graphql/input.js';
import { POOL_STRATEGIES, type PoolMember, type PoolRecord } from '../../core/records/pool.js';
import { ModelRef } from '../models/model.graphql.js';
import type { StoredRetry } from '../../core/records/model.js';

const PoolStrategyEnum = builder.enumType('PoolStrategy', {
  description:
    'WEIGHTED: by weight. ROUND_ROBIN: in turn. LEAST_LATENCY: the member with the lowest recent latency (an EWMA of live traffic).',
  values: POOL_STRATEGIES,
});

export const RetryPolicyRef = builder.objectRef<StoredRetry>('RetryPolicy').implement({
  description: 'Retry settings (unset: the global routing.retry).',
  fields: (t) => ({
    attempts: t.int({ nullable: true, resolve: (r) => r.attempts ?? null }),
    baseDelayMs: t.int({ nullable: true, resolve: (r) => r.baseDelayMs ?? null }),
    maxDelayMs: t.int({ nullable: true, resolve: (r) => r.maxDelayMs ?? null }),
  }),
});

export const RetryPolicyInput = builder.inputType('RetryPolicyInput', {
  fields: (t) => ({
    attempts: t.int({ description: 'Attempts in all, the first included (1 to 10).' }),
    baseDelayMs: t.int({ description: 'Back-off base: the wait doubles per attempt, with jitter.' }),
    maxDelayMs: t.int({ description: 'Longest back-off.' }),
  }),
});

const PoolMemberRef = builder.objectRef<PoolMember>('PoolMember').implement({
  fields: (t) => ({
    modelId: t.exposeID('modelId'),
    model: t.field({ type: ModelRef, nullable: true, resolve: (m, _a, ctx) => ctx.services.models.find(m.modelId) ?? null }),
    weight: t.exposeFloat('weight', { description: 'Share of traffic for WEIGHTED; 0 drains the member.' }),
  }),
});

export const PoolRef = builder.objectRef<PoolRecord>('Pool').implement({
  description: 'A named set of models that can be targeted wherever a model can.',
  fields: (t) => ({
    name: t.exposeID('name'),
    strategy: t.field({ type: PoolStrategyEnum, resolve: (p) => p.strategy }),
    members: t.field({ type: [PoolMemberRef], resolve: (p) => [...p.members] }),
    retry: t.field({ type: RetryPolicyRef, resolve: (p) => p.retry }),
    sticky: t.exposeBoolean('sticky', {
      description:
        "Cache-aware routing: a conversation (its session, else its end user, else its first messages) goes back to the member that served its last turn while that member is eligible, to keep the vendor's prompt cache warm.",
    }),
    stickyTtlSeconds: t.exposeInt('stickyTtlSeconds', {
      nullable: true,
      description: 'How long a conversation stays with its member after its last turn (null: 3600).',
    }),
    source: t.string({ description: 'CONFIG or API.', resolve: (p) => p.source }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const PoolMemberInput = builder.inputType('PoolMemberInput', {
  fields: (t) => ({ modelId: t.id({ required: true }), weight: t.float({ description: 'Default 1; 0 drains the member.' }) }),
});

const SetModelPoolInput = builder.inputType('SetModelPoolInput', {
  fields: (t) => ({
    name: t.id({ required: true }),
    members: t.field({ type: [PoolMemberInput], required: true }),
    strategy: t.field({ type: PoolStrategyEnum, description: 'Default WEIGHTED.' }),
    retry: t.field({ type: RetryPolicyInput }),
    sticky: t.boolean({ description: 'Keep a conversation on the member that served its last turn (default false).' }),
    stickyTtlSeconds: t.int({
      description: 'How long a conversation stays with its member after its last turn (1 to 604800; default 3600).',
    }),
  }),
});

builder.queryFields((t) => ({
  pools: t.field({
    scope: 'client',
    type: [PoolRef],
    description: 'The pools (for a key limited to some models and pools, only those it may use).',
    resolve: async (_root, _args, ctx) => (await ctx.services.pools.list()).filter((p) => mayUse(ctx.viewer.models, p.name)),
  }),
}));

builder.mutationFields((t) => ({
  setModelPool: t.field({
    scope: 'admin',
    type: PoolRef,
    description: 'Creates or replaces a pool. Needs admin.',
    args: { input: t.arg({ type: SetModelPoolInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.pools.set(withoutNulls(input)),
  }),
  deletePool: t.field({
    scope: 'admin',
    type: PoolRef,
    description: 'Deletes a pool (sessions on it then fail with NOT_FOUND until switched). Needs admin.',
    args: { name: t.arg.id({ required: true }) },
    resolve: (_root, { name }, ctx) => ctx.services.pools.delete(String(name)),
  }),
}));
