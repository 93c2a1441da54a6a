import type { Prices } from './cost.js';

/** Money is integer micro-USD (1 USD = 1,000,000) in storage and arithmetic; USD floats only at the edges. */
export const MICRO_PER_USD = 1_000_000;

export function usdToMicro(usd: number): number {
  return Math.round(usd * MICRO_PER_USD);
}

export function microToUsd(micro: number): number {
  return micro / MICRO_PER_USD;
}

/** A model's list prices in USD per million tokens (cache reads and writes default to the input price). */
export interface ModelPricing {
  readonly input: number;
  readonly output: number;
  readonly cachedInput: number;
  readonly cacheWrite: number;
}

/** The prices a model shows (GraphQL, REST); null when it has none. */
export function pricingOf(prices: Prices): ModelPricing | null {
  if (prices.inputPriceMicroUsd === null || prices.outputPriceMicroUsd === null) return null;
  return {
    input: microToUsd(prices.inputPriceMicroUsd),
    output: microToUsd(prices.outputPriceMicroUsd),
    cachedInput: microToUsd(prices.cachedInputPriceMicroUsd ?? prices.inputPriceMicroUsd),
    cacheWrite: microToUsd(prices.cacheWritePriceMicroUsd ?? prices.inputPriceMicroUsd),
  };
}
