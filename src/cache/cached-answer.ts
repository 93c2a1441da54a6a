import { z } from 'zod';

const usageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cachedInputTokens: z.number().int().nonnegative(),
  cacheWriteTokens: z.number().int().nonnegative(),
  reasoningTokens: z.number().int().nonnegative(),
  estimated: z.boolean(),
});

/** A chat answer as the cache keeps it: what the replay sends again, the model that wrote it and what it cost. */
const chatAnswerSchema = z.object({
  kind: z.literal('chat'),
  modelId: z.string(),
  text: z.string(),
  toolCalls: z.array(z.object({ id: z.string(), name: z.string(), arguments: z.string() })),
  reasoning: z.array(z.object({ text: z.string(), signature: z.string().optional(), redacted: z.string().optional() })),
  finishReason: z.enum(['stop', 'length', 'content-filter', 'tool-calls', 'other']),
  usage: usageSchema,
  /** The answer's cost when it was made (micro-USD; null: unknown price): what a hit saves. */
  costMicroUsd: z.number().int().nullable(),
});

/** Embedding vectors as the cache keeps them. */
const embeddingAnswerSchema = z.object({
  kind: z.literal('embedding'),
  modelId: z.string(),
  embeddings: z.array(z.array(z.number())),
  inputTokens: z.number().int().nonnegative(),
  costMicroUsd: z.number().int().nullable(),
});

const cachedAnswerSchema = z.discriminatedUnion('kind', [chatAnswerSchema, embeddingAnswerSchema]);

export type CachedAnswer = z.infer<typeof cachedAnswerSchema>;
export type CachedChatAnswer = z.infer<typeof chatAnswerSchema>;
export type CachedEmbeddings = z.infer<typeof embeddingAnswerSchema>;

export function serializeAnswer(answer: CachedAnswer): string {
  return JSON.stringify(answer);
}

/** The stored answer, or undefined when the payload is not one (a store shared with another version, a damaged entry). */
export function parseAnswer(payload: string): CachedAnswer | undefined {
  try {
    const parsed = cachedAnswerSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
