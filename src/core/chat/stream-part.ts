import type { GatewayError } from '../errors.js';
import type { FinishReason } from '../records/generation.js';

/**
 * Tokens of one generation, as the vendor reported them (OpenAI's convention, whatever the vendor):
 * `inputTokens` counts every input token, `cachedInputTokens` (read from the vendor's prompt cache)
 * and `cacheWriteTokens` (written to it) are parts of it; `outputTokens` counts every output token,
 * `reasoningTokens` a part of it.
 */
export interface Usage {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cachedInputTokens: number;
  readonly cacheWriteTokens: number;
  readonly reasoningTokens: number;
  /** True when the vendor reported no usage (or only part of it) and the gateway counted the rest itself. */
  readonly estimated: boolean;
}

export const NO_USAGE: Usage = {
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  estimated: false,
};

/**
 * What a stream yields. Every stream ends with exactly one `finish` or `error` part, and yields
 * nothing after it. A tool call is `tool-call-start` (its index among this answer's calls, id and
 * name), any number of `tool-call-delta`s of its JSON arguments, then `tool-call-end`; calls may
 * interleave (parallel calls). Reasoning text comes as `reasoning-delta`s, each block closed by a
 * `reasoning-end` carrying the vendor's signature, when it gave one.
 */
export type StreamPart =
  | { readonly type: 'start'; readonly upstreamModel: string }
  | { readonly type: 'text-delta'; readonly text: string }
  | { readonly type: 'reasoning-delta'; readonly text: string }
  | { readonly type: 'reasoning-end'; readonly signature?: string; readonly redacted?: string }
  | { readonly type: 'tool-call-start'; readonly index: number; readonly id: string; readonly name: string }
  | { readonly type: 'tool-call-delta'; readonly index: number; readonly argumentsDelta: string }
  | { readonly type: 'tool-call-end'; readonly index: number }
  | { readonly type: 'finish'; readonly finishReason: FinishReason; readonly usage: Usage }
  | { readonly type: 'error'; readonly error: GatewayError; readonly usage?: Usage };
