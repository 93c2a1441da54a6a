import { z } from 'zod';

const count = z.number().int().nonnegative().nullish();

/**
 * Partial schemas of the OpenAI Chat Completions wire format: only the fields the gateway reads,
 * everything else passes. Used for OpenAI and every OpenAI-compatible server.
 * @see https://platform.openai.com/docs/api-reference/chat/streaming
 * @see https://github.com/openai/openai-node/blob/master/src/resources/chat/completions/completions.ts (ChatCompletionChunk)
 */
export const chatChunkSchema = z.object({
  id: z.string().optional(),
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        index: z.number().optional(),
        delta: z
          .object({
            role: z.string().nullish(),
            content: z.string().nullish(),
            refusal: z.string().nullish(),
            // DeepSeek, vLLM, SGLang, DashScope and Qianfan stream a thinking model's reasoning here.
            reasoning_content: z.string().nullish(),
            // OpenRouter, Groq, Ollama and newer vLLM name the same text `reasoning`.
            reasoning: z.string().nullish(),
            tool_calls: z
              .array(
                z.object({
                  // OpenAI always sends it; a server that leaves it out means the call's position.
                  index: count,
                  id: z.string().nullish(),
                  type: z.string().nullish(),
                  function: z.object({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .optional()
    .default([]),
  // Either count may be missing (some OpenAI-compatible hosts send partial usage): the missing one is estimated.
  usage: z
    .object({
      prompt_tokens: count,
      completion_tokens: count,
      prompt_tokens_details: z.object({ cached_tokens: count, cache_write_tokens: count }).nullish(),
      completion_tokens_details: z.object({ reasoning_tokens: count }).nullish(),
      // DeepSeek reports its cache reads here rather than in prompt_tokens_details.
      prompt_cache_hit_tokens: count,
    })
    .nullish(),
});

/** One fragment of a streamed tool call: the first of an index carries its id and name, later ones pieces of its arguments. */
export interface ToolCallFragment {
  readonly index?: number | null;
  readonly id?: string | null;
  readonly function?: { readonly name?: string | null; readonly arguments?: string | null } | null;
}

export interface ChatDelta {
  readonly content?: string | null;
  readonly refusal?: string | null;
  readonly reasoning_content?: string | null;
  readonly reasoning?: string | null;
  readonly tool_calls?: readonly ToolCallFragment[] | null;
}

export interface ChatUsage {
  readonly prompt_tokens?: number | null;
  readonly completion_tokens?: number | null;
  readonly prompt_tokens_details?: { readonly cached_tokens?: number | null; readonly cache_write_tokens?: number | null } | null;
  readonly completion_tokens_details?: { readonly reasoning_tokens?: number | null } | null;
  readonly prompt_cache_hit_tokens?: number | null;
}

/** A streamed chunk as the adapter reads it (what `chatChunkSchema` accepts, without the copy zod makes). */
export interface ChatChunk {
  readonly model?: string;
  readonly choices: readonly { readonly delta?: ChatDelta | null; readonly finish_reason?: string | null }[];
  readonly usage?: ChatUsage | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOptional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isNullish = (v: unknown, check: (v: unknown) => boolean) => v === undefined || v === null || check(v);
const isString = (v: unknown) => typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

const isFunctionFragment = (f: unknown) => isObject(f) && isNullish(f.name, isString) && isNullish(f.arguments, isString);
const isToolCallFragment = (c: unknown) =>
  isObject(c) &&
  isNullish(c.index, isCount) &&
  isNullish(c.id, isString) &&
  isNullish(c.type, isString) &&
  isNullish(c.function, isFunctionFragment);
const isToolCalls = (v: unknown) => Array.isArray(v) && (v as unknown[]).every(isToolCallFragment);

function isDelta(d: unknown): boolean {
  if (!isObject(d) || !isNullish(d.role, isString) || !isNullish(d.content, isString)) return false;
  return (
    isNullish(d.refusal, isString) &&
    isNullish(d.reasoning_content, isString) &&
    isNullish(d.reasoning, isString) &&
    isNullish(d.tool_calls, isToolCalls)
  );
}

function isUsage(u: unknown): boolean {
  if (!isObject(u) || !isNullish(u.prompt_tokens, isCount) || !isNullish(u.completion_tokens, isCount)) return false;
  if (!isNullish(u.prompt_cache_hit_tokens, isCount)) return false;
  const { prompt_tokens_details: prompt, completion_tokens_details: completion } = u;
  return (
    isNullish(prompt, (p) => isObject(p) && isNullish(p.cached_tokens, isCount) && isNullish(p.cache_write_tokens, isCount)) &&
    isNullish(completion, (c) => isObject(c) && isNullish(c.reasoning_tokens, isCount))
  );
}

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
      if (!isNullish(choice.finish_reason, isString) || !isNullish(choice.delta, isDelta)) return undefined;
    }
  }
  if (!isNullish(usage, isUsage)) return undefined;
  return (choices === undefined ? { ...json, choices: [] } : json) as unknown as ChatChunk;
}

/** An error object, as error bodies and in-stream error chunks carry it. */
export const errorBodySchema = z.object({
  error: z.union([
    z.object({ message: z.string().optional(), type: z.string().nullish(), code: z.union([z.string(), z.number()]).nullish() }),
    z.string(),
  ]),
});

const validationDetail = z.union([z.string(), z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])), msg: z.string() }))]);

/**
 * The error bodies of FastAPI/pydantic servers: `{ "object": "error", "message": "…" }` (vLLM),
 * `{ "message": { "detail": [{ loc, msg }] } }` (Mistral's 422), `{ "detail": … }` (FastAPI's default).
 * @see https://github.com/mistralai/platform-docs-public/issues/7
 */
export const validationErrorSchema = z.object({
  message: z.union([z.string(), z.object({ detail: validationDetail })]).optional(),
  detail: validationDetail.optional(),
});

export const modelListSchema = z.object({ data: z.array(z.object({ id: z.string() })) });
