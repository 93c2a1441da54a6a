import type { ProviderAdapters } from '../../providers/providers.js';
import type { HealthResult, UpstreamTarget } from '../../providers/provider.js';
import type { ModelRecord } from './model-record.js';

export const HEALTH_CHECK_TIMEOUT_MS = 10_000;

/** How many models are probed at once (at start and by the health monitor). */
export const PROBE_CONCURRENCY = 8;

/** The result of probing one model: an adapter's health result, or the registry's own refusal (a missing key). */
export type HealthProbe = HealthResult;

/** The upstream a model points at, with its vendor key read from the environment by name. */
export function upstreamTarget(model: ModelRecord, env: Readonly<Record<string, string | undefined>>): UpstreamTarget {
  return {
    modelId: model.id,
    upstreamModel: model.upstreamModel,
    ...(model.baseUrl ? { baseUrl: model.baseUrl } : {}),
    ...(model.apiKeyEnv && env[model.apiKeyEnv] ? { apiKey: env[model.apiKeyEnv] } : {}),
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
  env: Readonly<Record<string, string | undefined>>,
): Promise<HealthProbe> {
  const adapter = adapters.get(model.provider);
  if (!adapter) throw new Error(`no adapter for provider ${model.provider}`);
  if (model.apiKeyEnv && !env[model.apiKeyEnv]) return { ok: false, latencyMs: 0, message: `${model.apiKeyEnv} is not set` };
  const started = performance.now();
  try {
    const result = await adapter.checkHealth(upstreamTarget(model, env), { signal: AbortSignal.timeout(HEALTH_CHECK_TIMEOUT_MS) });
    return result;
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    return { ok: false, latencyMs, message: error instanceof Error ? error.message : 'health check failed' };
  }
}
