import type { ModelRecord } from '../core/records/model.js';
import type { UpstreamTarget } from './provider.js';

/**
 * Vendor keys: by the variable a model names, as the key-variable policy allows (see
 * KeyEnvPolicy), or from a credential stored through the API (decrypted in memory).
 */
export interface VendorKeys {
  /** The key; undefined when the variable is unset or not allowed. */
  read(apiKeyEnv: string | null): string | undefined;
  /** Why there is no key: "X is not set", or why X may not be used. */
  missing(apiKeyEnv: string): string;
  /** A stored credential's key; undefined when there is none of that name or it cannot be decrypted (see `credentialProblem`). Waits for a change another instance announced. */
  credential(name: string): Promise<string | undefined>;
  /** Whether a credential of that name is stored. */
  credentialExists(name: string): boolean;
  /** Why a credential gives no key ("credential X does not exist …", a wrong master key); undefined: it does. */
  credentialProblem(name: string): string | undefined;
}

/** Why a model has no vendor key, from the credential it names (which wins) or its variable; undefined when it has one or needs none. */
export function missingVendorKey(model: ModelRecord, keys: VendorKeys): string | undefined {
  if (model.credential) return keys.credentialProblem(model.credential);
  return model.apiKeyEnv && !keys.read(model.apiKeyEnv) ? keys.missing(model.apiKeyEnv) : undefined;
}

/**
 * The upstream a model points at, with its vendor key: the credential it names when it names one
 * (read on every call, so a rotation applies to the next request), else the variable `apiKeyEnv`.
 */
export async function upstreamTarget(model: ModelRecord, keys: VendorKeys): Promise<UpstreamTarget> {
  const apiKey = model.credential ? await keys.credential(model.credential) : keys.read(model.apiKeyEnv);
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
