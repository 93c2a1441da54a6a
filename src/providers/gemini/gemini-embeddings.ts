import { z } from 'zod';
import { UpstreamError } from '../../core/errors.js';
import type { UpstreamHttp } from '../http.js';
import type { EmbedRequest, EmbedResult, UpstreamTarget } from '../provider.js';
import { countTokens } from '../token-estimate.js';
import { readBody } from '../vendor-error.js';
import { authHeaders, modelUrl } from './gemini-endpoint.js';
import { googleHttpError } from './gemini-error.js';

/** How much of an answer is read: 100 vectors of 3072 floats as JSON text, with room. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** The most requests one `batchEmbedContents` call takes. */
export const MAX_BATCH = 100;

const responseSchema = z.object({ embeddings: z.array(z.object({ values: z.array(z.number()) })) });

/**
 * Gemini's `POST {baseUrl}/models/{model}:batchEmbedContents`: one request per text (`model` as
 * `models/{model}`, the text as one part, `outputDimensionality` when a size is asked), at most
 * 100 per call, so longer inputs take several calls in order. Gemini reports no token count for
 * embeddings: the input is counted by the gateway (`estimated`).
 * @see https://ai.google.dev/api/embeddings#method:-models.batchembedcontents
 * @see https://ai.google.dev/gemini-api/docs/embeddings
 */
export async function embedGemini(
  http: UpstreamHttp,
  request: EmbedRequest,
  target: UpstreamTarget,
  signal: AbortSignal,
): Promise<EmbedResult> {
  const model = `models/${target.upstreamModel}`;
  const embeddings: number[][] = [];
  for (let start = 0; start < request.input.length; start += MAX_BATCH) {
    const texts = request.input.slice(start, start + MAX_BATCH);
    const body = {
      requests: texts.map((text) => ({
        model,
        content: { parts: [{ text }] },
        ...(request.dimensions !== undefined ? { outputDimensionality: request.dimensions } : {}),
      })),
    };
    const response = await http.send(modelUrl('gemini', target, 'batchEmbedContents'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...authHeaders('gemini', target),
        ...(request.requestId ? { 'x-request-id': request.requestId } : {}),
      },
      body: JSON.stringify(body),
      signal,
      connectTimeoutMs: target.timeouts.connectMs,
    });
    if (response.status >= 300) throw googleHttpError('gemini', response, await readBody(response), target.apiKey);
    const parsed = responseSchema.safeParse(await readBody(response, MAX_BODY_BYTES));
    if (!parsed.success || parsed.data.embeddings.length !== texts.length)
      throw new UpstreamError(`gemini answered the embeddings request without one vector per input (${texts.length})`, {
        reason: 'malformed',
        retryable: false,
        provider: 'gemini',
      });
    for (const embedding of parsed.data.embeddings) embeddings.push(embedding.values);
  }
  return {
    embeddings,
    usage: { inputTokens: request.input.reduce((sum, text) => sum + countTokens(text), 0), estimated: true },
    upstreamModel: target.upstreamModel,
  };
}
