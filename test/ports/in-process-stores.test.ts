import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAKER } from '../../src/routing/circuit-breaker.js';
import { InProcessCircuits, InProcessRates } from '../../src/routing/in-process-stores.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { BudgetLedger } from '../../src/modules/budgets/budget-ledger.js';
import { InProcessStickyStore } from '../../src/routing/in-process-sticky-store.js';
import { budgetStoreContract, circuitStoreContract, rateStoreContract, stickyStoreContract } from './store-contracts.js';

const clockAt = () => new ManualClock(Date.UTC(2026, 11, 1, 12));

describe('InProcessRates (RateStore)', () => {
  rateStoreContract((clock) => new InProcessRates(() => clock.now()), clockAt);
});

describe('InProcessCircuits (CircuitStore)', () => {
  circuitStoreContract((clock, config) => new InProcessCircuits({ ...DEFAULT_BREAKER, ...config }, () => clock.now()), clockAt);
});

describe('BudgetLedger (BudgetStore)', () => {
  budgetStoreContract((clock, spentSince) => new BudgetLedger(spentSince, clock), clockAt);
});

describe('InProcessStickyStore (StickyStore)', () => {
  stickyStoreContract(() => new InProcessStickyStore(() => clockAt().now()));

  it('should forget a key its TTL after the last remember, on the gateway clock', async () => {
    const clock = clockAt();
    const store = new InProcessStickyStore(() => clock.now());
    await store.remember('k', 'model-1', 60_000);
    clock.advance(50_000);
    await store.remember('k', 'model-1', 60_000); // a later turn starts the TTL again
    clock.advance(50_000);
    expect(await store.member('k')).toBe('model-1');
    clock.advance(10_001);
    expect(await store.member('k')).toBeUndefined();
  });

  it('should keep at most its bound of keys, letting the least recently used go', async () => {
    const store = new InProcessStickyStore(() => clockAt().now(), 3);
    for (const key of ['a', 'b', 'c']) await store.remember(key, `m-${key}`, 60_000);
    await store.member('a');
    await store.remember('d', 'm-d', 60_000);
    expect(await Promise.all(['a', 'b', 'c', 'd'].map((k) => store.member(k)))).toEqual(['m-a', undefined, 'm-c', 'm-d']);
  });
});
