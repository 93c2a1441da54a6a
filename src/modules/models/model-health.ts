import type { ProviderAdapters } from '../../providers/providers.js';
import type { HealthResult, UpstreamTarget } from '../../providers/provider.js';
import type { ModelRecord } from '../../core/records/model.js';

export const HEALTH_CHECK_TIMEOUT_MS = 10_000;

/** How many models are probed at once (at start and by the health monitor). */
export const PROBE_CONCURRENCY = 8;

/** The result of probing one model: an adapter's health result, or the registry's own refusal (a missing key). */
export type HealthProbe = HealthResult;

/** Vendor keys by the variable a model names, as the key-variable policy allows (see KeyEnvPolicy). */
export interface VendorKeys {
  /** The key; undefined when the variable is unset or not allowed. */
  read(apiKeyEnv: string | null): string | undefined;
  /** Why there is no key: "X is not set", or why X may not be used. */
  missing(apiKeyEnv: string): string;
}

/** The upstream a model points at, with its vendor key read from the environment by name. */
export function upstreamTarget(model: ModelRecord, keys: VendorKeys): UpstreamTarget {
  const apiKey = keys.read(model.apiKeyEnv);
  return {
    modelId: model.id,
    upstreamModel: model.upstreamModel,
    ...(model.baseUrl ? { baseUrl: model.baseUrl } : {}),
    ...(apiKey ? { apiKey } : {}),
    ...(model.mock ? { mock: model.mock } : {}),
    timeouts: model.timeouts,
    streamUsage: model.streamUsage,
  };
}

/**
 * Probes a model's upstream with its adapter's cheapest honest check. A missing vendor key is a
 * failed check that names the variable (nothing is sent).
 */
export async function probeModel(
  model: ModelRecord,
  adapters: ProviderAdapters,
  keys: VendorKeys,
): Promise<HealthProbe> {
  const adapter = adapters.get(model.provider);
  if (!adapter) throw new Error(`no adapter for provider ${model.provider}`);
  if (model.apiKeyEnv && !keys.read(model.apiKeyEnv)) return { ok: false, latencyMs: 0, message: keys.missing(model.apiKeyEnv) };
  const started = performance.now();
  try {
    const result = await adapter.checkHealth(upstreamTarget(model, keys), { signal: AbortSignal.timeout(HEALTH_CHECK_TIMEOUT_MS) });
    return result;
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    return { ok: false, latencyMs, message: error instanceof Error ? error.message : 'health check failed' };
  }
}
