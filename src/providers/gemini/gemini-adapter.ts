import { UpstreamError } from '../../core/errors.js';
import type { UpstreamHttp } from '../http.js';
import { type RawPart, startProviderStream } from '../provider-stream.js';
import type { HealthResult, ProviderAdapter, UpstreamTarget } from '../provider.js';
import { feedJsonEvents, SseParser } from '../sse.js';
import { readBody } from '../vendor-error.js';
import { convertToGenerateContent } from './convert-request.js';
import { embedGemini } from './gemini-embeddings.js';
import { authHeaders, type GoogleKind, modelUrl } from './gemini-endpoint.js';
import { googleHttpError } from './gemini-error.js';
import { chunkSchema, type GenerateContentBody } from './gemini-wire.js';
import { GenerateContentReader } from './read-chunks.js';

/**
 * The adapter for Google's Gemini models, through the Generative Language API (`gemini`) or
 * Vertex AI (`vertex-ai`): one body and one stream format, differing only in URL and key
 * (gemini-endpoint.ts). Every answer is streamed (`streamGenerateContent?alt=sse`). The request is
 * converted (convert-request.ts) before anything is sent, so what Gemini cannot carry fails as an
 * InvalidInputError with no upstream call; the chunks are read by GenerateContentReader.
 *
 * Embeddings (`gemini` only): `batchEmbedContents` (gemini-embeddings.ts).
 *
 * Health: Gemini's `GET models/{model}` (free, needs the key, 404 for a model it does not know);
 * Vertex AI has no model lookup under a project, so there it is `countTokens` of one word (free,
 * checks the token, the project and the model).
 * @see https://ai.google.dev/api/models#method:-models.get
 * @see https://docs.cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.publishers.models/countTokens
 */
export function createGeminiAdapter(kind: GoogleKind, http: UpstreamHttp): ProviderAdapter {
  const malformed = (what: string) => new UpstreamError(`${kind} sent ${what}`, { reason: 'malformed', retryable: false, provider: kind });

  async function* openStream(
    body: GenerateContentBody,
    target: UpstreamTarget,
    requestId: string | undefined,
    signal: AbortSignal,
  ): AsyncGenerator<RawPart> {
    const response = await http.send(modelUrl(kind, target, 'streamGenerateContent'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...authHeaders(kind, target),
        ...(requestId ? { 'x-request-id': requestId } : {}),
      },
      body: JSON.stringify(body),
      signal,
      connectTimeoutMs: target.timeouts.connectMs,
    });
    if (response.status >= 300) throw googleHttpError(kind, response, await readBody(response), target.apiKey);

    const reader = new GenerateContentReader(kind);
    const parser = new SseParser();
    const notJson = () => malformed('an event that is not JSON');
    for await (const bytes of response.body) {
      for (const json of feedJsonEvents(parser, bytes, notJson)) {
        const parsed = chunkSchema.safeParse(json);
        if (!parsed.success) throw malformed('an event of an unexpected shape');
        yield* reader.read(parsed.data);
      }
    }
    yield* reader.end();
  }

  return {
    kind,
    async stream(request, target, { signal }) {
      const body = convertToGenerateContent(request);
      return startProviderStream(request, target, signal, (s) => openStream(body, target, request.requestId, s));
    },
    async checkHealth(target, { signal }): Promise<HealthResult> {
      const started = performance.now();
      const vertex = kind === 'vertex-ai';
      const response = await http.send(modelUrl(kind, target, vertex ? 'countTokens' : undefined), {
        method: vertex ? 'POST' : 'GET',
        headers: { ...(vertex ? { 'content-type': 'application/json' } : {}), ...authHeaders(kind, target) },
        ...(vertex ? { body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'ping' }] }] }) } : {}),
        signal,
        connectTimeoutMs: target.timeouts.connectMs,
      });
      const latencyMs = Math.round(performance.now() - started);
      const body = await readBody(response);
      if (response.status === 404)
        return { ok: false, latencyMs, message: `${kind} does not know the model ${target.upstreamModel} (404)` };
      if (response.status >= 300) return { ok: false, latencyMs, message: googleHttpError(kind, response, body, target.apiKey).message };
      return { ok: true, latencyMs, message: `${target.upstreamModel} is known to ${vertex ? 'countTokens' : 'GET models/{model}'}` };
    },
    // Vertex AI embeds through `:predict`, another body: only the Gemini API's embeddings are carried.
    ...(kind === 'gemini' ? { embed: (request, target, { signal }) => embedGemini(http, request, target, signal) } : {}),
  };
}
