import type { CachePlan } from '../../cache/answer-cache.js';
import type { CacheControl } from '../../core/records/cache.js';
import type { ChatMessage, ChatRequest } from '../../core/chat/chat-request.js';
import type { Reservation } from '../../core/ports/stores.js';
import type { RequestLogMode } from '../../core/records/request-log.js';
import type { ModelRecord } from '../../core/records/model.js';
import type { RouteTarget } from '../../routing/resolve-target.js';
import type { RoutePlan } from '../../routing/router.js';
import type { RequestFields } from './generate-request.js';

/** A request that passed admission: validated, its target resolved, its candidates drawn, its limits reserved. Ready to send. */
export interface PreparedGeneration {
  readonly id: string;
  /** What the request targets: a model (with its fallbacks) or a pool. */
  readonly target: RouteTarget;
  /** The candidates, drawn once; empty only in the record of a request refused as unavailable. */
  readonly plan: RoutePlan;
  /** The model the request was fitted on (defaults, context window, prices): the plan's first candidate. */
  readonly model: ModelRecord;
  /** What is sent upstream: the session's (fitted) history, then the new messages. */
  readonly request: ChatRequest;
  readonly apiKeyId: string | null;
  readonly sessionId: string | null;
  /** The messages this request adds to its session's history (with the answer, once it succeeds). */
  readonly fresh: readonly ChatMessage[];
  readonly droppedMessages: number;
  readonly stream: boolean;
  /** The most this request may cost (its costLimit, or what it holds of the key's budget if less); null: no limit. */
  readonly costLimitMicroUsd: number | null;
  /** Prompt tokens of the request (cl100k: messages, tools, response schema), counted once at admission. */
  readonly promptTokens: number;
  /** The worst case held against the key's budget until the generation settles. */
  readonly reservation: Reservation | null;
  readonly requestId: string | null;
  /** The caller's key's request-log mode; null or absent: the model's, else the gateway's. */
  readonly keyRequestLog?: RequestLogMode | null;
  readonly createdAt: Date;
  /** How the response cache serves and keeps this request's answer; absent: it does not. */
  readonly cache?: CachePlan;
}

/** How admit is called: by which door (the names of its fields), for a stream or not. */
export interface AdmitOptions {
  readonly stream: boolean;
  readonly requestId?: string | null;
  /** The caller's signal: it ends a wait for the budget. */
  readonly signal?: AbortSignal | undefined;
  readonly fields: RequestFields;
  /** What the request asks of the response cache (`cache-control`, GraphQL's `cache`). */
  readonly cache?: CacheControl | undefined;
}
