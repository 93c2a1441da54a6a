import {
  DEFAULT_MAX_TOKENS,
  DEFAULT_TIMEOUTS,
  type ModelRecord,
  type ModelKind,
  type ModelSource,
  type ModelStatus,
  type ProviderKind,
  type ProviderPreset,
} from '../../core/records/model.js';
import type { RequestLogMode } from '../../core/records/request-log.js';
import { PROVIDER_DEFAULTS } from '../../core/records/provider-kinds.js';
import { presetDefaults } from '../../core/records/provider-presets.js';
import type { CatalogEntry, ModelCatalog } from '../../catalog/model-catalog.js';
import { usdToMicro } from '../../pricing/money.js';
import { isWildcardId } from '../../core/records/model-id.js';
import type { ModelEntity } from './model.entity.js';

/**
 * The record of a stored model, effective values filled in: provider defaults, and from the
 * catalog's entry for its vendor name whatever the model does not set itself (its pricing as a
 * whole, its context window) plus the catalog's own fields (modalities, tools, status).
 */
export function toModelRecord(entity: ModelEntity, catalog: ModelCatalog): ModelRecord {
  const provider = entity.provider as ProviderKind;
  const kindDefaults = PROVIDER_DEFAULTS[provider];
  // A preset's host fills what the model leaves out, before the kind's defaults.
  const preset = provider === 'openai-compatible' ? presetDefaults(entity.preset) : undefined;
  const upstreamModel = entity.upstreamModel ?? entity.id;
  // A wildcard's upstreamModel is only its probe's name: its names take the catalog's fields one by one (resolveWildcard).
  const entry = isWildcardId(entity.id) ? undefined : catalog.lookup(provider, upstreamModel, entity.preset);
  return Object.freeze({
    id: entity.id,
    wildcard: null,
    provider,
    kind: (entity.kind ?? 'chat') as ModelKind,
    upstreamModel,
    preset: (entity.preset ?? null) as ProviderPreset | null,
    baseUrl: entity.baseUrl ?? preset?.baseUrl ?? kindDefaults.baseUrl ?? null,
    apiKeyEnv: entity.apiKeyEnv ?? preset?.apiKeyEnv ?? kindDefaults.apiKeyEnv ?? null,
    credential: entity.credential ?? null,
    region: entity.region ?? null,
    deployment: entity.deployment ?? null,
    apiVersion: entity.apiVersion ?? null,
    version: entity.version ?? null,
    sourceUrl: entity.sourceUrl ?? null,
    contextWindow: entity.contextWindow ?? entry?.contextWindow ?? null,
    ...catalogFields(entry),
    capabilities: [...entity.capabilities],
    defaults: { ...entity.defaults, maxTokens: entity.defaults.maxTokens ?? DEFAULT_MAX_TOKENS },
    limits: { ...entity.limits },
    ...effectivePrices(entity, entry),
    mock: entity.mock ? { ...entity.mock } : null,
    timeouts: { ...DEFAULT_TIMEOUTS, ...entity.timeouts },
    streamUsage: entity.quirks?.streamUsage ?? preset?.streamUsage ?? true,
    fallbacks: [...(entity.fallbacks ?? [])],
    retry: { ...entity.retry },
    cache: entity.cache ? { ...entity.cache } : null,
    requestLog: (entity.requestLog ?? null) as RequestLogMode | null,
    status: entity.status as ModelStatus,
    lastHealthCheck: entity.healthCheckedAt
      ? {
          checkedAt: entity.healthCheckedAt,
          ok: entity.healthOk ?? false,
          latencyMs: entity.healthLatencyMs ?? 0,
          message: entity.healthMessage ?? '',
        }
      : null,
    source: entity.source as ModelSource,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    retiredAt: entity.retiredAt ?? null,
  });
}

/** The catalog's own fields of a model (modalities, tools, reasoning, output limit, status). */
export function catalogFields(entry: CatalogEntry | undefined) {
  const known = entry && (entry.inputModalities.length > 0 || entry.outputModalities.length > 0);
  return {
    maxOutputTokens: entry?.maxOutputTokens ?? null,
    modalities: known ? { input: [...entry.inputModalities], output: [...entry.outputModalities] } : null,
    supportsTools: entry?.tools ?? null,
    supportsReasoning: entry?.reasoning ?? null,
    catalogStatus: !entry ? 'UNLISTED' : entry.status === 'deprecated' ? 'DEPRECATED' : 'CURRENT',
  } as const;
}

/** The model's own pricing when it has one (config or API), else the catalog's, never a mix of the two. */
function effectivePrices(entity: ModelEntity, entry: CatalogEntry | undefined) {
  if (entity.inputPriceMicroUsd != null && entity.outputPriceMicroUsd != null) {
    return {
      inputPriceMicroUsd: entity.inputPriceMicroUsd,
      outputPriceMicroUsd: entity.outputPriceMicroUsd,
      cachedInputPriceMicroUsd: entity.cachedInputPriceMicroUsd ?? null,
      cacheWritePriceMicroUsd: entity.cacheWritePriceMicroUsd ?? null,
      pricingSource: 'CONFIG',
    } as const;
  }
  const pricing = entry?.pricing;
  return {
    inputPriceMicroUsd: pricing ? usdToMicro(pricing.input) : null,
    outputPriceMicroUsd: pricing ? usdToMicro(pricing.output) : null,
    cachedInputPriceMicroUsd: pricing?.cachedInput === undefined ? null : usdToMicro(pricing.cachedInput),
    cacheWritePriceMicroUsd: pricing?.cacheWrite === undefined ? null : usdToMicro(pricing.cacheWrite),
    pricingSource: pricing ? 'CATALOG' : 'NONE',
  } as const;
}
