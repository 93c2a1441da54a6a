import type { ChatMessage, ChatRequest, UserContentPart } from '../../core/chat/chat-request.js';
import { IMAGE_TOKENS_BOUND, IMAGE_TOKENS_LOW } from '../prompt-tokens.js';
import { countMockTokens } from './mock-text.js';

/** A JSON value's tokens by the mock's word tokenizer, written one key or value a line. */
const jsonTokens = (value: unknown) => countMockTokens(JSON.stringify(value, null, 1));

function partTokens(part: UserContentPart): number {
  switch (part.type) {
    case 'text':
      return countMockTokens(part.text);
    case 'image':
      return part.detail === 'low' ? IMAGE_TOKENS_LOW : IMAGE_TOKENS_BOUND;
    case 'audio':
      return Math.ceil(part.data.length / 4);
    case 'file':
      return Math.ceil((part.data?.length ?? 0) / 4) + countMockTokens(part.filename ?? '');
  }
}

function messageTokens(message: ChatMessage): number {
  switch (message.role) {
    case 'user':
      return typeof message.content === 'string'
        ? countMockTokens(message.content)
        : message.content.reduce((n, p) => n + partTokens(p), 0);
    case 'assistant': {
      let tokens = countMockTokens(message.content);
      for (const call of message.toolCalls ?? []) tokens += countMockTokens(call.name) + countMockTokens(call.arguments);
      for (const block of message.reasoning ?? []) tokens += countMockTokens(block.text);
      return tokens;
    }
    default:
      return countMockTokens(message.content);
  }
}

/**
 * The mock's prompt tokens, exact to its own tokenizer: one per word of every message (a plain
 * chat counts as it always has), images as the gateway bounds them (prompt-tokens.ts), audio and
 * files by their base64 length / 4, and each tool's name, description and schema, and a JSON
 * response schema, by the words of their JSON.
 */
export function mockPromptTokens(request: ChatRequest): number {
  let tokens = 0;
  for (const message of request.messages) tokens += messageTokens(message);
  for (const tool of request.tools ?? [])
    tokens += countMockTokens(tool.name) + countMockTokens(tool.description ?? '') + jsonTokens(tool.parameters);
  if (request.responseFormat?.type === 'json_schema') tokens += jsonTokens(request.responseFormat.schema);
  return tokens;
}
