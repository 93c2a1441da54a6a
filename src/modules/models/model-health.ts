import type { ProviderAdapters } from '../../providers/providers.js';
import type { HealthResult, ProviderAdapter, UpstreamTarget } from '../../providers/provider.js';
import { missingVendorKey, upstreamTarget, type VendorKeys } from '../../providers/upstream-target.js';
import type { ModelRecord } from '../../core/records/model.js';

export const HEALTH_CHECK_TIMEOUT_MS = 10_000;

/** How many models are probed at once (at start and by the health monitor). */
export const PROBE_CONCURRENCY = 8;

/** The result of probing one model: an adapter's health result, or the registry's own refusal (a missing key). */
export type HealthProbe = HealthResult;

/**
 * Probes a model's upstream with its adapter's cheapest honest check. A missing vendor key is a
 * failed check that names the variable or the credential (nothing is sent).
 */
export async function probeModel(model: ModelRecord, adapters: ProviderAdapters, keys: VendorKeys): Promise<HealthProbe> {
  const adapter = adapters.get(model.provider);
  if (!adapter) throw new Error(`no adapter for provider ${model.provider}`);
  const missing = missingVendorKey(model, keys);
  if (missing) return { ok: false, latencyMs: 0, message: missing };
  const started = performance.now();
  try {
    const target = await upstreamTarget(model, keys);
    const signal = AbortSignal.timeout(HEALTH_CHECK_TIMEOUT_MS);
    if (model.kind === 'embedding') return await probeEmbedding(adapter, target, signal, started);
    const result = await adapter.checkHealth(target, { signal });
    return result;
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    return { ok: false, latencyMs, message: error instanceof Error ? error.message : 'health check failed' };
  }
}

/** An embedding model's probe: one embedding of a one-word text (a chat probe would not say whether it embeds). */
async function probeEmbedding(
  adapter: ProviderAdapter,
  target: UpstreamTarget,
  signal: AbortSignal,
  started: number,
): Promise<HealthProbe> {
  if (!adapter.embed) return { ok: false, latencyMs: 0, message: `provider ${adapter.kind} has no embeddings API` };
  const result = await adapter.embed({ input: ['ping'] }, target, { signal });
  const latencyMs = Math.round(performance.now() - started);
  const size = result.embeddings[0]?.length ?? 0;
  return size > 0
    ? { ok: true, latencyMs, message: `embedded a one-word text (${size} dimensions)` }
    : { ok: false, latencyMs, message: 'the embeddings call answered an empty vector' };
}
