import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { expectData } from '../helpers/graphql.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL } from '../helpers/test-config.js';

const ADMIN = 'retention-admin-key-0123456789';
const DAY_MS = 86_400_000;
const MAX_BYTES = 65_536;

const CreateKey = graphql(`
  mutation RetentionCreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }
`);
const Generate = graphql(`
  mutation RetentionGenerate($input: GenerateInput!) { generate(input: $input) { id costMicroUsd usage { inputTokens } } }
`);
const Costs = graphql(`
  query RetentionCosts($groupBy: CostGroupBy!, $filter: CostFilter) {
    costs(groupBy: $groupBy, filter: $filter) { groups { key requests costMicroUsd } totals { requests failures costMicroUsd inputTokens cachedRequests savedUsd } }
  }
`);
const Series = graphql(`
  query RetentionSeries($filter: CostFilter!) {
    costSeries(filter: $filter, groupBy: MODEL, interval: DAY) { start key requests costMicroUsd }
  }
`);

let t: TestApp;
const clock = new ManualClock(Date.parse('2026-03-01T12:00:00Z'));

beforeAll(async () => {
  t = await startTestApp({
    file: {
      models: [MOCK_MODEL, { ...MOCK_MODEL, id: 'mock-b', pricing: { input: 3, output: 5 } }],
      requestLog: { mode: 'full', retentionDays: 3, maxBytes: MAX_BYTES },
      cache: { mode: 'exact' },
    },
    env: { SWITCHYARD_ADMIN_KEY: ADMIN },
    overrides: { clock },
  });
});
afterAll(() => t?.dispose());

describe('request log retention (soak)', () => {
  it('should keep the table within maxBytes and retentionDays while costs and budget spend stay whole', async () => {
    const { services } = t.app;
    const keys = await Promise.all(
      ['a', 'b'].map(async (name) => expectData(await t.run(CreateKey, { input: { name, scopes: ['CLIENT'] } }, ADMIN)).createApiKey),
    );
    /** What the callers were charged, per key and per UTC day: the truth the reports must keep. */
    const charged = new Map<string, number>();
    let requests = 0;
    let costMicroUsd = 0;
    /** Cache hits (one repeat a day) and what they saved: folded like the rest. */
    let cachedRequests = 0;
    let savedMicroUsd = 0;
    /** Tokens processed upstream: a hit's are not counted again. */
    let inputTokens = 0;
    const padding = 'lorem ipsum '.repeat(120); // ~1.4 kB a request in full mode: the table outgrows maxBytes within a day
    const DAYS = 6;
    const PER_DAY = 40;
    let evicted = 0;
    let expired = 0;
    for (let day = 0; day < DAYS; day++) {
      for (let i = 0; i < PER_DAY; i++) {
        const key = keys[i % 2] as (typeof keys)[number];
        const input = { model: i % 3 === 0 ? 'mock-b' : MOCK_MODEL.id, prompt: `day ${day} turn ${i} ${padding}` };
        const answer = expectData(await t.run(Generate, { input }, key.key)).generate;
        const slot = `${key.apiKey.id}|${new Date(clock.now()).toISOString().slice(0, 10)}`;
        charged.set(slot, (charged.get(slot) ?? 0) + (answer.costMicroUsd ?? 0));
        requests++;
        costMicroUsd += answer.costMicroUsd ?? 0;
        inputTokens += answer.usage.inputTokens;
        if (i === 0) {
          const repeat = expectData(await t.run(Generate, { input }, key.key)).generate;
          expect(repeat.costMicroUsd).toBe(0);
          requests++;
          cachedRequests++;
          savedMicroUsd += answer.costMicroUsd ?? 0;
        }
        clock.advance(60_000);
      }
      // The retention's guard keeps the last 15 minutes: run it once they have passed.
      clock.advance(20 * 60_000);
      const run = await services.retention.runOnce();
      evicted += run.evicted;
      expired += run.expired;
      expect(run.bytes).toBeLessThanOrEqual(MAX_BYTES);
      expect(await services.rollups.loggedBytes()).toBe(run.bytes);

      // Costs: every request and micro-dollar ever charged, whether its row is still there or folded.
      const { totals, groups } = expectData(await t.run(Costs, { groupBy: 'MODEL' }, ADMIN)).costs;
      expect(totals).toMatchObject({ requests, costMicroUsd, failures: 0, cachedRequests, savedUsd: savedMicroUsd / 1e6, inputTokens });
      expect(groups.map((g) => g.key).sort()).toEqual(['mock-a', 'mock-b']);
      const byKey = expectData(await t.run(Costs, { groupBy: 'API_KEY' }, ADMIN)).costs;
      expect(byKey.totals).toMatchObject({ requests, costMicroUsd });

      // Budget spend: the key's month and today, as a fresh budget store would load them.
      const now = new Date(clock.now());
      const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
      const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
      for (const key of keys) {
        const month = [...charged].filter(([slot]) => slot.startsWith(key.apiKey.id)).reduce((sum, [, c]) => sum + c, 0);
        const today = charged.get(`${key.apiKey.id}|${dayStart.toISOString().slice(0, 10)}`) ?? 0;
        expect(await services.generationRepository.spentSince(key.apiKey.id, monthStart)).toBe(month);
        expect(await services.generationRepository.spentSince(key.apiKey.id, dayStart)).toBe(today);
        const snapshot = await services.generationRepository.spendSnapshot(key.apiKey.id, dayStart, monthStart, dayStart);
        expect(snapshot).toMatchObject({ month, day: today });
      }
      // The page of stored records never holds anything older than retentionDays.
      const oldest = await services.rollups.olderThan(new Date(clock.now() - 3 * DAY_MS), 1);
      expect(oldest).toEqual([]);
      clock.advance(DAY_MS - (PER_DAY + 20) * 60_000);
    }
    // Past retentionDays, every record goes: costs still count them all.
    clock.advance(4 * DAY_MS);
    const last = await services.retention.runOnce();
    expect(last.expired).toBeGreaterThan(0);
    expect(last.bytes).toBe(0);
    expired += last.expired;
    expect(expectData(await t.run(Costs, { groupBy: 'PROVIDER' }, ADMIN)).costs.totals).toMatchObject({
      requests,
      costMicroUsd,
      cachedRequests,
      savedUsd: savedMicroUsd / 1e6,
      inputTokens,
    });
    // Both rules deleted rows; the rollup holds at most one row per day, key, model (and pool).
    expect(evicted).toBeGreaterThan(0);
    const rolled = await services.rollups.totals();
    expect(rolled.requests).toBe(evicted + expired);
    expect(rolled.rows).toBeLessThanOrEqual(DAYS * 2 * 2);
    // The per-day series still shows every day, the rolled-up ones included.
    const series = expectData(
      await t.run(Series, { filter: { since: '2026-03-01T00:00:00Z', until: '2026-03-10T00:00:00Z' } }, ADMIN),
    ).costSeries;
    expect(series.reduce((sum, p) => sum + p.requests, 0)).toBe(requests);
    expect(new Set(series.map((p) => p.start.slice(0, 10))).size).toBe(DAYS);
  });
});
