import type { ReasoningBlock, ToolCall } from '../../core/chat/chat-request.js';
import { NO_USAGE, type StreamPart, type Usage } from '../../core/chat/stream-part.js';
import type { GatewayError } from '../../core/errors.js';
import type { FinishReason } from '../../core/records/generation.js';
import type { ModelRecord } from '../../core/records/model.js';
import { costMicroUsd } from '../../pricing/cost.js';
import { hasUnknownPrice } from '../../pricing/unknown-price.js';
import { countTokens } from '../../providers/token-estimate.js';

/** What relaying one answer's parts produced: the answer as it stands, and how it ended. */
export interface RelayedAnswer {
  text: string;
  toolCalls: ToolCall[];
  reasoning: ReasoningBlock[];
  usage: Usage;
  finishReason: FinishReason | null;
  error: GatewayError | undefined;
  /** Milliseconds from the start to the first output (text, reasoning or a tool call), if any came. */
  timeToFirstTokenMs: number | null;
  /** The answer was stopped before the part that would have passed its cost limit. */
  stoppedForCost: boolean;
}

/** An answer with nothing in it yet (also what a request that never started answers, with its error). */
export function emptyAnswer(): RelayedAnswer {
  return {
    text: '',
    toolCalls: [],
    reasoning: [],
    usage: NO_USAGE,
    finishReason: null,
    error: undefined,
    timeToFirstTokenMs: null,
    stoppedForCost: false,
  };
}

/** What the relay tells the reader of a stream, as each part arrives (after the cost check). */
export type RelayedPart =
  | { readonly kind: 'text'; readonly text: string; readonly costMicroUsd: number | null }
  | {
      readonly kind: 'reasoning';
      readonly text: string;
      readonly costMicroUsd: number | null;
      /** Set on the (empty) part that ends a signed or redacted block: its signature or redacted data. */
      readonly end?: Omit<ReasoningBlock, 'text'>;
    }
  | {
      readonly kind: 'tool-call';
      readonly index: number;
      readonly id: string | null;
      readonly name: string | null;
      readonly argumentsDelta: string;
      readonly costMicroUsd: number | null;
    };

export interface RelayOptions {
  /** The model answering (its prices give the running cost). */
  readonly model: ModelRecord;
  /** The request's prompt tokens, as admission counted them. */
  readonly promptTokens: number;
  /** The most the answer may cost (micro-USD); null: no limit. */
  readonly limitMicroUsd: number | null;
  /** Whether to count the running cost (someone reads it, or a limit holds the answer to it). */
  readonly trackCost: boolean;
  /** `performance.now()` when the request started, and when the router saw the first token. */
  readonly startedAt: number;
  readonly firstTokenAt: number | undefined;
  /** Called once the answer must stop (its cost limit): aborts the upstream call. */
  readonly stop: () => void;
  readonly emit?: ((part: RelayedPart) => void) | undefined;
}

/**
 * Relays one answer's stream parts: assembles the text, the tool calls (by index, arguments
 * joined) and the reasoning blocks (with their signatures), keeps the running cost of every
 * output part (text, reasoning, tool names and arguments, each counted once with cl100k) and stops
 * the answer before the part that would pass its limit — the stream is then read to its end only
 * for the usage the vendor reports. Ends at the stream's `finish` or `error` part.
 */
export async function relayAnswer(parts: AsyncIterable<StreamPart>, options: RelayOptions): Promise<RelayedAnswer> {
  const { model, promptTokens, limitMicroUsd, trackCost, emit } = options;
  // A name a wildcard serves that nobody prices: its running cost is unknown (null), like its recorded one.
  const priceUnknown = hasUnknownPrice(model);
  const shown = (cost: number): number | null => (priceUnknown ? null : cost);
  const answer = emptyAnswer();
  const calls = new Map<number, { id: string; name: string; arguments: string }>();
  let reasoningText = '';
  let outputTokens = 0;
  let lastCost = 0;
  /** The running cost with `text` added, or undefined (and the answer stopped) when it would pass the limit. */
  const admit = (...texts: string[]): number | undefined => {
    if (answer.stoppedForCost) return undefined;
    const tokens = trackCost ? texts.reduce((sum, t) => sum + countTokens(t), 0) : 0;
    const running = trackCost ? costMicroUsd(promptTokens, outputTokens + tokens, model) : 0;
    if (limitMicroUsd !== null && running > limitMicroUsd) {
      answer.stoppedForCost = true;
      options.stop();
      return undefined;
    }
    answer.timeToFirstTokenMs ??= Math.round((options.firstTokenAt ?? performance.now()) - options.startedAt);
    outputTokens += tokens;
    lastCost = running;
    return running;
  };
  for await (const part of parts) {
    switch (part.type) {
      case 'text-delta': {
        const cost = admit(part.text);
        if (cost === undefined) break;
        answer.text += part.text;
        emit?.({ kind: 'text', text: part.text, costMicroUsd: shown(cost) });
        break;
      }
      case 'reasoning-delta': {
        const cost = admit(part.text);
        if (cost === undefined) break;
        reasoningText += part.text;
        emit?.({ kind: 'reasoning', text: part.text, costMicroUsd: shown(cost) });
        break;
      }
      case 'reasoning-end': {
        if (answer.stoppedForCost) break;
        const end = {
          ...(part.signature !== undefined ? { signature: part.signature } : {}),
          ...(part.redacted !== undefined ? { redacted: part.redacted } : {}),
        };
        answer.reasoning.push({ text: reasoningText, ...end });
        reasoningText = '';
        // A door that sends the block back (Anthropic's signature_delta) hears where it ended.
        if (part.signature !== undefined || part.redacted !== undefined)
          emit?.({ kind: 'reasoning', text: '', costMicroUsd: shown(lastCost), end });
        break;
      }
      case 'tool-call-start': {
        const cost = admit(part.name);
        if (cost === undefined) break;
        calls.set(part.index, { id: part.id, name: part.name, arguments: '' });
        emit?.({ kind: 'tool-call', index: part.index, id: part.id, name: part.name, argumentsDelta: '', costMicroUsd: shown(cost) });
        break;
      }
      case 'tool-call-delta': {
        const call = calls.get(part.index);
        const cost = call ? admit(part.argumentsDelta) : undefined;
        if (!call || cost === undefined) break;
        call.arguments += part.argumentsDelta;
        emit?.({
          kind: 'tool-call',
          index: part.index,
          id: null,
          name: null,
          argumentsDelta: part.argumentsDelta,
          costMicroUsd: shown(cost),
        });
        break;
      }
      case 'finish':
        answer.usage = part.usage;
        answer.finishReason = part.finishReason;
        break;
      case 'error':
        answer.error = part.error;
        answer.usage = part.usage ?? answer.usage;
        break;
      default:
        break;
    }
  }
  // Reasoning the vendor never closed (a cut stream) is kept as it is.
  if (reasoningText) answer.reasoning.push({ text: reasoningText });
  answer.toolCalls = [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call);
  return answer;
}
