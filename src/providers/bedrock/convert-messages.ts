import type { AssistantMessage, ChatMessage } from '../../core/chat/chat-request.js';
import { InvalidInputError } from '../../core/errors.js';
import { toolArgumentsObject } from '../tool-arguments.js';
import type { AssistantContentBlock, ConverseMessage, TextBlock, UserContentBlock } from './bedrock-wire.js';
import { userContent } from './convert-content.js';

/** The conversation as Converse takes it, and whether it holds tool calls or results (which need a toolConfig). */
export interface ConvertedMessages {
  readonly system?: TextBlock[];
  readonly messages: ConverseMessage[];
  readonly usesTools: boolean;
}

/**
 * Reasoning first (Anthropic on Bedrock wants its signed reasoning back before the turn's text
 * and tool calls), then the text, then the tool calls. A reasoning block with neither signature
 * nor redacted content came from another vendor and cannot be verified: it is left out.
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 */
function assistantContent(message: AssistantMessage, i: number): AssistantContentBlock[] {
  const blocks: AssistantContentBlock[] = [];
  for (const block of message.reasoning ?? []) {
    if (block.redacted) blocks.push({ reasoningContent: { redactedContent: block.redacted } });
    else if (block.signature) blocks.push({ reasoningContent: { reasoningText: { text: block.text, signature: block.signature } } });
  }
  if (message.content) blocks.push({ text: message.content });
  message.toolCalls?.forEach((call, j) => {
    blocks.push({
      toolUse: {
        toolUseId: call.id,
        name: call.name,
        input: toolArgumentsObject(call.arguments, `messages.${i}.toolCalls.${j}.arguments`, "Bedrock takes a tool call's input"),
      },
    });
  });
  return blocks;
}

function push(turns: ConverseMessage[], role: 'user' | 'assistant', blocks: (UserContentBlock | AssistantContentBlock)[]): void {
  const last = turns.at(-1);
  if (last?.role === role) (last.content as unknown[]).push(...blocks);
  else turns.push({ role, content: blocks } as ConverseMessage);
}

/** Tool results lead their user turn (Converse, like Anthropic, wants them before any text of it). */
function resultsFirst(turn: ConverseMessage): ConverseMessage {
  if (turn.role === 'assistant') return turn;
  const results = turn.content.filter((block) => 'toolResult' in block);
  return results.length ? { role: 'user', content: [...results, ...turn.content.filter((block) => !('toolResult' in block))] } : turn;
}

/**
 * The conversation as Converse messages: system and developer messages as `system` text blocks
 * (Converse has no system role in `messages`); each tool message a `toolResult` block of a user
 * turn; consecutive turns of one role merged, as Converse requires the roles to alternate; empty
 * text left out (Converse refuses blank text) and a message left with nothing dropped. A
 * conversation whose first turn is the assistant's is refused: Converse must start with a user message.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Message.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/tool-use-inference-call.html
 */
export function convertMessages(messages: readonly ChatMessage[]): ConvertedMessages {
  const system: TextBlock[] = [];
  const turns: ConverseMessage[] = [];
  let usesTools = false;
  let firstTurn: number | undefined;
  messages.forEach((message, i) => {
    const before = turns.length;
    switch (message.role) {
      case 'system':
      case 'developer':
        if (message.content) system.push({ text: message.content });
        break;
      case 'user': {
        const blocks = userContent(message.content, i);
        if (blocks.length) push(turns, 'user', blocks);
        break;
      }
      case 'assistant': {
        const blocks = assistantContent(message, i);
        if (blocks.length) push(turns, 'assistant', blocks);
        if (message.toolCalls?.length) usesTools = true;
        break;
      }
      case 'tool':
        usesTools = true;
        push(turns, 'user', [
          { toolResult: { toolUseId: message.toolCallId, content: message.content ? [{ text: message.content }] : [] } },
        ]);
        break;
    }
    if (before === 0 && turns.length === 1) firstTurn = i;
  });
  if (turns[0]?.role === 'assistant')
    throw InvalidInputError.forField(
      `messages.${firstTurn ?? 0}`,
      "Bedrock's Converse needs the conversation to start with a user message",
    );
  if (turns.length === 0) throw InvalidInputError.forField('messages', "Bedrock's Converse needs at least one user message with content");
  return { ...(system.length ? { system } : {}), messages: turns.map(resultsFirst), usesTools };
}
