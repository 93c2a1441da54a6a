/**
 * Cost arithmetic in integer micro-USD. Prices are micro-USD per million tokens (what the
 * registry stores), so a cost is tokens × price / 1,000,000, rounded half up; BigInt keeps it
 * exact for any realistic size.
 */
export interface Prices {
  /** micro-USD per million input tokens; null when the model has no price. */
  readonly inputPriceMicroUsd: number | null;
  readonly outputPriceMicroUsd: number | null;
}

const MILLION = 1_000_000n;

export function costMicroUsd(inputTokens: number, outputTokens: number, prices: Prices): number {
  const total =
    BigInt(inputTokens) * BigInt(prices.inputPriceMicroUsd ?? 0) + BigInt(outputTokens) * BigInt(prices.outputPriceMicroUsd ?? 0);
  return Number((total + MILLION / 2n) / MILLION);
}

/**
 * The most output tokens (≤ `maxTokens`) that keep prompt plus output within `limitMicroUsd`,
 * or 0 when not even one fits. A model without prices always fits.
 */
export function fitMaxTokens(inputTokens: number, maxTokens: number, limitMicroUsd: number, prices: Prices): number {
  const outPrice = BigInt(prices.outputPriceMicroUsd ?? 0);
  const budget = BigInt(limitMicroUsd) * MILLION - BigInt(inputTokens) * BigInt(prices.inputPriceMicroUsd ?? 0);
  if (budget < 0n) return 0;
  if (outPrice === 0n) return maxTokens;
  const affordable = budget / outPrice;
  return Number(affordable < BigInt(maxTokens) ? affordable : BigInt(maxTokens));
}
