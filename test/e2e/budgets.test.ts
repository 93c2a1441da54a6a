import { afterEach, describe, expect, it } from 'vitest';
import { ApiKeyBudgetQuery, CostsQuery, CreateBudgetedKey, Generate } from '../helpers/documents.js';
import { execute, expectData } from '../helpers/graphql.js';
import { freshPostgres, postgresReachable } from '../helpers/postgres.js';
import { REDIS_URL, redisPrefix, redisReachable } from '../helpers/redis.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testConfig } from '../helpers/test-config.js';
import { waitFor } from '../helpers/ws.js';

/** 100 of the callers stream on one key: past the default cap of 64 running streams per key (limits.maxConnectionsPerKey). */
const PARALLEL_LIMITS = { maxConnectionsPerKey: 200 };

/**
 * A small daily budget under 200 parallel callers, half streaming over /v1/chat/completions and
 * half asking GraphQL's generate, half of each with maxTokens set and half with the default: the
 * key never spends past its budget, and the callers together spend most of it — in one instance
 * (the in-process store) and in two sharing Redis.
 */
const ADMIN = 'budgets-admin-key-0123456789';
// The mock answers "Hi" with 16 words after a 1-word prompt: 1 + 16 × 2 = 33 micro-USD, so about 60 answers spend the
// $0.002 budget. A request holds far more: 7 prompt tokens (cl100k) plus maxTokens × 2 — 71 micro for maxTokens 32,
// and its share of what is left for the default maxTokens (2000, which alone would cost twice the budget).
const MODEL = { id: 'mock-metered', provider: 'mock', pricing: { input: 1, output: 2 }, mock: { tokens: 16, tokenDelayMs: 25 } };
const BUDGET_USD = 0.002;
const BUDGET = BUDGET_USD * 1e6;

const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0).reverse()) await dispose();
});

/** What one caller saw: served (with the finish reason and, for generate, the maxTokens sent upstream), or refused with a code. */
type Outcome = { served: true; finishReason: string; maxTokens?: number; text: string } | { served: false; code: string };

async function viaGenerate(base: string, key: string, maxTokens: number | undefined): Promise<Outcome> {
  const result = await execute(
    fetch,
    Generate,
    { input: { model: MODEL.id, prompt: 'Hi', ...(maxTokens ? { params: { maxTokens } } : {}) } },
    { url: `${base}/graphql`, key },
  );
  const g = result.data?.generate;
  return g
    ? { served: true, finishReason: g.finishReason ?? '', maxTokens: g.maxTokens, text: g.text }
    : { served: false, code: String(result.errors?.[0]?.extensions?.code) };
}

async function viaOpenAIStream(base: string, key: string, maxTokens: number | undefined): Promise<Outcome> {
  const response = await fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      model: MODEL.id,
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      ...(maxTokens ? { max_tokens: maxTokens } : {}),
    }),
  });
  if (!response.ok) return { served: false, code: ((await response.json()) as { error: { code: string } }).error.code };
  const chunks = (await response.text())
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice('data: '.length)) as { choices: { delta: { content?: string }; finish_reason: string | null }[] });
  const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
  return { served: true, finishReason: chunks.map((c) => c.choices[0]?.finish_reason).find((r) => r) ?? '', text };
}

/** 200 callers at once, spread over the instances: even ones stream over /v1, odd ones call generate; every other pair sets maxTokens. */
function burst(bases: readonly string[], key: string): Promise<Outcome[]> {
  return Promise.all(
    Array.from({ length: 200 }, (_, i) => {
      const base = bases[Math.floor(i / 2) % bases.length] as string;
      const maxTokens = Math.floor(i / 2) % 2 === 0 ? 32 : undefined;
      return i % 2 === 0 ? viaOpenAIStream(base, key, maxTokens) : viaGenerate(base, key, maxTokens);
    }),
  );
}

