import { calcPrice, type ModelInfo, type ModelPrice, type TieredPrices } from '@pydantic/genai-prices';
import type { CatalogEntry } from './model-catalog.js';

/** What `@pydantic/genai-prices` knows of one model: its list prices, context window and deprecation. */
export interface PriceListing {
  /** The package's model, whose `match` rule also names the vendor's other ids for it (dated, regional). */
  readonly model: ModelInfo;
  readonly pricing?: CatalogEntry['pricing'];
  readonly contextWindow?: number;
  readonly deprecated: boolean;
}

/**
 * Finds a model in `@pydantic/genai-prices`' bundled data by the package's own matching (its
 * `match` rules, dated-id normalisation and fallback providers, e.g. Azure → OpenAI), without its
 * remote updates: the prices are the ones pinned in package-lock.
 * @see https://github.com/pydantic/genai-prices (README: calcPrice, providerId)
 */
export function findPriceListing(providerId: string, upstreamModel: string, at: Date): PriceListing | undefined {
  const found = calcPrice({}, upstreamModel, { providerId, timestamp: at });
  if (!found) return undefined;
  return {
    model: found.model,
    pricing: toPricing(listPrice(found.model, at)),
    contextWindow: found.model.context_window,
    deprecated: found.model.deprecated === true,
  };
}

/**
 * The full list price at `at`: the last price whose start date has come, or a time-of-day price
 * when it is higher (DeepSeek lists its off-peak discount as the base and the peak price as a
 * window). A record keeps one price, so it takes the peak one rather than a discount that ends
 * within hours.
 */
function listPrice(model: ModelInfo, at: Date): ModelPrice {
  if (!Array.isArray(model.prices)) return model.prices;
  const today = at.toISOString().slice(0, 10);
  let dated: ModelPrice = {};
  const windows: ModelPrice[] = [];
  for (const { constraint, prices } of model.prices) {
    if (constraint?.type === 'time_of_date') windows.push(prices);
    else if (!constraint || constraint.start_date <= today) dated = prices;
  }
  return windows.reduce((full, window) => ((base(window.input_mtok) ?? 0) > (base(full.input_mtok) ?? 0) ? window : full), dated);
}

/**
 * USD per million tokens. Tiered prices (e.g. above 200k prompt tokens) give their base tier. A
 * unit the package leaves out costs nothing by its own rule (an embedding model lists no output
 * price); a model with no input price (priced per image or per second) has no token pricing.
 */
function toPricing(price: ModelPrice): CatalogEntry['pricing'] {
  const input = base(price.input_mtok);
  if (input === undefined) return undefined;
  const cachedInput = base(price.cache_read_mtok);
  const cacheWrite = base(price.cache_write_mtok);
  const reasoning = base(price.output_reasoning_mtok);
  return {
    input,
    output: base(price.output_mtok) ?? 0,
    ...(cachedInput !== undefined && { cachedInput }),
    ...(cacheWrite !== undefined && { cacheWrite }),
    ...(reasoning !== undefined && { reasoning }),
  };
}

function base(price: number | TieredPrices | undefined): number | undefined {
  return typeof price === 'object' ? price.base : price;
}
