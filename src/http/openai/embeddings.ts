import type { CacheControl } from '../../core/records/cache.js';
import { cacheStatusHeader } from '../cache-control.js';
import type { ServerResponse } from 'node:http';
import { doorTarget } from '../door-target.js';
import type { EmbedFields, EmbedServiceRequest } from '../../modules/embeddings/embedding-service.js';
import type { Viewer } from '../../modules/keys/viewer.js';
import { OpenAIRequestError } from './openai-errors.js';
import { writeJson } from './openai-http.js';
import type { OpenAIRouteDeps } from './openai-route-deps.js';
import { withRequestLifetime } from '../request-lifetime.js';
import { isObject } from '../wire-values.js';

/** How /v1/embeddings names its fields: errors past the door name the parameter the caller sent. */
export const EMBEDDINGS_FIELDS: EmbedFields = { model: 'model', pool: 'model', input: 'input', dimensions: 'dimensions' };

const ENCODING_FORMATS = ['float', 'base64'] as const;
type EncodingFormat = (typeof ENCODING_FORMATS)[number];

/** An OpenAI embeddings request, checked: texts only (token arrays are refused), the model or pool, the vector size and encoding. */
export interface EmbeddingsRequest {
  readonly model: string;
  readonly input: string[];
  readonly dimensions?: number;
  readonly encodingFormat: EncodingFormat;
  readonly user?: string;
}

const isTokenArray = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === 'number');

/**
 * Reads OpenAI's body: `input` a string or an array of strings (an array of token ids or of
 * token arrays is a 400 naming `input`: the gateway routes text, and a token id means nothing to
 * another vendor's tokenizer), `model`, `dimensions`, `encoding_format` float or base64, `user`.
 * @see https://platform.openai.com/docs/api-reference/embeddings/create
 */
export function parseEmbeddingsRequest(body: unknown): EmbeddingsRequest {
  if (!isObject(body)) throw new OpenAIRequestError('The request body must be a JSON object.', null, 'invalid_json');
  const { model, input, dimensions, encoding_format: encodingFormat, user } = body;
  if (typeof model !== 'string' || model === '')
    throw new OpenAIRequestError(
      'You must provide a model parameter (an embedding model id or a pool name).',
      'model',
      'missing_required_parameter',
    );
  if (input === undefined || input === null)
    throw new OpenAIRequestError("Missing required parameter: 'input'.", 'input', 'missing_required_parameter');
  let texts: string[];
  if (typeof input === 'string') texts = [input];
  else if (Array.isArray(input) && input.every((t) => typeof t === 'string')) texts = input as string[];
  else if (isTokenArray(input) || (Array.isArray(input) && input.length > 0 && input.every(isTokenArray)))
    throw new OpenAIRequestError(
      "Invalid value for 'input': token arrays are not accepted by this gateway (it routes text to models with different tokenizers); send the text as a string or an array of strings.",
      'input',
    );
  else throw new OpenAIRequestError("Invalid type for 'input': expected a string or an array of strings.", 'input', 'invalid_type');
  if (
    dimensions !== undefined &&
    dimensions !== null &&
    !(typeof dimensions === 'number' && Number.isInteger(dimensions) && dimensions >= 1)
  )
    throw new OpenAIRequestError("Invalid value for 'dimensions': expected a positive integer.", 'dimensions');
  if (encodingFormat !== undefined && encodingFormat !== null && !ENCODING_FORMATS.includes(encodingFormat as EncodingFormat))
    throw new OpenAIRequestError(
      `Invalid value for 'encoding_format': expected 'float' or 'base64', got ${JSON.stringify(encodingFormat)}.`,
      'encoding_format',
    );
  if (user !== undefined && user !== null && typeof user !== 'string')
    throw new OpenAIRequestError("Invalid type for 'user': expected a string.", 'user', 'invalid_type');
  return {
    model,
    input: texts,
    ...(typeof dimensions === 'number' ? { dimensions } : {}),
    encodingFormat: (encodingFormat as EncodingFormat | undefined) ?? 'float',
    ...(typeof user === 'string' ? { user } : {}),
  };
}

/** A vector as OpenAI's base64 encoding: the little-endian float32 bytes, in base64. */
export function base64Embedding(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  for (const [i, value] of vector.entries()) bytes.writeFloatLE(value, i * 4);
  return bytes.toString('base64');
}

/**
 * POST /v1/embeddings: OpenAI's request, run through the embedding service (admission, routing,
 * budgets, the stored generation), answered in OpenAI's shape: `{object: 'list', data: [{object:
 * 'embedding', index, embedding}], model, usage: {prompt_tokens, total_tokens}}`.
 */
export async function embeddings(
  deps: OpenAIRouteDeps,
  res: ServerResponse,
  viewer: Viewer,
  body: unknown,
  requestId: string,
  cache: CacheControl,
): Promise<void> {
  const parsed = parseEmbeddingsRequest(body);
  deps.logger.debug(
    { requestId, route: '/v1/embeddings', model: parsed.model, inputs: parsed.input.length, user: parsed.user },
    'openai request',
  );
  const target: Pick<EmbedServiceRequest, 'model' | 'pool'> = doorTarget(deps, parsed.model, viewer.models);
  await withRequestLifetime(res, viewer, deps.openOperations, async (signal) => {
    const result = await deps.embeddings.embed(
      { ...target, input: parsed.input, ...(parsed.dimensions !== undefined ? { dimensions: parsed.dimensions } : {}) },
      viewer,
      { requestId, signal, fields: EMBEDDINGS_FIELDS, cache },
    );
    const encode = parsed.encodingFormat === 'base64' ? base64Embedding : (v: number[]) => v;
    writeJson(
      res,
      200,
      {
        object: 'list',
        data: result.embeddings.map((vector, index) => ({ object: 'embedding', index, embedding: encode(vector) })),
        model: result.model.id,
        usage: { prompt_tokens: result.inputTokens, total_tokens: result.inputTokens },
      },
      {
        'x-switchyard-generation-id': result.record.id,
        'x-switchyard-model': result.model.id,
        'x-switchyard-attempts': String(result.record.attempts.length),
        ...cacheStatusHeader(result.record.cached),
      },
    );
  });
}
