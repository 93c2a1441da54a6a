import { GatewayError, UpstreamError } from '../core/errors.js';
import type { ChatRequest, StreamPart, UpstreamTarget, Usage } from './provider.js';
import type { FinishReason } from '../core/records/generation.js';
import { countTokens } from './token-estimate.js';
import { countPromptTokens } from './prompt-tokens.js';

/** Usage as a vendor reported it: any count may be missing (the runner estimates the input and output counts). */
export interface ReportedUsage {
  inputTokens?: number;
  outputTokens?: number;
  cachedInputTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
}

/** What an adapter's wire parser yields; the runner checks it and turns it into the contract's `StreamPart`s. */
export type RawPart =
  | { readonly type: 'start'; readonly upstreamModel?: string }
  | Exclude<StreamPart, { type: 'start' | 'finish' | 'error' }>
  | { readonly type: 'finish'; readonly finishReason: FinishReason; readonly usage?: ReportedUsage };

const CALLER_ABORT = Symbol('caller aborted');

/**
 * The longest answer relayed (~1M tokens): past it the stream ends with an error and the partial
 * text, so that a vendor that ignores max_tokens cannot fill the gateway's memory.
 */
export const MAX_ANSWER_CHARS = 4 * 1024 * 1024;

/** The most tool calls one answer may make. */
export const MAX_TOOL_CALLS = 128;

/** Everything the answer produced so far, for the usage estimate when the vendor reports none. */
function outputTokensOf(answer: { text: string; arguments: string; reasoning: string }): number {
  return countTokens(answer.text) + countTokens(answer.arguments) + countTokens(answer.reasoning);
}

function completeUsage(request: ChatRequest, output: () => number, reported?: ReportedUsage): Usage {
  const known = reported?.inputTokens !== undefined && reported.outputTokens !== undefined;
  return {
    inputTokens: reported?.inputTokens ?? request.promptTokens ?? countPromptTokens(request),
    outputTokens: reported?.outputTokens ?? output(),
    cachedInputTokens: reported?.cachedInputTokens ?? 0,
    cacheWriteTokens: reported?.cacheWriteTokens ?? 0,
    reasoningTokens: reported?.reasoningTokens ?? 0,
    estimated: !known,
  };
}

/**
 * Runs an adapter's wire stream under the provider contract: resolves at the first part (a
 * failure before it is thrown, so the caller may go elsewhere), applies the first-token and
 * total timeouts, turns later failures into a final `error` part, a caller's abort into a
 * `finish` of reason `cancelled`, and fills in estimated usage where the vendor sent none.
 * Exactly one `finish` or `error` part ends every stream; the upstream request is aborted when
 * the stream ends for any reason.
 */
