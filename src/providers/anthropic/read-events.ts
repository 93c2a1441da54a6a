import { UpstreamError } from '../../core/errors.js';
import type { RawPart, ReportedUsage } from '../provider-stream.js';
import type { StreamEvent, WireUsage } from './anthropic-wire.js';
import { mapAnthropicStopReason } from './map-stop-reason.js';

/** Error types Anthropic documents as transient. @see https://docs.anthropic.com/en/api/errors */
const RETRYABLE_ERROR_TYPES: ReadonlySet<string> = new Set(['overloaded_error', 'api_error', 'rate_limit_error', 'timeout_error']);

/** What an open content block of the answer is, by its `index`. */
type Block =
  | { readonly kind: 'text' | 'answer' | 'skipped' }
  | { readonly kind: 'tool'; readonly call: number; readonly input: unknown; streamed: boolean }
  | { readonly kind: 'thinking'; signature?: string }
  | { readonly kind: 'redacted'; readonly data: string };

const NOTHING: readonly RawPart[] = [];
const TEXT: Block = { kind: 'text' };
const SKIPPED: Block = { kind: 'skipped' };

const malformed = (what: string) =>
  new UpstreamError(`anthropic sent ${what}`, { reason: 'malformed', retryable: false, provider: 'anthropic' });

/** A non-empty object given whole in `content_block_start` (the API normally streams it as deltas after `{}`). */
const prefilled = (input: unknown): string | undefined =>
  typeof input === 'object' && input !== null && Object.keys(input).length > 0 ? JSON.stringify(input) : undefined;

/**
 * Reads one streamed answer, event by event, into the runner's parts:
 *
 * - `text` blocks → text deltas;
 * - `tool_use` blocks → tool-call-start (its index: the count of tool calls before it in this
 *   answer, not the block's index), each `input_json_delta` → tool-call-delta, the block's stop
 *   → tool-call-end; the `json_object` answer tool's input → text deltas instead;
 * - `thinking` blocks → reasoning deltas, closed by reasoning-end with the `signature_delta`
 *   that came just before the block's stop; `redacted_thinking` → reasoning-end with its data;
 * - blocks and deltas of other types (server tools, citations, types newer than this adapter): skipped;
 * - usage: `message_start`'s counts, overwritten by any `message_delta` count (cumulative totals),
 *   reported in the gateway's convention: input = input_tokens + cache reads + cache writes.
 * @see https://platform.claude.com/docs/en/build-with-claude/streaming
 * @see https://platform.claude.com/docs/en/build-with-claude/prompt-caching
 */
export class MessagesEventReader {
  readonly #answerTool: string | undefined;
  readonly #blocks = new Map<number, Block>();
  #toolCalls = 0;
  #answered = false;
  #stopReason: string | null | undefined;
  readonly #usage: { input?: number; output?: number; cacheRead?: number; cacheWrite?: number; thinking?: number } = {};

  /** `answerTool`: the tool carrying a `json_object` answer (ConvertedRequest.answerTool). */
  constructor(answerTool?: string) {
    this.#answerTool = answerTool;
  }

