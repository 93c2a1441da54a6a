import { z } from 'zod';
import type { JsonObject, JsonValue } from '../../core/chat/chat-request.js';

/**
 * Bedrock's Converse / ConverseStream request body, as far as the gateway sends it, and partial
 * schemas of the stream's events (only the fields read; a field or event newer than the adapter
 * passes and is skipped).
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 * @see https://github.com/aws/aws-sdk-js-v3/blob/main/clients/client-bedrock-runtime/src/models/models_0.ts
 * @see https://github.com/vercel/ai/blob/main/packages/amazon-bedrock/src/amazon-bedrock-api-types.ts
 */

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';
export type DocumentFormat = 'pdf' | 'csv' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'html' | 'txt' | 'md';

export type TextBlock = { text: string };
export type ImageBlock = { image: { format: ImageFormat; source: { bytes: string } } };
export type DocumentBlock = { document: { format: DocumentFormat; name: string; source: { bytes: string } } };
export type ToolUseBlock = { toolUse: { toolUseId: string; name: string; input: JsonObject } };
export type ToolResultBlock = { toolResult: { toolUseId: string; content: TextBlock[] } };
/** A reasoning block sent back: its text with Anthropic's signature, or its redacted (encrypted, base64) content. */
export type ReasoningContentBlock = {
  reasoningContent: { reasoningText: { text: string; signature?: string } } | { redactedContent: string };
};

export type UserContentBlock = TextBlock | ImageBlock | DocumentBlock | ToolResultBlock;
export type AssistantContentBlock = ReasoningContentBlock | TextBlock | ToolUseBlock;

export type ConverseMessage = { role: 'user'; content: UserContentBlock[] } | { role: 'assistant'; content: AssistantContentBlock[] };

export interface ToolSpec {
  toolSpec: { name: string; description?: string; inputSchema: { json: JsonObject } };
}

export type ToolChoiceWire = { auto: Record<string, never> } | { any: Record<string, never> } | { tool: { name: string } };

export interface ConverseBody {
  messages: ConverseMessage[];
  system?: TextBlock[];
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number; stopSequences?: string[] };
  toolConfig?: { tools: ToolSpec[]; toolChoice?: ToolChoiceWire };
  additionalModelRequestFields?: { [key: string]: JsonValue };
}

const count = z.number().int().nonnegative().nullish();

/** The payload of each ConverseStream event, by its `:event-type` header. */
export const streamEventSchemas = {
  messageStart: z.object({ role: z.string().optional() }),
  contentBlockStart: z.object({
    contentBlockIndex: z.number().int().nonnegative(),
    start: z.object({ toolUse: z.object({ toolUseId: z.string().min(1), name: z.string().min(1) }).nullish() }).nullish(),
  }),
  contentBlockDelta: z.object({
    contentBlockIndex: z.number().int().nonnegative(),
    delta: z.object({
      text: z.string().nullish(),
      toolUse: z.object({ input: z.string() }).nullish(),
      reasoningContent: z
        .object({ text: z.string().nullish(), signature: z.string().nullish(), redactedContent: z.string().nullish() })
        .nullish(),
    }),
  }),
  contentBlockStop: z.object({ contentBlockIndex: z.number().int().nonnegative() }),
  messageStop: z.object({ stopReason: z.string() }),
  metadata: z.object({
    usage: z.object({ inputTokens: count, outputTokens: count, cacheReadInputTokens: count, cacheWriteInputTokens: count }).nullish(),
  }),
} as const;

export type StreamEventType = keyof typeof streamEventSchemas;
export type StreamEvent = { [K in StreamEventType]: { type: K; payload: z.infer<(typeof streamEventSchemas)[K]> } }[StreamEventType];
export type StreamUsage = z.infer<typeof streamEventSchemas.metadata>['usage'];

/** An AWS JSON error body: `{message}` (some services capitalise it). */
export const errorBodySchema = z.object({ message: z.string().optional(), Message: z.string().optional() });

/** The non-streaming Converse answer, as far as the health probe reads it. */
export const converseResponseSchema = z.object({ stopReason: z.string(), output: z.object({ message: z.object({}).passthrough() }) });
