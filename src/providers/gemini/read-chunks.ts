import { randomUUID } from 'node:crypto';
import { UpstreamError } from '../../core/errors.js';
import type { RawPart, ReportedUsage } from '../provider-stream.js';
import type { WireChunk, WireUsage } from './gemini-wire.js';
import { googleErrorIsRetryable } from './gemini-error.js';
import { mapGeminiFinishReason } from './map-finish-reason.js';

const NOTHING: readonly RawPart[] = [];

/**
 * Reads one streamed answer, chunk by chunk (each SSE event a whole `GenerateContentResponse`),
 * into the runner's parts:
 *
 * - the first chunk → `start`, with the chunk's `modelVersion`;
 * - `candidates[0].content.parts`: text → text deltas; text with `thought: true` (thought
 *   summaries, with `includeThoughts`) → reasoning deltas, the block closed by reasoning-end at
 *   the first part that is not a thought; `functionCall` → a whole tool call (start, its `args`
 *   as one JSON delta, end: Gemini streams each call complete), its id the call's own `id` when
 *   Gemini gives one, else a fresh `call_…`; other parts (code execution, images) skipped;
 * - `finishReason` and `usageMetadata` kept (the last counts are the totals) for the `finish`
 *   made by `end()` when the body ends; a prompt refused outright (`promptFeedback.blockReason`,
 *   no candidates) finishes as content-filter;
 * - an `error` object in the stream → a thrown UpstreamError, retryable as its code says.
 * Usage in the gateway's convention: input = `promptTokenCount` (cached content included) +
 * `toolUsePromptTokenCount`, cached = `cachedContentTokenCount`; output = `candidatesTokenCount` +
 * `thoughtsTokenCount`, reasoning = `thoughtsTokenCount`.
 * @see https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 * @see https://ai.google.dev/api/generate-content#UsageMetadata
 * @see https://ai.google.dev/gemini-api/docs/thinking#summaries
 */
export class GenerateContentReader {
  readonly #provider: string;
  #started = false;
  #thinking = false;
  #calls = 0;
  #finishReason: string | undefined;
  #blocked = false;
  #usage: WireUsage | undefined;

  constructor(provider: string) {
    this.#provider = provider;
  }

  read(chunk: WireChunk): readonly RawPart[] {
    if (chunk.error) {
      const { code, status, message } = chunk.error;
      throw new UpstreamError(`${this.#provider} failed mid-stream: ${status ?? code ?? 'error'}: ${message ?? ''}`.trim(), {
        reason: 'stream',
        retryable: googleErrorIsRetryable(chunk.error),
        provider: this.#provider,
      });
    }
    const parts: RawPart[] = [];
    if (!this.#started) {
      this.#started = true;
      parts.push({ type: 'start', ...(chunk.modelVersion ? { upstreamModel: chunk.modelVersion } : {}) });
    }
    if (chunk.usageMetadata) this.#usage = chunk.usageMetadata;
    if (chunk.promptFeedback?.blockReason) this.#blocked = true;
    const candidate = chunk.candidates?.[0];
    for (const part of candidate?.content?.parts ?? []) parts.push(...this.#part(part));
    if (candidate?.finishReason) this.#finishReason = candidate.finishReason;
    return parts.length ? parts : NOTHING;
  }

  /** The `finish` part once the body has ended; an error when Gemini never said why the answer stopped. */
  end(): readonly RawPart[] {
    if (this.#finishReason === undefined && !this.#blocked)
      throw new UpstreamError(`${this.#provider} ended the stream without a finishReason`, {
        reason: 'stream',
        retryable: true,
        provider: this.#provider,
      });
    const finishReason = this.#finishReason === undefined ? 'content-filter' : mapGeminiFinishReason(this.#finishReason, this.#calls > 0);
    return [...this.#closeThinking(), { type: 'finish', finishReason, usage: this.#reportedUsage() }];
  }

  #part(part: NonNullable<NonNullable<NonNullable<WireChunk['candidates']>[number]['content']>['parts']>[number]): RawPart[] {
    if (part.thought && typeof part.text === 'string') {
      this.#thinking = true;
      return part.text ? [{ type: 'reasoning-delta', text: part.text }] : [];
    }
    if (part.functionCall) {
      const index = this.#calls++;
      return [
        ...this.#closeThinking(),
        {
          type: 'tool-call-start',
          index,
          id: part.functionCall.id || `call_${randomUUID().replaceAll('-', '')}`,
          name: part.functionCall.name,
        },
        { type: 'tool-call-delta', index, argumentsDelta: JSON.stringify(part.functionCall.args ?? {}) },
        { type: 'tool-call-end', index },
      ];
    }
    if (typeof part.text === 'string' && part.text) return [...this.#closeThinking(), { type: 'text-delta', text: part.text }];
    return [];
  }

  #closeThinking(): RawPart[] {
    if (!this.#thinking) return [];
    this.#thinking = false;
    return [{ type: 'reasoning-end' }];
  }

  /** Proto3 JSON leaves out zero counts: once Gemini sent usage, a missing count is 0. */
  #reportedUsage(): ReportedUsage {
    const usage = this.#usage;
    if (!usage) return {};
    const thoughts = usage.thoughtsTokenCount ?? 0;
    return {
      inputTokens: (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0),
      outputTokens: (usage.candidatesTokenCount ?? 0) + thoughts,
      cachedInputTokens: usage.cachedContentTokenCount ?? 0,
      reasoningTokens: thoughts,
    };
  }
}
