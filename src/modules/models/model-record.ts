import { PROVIDER_DEFAULTS, type ProviderKind } from '../../providers/provider-kinds.js';
import { DEFAULT_MAX_TOKENS, type ModelCapability } from './model-definition.js';
import { DEFAULT_TIMEOUTS, type Timeouts } from '../../providers/provider.js';
import type { CircuitState, ModelEntity, ModelSource, ModelStatus, StoredGenerationParams, StoredLimits, StoredMockSettings, StoredRetry } from './model.entity.js';

/** The last health probe of a model. */
export interface HealthCheckRecord {
  readonly checkedAt: Date;
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly message: string;
}

/**
 * A model as the rest of the gateway sees it: plain, immutable, with effective values filled in
 * (provider defaults for `baseUrl` and `apiKeyEnv`, 2000 for `maxTokens`). This is what the
 * routing table holds, what events carry and what GraphQL shows; the entity stays in the module.
 */
export interface ModelRecord {
  readonly id: string;
  readonly provider: ProviderKind;
  readonly upstreamModel: string;
  readonly baseUrl: string | null;
  readonly apiKeyEnv: string | null;
  readonly version: string | null;
  readonly sourceUrl: string | null;
  readonly contextWindow: number | null;
  readonly capabilities: readonly ModelCapability[];
  readonly defaults: Readonly<StoredGenerationParams> & { readonly maxTokens: number };
  readonly limits: Readonly<StoredLimits>;
  /** Integer micro-USD per million tokens; null when the model has no price. */
  readonly inputPriceMicroUsd: number | null;
  readonly outputPriceMicroUsd: number | null;
  readonly mock: Readonly<StoredMockSettings> | null;
  /** Effective timeouts: the model's, else the defaults. */
  readonly timeouts: Timeouts;
  /** Whether streams ask the vendor for usage (`quirks.streamUsage`, default true). */
  readonly streamUsage: boolean;
  /** Models tried, in order, when this one fails with a retryable error. */
  readonly fallbacks: readonly string[];
  /** The model's own retry settings (over the global policy). */
  readonly retry: Readonly<StoredRetry>;
  readonly status: ModelStatus;
  readonly lastHealthCheck: HealthCheckRecord | null;
  readonly circuitState: CircuitState;
  readonly source: ModelSource;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly retiredAt: Date | null;
}

export function toModelRecord(entity: ModelEntity): ModelRecord {
  const provider = entity.provider as ProviderKind;
  const kindDefaults = PROVIDER_DEFAULTS[provider];
  return Object.freeze({
    id: entity.id,
    provider,
    upstreamModel: entity.upstreamModel ?? entity.id,
    baseUrl: entity.baseUrl ?? kindDefaults.baseUrl ?? null,
    apiKeyEnv: entity.apiKeyEnv ?? kindDefaults.apiKeyEnv ?? null,
    version: entity.version ?? null,
    sourceUrl: entity.sourceUrl ?? null,
    contextWindow: entity.contextWindow ?? null,
    capabilities: [...entity.capabilities],
    defaults: { ...entity.defaults, maxTokens: entity.defaults.maxTokens ?? DEFAULT_MAX_TOKENS },
    limits: { ...entity.limits },
    inputPriceMicroUsd: entity.inputPriceMicroUsd ?? null,
    outputPriceMicroUsd: entity.outputPriceMicroUsd ?? null,
    mock: entity.mock ? { ...entity.mock } : null,
    timeouts: { ...DEFAULT_TIMEOUTS, ...entity.timeouts },
    streamUsage: entity.quirks?.streamUsage ?? true,
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
    circuitState: entity.circuitState as CircuitState,
    source: entity.source as ModelSource,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    retiredAt: entity.retiredAt ?? null,
  });
}
