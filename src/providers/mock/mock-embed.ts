import type { EmbedRequest, EmbedResult, UpstreamTarget } from '../provider.js';
import { countMockTokens, fnv1a, seededRandom } from './mock-text.js';

/** The size of the mock's vectors when the request asks for none. */
export const MOCK_EMBEDDING_DIMENSIONS = 8;

/**
 * The mock's vector of one text: deterministic in (model, text, dimensions) and of length 1. Each
 * lower-cased word adds a vector seeded by the word, so texts sharing words point the same way
 * (a demo's nearest neighbours make sense); a text without words gets one seeded by the text.
 */
export function mockEmbedding(model: string, text: string, dimensions = MOCK_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [text];
  for (const word of words) {
    const random = seededRandom(fnv1a(`${model}\n${word}`));
    for (let i = 0; i < dimensions; i++) vector[i] = (vector[i] ?? 0) + random() * 2 - 1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((v) => v / norm);
}

/** The mock provider's embeddings: a vector per input, usage counted by the mock's tokenizer (one token per word, at least one per input). */
export function embedMock(request: EmbedRequest, target: UpstreamTarget): EmbedResult {
  return {
    embeddings: request.input.map((text) => mockEmbedding(target.upstreamModel, text, request.dimensions)),
    usage: { inputTokens: request.input.reduce((sum, text) => sum + Math.max(1, countMockTokens(text)), 0), estimated: false },
    upstreamModel: target.upstreamModel,
  };
}