export async function startProviderStream(
  request: ChatRequest,
  target: UpstreamTarget,
  callerSignal: AbortSignal,
  open: (signal: AbortSignal) => AsyncIterable<RawPart>,
): Promise<AsyncIterable<StreamPart>> {
  const controller = new AbortController();
  const timeout = (what: string, ms: number) =>
    new UpstreamError(`${target.modelId}: no ${what} within ${ms} ms`, { reason: 'timeout', retryable: true });
  const onCallerAbort = () => controller.abort(CALLER_ABORT);
  if (callerSignal.aborted) onCallerAbort();
  callerSignal.addEventListener('abort', onCallerAbort, { once: true });
  const totalTimer = setTimeout(() => controller.abort(timeout('complete answer', target.timeouts.totalMs)), target.timeouts.totalMs);
  let firstTokenTimer: NodeJS.Timeout | undefined = setTimeout(
    () => controller.abort(timeout('first token', target.timeouts.firstTokenMs)),
    target.timeouts.firstTokenMs,
  );
  /** Stops the timers; aborts the upstream request unless it ended by itself (aborting costs an error object per request). */
  const cleanup = (ended = false) => {
    clearTimeout(totalTimer);
    clearTimeout(firstTokenTimer);
    callerSignal.removeEventListener('abort', onCallerAbort);
    if (!ended && !controller.signal.aborted) controller.abort();
  };
  const callerAborted = () => controller.signal.reason === CALLER_ABORT;
  const failure = (error: unknown): GatewayError => {
    const reason: unknown = controller.signal.reason;
    if (reason instanceof GatewayError) return reason;
    if (error instanceof GatewayError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new UpstreamError(`${target.modelId}: the stream broke: ${message}`, { reason: 'stream', retryable: true, cause: error });
  };

  const iterator = open(controller.signal)[Symbol.asyncIterator]();
  let first: IteratorResult<RawPart>;
  try {
    first = await iterator.next();
  } catch (error) {
    cleanup();
    if (callerAborted()) throw new UpstreamError(`${target.modelId}: cancelled by the caller`, { reason: 'cancelled', retryable: false });
    throw failure(error);
  }
  if (first.done) {
    cleanup();
    throw new UpstreamError(`${target.modelId}: the upstream ended the stream before sending anything`, {
      reason: 'stream',
      retryable: true,
    });
  }

  async function* parts(): AsyncGenerator<StreamPart> {
    const answer = { text: '', arguments: '', reasoning: '' };
    const output = () => outputTokensOf(answer);
    /** Tool calls by index: open (started, not ended) or closed. */
    const calls = new Map<number, 'open' | 'closed'>();
    let ended = false;
    let result: IteratorResult<RawPart> = first;
    const malformed = (what: string) => new UpstreamError(`${target.modelId}: ${what}`, { reason: 'malformed', retryable: false });
    const grow = (key: 'text' | 'arguments' | 'reasoning', text: string) => {
      clearTimeout(firstTokenTimer);
      firstTokenTimer = undefined;
      answer[key] += text;
      if (answer.text.length + answer.arguments.length + answer.reasoning.length > MAX_ANSWER_CHARS)
        throw malformed(`the answer passed ${MAX_ANSWER_CHARS} characters`);
    };
    try {
      const upstreamModel = result.value.type === 'start' ? (result.value.upstreamModel ?? target.upstreamModel) : target.upstreamModel;
      yield { type: 'start', upstreamModel };
      while (!result.done) {
        const part = result.value;
        switch (part.type) {
          case 'start':
            break;
          case 'text-delta':
            grow('text', part.text);
            yield part;
            break;
          case 'reasoning-delta':
            grow('reasoning', part.text);
            yield part;
            break;
          case 'reasoning-end':
            yield part;
            break;
          case 'tool-call-start':
            if (calls.has(part.index)) throw malformed(`tool call ${part.index} started twice`);
            if (calls.size >= MAX_TOOL_CALLS) throw malformed(`the answer made more than ${MAX_TOOL_CALLS} tool calls`);
            calls.set(part.index, 'open');
            grow('arguments', part.name);
            yield part;
            break;
          case 'tool-call-delta':
            if (calls.get(part.index) !== 'open') throw malformed(`arguments for tool call ${part.index}, which is not open`);
            grow('arguments', part.argumentsDelta);
            yield part;
            break;
          case 'tool-call-end':
            if (calls.get(part.index) !== 'open') throw malformed(`tool call ${part.index} ended without being open`);
            calls.set(part.index, 'closed');
            yield part;
            break;
          case 'finish':
            // A call the vendor never closed explicitly ends with the answer.
            for (const [index, state] of calls) if (state === 'open') yield { type: 'tool-call-end', index };
            ended = true;
            yield { type: 'finish', finishReason: part.finishReason, usage: completeUsage(request, output, part.usage) };
            return;
        }
        result = await iterator.next();
      }
      throw new UpstreamError(`${target.modelId}: the stream ended without a finish`, { reason: 'stream', retryable: true });
    } catch (error) {
      if (callerAborted()) yield { type: 'finish', finishReason: 'cancelled', usage: completeUsage(request, output) };
      else yield { type: 'error', error: failure(error), usage: completeUsage(request, output) };
    } finally {
      cleanup(ended);
    }
  }
  return parts();
}
