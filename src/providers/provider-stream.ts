import { GatewayError, UpstreamError } from '../core/errors.js';
import type { ChatRequest, StreamPart, UpstreamTarget, Usage } from './provider.js';
import type { FinishReason } from '../core/records/generation.js';
import { estimateUsage } from './token-estimate.js';

/** What an adapter's wire parser yields; the runner turns it into the contract's `StreamPart`s. */
export type RawPart =
  | { readonly type: 'start'; readonly upstreamModel?: string }
  | { readonly type: 'text-delta'; readonly text: string }
  | { readonly type: 'finish'; readonly finishReason: FinishReason; readonly usage?: { inputTokens?: number; outputTokens?: number } };

const CALLER_ABORT = Symbol('caller aborted');

/**
 * The longest answer relayed (~1M tokens): past it the stream ends with an error and the partial
 * text, so that a vendor that ignores max_tokens cannot fill the gateway's memory.
 */
export const MAX_ANSWER_CHARS = 4 * 1024 * 1024;

function completeUsage(request: ChatRequest, text: string, reported?: { inputTokens?: number; outputTokens?: number }): Usage {
  if (reported?.inputTokens !== undefined && reported.outputTokens !== undefined) {
    return { inputTokens: reported.inputTokens, outputTokens: reported.outputTokens, estimated: false };
  }
  const estimate = estimateUsage(request.messages, text);
  return {
    inputTokens: reported?.inputTokens ?? estimate.inputTokens,
    outputTokens: reported?.outputTokens ?? estimate.outputTokens,
    estimated: true,
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
    let text = '';
    let ended = false;
    let result: IteratorResult<RawPart> = first;
    try {
      const upstreamModel = result.value.type === 'start' ? (result.value.upstreamModel ?? target.upstreamModel) : target.upstreamModel;
      yield { type: 'start', upstreamModel };
      while (!result.done) {
        const part = result.value;
        if (part.type === 'text-delta') {
          clearTimeout(firstTokenTimer);
          firstTokenTimer = undefined;
          text += part.text;
          if (text.length > MAX_ANSWER_CHARS) {
            throw new UpstreamError(`${target.modelId}: the answer passed ${MAX_ANSWER_CHARS} characters`, {
              reason: 'malformed',
              retryable: false,
            });
          }
          yield part;
        } else if (part.type === 'finish') {
          ended = true;
          yield { type: 'finish', finishReason: part.finishReason, usage: completeUsage(request, text, part.usage) };
          return;
        }
        result = await iterator.next();
      }
      throw new UpstreamError(`${target.modelId}: the stream ended without a finish`, { reason: 'stream', retryable: true });
    } catch (error) {
      if (callerAborted()) yield { type: 'finish', finishReason: 'cancelled', usage: completeUsage(request, text) };
      else yield { type: 'error', error: failure(error), usage: completeUsage(request, text) };
    } finally {
      cleanup(ended);
    }
  }
  return parts();
}
