/** Money is integer micro-USD (1 USD = 1,000,000) in storage and arithmetic; USD floats only at the edges. */
export const MICRO_PER_USD = 1_000_000;

export function usdToMicro(usd: number): number {
  return Math.round(usd * MICRO_PER_USD);
}

export function microToUsd(micro: number): number {
  return micro / MICRO_PER_USD;
}
