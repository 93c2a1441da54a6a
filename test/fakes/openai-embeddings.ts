import type { RequestCheck, Scripted } from './fake-upstream.js';
import { openAIRequestProblem } from './openai-validator.js';

type Body = Record<string, unknown>;

function invalid(message: string, param: string | null): Scripted {
  return { type: 'json', status: 400, body: { error: { message, type: 'invalid_request_error', param, code: null } } };
}

/** A fake vector: deterministic in the text and size (not the mock's: a test can tell which answered). */
export function fakeEmbedding(text: string, dimensions: number): number[] {
  return Array.from({ length: dimensions }, (_, i) => Number((((text.length + 1) * (i + 3)) % 17) / 17 - 0.5));
}

/** The fake's default vector size (text-embedding-3-small's is 1536; a test needs fewer). */
export const FAKE_EMBEDDING_DIMENSIONS = 12;

/**
 * OpenAI's `POST /v1/embeddings`, as far as the gateway's tests need it: refuses what OpenAI
 * refuses (no `input`, an empty one, an empty string in it, `dimensions` that is not a positive
 * integer, an `encoding_format` other than float or base64) with its 400 body, and answers the
 * others with one vector per input, OpenAI's shape and `usage.prompt_tokens` (one per word).
 * @see https://platform.openai.com/docs/api-reference/embeddings/create
 */
export function embeddingsAnswer(body: unknown): Scripted {
  if (typeof body !== 'object' || body === null) return invalid('We could not parse the JSON body of your request.', null);
  const { input, model, dimensions, encoding_format: format } = body as Body;
  if (typeof model !== 'string') return invalid('You must provide a model parameter.', 'model');
  if (input === undefined) return invalid("Missing required parameter: 'input'.", 'input');
  const texts = typeof input === 'string' ? [input] : input;
  if (!Array.isArray(texts) || texts.length === 0 || texts.some((t) => typeof t !== 'string' || t === ''))
    return invalid("'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", 'input');
  if (dimensions !== undefined && !(typeof dimensions === 'number' && Number.isInteger(dimensions) && dimensions > 0))
    return invalid("Invalid value for 'dimensions' = 0. Must be a positive integer.", 'dimensions');
  if (format !== undefined && format !== 'float' && format !== 'base64')
    return invalid("Invalid value for 'encoding_format': must be 'float' or 'base64'.", 'encoding_format');
  const size = typeof dimensions === 'number' ? dimensions : FAKE_EMBEDDING_DIMENSIONS;
  const tokens = (texts as string[]).reduce((sum, t) => sum + t.split(/\s+/).filter(Boolean).length, 0);
  return {
    type: 'json',
    body: {
      object: 'list',
      // Listed last first: a client must place each vector by its index.
      data: (texts as string[]).map((t, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(t, size) })).reverse(),
      model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
  };
}

/** The OpenAI fake's request check with `/v1/embeddings` answered (see embeddingsAnswer); other paths as openai-validator.ts. */
export const openAIWithEmbeddings: RequestCheck = ({ method, path, body }) =>
  method === 'POST' && path === '/v1/embeddings' ? embeddingsAnswer(body) : openAIRequestProblem(method, path, body);