async function spendOfBurst(apps: readonly TestApp[]): Promise<void> {
  const bases = await Promise.all(apps.map((a) => a.listen()));
  const run = <T, V>(document: Parameters<typeof execute<T, V>>[1], variables?: V) =>
    execute<T, V>(fetch, document, variables, { url: `${bases[0]}/graphql`, key: ADMIN });
  const { key, apiKey } = expectData(
    await run(CreateBudgetedKey, { input: { name: 'tiny', scopes: ['CLIENT'], budget: { daily: BUDGET_USD } } }),
  ).createApiKey;

  const outcomes = await burst(bases, key);

  const served = outcomes.filter((o) => o.served);
  // Each caller is served or refused for the budget (/v1 says budget_exceeded), nothing else.
  expect(outcomes.filter((o) => !o.served && o.code !== 'COST_LIMIT_EXCEEDED' && o.code !== 'budget_exceeded')).toEqual([]);
  // An answer cut where its maxTokens was lowered to fit says so: LENGTH (/v1: "length"), never a silent stop. One
  // fitted to exactly the mock's 16 words may end COST_LIMIT (stopped at what it held: its closing "." is a 17th cl100k token).
  for (const o of served)
    if (o.served && o.maxTokens !== undefined && o.maxTokens < MODEL.mock.tokens) expect(o.finishReason).toBe('LENGTH');
  expect(served.filter((o) => o.served && !['STOP', 'LENGTH', 'COST_LIMIT', 'stop', 'length'].includes(o.finishReason))).toEqual([]);
  expect(served.some((o) => o.served && o.finishReason === 'LENGTH')).toBe(true);

  // Every settle has landed (a shared store's are sent without waiting for them).
  const budgetOf = async () => expectData(await run(ApiKeyBudgetQuery)).apiKeys.find((k) => k.id === apiKey.id)?.budget;
  await waitFor(async () => (await budgetOf())?.reserved === 0, 'every hold to settle');
  const budget = await budgetOf();
  const costs = expectData(await run(CostsQuery, { groupBy: 'API_KEY', filter: { apiKeyId: apiKey.id } })).costs.totals;
  expect(costs.requests).toBe(200);
  // Never over: neither what the store counted nor what the records say.
  expect(costs.costMicroUsd).toBeLessThanOrEqual(BUDGET);
  expect((budget?.spentToday ?? Infinity) * 1e6).toBeLessThanOrEqual(BUDGET + 1e-6);
  expect((budget?.spentToday ?? 0) * 1e6).toBeCloseTo(costs.costMicroUsd, 3);
  // And usable: the callers together spent at least 80% of it.
  expect(costs.costMicroUsd).toBeGreaterThanOrEqual(0.8 * BUDGET);
}

const shared = (await postgresReachable()) && (await redisReachable());

describe('a small budget under 200 parallel callers', () => {
  it('should never be overspent and should be at least 80% spent, on one instance (the in-process store)', async () => {
    const app = await startTestApp({ file: { models: [MODEL], limits: PARALLEL_LIMITS }, env: { SWITCHYARD_ADMIN_KEY: ADMIN } });
    disposers.push(() => app.dispose());
    await spendOfBurst([app]);
  }, 60_000);

  it.skipIf(!shared)(
    'should never be overspent and should be at least 80% spent, on two instances sharing Redis',
    async () => {
      const fresh = await freshPostgres();
      disposers.push(fresh.drop);
      const config = testConfig({
        file: { models: [MODEL], limits: PARALLEL_LIMITS, database: { url: fresh.url } },
        env: { SWITCHYARD_ADMIN_KEY: ADMIN, REDIS_URL, REDIS_PREFIX: redisPrefix() },
      });
      // One after the other: the second finds the database migrated.
      const apps: TestApp[] = [];
      for (let i = 0; i < 2; i++) {
        const app = await startTestApp({ config });
        disposers.push(() => app.dispose());
        apps.push(app);
      }
      await spendOfBurst(apps);
    },
    60_000,
  );
});
