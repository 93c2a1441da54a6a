import type { CatalogEntry, ModelCatalog } from '../../catalog/model-catalog.js';
import { wildcardPrefix } from '../../core/records/model-id.js';
import type { ModelCapability, ModelRecord } from '../../core/records/model.js';
import { usdToMicro } from '../../pricing/money.js';
import { catalogFields } from './model-record.js';

/**
 * The record that serves `name` through the wildcard model `wildcard` (`openai/*` for
 * `openai/gpt-4o-mini`): the wildcard's provider, connection (base URL, key variable or
 * credential, region …), timeouts, limits, retry, fallbacks, status and health; the name as its
 * id and the part after the prefix as its upstreamModel; prices, context window and capabilities
 * from the wildcard when it sets them, else from the catalog's entry for that vendor model, and the
 * catalog's own fields (modalities, tools, status) of that name. With
 * neither, the prices stay null: the cost of its generations is unknown (see hasUnknownPrice).
 */
export function resolveWildcard(wildcard: ModelRecord, name: string, catalog: ModelCatalog | undefined): ModelRecord {
  const upstreamModel = name.slice(wildcardPrefix(wildcard.id).length);
  const entry = catalog?.lookup(wildcard.provider, upstreamModel, wildcard.preset);
  const priced = wildcard.pricingSource === 'CONFIG';
  return Object.freeze({
    ...wildcard,
    id: name,
    wildcard: wildcard.id,
    upstreamModel,
    contextWindow: wildcard.contextWindow ?? entry?.contextWindow ?? null,
    ...catalogFields(entry),
    capabilities: withCatalogCapabilities(wildcard.capabilities, entry),
    ...(priced ? {} : catalogPrices(entry)),
  });
}

/** The catalog's prices in micro-USD per million tokens; nulls when it lists none. */
function catalogPrices(entry: CatalogEntry | undefined) {
  const pricing = entry?.pricing;
  const micro = (usd: number | undefined) => (usd === undefined ? null : usdToMicro(usd));
  return {
    inputPriceMicroUsd: micro(pricing?.input),
    outputPriceMicroUsd: micro(pricing?.output),
    cachedInputPriceMicroUsd: micro(pricing?.cachedInput),
    cacheWritePriceMicroUsd: micro(pricing?.cacheWrite),
    pricingSource: pricing ? 'CATALOG' : 'NONE',
  } as const;
}

/** The wildcard's capabilities, plus `tools` and `vision` where the catalog says the vendor model has them. */
function withCatalogCapabilities(own: readonly ModelCapability[], entry: CatalogEntry | undefined): readonly ModelCapability[] {
  const added: ModelCapability[] = [];
  if (entry?.tools && !own.includes('tools')) added.push('tools');
  if (entry?.inputModalities.includes('image') && !own.includes('vision')) added.push('vision');
  return added.length ? [...own, ...added] : own;
}
