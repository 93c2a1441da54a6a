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
import { PROVIDER_DEFAULTS } from '../../core/records/provider-kinds.js';
import { presetDefaults } from '../../core/records/provider-presets.js';
import type { ModelEntity } from './model.entity.js';

export function toModelRecord(entity: ModelEntity): ModelRecord {
  const provider = entity.provider as ProviderKind;
  const kindDefaults = PROVIDER_DEFAULTS[provider];
  // A preset's host fills what the model leaves out, before the kind's defaults.
  const preset = provider === 'openai-compatible' ? presetDefaults(entity.preset) : undefined;
  return Object.freeze({
    id: entity.id,
    provider,
    kind: (entity.kind ?? 'chat') as ModelKind,
    upstreamModel: entity.upstreamModel ?? entity.id,
    preset: (entity.preset ?? null) as ProviderPreset | null,
    baseUrl: entity.baseUrl ?? preset?.baseUrl ?? kindDefaults.baseUrl ?? null,
    apiKeyEnv: entity.apiKeyEnv ?? preset?.apiKeyEnv ?? kindDefaults.apiKeyEnv ?? null,
    credential: entity.credential ?? null,
    region: entity.region ?? null,
    deployment: entity.deployment ?? null,
    apiVersion: entity.apiVersion ?? null,
    version: entity.version ?? null,
    sourceUrl: entity.sourceUrl ?? null,
    contextWindow: entity.contextWindow ?? null,
    capabilities: [...entity.capabilities],
    defaults: { ...entity.defaults, maxTokens: entity.defaults.maxTokens ?? DEFAULT_MAX_TOKENS },
    limits: { ...entity.limits },
    inputPriceMicroUsd: entity.inputPriceMicroUsd ?? null,
    outputPriceMicroUsd: entity.outputPriceMicroUsd ?? null,
    cachedInputPriceMicroUsd: entity.cachedInputPriceMicroUsd ?? null,
    cacheWritePriceMicroUsd: entity.cacheWritePriceMicroUsd ?? null,
    mock: entity.mock ? { ...entity.mock } : null,
    timeouts: { ...DEFAULT_TIMEOUTS, ...entity.timeouts },
    streamUsage: entity.quirks?.streamUsage ?? preset?.streamUsage ?? true,
    fallbacks: [...(entity.fallbacks ?? [])],
    retry: { ...entity.retry },
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
