import { z } from 'zod';

/**
 * Partial schemas of the OpenAI Chat Completions wire format: only the fields the gateway reads,
 * everything else passes. Used for OpenAI and every OpenAI-compatible server.
 * @see https://platform.openai.com/docs/api-reference/chat/streaming
 */
export const chatChunkSchema = z.object({
  id: z.string().optional(),
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        index: z.number().optional(),
        delta: z.object({ role: z.string().nullish(), content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .optional()
    .default([]),
  // Either count may be missing (some OpenAI-compatible hosts send partial usage): the missing one is estimated.
  usage: z.object({ prompt_tokens: z.number().int().nonnegative().nullish(), completion_tokens: z.number().int().nonnegative().nullish() }).nullish(),
});

/** An error object, as error bodies and in-stream error chunks carry it. */
export const errorBodySchema = z.object({
  error: z.union([z.object({ message: z.string().optional(), type: z.string().nullish(), code: z.union([z.string(), z.number()]).nullish() }), z.string()]),
});

export const modelListSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

/** The request body sent to `POST {baseUrl}/chat/completions`. */
export interface ChatCompletionsBody {
  model: string;
  messages: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
  max_tokens: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  stream: true;
  stream_options?: { include_usage: true };
}
