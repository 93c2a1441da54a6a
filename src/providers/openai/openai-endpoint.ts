import { UpstreamError } from '../../core/errors.js';
import type { ProviderKind } from '../../core/records/model.js';
import { PROVIDER_DEFAULTS } from '../../core/records/provider-kinds.js';
import type { UpstreamTarget } from '../provider.js';

/** The calls the OpenAI-format adapter makes. */
export type OpenAIOperation = 'chat/completions' | 'embeddings' | 'models';

/**
 * Where and how one kind's OpenAI-format calls go: OpenAI's own layout (`{baseUrl}/{operation}`
 * with a bearer key) for every kind but Azure OpenAI, whose URLs name a deployment and an
 * api-version and whose key goes in `api-key` (azure-endpoint.ts).
 */
export interface OpenAIEndpoint {
  url(target: UpstreamTarget, operation: OpenAIOperation): string;
  /** The request headers, the key among them. */
  headers(target: UpstreamTarget): Record<string, string>;
  /** The `model` a body names. */
  bodyModel(target: UpstreamTarget): string;
  /** false: no model list names the target, so the health probe is a 1-token completion. */
  readonly listsModels: boolean;
}

/** The target's API root without trailing slashes: its `baseUrl`, else the kind's default. */
export function apiRoot(kind: ProviderKind, target: UpstreamTarget): string {
  const root = target.baseUrl ?? PROVIDER_DEFAULTS[kind].baseUrl;
  if (!root) throw new UpstreamError(`${target.modelId}: no baseUrl configured`, { retryable: false, reason: 'config' });
  return root.replace(/\/+$/, '');
}

export const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' } as const;

/** OpenAI's layout: `baseUrl` follows the SDK convention (`…/v1`), the key is a bearer token. */
export function openAIEndpoint(kind: ProviderKind): OpenAIEndpoint {
  return {
    url: (target, operation) => `${apiRoot(kind, target)}/${operation}`,
    headers: (target) => ({ ...JSON_HEADERS, ...(target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {}) }),
    bodyModel: (target) => target.upstreamModel,
    listsModels: true,
  };
}
