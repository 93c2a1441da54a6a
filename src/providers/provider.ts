import type { ChatRequest } from '../core/chat/chat-request.js';
import type { StreamPart } from '../core/chat/stream-part.js';
import type { ProviderKind, ProviderPreset, Timeouts } from '../core/records/model.js';

export type { ChatMessage, ChatRequest, GenerationParams } from '../core/chat/chat-request.js';
export type { StreamPart, Usage } from '../core/chat/stream-part.js';

/**
 * The provider contract: what every vendor adapter implements. Adapters know nothing of the
 * ORM, GraphQL or the router; they take a request and a target and speak one wire protocol.
 */

/** Settings of the in-process mock provider. */
export interface MockSettings {
  /** Tokens in each answer (before `maxTokens` cuts it); default 16. */
  readonly tokens?: number;
  /** Delay before each streamed token, in milliseconds; default 0. */
  readonly tokenDelayMs?: number;
}

/** Where and how to call one upstream model; resolved by the gateway, never by the adapter. */
export interface UpstreamTarget {
  /** The gateway's model id (for messages and metrics). */
  readonly modelId: string;
  /** The vendor's own model name, sent on the wire. */
  readonly upstreamModel: string;
  /** API root; undefined: the provider's public endpoint. */
  readonly baseUrl?: string;
  /** The vendor key: the model's stored credential, else the environment variable it names. */
  readonly apiKey?: string;
  /** Bedrock's AWS region. */
  readonly region?: string;
  /** Azure OpenAI's deployment name. */
  readonly deployment?: string;
  /** Azure OpenAI's api-version; undefined: the `/openai/v1` form. */
  readonly apiVersion?: string;
  /** The OpenAI-compatible host the model is a preset of. */
  readonly preset?: ProviderPreset;
  readonly mock?: MockSettings;
  readonly timeouts: Timeouts;
  /** Whether to ask for usage in streams (`stream_options.include_usage`); some OpenAI-compatible servers reject it. */
  readonly streamUsage: boolean;
}

export interface CallOptions {
  /** Aborts the upstream call: client disconnect, subscription closed, timeout. */
  readonly signal: AbortSignal;
}

/** The outcome of one health probe. */
export interface HealthResult {
  readonly ok: boolean;
  readonly latencyMs: number;
  /** What was checked, or why it failed (never a key). */
  readonly message: string;
}

/** One embedding request as the gateway sends it: texts, and the vector size when the caller asks for one. */
export interface EmbedRequest {
  readonly input: readonly string[];
  readonly dimensions?: number;
  readonly requestId?: string;
}

/** The vectors of an embedding request, in the order of its input, and the input tokens the vendor counted. */
export interface EmbedResult {
  readonly embeddings: number[][];
  /** `estimated`: the vendor reported no usage and the gateway counted the input. */
  readonly usage: { readonly inputTokens: number; readonly estimated: boolean };
  readonly upstreamModel: string;
}

export interface ProviderAdapter {
  readonly kind: ProviderKind;
  /**
   * Streams one generation. Resolves once the upstream has accepted the request and produced
   * its first part; failures before that are thrown as `GatewayError`s, so the caller may retry
   * elsewhere. After that, a failure arrives as the final `error` part. When `signal` aborts,
   * the stream ends promptly with a `finish` part of reason `cancelled` whose usage counts what
   * was produced so far.
   */
  stream(request: ChatRequest, target: UpstreamTarget, options: CallOptions): Promise<AsyncIterable<StreamPart>>;
  /** The cheapest honest probe of the target (a list-models call where the vendor has one). */
  checkHealth(target: UpstreamTarget, options: CallOptions): Promise<HealthResult>;
  /**
   * Embeds texts (models of kind `embedding`); absent where the protocol has no embeddings.
   * Failures are thrown as `GatewayError`s, retryable or not, like a stream's before its first part.
   */
  embed?(request: EmbedRequest, target: UpstreamTarget, options: CallOptions): Promise<EmbedResult>;
}
