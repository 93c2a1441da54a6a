import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { DEFAULT_TIMEOUTS, type ModelRecord } from '../../src/core/records/model.js';
import type { PoolRecord } from '../../src/core/records/pool.js';
import { DEFAULT_BREAKER } from '../../src/routing/circuit-breaker.js';
import { InProcessCircuits, InProcessRates } from '../../src/routing/in-process-stores.js';
import { InProcessStickyStore } from '../../src/routing/in-process-sticky-store.js';
import { DEFAULT_RETRY_POLICY } from '../../src/routing/retry-policy.js';
import { Router, type RouterDeps } from '../../src/routing/router.js';
import { stickinessKey } from '../../src/routing/stickiness-key.js';
import { ManualClock } from '../helpers/manual-clock.js';

/** A seeded PRNG so the distribution test is exact and repeatable. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

function model(id: string): ModelRecord {
  return {
    id,
    wildcard: null,
    provider: 'mock',
    kind: 'chat',
    upstreamModel: id,
    preset: null,
    baseUrl: null,
    apiKeyEnv: null,
    credential: null,
    region: null,
    deployment: null,
    apiVersion: null,
    version: null,
    sourceUrl: null,
    contextWindow: null,
    maxOutputTokens: null,
    modalities: null,
    supportsTools: null,
    supportsReasoning: null,
    catalogStatus: 'UNLISTED',
    capabilities: ['chat', 'streaming'],
    defaults: { maxTokens: 100 },
    limits: {},
    inputPriceMicroUsd: null,
    outputPriceMicroUsd: null,
    cachedInputPriceMicroUsd: null,
    cacheWritePriceMicroUsd: null,
    pricingSource: 'NONE',
    mock: null,
    timeouts: DEFAULT_TIMEOUTS,
    streamUsage: true,
    fallbacks: [],
    retry: {},
    cache: null,
    status: 'HEALTHY',
    lastHealthCheck: null,
    source: 'CONFIG',
    createdAt: new Date(0),
    updatedAt: new Date(0),
    retiredAt: null,
  };
}

function pool(overrides: Partial<PoolRecord> = {}): PoolRecord {
  return {
    name: 'p',
    strategy: 'WEIGHTED',
    members: [
      { modelId: 'a', weight: 3 },
      { modelId: 'b', weight: 1 },
    ],
    retry: {},
    sticky: true,
    stickyTtlSeconds: 60,
    source: 'API',
    updatedAt: new Date(0),
    ...overrides,
  };
}

/** A router over models a and b (plan only: nothing is sent), its sticky store on a manual clock. */
function routerOver(random = seeded(1)) {
  const clock = new ManualClock(Date.UTC(2026, 11, 1));
  const models = new Map(['a', 'b'].map((id) => [id, model(id)]));
  const circuits = new InProcessCircuits({ ...DEFAULT_BREAKER, minRequests: 2, errorRateThreshold: 0.5 }, () => clock.now());
  const sticky = new InProcessStickyStore(() => clock.now());
  const deps = {
    models: { get: (id: string) => models.get(id), all: () => [...models.values()] },
    circuits,
    rates: new InProcessRates(() => clock.now()),
    bus: { publish: () => undefined },
    logger: pino({ level: 'silent' }),
    retry: DEFAULT_RETRY_POLICY,
    random,
    clock,
    sticky,
  } as unknown as RouterDeps;
  const router = new Router(deps);
  /** Plans like admission, and remembers the first candidate as start does when it serves the turn. */
  const turn = async (key: string, target = pool()) => {
    const plan = await router.plan({ kind: 'pool', pool: target }, { stickinessKey: key });
    const first = plan.order[0]?.id;
    if (plan.sticky && first) await sticky.remember(plan.sticky.key, first, plan.sticky.ttlMs);
    return first;
  };
  return { router, turn, models, circuits, clock };
}

