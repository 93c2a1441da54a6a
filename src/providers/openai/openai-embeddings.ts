import { z } from 'zod';
import { UpstreamError } from '../../core/errors.js';
import type { ProviderKind } from '../../core/records/model.js';
import type { UpstreamHttp } from '../http.js';
import type { EmbedRequest, EmbedResult, UpstreamTarget } from '../provider.js';
import { countTokens } from '../token-estimate.js';
import { readBody, upstreamHttpError } from '../vendor-error.js';
import { vendorMessage } from './openai-stream.js';

/** How much of an embeddings answer is read: 2048 vectors of 3072 floats as JSON text, with room. */
export const MAX_EMBEDDINGS_BODY_BYTES = 256 * 1024 * 1024;

/**
 * The fields of OpenAI's embeddings answer the gateway reads: `data[].embedding` (floats, asked
 * for with `encoding_format: "float"`) at `data[].index`, and `usage.prompt_tokens`.
 * @see https://platform.openai.com/docs/api-reference/embeddings/object
 */
const embeddingsResponseSchema = z.object({
  model: z.string().optional(),
  data: z.array(z.object({ index: z.number().int().nonnegative().optional(), embedding: z.array(z.number()) })),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative().nullish() }).nullish(),
});

/**
 * `POST {baseUrl}/embeddings` (Azure: the deployment's, see azure-endpoint.ts) with OpenAI's body (`model`, `input` as an array of strings,
 * `encoding_format: "float"`, `dimensions` when asked): OpenAI, DashScope's compatible mode
 * (`…/compatible-mode/v1/embeddings`, strings and string arrays) and the OpenAI-compatible servers
 * (vLLM, Ollama, TEI) take it. Vectors are put back in input order by `index`.
 * @see https://platform.openai.com/docs/api-reference/embeddings/create
 * @see https://help.aliyun.com/zh/dashscope/developer-reference/openai-embedding-interface
 */
export async function embedOpenAI(
  kind: ProviderKind,
  http: UpstreamHttp,
  call: { readonly url: string; readonly headers: Record<string, string>; readonly model: string },
  request: EmbedRequest,
  target: UpstreamTarget,
  signal: AbortSignal,
): Promise<EmbedResult> {
  const { headers } = call;
  const body = {
    model: call.model,
    input: request.input,
    encoding_format: 'float',
    ...(request.dimensions !== undefined ? { dimensions: request.dimensions } : {}),
  };
  const response = await http.send(call.url, {
    method: 'POST',
    headers: { ...headers, ...(request.requestId ? { 'x-request-id': request.requestId } : {}) },
    body: JSON.stringify(body),
    signal,
    connectTimeoutMs: target.timeouts.connectMs,
  });
  if (response.status >= 300) throw upstreamHttpError(kind, response, vendorMessage(await readBody(response)), target.apiKey);
  const parsed = embeddingsResponseSchema.safeParse(await readBody(response, MAX_EMBEDDINGS_BODY_BYTES));
  const malformed = (what: string) =>
    new UpstreamError(`${kind} answered the embeddings request ${what}`, { reason: 'malformed', retryable: false, provider: kind });
  if (!parsed.success) throw malformed('without a list of embeddings');
  const { data, usage, model } = parsed.data;
  if (data.length !== request.input.length) throw malformed(`with ${data.length} vectors for ${request.input.length} inputs`);
  const embeddings: number[][] = new Array<number[]>(data.length);
  for (const [i, item] of data.entries()) {
    const at = item.index ?? i;
    if (at >= data.length || embeddings[at]) throw malformed(`with a vector at index ${at} twice or out of range`);
    embeddings[at] = item.embedding;
  }
  const reported = usage?.prompt_tokens;
  return {
    embeddings,
    usage:
      reported == null
        ? { inputTokens: request.input.reduce((sum, text) => sum + countTokens(text), 0), estimated: true }
        : { inputTokens: reported, estimated: false },
    upstreamModel: model ?? target.upstreamModel,
  };
}
