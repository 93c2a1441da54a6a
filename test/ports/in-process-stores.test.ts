import { describe } from 'vitest';
import { DEFAULT_BREAKER } from '../../src/routing/circuit-breaker.js';
import { InProcessCircuits, InProcessRates } from '../../src/routing/in-process-stores.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { BudgetLedger } from '../../src/modules/budgets/budget-ledger.js';
import { budgetStoreContract, circuitStoreContract, rateStoreContract } from './store-contracts.js';

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