describe('stickinessKey', () => {
  const conversation = [
    { role: 'system' as const, content: 'You are terse.' },
    { role: 'user' as const, content: 'Summarise this contract: …' },
  ];

  it('should be the session, else the user, else the conversation prefix', () => {
    const bySession = stickinessKey({ caller: 'k1', sessionId: 's1', user: 'u1', messages: conversation });
    const byUser = stickinessKey({ caller: 'k1', user: 'u1', messages: conversation });
    const byPrefix = stickinessKey({ caller: 'k1', messages: conversation });
    expect([bySession?.split(':')[0], byUser?.split(':')[0], byPrefix?.split(':')[0]]).toEqual(['session', 'user', 'prefix']);
    expect(stickinessKey({ caller: 'k1', sessionId: 's1', messages: [] })).toBe(bySession);
    expect(stickinessKey({ caller: 'k1', messages: [{ role: 'assistant', content: 'hello' }] })).toBeUndefined();
    // Another caller's same user, or same conversation, is another key.
    expect(stickinessKey({ caller: 'k2', user: 'u1', messages: conversation })).not.toBe(byUser);
    expect(stickinessKey({ caller: 'k2', messages: conversation })).not.toBe(byPrefix);
  });

  it('should give every later turn of a stateless conversation its first turn’s key, and another system prompt another', () => {
    const first = stickinessKey({ caller: 'k1', messages: conversation });
    const later = stickinessKey({
      caller: 'k1',
      messages: [...conversation, { role: 'assistant', content: 'It says …' }, { role: 'user', content: 'And clause 4?' }],
    });
    expect(later).toBe(first);
    expect(stickinessKey({ caller: 'k1', messages: [{ role: 'system', content: 'You are verbose.' }, conversation[1]!] })).not.toBe(first);
    expect(stickinessKey({ caller: 'k1', messages: [conversation[0]!, { role: 'user', content: 'Another question' }] })).not.toBe(first);
  });
});

describe('Router.plan on a sticky pool', () => {
  it('should send a key to the member of its last turn while that member is eligible, and move it when it is not', async () => {
    const { turn, models, circuits } = routerOver();
    const keys = Array.from({ length: 40 }, (_, i) => `session:k${i}`);
    const first = new Map<string, string | undefined>();
    for (const key of keys) first.set(key, await turn(key));
    for (let round = 0; round < 5; round++) for (const key of keys) expect(await turn(key)).toBe(first.get(key));
    const onA = keys.filter((k) => first.get(k) === 'a');
    expect(onA.length).toBeGreaterThan(0);
    // a goes unhealthy: its keys move to b and are remembered there; b's keys stay.
    models.set('a', { ...model('a'), status: 'UNHEALTHY' });
    for (const key of keys) expect(await turn(key)).toBe('b');
    // a is back: the moved keys stay on b (their last turn went there).
    models.set('a', model('a'));
    for (const key of onA) expect(await turn(key)).toBe('b');
    // b's circuit opens: every key moves to a.
    for (let i = 0; i < 4; i++) circuits.record('b', false, 10);
    expect(circuits.snapshot('b').state).toBe('OPEN');
    for (const key of keys) expect(await turn(key)).toBe('a');
  });

  it('should move a key off a member drained by weight 0', async () => {
    const { turn } = routerOver();
    let key = 'user:x';
    for (let i = 0; (await turn(key)) !== 'a'; i++) key = `user:x${i}`;
    const drained = pool({
      members: [
        { modelId: 'a', weight: 0 },
        { modelId: 'b', weight: 1 },
      ],
    });
    expect(await turn(key, drained)).toBe('b');
  });

  it('should hold the weights across keys (3:1 within 4 sigma over 8000 keys)', async () => {
    const { turn } = routerOver(seeded(42));
    const counts = { a: 0, b: 0 };
    const n = 8_000;
    for (let i = 0; i < n; i++) counts[(await turn(`prefix:${i}`)) as 'a' | 'b']++;
    // Binomial sd at n = 8000, p = 0.75: 0.0048; 4 sigma ≈ 0.02.
    expect(Math.abs(counts.a / n - 0.75)).toBeLessThan(0.02);
    // And every key stays with its member: its second turn counts the same.
    const again = { a: 0, b: 0 };
    for (let i = 0; i < n; i++) again[(await turn(`prefix:${i}`)) as 'a' | 'b']++;
    expect(again).toEqual(counts);
  });

  it('should forget a key its TTL after the last turn, and leave it to the strategy', async () => {
    const { turn, clock, router } = routerOver();
    const roundRobin = pool({ strategy: 'ROUND_ROBIN' });
    const key = 'session:ttl';
    const firstOf = async () => (await router.plan({ kind: 'pool', pool: roundRobin }, { stickinessKey: key })).order[0]?.id;
    const member = await turn(key, roundRobin);
    // Within the TTL (restarted by each turn) round robin's rotation does not move it.
    for (let i = 0; i < 4; i++) {
      clock.advance(50_000);
      expect(await turn(key, roundRobin)).toBe(member);
    }
    clock.advance(60_001);
    // Forgotten: round robin alternates again.
    expect(new Set([await firstOf(), await firstOf()])).toEqual(new Set(['a', 'b']));
  });

  it('should not stick a pool that is not sticky, nor a request without a key', async () => {
    const { router } = routerOver(seeded(5));
    const plain = await router.plan({ kind: 'pool', pool: pool({ sticky: false }) }, { stickinessKey: 'session:s' });
    const keyless = await router.plan({ kind: 'pool', pool: pool() }, {});
    expect([plain.sticky, keyless.sticky]).toEqual([undefined, undefined]);
  });
});
