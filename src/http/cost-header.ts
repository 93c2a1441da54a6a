/**
 * The `x-switchyard-cost-usd` header of a /v1 answer: the generation's cost in USD, or `unknown`
 * when its model's price is unknown (a name a wildcard model serves that has no price in the config
 * or the catalog) — stated, never written as 0.
 */
export function costHeader(costMicroUsd: number | null): string {
  return costMicroUsd === null ? 'unknown' : String(costMicroUsd / 1_000_000);
}
