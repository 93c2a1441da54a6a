import type { ModelRecord } from '../core/records/model.js';
import type { UpstreamTarget } from './provider.js';

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
    ...(model.region ? { region: model.region } : {}),
    ...(model.deployment ? { deployment: model.deployment } : {}),
    ...(model.apiVersion ? { apiVersion: model.apiVersion } : {}),
    ...(model.preset ? { preset: model.preset } : {}),
    ...(model.mock ? { mock: model.mock } : {}),
    timeouts: model.timeouts,
    streamUsage: model.streamUsage,
  };
}
