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
  usage: z
    .object({ prompt_tokens: z.number().int().nonnegative().nullish(), completion_tokens: z.number().int().nonnegative().nullish() })
    .nullish(),
});

/** A streamed chunk as the adapter reads it (what `chatChunkSchema` accepts, without the copy zod makes). */
export interface ChatChunk {
  readonly model?: string;
  readonly choices: readonly { readonly delta?: { readonly content?: string | null } | null; readonly finish_reason?: string | null }[];
  readonly usage?: { readonly prompt_tokens?: number | null; readonly completion_tokens?: number | null } | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOptional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isNullish = (v: unknown, check: (v: unknown) => boolean) => v === undefined || v === null || check(v);
const isString = (v: unknown) => typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Reads a parsed chunk in place: the chunk itself when `chatChunkSchema` would accept it, else
 * undefined. Done by hand because it runs for every token of every stream, where zod's parse
 * copies each chunk (test/providers/openai-chunk.test.ts checks that both agree).
 */
export function readChatChunk(json: unknown): ChatChunk | undefined {
  if (!isObject(json)) return undefined;
  if (!isOptional(json.id, isString) || !isOptional(json.model, isString)) return undefined;
  const { choices, usage } = json;
  if (choices !== undefined) {
    if (!Array.isArray(choices)) return undefined;
    for (const choice of choices as unknown[]) {
      if (!isObject(choice) || !isOptional(choice.index, (v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
      if (!isNullish(choice.finish_reason, isString)) return undefined;
      const { delta } = choice;
      if (!isNullish(delta, (d) => isObject(d) && isNullish(d.role, isString) && isNullish(d.content, isString))) return undefined;
    }
  }
  if (!isNullish(usage, (u) => isObject(u) && isNullish(u.prompt_tokens, isCount) && isNullish(u.completion_tokens, isCount)))
    return undefined;
  return (choices === undefined ? { ...json, choices: [] } : json) as unknown as ChatChunk;
}

/** An error object, as error bodies and in-stream error chunks carry it. */
export const errorBodySchema = z.object({
  error: z.union([
    z.object({ message: z.string().optional(), type: z.string().nullish(), code: z.union([z.string(), z.number()]).nullish() }),
    z.string(),
  ]),
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
