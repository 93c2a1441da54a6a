import { Gauge, type Registry } from 'prom-client';
import type { BudgetStore } from '../core/ports/stores.js';

/** `switchyard_budget_remaining_usd{api_key}`: what the tighter budget of each budgeted key has left (keys seen since start). */
export function registerBudgetGauge(registry: Registry, budgets: Pick<BudgetStore, 'remainingByKey'>): void {
  new Gauge({
    name: 'switchyard_budget_remaining_usd',
    help: 'Remaining budget per API key id (the tighter of daily and monthly), in USD',
    labelNames: ['api_key'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { keyId, remainingMicroUsd } of budgets.remainingByKey()) this.set({ api_key: keyId }, remainingMicroUsd / 1_000_000);
    },
  });
}
