import { z } from 'zod';
import type { JsonObject } from '../../core/chat/chat-request.js';

/**
 * Partial schemas of Anthropic's Messages streaming events: only the fields the gateway reads.
 * Counts may be null (the SDK types them `number | null`); a block or delta type newer than the
 * adapter passes these schemas and is skipped by the parser.
 * @see https://platform.claude.com/docs/en/build-with-claude/streaming
 * @see https://github.com/anthropics/anthropic-sdk-typescript/blob/main/src/resources/messages/messages.ts (RawMessageStreamEvent)
 */
const count = z.number().int().nonnegative().nullish();
const usageSchema = z.object({
  input_tokens: count,
  output_tokens: count,
  cache_read_input_tokens: count,
  cache_creation_input_tokens: count,
  output_tokens_details: z.object({ thinking_tokens: count }).nullish(),
});
export type WireUsage = z.infer<typeof usageSchema>;

export const streamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message_start'), message: z.object({ model: z.string().optional(), usage: usageSchema.nullish() }) }),
  z.object({
    type: z.literal('content_block_start'),
    index: z.number().int().nonnegative(),
    content_block: z.object({
      type: z.string(),
      text: z.string().optional(),
      thinking: z.string().optional(),
      id: z.string().optional(),
      name: z.string().optional(),
      input: z.unknown().optional(),
      data: z.string().optional(),
    }),
  }),
  z.object({
    type: z.literal('content_block_delta'),
    index: z.number().int().nonnegative(),
    delta: z.object({
      type: z.string(),
      text: z.string().optional(),
      partial_json: z.string().optional(),
      thinking: z.string().optional(),
      signature: z.string().optional(),
    }),
  }),
  z.object({ type: z.literal('content_block_stop'), index: z.number().int().nonnegative() }),
  z.object({ type: z.literal('message_delta'), delta: z.object({ stop_reason: z.string().nullish() }), usage: usageSchema.nullish() }),
  z.object({ type: z.literal('message_stop') }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('error'), error: z.object({ type: z.string(), message: z.string().optional() }) }),
]);
export type StreamEvent = z.infer<typeof streamEventSchema>;

export const errorBodySchema = z.object({
  type: z.literal('error'),
  error: z.object({ type: z.string(), message: z.string().optional() }),
});

/**
 * Request content blocks the gateway sends.
 * @see https://docs.anthropic.com/en/api/messages (MessageParam content, ImageBlockParam, ToolUseBlockParam, ToolResultBlockParam)
 */
export type TextBlock = { type: 'text'; text: string };
export type ImageBlock = {
  type: 'image';
  source: { type: 'base64'; media_type: string; data: string } | { type: 'url'; url: string };
};
/** `signature` exactly as the API returned it: a changed block is a 400. */
export type ThinkingBlock = { type: 'thinking'; thinking: string; signature: string };
export type RedactedThinkingBlock = { type: 'redacted_thinking'; data: string };
export type ToolUseBlock = { type: 'tool_use'; id: string; name: string; input: JsonObject };
export type ToolResultBlock = { type: 'tool_result'; tool_use_id: string; content?: string };

export type UserBlock = TextBlock | ImageBlock | ToolResultBlock;
export type AssistantBlock = TextBlock | ThinkingBlock | RedactedThinkingBlock | ToolUseBlock;

/** A string is shorthand for one text block. */
export type WireMessage = { role: 'user'; content: string | UserBlock[] } | { role: 'assistant'; content: string | AssistantBlock[] };

/** @see https://platform.claude.com/docs/en/agents-and-tools/tool-use/implement-tool-use */
export interface WireTool {
  name: string;
  description?: string;
  input_schema: JsonObject;
  strict?: true;
}

export type WireToolChoice =
  | { type: 'auto' | 'any'; disable_parallel_tool_use?: true }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: true }
  | { type: 'none' };

/** The request body sent to `POST {baseUrl}/v1/messages`. */
export interface MessagesBody {
  model: string;
  max_tokens: number;
  messages: WireMessage[];
  system?: string;
  temperature?: number;
  top_p?: number;
  stop_sequences?: string[];
  tools?: WireTool[];
  tool_choice?: WireToolChoice;
  /** @see https://platform.claude.com/docs/en/build-with-claude/extended-thinking */
  thinking?: { type: 'enabled'; budget_tokens: number };
  /** @see https://platform.claude.com/docs/en/build-with-claude/structured-outputs */
  output_config?: { format: { type: 'json_schema'; schema: JsonObject } };
  stream: true;
}

export const ANTHROPIC_VERSION = '2023-06-01';
