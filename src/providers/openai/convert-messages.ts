import { type ChatMessage, textOf, type UserContentPart } from '../../core/chat/chat-request.js';
import type { OpenAIDialect } from './openai-dialect.js';
import type { WireContentPart, WireMessage } from './openai-request-wire.js';

/**
 * A user content part on the wire.
 * @see https://platform.openai.com/docs/guides/images-vision
 * @see https://platform.openai.com/docs/guides/audio
 * @see https://platform.openai.com/docs/guides/pdf-files
 */
function convertPart(part: UserContentPart, dialect: OpenAIDialect): WireContentPart {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image':
      return {
        type: 'image_url',
        image_url: { url: part.url, ...(dialect.imageDetail && part.detail ? { detail: part.detail } : {}) },
      };
    case 'audio': {
      const bare = !/^(?:data:|https?:\/\/)/.test(part.data);
      return {
        type: 'input_audio',
        input_audio: { data: dialect.audioDataUrl && bare ? `data:;base64,${part.data}` : part.data, format: part.format },
      };
    }
    case 'file':
      return {
        type: 'file',
        file: {
          ...(part.data !== undefined ? { file_data: part.data } : {}),
          ...(part.fileId !== undefined ? { file_id: part.fileId } : {}),
          ...(part.filename !== undefined ? { filename: part.filename } : {}),
        },
      };
  }
}

function convertUserContent(content: string | readonly UserContentPart[], dialect: OpenAIDialect): string | WireContentPart[] {
  if (typeof content === 'string') return content;
  if (dialect.flattenText && content.every((part) => part.type === 'text')) return textOf(content);
  return content.map((part) => convertPart(part, dialect));
}

/**
 * The conversation as Chat Completions messages. An assistant's reasoning blocks are left out:
 * Chat Completions has no field for them (OpenAI keeps reasoning server-side; DeepSeek-style
 * servers refuse `reasoning_content` sent back).
 * @see https://platform.openai.com/docs/api-reference/chat/create#chat-create-messages
 */
export function convertMessages(messages: readonly ChatMessage[], dialect: OpenAIDialect): WireMessage[] {
  return messages.map((message) => convertMessage(message, dialect));
}

function convertMessage(message: ChatMessage, dialect: OpenAIDialect): WireMessage {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content };
    case 'developer':
      return { role: dialect.developerRole, content: message.content };
    case 'user':
      return { role: 'user', content: convertUserContent(message.content, dialect) };
    case 'assistant': {
      const calls = message.toolCalls ?? [];
      if (calls.length === 0) return { role: 'assistant', content: message.content };
      return {
        role: 'assistant',
        content: message.content === '' ? null : message.content,
        tool_calls: calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })),
      };
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}
