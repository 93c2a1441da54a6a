import type { ReasoningBlock } from '../../core/chat/chat-request.js';
import type { FinishReason, GenerationRecord } from '../../core/records/generation.js';

/**
 * The gateway's answer in Anthropic's Messages shapes: the `message` object, and the streamed
 * events (`message_start`, `content_block_start` / `_delta` / `_stop`, `message_delta`,
 * `message_stop`, `ping`, `error`).
 * @see https://docs.anthropic.com/en/api/messages
 * @see https://docs.anthropic.com/en/docs/build-with-claude/streaming
 */

export type StopReason = 'end_turn' | 'max_tokens' | 'tool_use' | 'refusal';

/** Anthropic's stop_reason for the gateway's: a stop at the cost limit reads as `max_tokens` (output cut by a limit). */
export function stopReasonOf(reason: FinishReason | null): StopReason {
  switch (reason) {
    case 'length':
    case 'cost-limit':
      return 'max_tokens';
    case 'tool-calls':
      return 'tool_use';
    case 'content-filter':
      return 'refusal';
    default:
      return 'end_turn';
  }
}

export const messageId = (generationId: string) => `msg_${generationId}`;

/**
 * Anthropic's usage: `input_tokens` counts only the uncached input — the gateway's input
 * (every input token) less the tokens read from and written to the vendor's cache.
 */
export function usageOf(record: Pick<GenerationRecord, 'inputTokens' | 'cachedInputTokens' | 'cacheWriteTokens' | 'outputTokens'>) {
  return {
    input_tokens: Math.max(0, record.inputTokens - record.cachedInputTokens - record.cacheWriteTokens),
    cache_creation_input_tokens: record.cacheWriteTokens,
    cache_read_input_tokens: record.cachedInputTokens,
    output_tokens: record.outputTokens,
  };
}

/** A tool call's arguments as the object Anthropic's `input` is: JSON that does not parse to an object stays whole under `_raw`. */
function inputOf(args: string): Record<string, unknown> {
  if (args.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(args);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // not JSON: kept below
  }
  return { _raw: args };
}

function thinkingBlocks(reasoning: readonly ReasoningBlock[]) {
  return reasoning.map((block) =>
    block.redacted !== undefined
      ? { type: 'redacted_thinking' as const, data: block.redacted }
      : { type: 'thinking' as const, thinking: block.text, signature: block.signature ?? '' },
  );
}

/** A whole answer as Anthropic's `message` object; `model` is the model that served it. */
export function messageObject(record: GenerationRecord, reasoning: readonly ReasoningBlock[] = []) {
  const content: unknown[] = [...thinkingBlocks(reasoning)];
  if (record.text !== '' || record.toolCalls.length === 0) content.push({ type: 'text', text: record.text });
  for (const call of record.toolCalls) content.push({ type: 'tool_use', id: call.id, name: call.name, input: inputOf(call.arguments) });
  return {
    id: messageId(record.id),
    type: 'message' as const,
    role: 'assistant' as const,
    model: record.modelId,
    content,
    stop_reason: stopReasonOf(record.finishReason),
    stop_sequence: null,
    usage: usageOf(record),
  };
}

export const sseEvent = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

/** The `error` event: a failure after the stream started. */
export const errorEvent = (error: { type: string; message: string }) => sseEvent('error', { error });

export const PING = sseEvent('ping', {});

type OpenBlock = { readonly kind: 'text' | 'thinking' | 'redacted_thinking' | 'tool_use'; readonly index: number };

/**
 * The events of one streamed answer, as Anthropic frames them: one content block open at a time
 * (text, thinking or tool_use), each started, fed its deltas and stopped before the next; the
 * message_delta carries the stop reason and the whole usage.
 */
export class MessageEvents {
  #open: OpenBlock | undefined;
  #next = 0;
  /** Tool call index (the gateway's) → its block's index. */
  readonly #calls = new Map<number, number>();

  /** The first event: the message with no content yet and the usage known so far (the prompt's count). */
  start(generationId: string, model: string, inputTokens: number): string {
    return sseEvent('message_start', {
      message: {
        id: messageId(generationId),
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 0 },
      },
    });
  }

  #close(): string {
    const open = this.#open;
    this.#open = undefined;
    return open ? sseEvent('content_block_stop', { index: open.index }) : '';
  }

  #begin(kind: OpenBlock['kind'], block: Record<string, unknown>): { text: string; index: number } {
    const closed = this.#close();
    const index = this.#next++;
    this.#open = { kind, index };
    return { text: closed + sseEvent('content_block_start', { index, content_block: block }), index };
  }

  text(text: string): string {
    let out = '';
    if (this.#open?.kind !== 'text') out += this.#begin('text', { type: 'text', text: '' }).text;
    return out + sseEvent('content_block_delta', { index: this.#open?.index, delta: { type: 'text_delta', text } });
  }

  /** Thinking text; `end` (a block's signature, or a redacted block's data) ends the block: the next thinking starts another. */
  thinking(text: string, end?: Omit<ReasoningBlock, 'text'>): string {
    let out = '';
    if (end?.redacted !== undefined && text === '' && this.#open?.kind !== 'thinking') {
      out += this.#begin('redacted_thinking', { type: 'redacted_thinking', data: end.redacted }).text;
      return out + this.#close();
    }
    if (text !== '' || end?.signature !== undefined) {
      if (this.#open?.kind !== 'thinking') out += this.#begin('thinking', { type: 'thinking', thinking: '', signature: '' }).text;
      const index = this.#open?.index;
      if (text !== '') out += sseEvent('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: text } });
      if (end?.signature !== undefined) {
        out += sseEvent('content_block_delta', { index, delta: { type: 'signature_delta', signature: end.signature } });
        out += this.#close();
      }
    }
    return out;
  }

  /** A fragment of tool call `call`: its first (with the id and name) starts a tool_use block, the others are input_json_delta. */
  toolCall(call: number, id: string | null, name: string | null, argumentsDelta: string): string {
    let out = '';
    let index = this.#calls.get(call);
    if (id !== null || index === undefined) {
      const begun = this.#begin('tool_use', { type: 'tool_use', id: id ?? `toolu_${call}`, name: name ?? '', input: {} });
      out += begun.text;
      index = begun.index;
      this.#calls.set(call, index);
    }
    if (argumentsDelta !== '')
      out += sseEvent('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: argumentsDelta } });
    return out;
  }

  /** The last events: the open block stopped, the stop reason and the whole usage, message_stop. */
  finish(record: GenerationRecord): string {
    return (
      this.#close() +
      sseEvent('message_delta', {
        delta: { stop_reason: stopReasonOf(record.finishReason), stop_sequence: null },
        usage: usageOf(record),
      }) +
      sseEvent('message_stop', {})
    );
  }
}
