import type { ChatMessage, ChatRequest, UserContentPart } from '../core/chat/chat-request.js';
import { TokenCounter } from './token-estimate.js';

/**
 * The prompt tokens of a chat request, counted once per request by admission (cl100k_base, bounded
 * in time by TokenCounter): what budgets and cost limits hold back, and the estimate when a vendor
 * reports no usage.
 *
 * - Text: each message's text plus OpenAI's framing (3 tokens a message, 3 to prime the reply).
 * - Tool calls and results: the name and the JSON arguments; a tool result's text.
 * - Images: IMAGE_TOKENS_LOW for `detail: low`, else IMAGE_TOKENS_BOUND (the gateway never fetches
 *   an image to measure it). OpenAI bills a high-detail image 85 + 170 per 512-px tile after
 *   fitting it in 2048 × 2048 and its short side in 768 — at most 8 tiles, 1,445 tokens;
 *   Anthropic about width × height / 750 after scaling it to ~1.15 megapixels, at most ~1,600.
 *   So a worst case never undercounts an image on either vendor.
 * - Audio and files: their base64 length / 4 (a bound: the vendor counts the decoded content).
 * - Tools: each tool's name, description and JSON Schema, plus 8 tokens of framing; a JSON schema
 *   response format: its schema.
 * - Reasoning blocks sent back: their text.
 */
export const IMAGE_TOKENS_LOW = 85;
export const IMAGE_TOKENS_BOUND = 1_600;
const MESSAGE_FRAMING = 3;
const REPLY_PRIMING = 3;
const TOOL_FRAMING = 8;

function partTokens(part: UserContentPart, counter: TokenCounter): number {
  switch (part.type) {
    case 'text':
      return counter.count(part.text);
    case 'image':
      return part.detail === 'low' ? IMAGE_TOKENS_LOW : IMAGE_TOKENS_BOUND;
    case 'audio':
      return Math.ceil(part.data.length / 4);
    case 'file':
      return Math.ceil((part.data?.length ?? 0) / 4) + counter.count(part.filename ?? '');
  }
}

/** One message's tokens, framing included. */
export function messageTokens(message: ChatMessage, counter: TokenCounter): number {
  let tokens = MESSAGE_FRAMING;
  switch (message.role) {
    case 'user':
      if (typeof message.content === 'string') tokens += counter.count(message.content);
      else for (const part of message.content) tokens += partTokens(part, counter);
      break;
    case 'assistant':
      tokens += counter.count(message.content);
      for (const call of message.toolCalls ?? []) tokens += counter.count(call.name) + counter.count(call.arguments) + MESSAGE_FRAMING;
      for (const block of message.reasoning ?? []) tokens += counter.count(block.text) + Math.ceil((block.redacted?.length ?? 0) / 4);
      break;
    default:
      tokens += counter.count(message.content);
  }
  return tokens;
}

/** Each message's tokens, framing included, counted with one time budget. */
export function countMessageTokens(messages: readonly ChatMessage[], counter = new TokenCounter()): number[] {
  return messages.map((m) => messageTokens(m, counter));
}

/** The tokens of what a request sends besides its messages: tool definitions and a response schema. */
export function requestOverheadTokens(request: Pick<ChatRequest, 'tools' | 'responseFormat'>, counter = new TokenCounter()): number {
  let tokens = 0;
  for (const tool of request.tools ?? [])
    tokens +=
      TOOL_FRAMING + counter.count(tool.name) + counter.count(tool.description ?? '') + counter.count(JSON.stringify(tool.parameters));
  if (request.responseFormat?.type === 'json_schema') tokens += TOOL_FRAMING + counter.count(JSON.stringify(request.responseFormat.schema));
  return tokens;
}

/** The prompt tokens of a whole request: messages, framing, tools and response schema. */
export function countPromptTokens(request: Pick<ChatRequest, 'messages' | 'tools' | 'responseFormat'>): number {
  const counter = new TokenCounter();
  return countMessageTokens(request.messages, counter).reduce((sum, n) => sum + n, REPLY_PRIMING) + requestOverheadTokens(request, counter);
}

export { REPLY_PRIMING };
