import type { AssistantMessage, ChatMessage, UserContentPart } from '../../core/chat/chat-request.js';
import { InvalidInputError } from '../../core/errors.js';
import { toolArgumentsObject } from '../tool-arguments.js';
import type { AssistantBlock, ImageBlock, UserBlock, WireMessage } from './anthropic-wire.js';

/** @see https://docs.anthropic.com/en/api/messages (Base64ImageSource media_type) */
const IMAGE_MEDIA_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

type Turn = { role: 'user'; blocks: UserBlock[] } | { role: 'assistant'; blocks: AssistantBlock[] };

/** `data:image/png;base64,…` as a base64 source, `https://…` as a URL source. */
function imageBlock(url: string, path: string): ImageBlock {
  if (url.startsWith('data:')) {
    const comma = url.indexOf(',');
    const [mediaType = '', ...params] = url.slice('data:'.length, Math.max(comma, 0)).split(';');
    if (comma < 0 || !params.includes('base64'))
      throw InvalidInputError.forField(path, 'a data URL must be base64 (data:image/png;base64,…)');
    if (!IMAGE_MEDIA_TYPES.has(mediaType.toLowerCase()))
      throw InvalidInputError.forField(path, 'Anthropic takes images as JPEG, PNG, GIF or WebP');
    return { type: 'image', source: { type: 'base64', media_type: mediaType.toLowerCase(), data: url.slice(comma + 1) } };
  }
  if (/^https?:\/\//i.test(url)) return { type: 'image', source: { type: 'url', url } };
  throw InvalidInputError.forField(path, 'must be an https:// URL or a base64 data URL');
}

function userBlocks(content: string | readonly UserContentPart[], i: number): UserBlock[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  return content.flatMap((part, j): UserBlock[] => {
    const path = `messages.${i}.content.${j}`;
    switch (part.type) {
      case 'text':
        return part.text ? [{ type: 'text', text: part.text }] : [];
      case 'image':
        return [imageBlock(part.url, `${path}.url`)];
      default:
        // Admission refuses these for the anthropic kind (PROVIDER_FEATURES); this guards a caller that skipped it.
        throw InvalidInputError.forField(path, `Anthropic's Messages API takes no ${part.type} parts`);
    }
  });
}

/**
 * Thinking blocks first (Anthropic wants them, unmodified and in order, before the turn's text
 * and tool_use blocks), then the text, then the tool calls. A reasoning block with neither a
 * signature nor redacted data came from another vendor: Anthropic cannot verify it, so it is left out.
 * @see https://platform.claude.com/docs/en/build-with-claude/extended-thinking
 */
function assistantBlocks(message: AssistantMessage, i: number): AssistantBlock[] {
  const blocks: AssistantBlock[] = [];
  for (const block of message.reasoning ?? []) {
    if (block.redacted) blocks.push({ type: 'redacted_thinking', data: block.redacted });
    else if (block.signature) blocks.push({ type: 'thinking', thinking: block.text, signature: block.signature });
  }
  if (message.content) blocks.push({ type: 'text', text: message.content });
  message.toolCalls?.forEach((call, j) => {
    blocks.push({
      type: 'tool_use',
      id: call.id,
      name: call.name,
      input: toolArgumentsObject(call.arguments, `messages.${i}.toolCalls.${j}.arguments`, "Anthropic takes a tool call's input"),
    });
  });
  return blocks;
}

function pushUser(turns: Turn[], blocks: UserBlock[]): void {
  const last = turns.at(-1);
  if (last?.role === 'user') last.blocks.push(...blocks);
  else turns.push({ role: 'user', blocks });
}

function pushAssistant(turns: Turn[], blocks: AssistantBlock[]): void {
  const last = turns.at(-1);
  if (last?.role === 'assistant') last.blocks.push(...blocks);
  else turns.push({ role: 'assistant', blocks });
}

/** One text block is sent as the string it is shorthand for. */
function wireMessage(turn: Turn): WireMessage {
  const [first, ...rest] = turn.blocks;
  if (first?.type === 'text' && rest.length === 0) return { role: turn.role, content: first.text };
  if (turn.role === 'assistant') return { role: 'assistant', content: turn.blocks };
  // Tool results lead their user turn, any text after them.
  const results = turn.blocks.filter((block) => block.type === 'tool_result');
  return { role: 'user', content: [...results, ...turn.blocks.filter((block) => block.type !== 'tool_result')] };
}

/**
 * The conversation as Messages API turns: system and developer messages hoisted into `system`
 * (joined by blank lines: the API has no system role in `messages`); each tool message a
 * `tool_result` block of a user turn; consecutive turns of one role merged into one (so tool
 * results answering parallel calls, and a user message following them, make one user turn), so
 * the turns alternate; empty text left out (the API refuses empty text blocks), and a message
 * left with nothing dropped.
 * @see https://platform.claude.com/docs/en/agents-and-tools/tool-use/implement-tool-use
 */
export function convertMessages(messages: readonly ChatMessage[]): { system?: string; messages: WireMessage[] } {
  const system: string[] = [];
  const turns: Turn[] = [];
  messages.forEach((message, i) => {
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(message.content);
        break;
      case 'user': {
        const blocks = userBlocks(message.content, i);
        if (blocks.length) pushUser(turns, blocks);
        break;
      }
      case 'assistant': {
        const blocks = assistantBlocks(message, i);
        if (blocks.length) pushAssistant(turns, blocks);
        break;
      }
      case 'tool':
        pushUser(turns, [
          { type: 'tool_result', tool_use_id: message.toolCallId, ...(message.content ? { content: message.content } : {}) },
        ]);
        break;
    }
  });
  return { ...(system.length ? { system: system.join('\n\n') } : {}), messages: turns.map(wireMessage) };
}
