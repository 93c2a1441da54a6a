import { UpstreamError } from '../../core/errors.js';
import type { RawPart, ReportedUsage } from '../provider-stream.js';
import type { StreamEvent, StreamUsage } from './bedrock-wire.js';
import { mapConverseStopReason } from './map-stop-reason.js';

/** What an open content block of the answer is, by its `contentBlockIndex`. */
type Block =
  | { readonly kind: 'text' }
  | { readonly kind: 'tool'; readonly call: number }
  | { readonly kind: 'reasoning'; signature?: string; redacted?: string };

const NOTHING: readonly RawPart[] = [];

/**
 * Reads one ConverseStream answer, event by event, into the runner's parts:
 *
 * - `messageStart` → start;
 * - text deltas → text deltas (a text block has no `contentBlockStart`);
 * - a `contentBlockStart` with `toolUse` → tool-call-start (its index: the count of tool calls
 *   before it in this answer), its `toolUse.input` deltas (JSON text) → tool-call-deltas, its stop →
 *   tool-call-end;
 * - `reasoningContent` deltas → reasoning deltas; the block's `signature` (or its
 *   `redactedContent`) closes it as reasoning-end at its `contentBlockStop`;
 * - `messageStop` keeps the stop reason; `metadata` (which follows it) makes the finish, with
 *   usage in the gateway's convention: Converse's `inputTokens` leaves out cache reads and writes,
 *   so input = inputTokens + cacheReadInputTokens + cacheWriteInputTokens.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStreamOutput.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_TokenUsage.html
 */
export class ConverseStreamReader {
  readonly #blocks = new Map<number, Block>();
  #toolCalls = 0;
  #stopReason: string | undefined;

  /** Whether `messageStop` came (the answer is over but for its metadata). */
  get stopped(): boolean {
    return this.#stopReason !== undefined;
  }

  read(event: StreamEvent): readonly RawPart[] {
    switch (event.type) {
      case 'messageStart':
        return [{ type: 'start' }];
      case 'contentBlockStart': {
        const toolUse = event.payload.start?.toolUse;
        if (!toolUse) return NOTHING;
        const call = this.#toolCalls++;
        this.#blocks.set(event.payload.contentBlockIndex, { kind: 'tool', call });
        return [{ type: 'tool-call-start', index: call, id: toolUse.toolUseId, name: toolUse.name }];
      }
      case 'contentBlockDelta':
        return this.#delta(event.payload.contentBlockIndex, event.payload.delta);
      case 'contentBlockStop':
        return this.#stop(event.payload.contentBlockIndex);
      case 'messageStop':
        this.#stopReason = event.payload.stopReason;
        return NOTHING;
      case 'metadata':
        return [this.finish(event.payload.usage)];
    }
  }

  /** The finish part: at `metadata`, or at the stream's end after `messageStop` when no metadata came. */
  finish(usage?: StreamUsage): RawPart {
    return { type: 'finish', finishReason: mapConverseStopReason(this.#stopReason), usage: reportedUsage(usage) };
  }

  #delta(index: number, delta: Extract<StreamEvent, { type: 'contentBlockDelta' }>['payload']['delta']): readonly RawPart[] {
    const block = this.#blocks.get(index);
    if (delta.toolUse) {
      if (block?.kind !== 'tool') throw malformed(`tool input for block ${index}, which is not a tool call`);
      return delta.toolUse.input ? [{ type: 'tool-call-delta', index: block.call, argumentsDelta: delta.toolUse.input }] : NOTHING;
    }
    if (delta.reasoningContent) {
      const reasoning = block?.kind === 'reasoning' ? block : { kind: 'reasoning' as const };
      this.#blocks.set(index, reasoning);
      const { text, signature, redactedContent } = delta.reasoningContent;
      if (signature) reasoning.signature = signature;
      if (redactedContent) reasoning.redacted = (reasoning.redacted ?? '') + redactedContent;
      return text ? [{ type: 'reasoning-delta', text }] : NOTHING;
    }
    if (delta.text) {
      if (!block) this.#blocks.set(index, { kind: 'text' });
      return [{ type: 'text-delta', text: delta.text }];
    }
    return NOTHING;
  }

  #stop(index: number): readonly RawPart[] {
    const block = this.#blocks.get(index);
    this.#blocks.delete(index);
    switch (block?.kind) {
      case 'tool':
        return [{ type: 'tool-call-end', index: block.call }];
      case 'reasoning':
        return [
          {
            type: 'reasoning-end',
            ...(block.signature ? { signature: block.signature } : {}),
            ...(block.redacted ? { redacted: block.redacted } : {}),
          },
        ];
      default:
        return NOTHING;
    }
  }
}

const malformed = (what: string) =>
  new UpstreamError(`bedrock sent ${what}`, { reason: 'malformed', retryable: false, provider: 'bedrock' });

function reportedUsage(usage: StreamUsage): ReportedUsage {
  const reported: ReportedUsage = {};
  if (!usage) return reported;
  const cacheRead = usage.cacheReadInputTokens ?? undefined;
  const cacheWrite = usage.cacheWriteInputTokens ?? undefined;
  if (usage.inputTokens != null) reported.inputTokens = usage.inputTokens + (cacheRead ?? 0) + (cacheWrite ?? 0);
  if (usage.outputTokens != null) reported.outputTokens = usage.outputTokens;
  if (cacheRead !== undefined) reported.cachedInputTokens = cacheRead;
  if (cacheWrite !== undefined) reported.cacheWriteTokens = cacheWrite;
  return reported;
}
