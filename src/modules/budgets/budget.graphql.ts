import type { UsageEvent } from '../../core/ports/event-bus.js';
import { builder } from '../../graphql/builder.js';
import type { Context } from '../../graphql/context.js';
import { microToUsd } from '../../pricing/money.js';
import { ApiKeyRef } from '../keys/api-key.graphql.js';
import type { ApiKeyRecord } from '../../core/records/api-key.js';
import { hasScope } from '../keys/viewer.js';
import { BROADCAST } from '../../graphql/broadcast.js';
import { GenerationStatusEnum } from '../generations/generation.graphql.js';

interface BudgetView {
  readonly key: ApiKeyRecord;
  readonly spentTodayMicroUsd: number;
  readonly spentThisMonthMicroUsd: number;
  readonly reservedMicroUsd: number;
  readonly remainingMicroUsd: number | null;
}

async function budgetView(ctx: Context, key: ApiKeyRecord): Promise<BudgetView> {
  return { key, ...(await ctx.services.budgets.status(key.id, key.budget)) };
}

const usd = (micro: number | null) => (micro === null ? null : microToUsd(micro));

export const ApiKeyBudgetRef = builder.objectRef<BudgetView>('ApiKeyBudget').implement({
  description: "A key's spending against its budgets (USD, UTC days and months).",
  fields: (t) => ({
    daily: t.float({ nullable: true, description: 'The daily budget; null: none.', resolve: (b) => usd(b.key.budget.dailyMicroUsd) }),
    monthly: t.float({ nullable: true, description: 'The monthly budget; null: none.', resolve: (b) => usd(b.key.budget.monthlyMicroUsd) }),
    spentToday: t.float({ resolve: (b) => microToUsd(b.spentTodayMicroUsd) }),
    spentThisMonth: t.float({ resolve: (b) => microToUsd(b.spentThisMonthMicroUsd) }),
    reserved: t.float({
      description: 'Held by requests still running (their worst case).',
      resolve: (b) => microToUsd(b.reservedMicroUsd),
    }),
    remaining: t.float({
      nullable: true,
      description: 'What the tighter budget has left, reservations counted; null: no budget.',
      resolve: (b) => usd(b.remainingMicroUsd),
    }),
  }),
});

builder.objectField(ApiKeyRef, 'budget', (t) =>
  t.field({ type: ApiKeyBudgetRef, description: 'Spending against the budgets.', resolve: (key, _a, ctx) => budgetView(ctx, key) }),
);
builder.objectField(ApiKeyRef, 'requestsPerMinute', (t) =>
  t.int({ nullable: true, description: 'The key’s request limit per minute; null: none.', resolve: (key) => key.requestsPerMinute }),
);

const SetBudgetInput = builder.inputType('SetBudgetInput', {
  fields: (t) => ({
    apiKeyId: t.id({ required: true }),
    daily: t.float({ description: 'USD per UTC day; null clears it; omitted: unchanged.' }),
    monthly: t.float({ description: 'USD per UTC month; null clears it; omitted: unchanged.' }),
  }),
});

const UsageUpdateRef = builder.objectRef<UsageEvent & { view: BudgetView | null }>('UsageUpdate').implement({
  description: 'A generation was stored (settled, or refused before it was sent): what it cost and where its key stands now.',
  fields: (t) => ({
    apiKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      description: 'The key that made the request; null for one made without a key (local mode).',
      resolve: (u) => u.view?.key ?? null,
    }),
    generationId: t.exposeID('generationId'),
    modelId: t.exposeID('modelId', { description: 'The model that served it (or was asked, for a refusal).' }),
    sessionId: t.exposeID('sessionId', {
      nullable: true,
      description: 'The session it was a turn of (a stored turn: the session’s history may have grown).',
    }),
    status: t.field({ type: GenerationStatusEnum, resolve: (u) => u.status }),
    costUsd: t.float({
      nullable: true,
      description: 'What it cost; null when unknown (a name a wildcard model serves that has no price in the config or the catalog).',
      resolve: (u) => (u.costMicroUsd === null ? null : microToUsd(u.costMicroUsd)),
    }),
    budget: t.field({
      type: ApiKeyBudgetRef,
      nullable: true,
      description: "The key's budgets after it; null without a key.",
      resolve: (u) => u.view,
    }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

builder.mutationFields((t) => ({
  setBudget: t.field({
    scope: 'admin',
    type: ApiKeyRef,
    description: "Sets a key's daily and monthly budgets (USD). Needs admin.",
    args: { input: t.arg({ type: SetBudgetInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.services.apiKeys.setBudget(input),
  }),
}));

builder.subscriptionFields((t) => ({
  usageUpdated: t.field({
    scope: 'client',
    type: UsageUpdateRef,
    description:
      "Spend and remaining budget of the caller's key, pushed as its generations are stored (admins: one key with apiKeyId, or every generation without it, keyless ones included).",
    extensions: BROADCAST,
    args: { apiKeyId: t.arg.id() },
    subscribe: (_root, { apiKeyId }, ctx) => {
      const wanted = hasScope(ctx.viewer, 'admin') ? (apiKeyId ? String(apiKeyId) : null) : ctx.viewer.keyId;
      return ctx.services.bus.subscribe('usageUpdated', (event: UsageEvent) => wanted === null || event.apiKeyId === wanted);
    },
    resolve: async (event, _args, ctx) => {
      if (event.apiKeyId === null) return { ...event, view: null };
      const [key] = await ctx.services.apiKeys.findMany([event.apiKeyId]);
      if (!key) throw new Error(`API key ${event.apiKeyId} vanished`);
      return { ...event, view: await budgetView(ctx, key) };
    },
  }),
}));
