import type { Usage } from '../core/chat/stream-part.js';

/**
 * Cost arithmetic in integer micro-USD. Prices are micro-USD per million tokens (what the
 * registry stores), so a cost is tokens × price / 1,000,000, rounded half up; BigInt keeps it
 * exact for any realistic size.
 */
export interface Prices {
  /** micro-USD per million uncached input tokens; null when the model has no price. */
  readonly inputPriceMicroUsd: number | null;
  /** Output tokens, reasoning tokens included (OpenAI's and Anthropic's convention). */
  readonly outputPriceMicroUsd: number | null;
  /** Input tokens read from the vendor's prompt cache; null: the input price. */
  readonly cachedInputPriceMicroUsd?: number | null;
  /** Input tokens written to the vendor's prompt cache; null: the input price. */
  readonly cacheWritePriceMicroUsd?: number | null;
}

const MILLION = 1_000_000n;

/**
 * The most `inputTokens` of input and `outputTokens` of output may cost (input at its dearest
 * price, see worstInputPrice): the worst case admission holds, the running cost of a stream.
 */
export function costMicroUsd(inputTokens: number, outputTokens: number, prices: Prices): number {
  const total = BigInt(inputTokens) * BigInt(worstInputPrice(prices)) + BigInt(outputTokens) * BigInt(prices.outputPriceMicroUsd ?? 0);
  return Number((total + MILLION / 2n) / MILLION);
}

/**
 * The cost of a generation's usage: the input price for input tokens neither read from nor written
 * to the cache, the cached-input price for cache reads, the cache-write price for cache writes
 * (each falling back to the input price), the output price for every output token.
 */
export function usageCostMicroUsd(
  usage: Pick<Usage, 'inputTokens' | 'outputTokens' | 'cachedInputTokens' | 'cacheWriteTokens'>,
  prices: Prices,
): number {
  const input = BigInt(prices.inputPriceMicroUsd ?? 0);
  const cached = Math.min(usage.cachedInputTokens, usage.inputTokens);
  const written = Math.min(usage.cacheWriteTokens, usage.inputTokens - cached);
  const total =
    BigInt(usage.inputTokens - cached - written) * input +
    BigInt(cached) * BigInt(prices.cachedInputPriceMicroUsd ?? prices.inputPriceMicroUsd ?? 0) +
    BigInt(written) * BigInt(prices.cacheWritePriceMicroUsd ?? prices.inputPriceMicroUsd ?? 0) +
    BigInt(usage.outputTokens) * BigInt(prices.outputPriceMicroUsd ?? 0);
  return Number((total + MILLION / 2n) / MILLION);
}

/**
 * The most output tokens (≤ `maxTokens`) that keep prompt plus output within `limitMicroUsd`,
 * or 0 when not even one fits. A model without prices always fits.
 */
export function fitMaxTokens(inputTokens: number, maxTokens: number, limitMicroUsd: number, prices: Prices): number {
  const outPrice = BigInt(prices.outputPriceMicroUsd ?? 0);
  const budget = BigInt(limitMicroUsd) * MILLION - BigInt(inputTokens) * BigInt(worstInputPrice(prices));
  if (budget < 0n) return 0;
  if (outPrice === 0n) return maxTokens;
  const affordable = budget / outPrice;
  return Number(affordable < BigInt(maxTokens) ? affordable : BigInt(maxTokens));
}

/** The dearest price an input token may be billed at (a cache write may cost more than plain input): what a worst case assumes. */
export function worstInputPrice(prices: Prices): number {
  return Math.max(prices.inputPriceMicroUsd ?? 0, prices.cacheWritePriceMicroUsd ?? 0, prices.cachedInputPriceMicroUsd ?? 0);
}
