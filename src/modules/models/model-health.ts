import type { ProviderAdapters } from '../../providers/providers.js';
import type { UpstreamTarget } from '../../providers/provider.js';
import type { ModelRecord } from './model-record.js';

export const HEALTH_CHECK_TIMEOUT_MS = 10_000;

/** The result of probing one model, or `checked: false` when this build cannot probe its provider. */
export type HealthProbe =
  | { readonly checked: true; readonly ok: boolean; readonly latencyMs: number; readonly message: string }
  | { readonly checked: false; readonly message: string };

/** The upstream a model points at, with its vendor key read from the environment by name. */
export function upstreamTarget(model: ModelRecord, env: Readonly<Record<string, string | undefined>>): UpstreamTarget {
  return {
    modelId: model.id,
    upstreamModel: model.upstreamModel,
    ...(model.baseUrl ? { baseUrl: model.baseUrl } : {}),
    ...(model.apiKeyEnv && env[model.apiKeyEnv] ? { apiKey: env[model.apiKeyEnv] } : {}),
    ...(model.mock ? { mock: model.mock } : {}),
  };
}

/**
 * Probes a model's upstream. A provider this build has no adapter for is not probed (the model
 * keeps its status: nothing reports a health it did not check); a missing vendor key is a failed
 * check that names the variable.
 */
export async function probeModel(
  model: ModelRecord,
  adapters: ProviderAdapters,
  env: Readonly<Record<string, string | undefined>>,
): Promise<HealthProbe> {
  const adapter = adapters.get(model.provider);
  if (!adapter) return { checked: false, message: `no adapter for provider ${model.provider} in this version; not checked` };
  if (model.apiKeyEnv && !env[model.apiKeyEnv]) {
    return { checked: true, ok: false, latencyMs: 0, message: `${model.apiKeyEnv} is not set` };
  }
  const started = performance.now();
  try {
    const result = await adapter.checkHealth(upstreamTarget(model, env), { signal: AbortSignal.timeout(HEALTH_CHECK_TIMEOUT_MS) });
    return { checked: true, ok: result.ok, latencyMs: result.latencyMs, message: result.message };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    return { checked: true, ok: false, latencyMs, message: error instanceof Error ? error.message : 'health check failed' };
  }
}