  /** The parts one event makes; `message_stop` makes the `finish` part, after which the answer is over. */
  read(event: StreamEvent): readonly RawPart[] {
    switch (event.type) {
      case 'message_start':
        this.#count(event.message.usage);
        return [{ type: 'start', ...(event.message.model ? { upstreamModel: event.message.model } : {}) }];
      case 'content_block_start':
        return this.#start(event.index, event.content_block);
      case 'content_block_delta':
        return this.#delta(this.#blocks.get(event.index) ?? (event.delta.type === 'text_delta' ? TEXT : SKIPPED), event.delta);
      case 'content_block_stop':
        return this.#stop(event.index);
      case 'message_delta':
        this.#stopReason = event.delta.stop_reason ?? this.#stopReason;
        this.#count(event.usage);
        return NOTHING;
      case 'message_stop':
        return [{ type: 'finish', finishReason: this.#finishReason(), usage: this.#reportedUsage() }];
      case 'error':
        throw new UpstreamError(`anthropic failed mid-stream: ${event.error.type}: ${event.error.message ?? ''}`.trim(), {
          reason: 'stream',
          retryable: RETRYABLE_ERROR_TYPES.has(event.error.type),
          provider: 'anthropic',
        });
      case 'ping':
        return NOTHING;
    }
  }

  #start(index: number, block: Extract<StreamEvent, { type: 'content_block_start' }>['content_block']): readonly RawPart[] {
    switch (block.type) {
      case 'text':
        this.#blocks.set(index, TEXT);
        return block.text ? [{ type: 'text-delta', text: block.text }] : NOTHING;
      case 'thinking':
        this.#blocks.set(index, { kind: 'thinking' });
        return block.thinking ? [{ type: 'reasoning-delta', text: block.thinking }] : NOTHING;
      case 'redacted_thinking':
        if (block.data === undefined) throw malformed('a redacted_thinking block without data');
        this.#blocks.set(index, { kind: 'redacted', data: block.data });
        return NOTHING;
      case 'tool_use': {
        if (!block.id || !block.name) throw malformed('a tool_use block without id or name');
        if (block.name === this.#answerTool) {
          this.#answered = true;
          this.#blocks.set(index, { kind: 'answer' });
          const text = prefilled(block.input);
          return text ? [{ type: 'text-delta', text }] : NOTHING;
        }
        const call = this.#toolCalls++;
        this.#blocks.set(index, { kind: 'tool', call, input: block.input, streamed: false });
        return [{ type: 'tool-call-start', index: call, id: block.id, name: block.name }];
      }
      default:
        this.#blocks.set(index, SKIPPED);
        return NOTHING;
    }
  }

  #delta(block: Block, delta: Extract<StreamEvent, { type: 'content_block_delta' }>['delta']): readonly RawPart[] {
    switch (delta.type) {
      case 'text_delta':
        return block.kind === 'text' && delta.text ? [{ type: 'text-delta', text: delta.text }] : NOTHING;
      case 'input_json_delta':
        if (!delta.partial_json) return NOTHING;
        if (block.kind === 'answer') return [{ type: 'text-delta', text: delta.partial_json }];
        if (block.kind !== 'tool') return NOTHING;
        block.streamed = true;
        return [{ type: 'tool-call-delta', index: block.call, argumentsDelta: delta.partial_json }];
      case 'thinking_delta':
        return block.kind === 'thinking' && delta.thinking ? [{ type: 'reasoning-delta', text: delta.thinking }] : NOTHING;
      case 'signature_delta':
        // The whole signature, sent once just before the block's stop: kept, not appended.
        if (block.kind === 'thinking' && delta.signature) block.signature = delta.signature;
        return NOTHING;
      default:
        return NOTHING;
    }
  }

  #stop(index: number): readonly RawPart[] {
    const block = this.#blocks.get(index);
    this.#blocks.delete(index);
    switch (block?.kind) {
      case 'tool': {
        const text = block.streamed ? undefined : prefilled(block.input);
        const end: RawPart = { type: 'tool-call-end', index: block.call };
        return text ? [{ type: 'tool-call-delta', index: block.call, argumentsDelta: text }, end] : [end];
      }
      case 'thinking':
        return [{ type: 'reasoning-end', ...(block.signature ? { signature: block.signature } : {}) }];
      case 'redacted':
        return [{ type: 'reasoning-end', redacted: block.data }];
      default:
        return NOTHING;
    }
  }

  #count(usage: WireUsage | null | undefined): void {
    if (!usage) return;
    const counts = this.#usage;
    counts.input = usage.input_tokens ?? counts.input;
    counts.output = usage.output_tokens ?? counts.output;
    counts.cacheRead = usage.cache_read_input_tokens ?? counts.cacheRead;
    counts.cacheWrite = usage.cache_creation_input_tokens ?? counts.cacheWrite;
    counts.thinking = usage.output_tokens_details?.thinking_tokens ?? counts.thinking;
  }

  /** A turn that only gave the `json_object` answer tool its input stopped with `tool_use`, yet answered: `stop`. */
  #finishReason() {
    if (this.#stopReason === 'tool_use' && this.#answered && this.#toolCalls === 0) return 'stop';
    return mapAnthropicStopReason(this.#stopReason);
  }

  #reportedUsage(): ReportedUsage {
    const { input, output, cacheRead, cacheWrite, thinking } = this.#usage;
    const usage: ReportedUsage = {};
    if (input !== undefined) usage.inputTokens = input + (cacheRead ?? 0) + (cacheWrite ?? 0);
    if (output !== undefined) usage.outputTokens = output;
    if (cacheRead !== undefined) usage.cachedInputTokens = cacheRead;
    if (cacheWrite !== undefined) usage.cacheWriteTokens = cacheWrite;
    if (thinking !== undefined) usage.reasoningTokens = thinking;
    return usage;
  }
}
