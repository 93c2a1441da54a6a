import { PROVIDER_DEFAULTS } from '../../core/records/provider-kinds.js';
import type { UpstreamTarget } from '../provider.js';

export type GoogleKind = 'gemini' | 'vertex-ai';

/**
 * Where a model of each Google kind is called, and how it proves its key.
 *
 * - `gemini` (the Generative Language API): `{baseUrl}/models/{model}:…`, the key in
 *   `x-goog-api-key`; `baseUrl` defaults to `https://generativelanguage.googleapis.com/v1beta`.
 * - `vertex-ai`: `{baseUrl}/publishers/google/models/{model}:…`, an OAuth access token as
 *   `Authorization: Bearer`. `baseUrl` is required and names the project and location,
 *   `https://{location}-aiplatform.googleapis.com/v1/projects/{project}/locations/{location}`
 *   (or `https://aiplatform.googleapis.com/v1/projects/{project}/locations/global`); the model's
 *   `region` is not read, so the URL alone says where requests go.
 * @see https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 * @see https://ai.google.dev/gemini-api/docs/api-key
 * @see https://docs.cloud.google.com/vertex-ai/generative-ai/docs/model-reference/inference
 * @see https://docs.cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.publishers.models/streamGenerateContent
 */
export function modelUrl(
  kind: GoogleKind,
  target: UpstreamTarget,
  method?: 'streamGenerateContent' | 'countTokens' | 'batchEmbedContents',
): string {
  const root = (target.baseUrl ?? PROVIDER_DEFAULTS[kind].baseUrl ?? '').replace(/\/+$/, '');
  const model = `${root}${kind === 'vertex-ai' ? '/publishers/google' : ''}/models/${encodeURIComponent(target.upstreamModel)}`;
  if (method === 'streamGenerateContent') return `${model}:streamGenerateContent?alt=sse`;
  return method ? `${model}:${method}` : model;
}

export function authHeaders(kind: GoogleKind, target: UpstreamTarget): Record<string, string> {
  if (!target.apiKey) return {};
  return kind === 'vertex-ai' ? { authorization: `Bearer ${target.apiKey}` } : { 'x-goog-api-key': target.apiKey };
}
