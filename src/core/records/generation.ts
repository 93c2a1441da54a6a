import type { ChatRequest, ToolCall } from '../chat/chat-request.js';

/** Why an answer ended. */
export type FinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'cancelled' | 'cost-limit' | 'other';

export const GENERATION_STATUSES = ['SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type GenerationStatus = (typeof GENERATION_STATUSES)[number];

/** One try at an upstream within a generation. */
export interface StoredAttempt {
  modelId: string;
  provider: string;
  outcome: 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  errorCode?: string;
  httpStatus?: number;
  durationMs: number;
  /** The wait before this attempt (back-off or the vendor's Retry-After). */
  delayMs?: number;
}

/**
 * What a request asked, as the request log keeps it (requestLog mode `full`): the messages sent
 * upstream (the session's history included), the tools and the merged parameters, after the
 * redaction rules ran. Null on records logged in `metadata` or `off` mode.
 */
export type StoredRequest = Pick<
  ChatRequest,
  'messages' | 'params' | 'tools' | 'toolChoice' | 'parallelToolCalls' | 'responseFormat' | 'reasoning'
>;

/** A stored generation as the rest of the gateway sees it (plain and immutable). */
export interface GenerationRecord {
  readonly id: string;
  readonly modelId: string;
  readonly provider: string;
  readonly upstreamModel: string;
  readonly apiKeyId: string | null;
  readonly sessionId: string | null;
  readonly requestId: string | null;
  readonly poolName: string | null;
  readonly droppedMessages: number;
  readonly status: GenerationStatus;
  readonly stream: boolean;
  readonly finishReason: FinishReason | null;
  readonly text: string;
  readonly maxTokens: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Parts of inputTokens: read from / written to the vendor's prompt cache. */
  readonly cachedInputTokens: number;
  readonly cacheWriteTokens: number;
  /** Part of outputTokens. */
  readonly reasoningTokens: number;
  /** The tool calls the answer made, in order (empty: none). */
  readonly toolCalls: readonly ToolCall[];
  readonly usageEstimated: boolean;
  /** Null: unknown — the model's price is in neither its definition nor the catalog (see hasUnknownPrice); never 0 for unknown. */
  readonly costMicroUsd: number | null;
  readonly latencyMs: number;
  readonly timeToFirstTokenMs: number | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly attempts: readonly StoredAttempt[];
  /** The request as logged (requestLog mode `full`); null when it was not. */
  readonly request: StoredRequest | null;
  /** Served from the response cache: nothing was sent upstream (cost 0). */
  readonly cached: boolean;
  /** What a cache hit saved: the cost of the answer it replayed; null when not a hit (or unknown). */
  readonly savedMicroUsd: number | null;
  /** The OpenTelemetry trace the request ran under (32 hex digits), when tracing is on. */
  readonly traceId: string | null;
  readonly createdAt: Date;
  readonly completedAt: Date;
}
