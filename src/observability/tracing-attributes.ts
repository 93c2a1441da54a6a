import type { Attributes } from '@opentelemetry/api';
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MAX_TOKENS,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STOP_SEQUENCES,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_REQUEST_TOP_P,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
} from '@opentelemetry/semantic-conventions/incubating';
import type { GenerationParams } from '../core/chat/chat-request.js';
import type { ProviderKind } from '../core/records/model.js';

/**
 * The attribute names and values of the gateway's spans: the GenAI semantic conventions
 * (`gen_ai.*`, from the pinned @opentelemetry/semantic-conventions) and Switchyard's own
 * (`switchyard.*`) for what they have no name for.
 * @see https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/
 */
export const SWITCHYARD_ATTRIBUTES = {
  requestId: 'switchyard.request_id',
  generationId: 'switchyard.generation.id',
  modelId: 'switchyard.model.id',
  pool: 'switchyard.pool',
  apiKeyId: 'switchyard.api_key.id',
  attempt: 'switchyard.attempt',
  delayMs: 'switchyard.retry.delay_ms',
  fallbackFrom: 'switchyard.fallback.from',
  fallbackTo: 'switchyard.fallback.to',
  costUsd: 'switchyard.cost_usd',
  status: 'switchyard.generation.status',
  candidates: 'switchyard.candidates',
  /** `hit` when the response cache answered (nothing went upstream), else `miss`. */
  cache: 'switchyard.cache',
} as const;

/** Span events of the request span. */
export const SPAN_EVENTS = {
  /** A further attempt after a failed one (its number, model, back-off, and the failure's code as error.type). */
  retry: 'switchyard.retry',
  /** A further attempt that moved to another model (from, to). */
  fallback: 'switchyard.fallback',
} as const;

export type GenAIOperation = 'chat' | 'embeddings';

/**
 * `gen_ai.provider.name` of a provider kind: the conventions' well-known value where there is one
 * (`aws.bedrock`, `gcp.gemini`, `gcp.vertex_ai`, `azure.ai.openai`), else the kind itself.
 */
export function genAIProviderName(kind: ProviderKind): string {
  switch (kind) {
    case 'gemini':
      return 'gcp.gemini';
    case 'vertex-ai':
      return 'gcp.vertex_ai';
    case 'bedrock':
      return 'aws.bedrock';
    case 'azure-openai':
      return 'azure.ai.openai';
    default:
      return kind;
  }
}

/** The request's parameters as GenAI attributes (the merged ones sent upstream). */
export function requestParamAttributes(params: Partial<GenerationParams>): Attributes {
  return {
    ...(params.maxTokens !== undefined ? { [ATTR_GEN_AI_REQUEST_MAX_TOKENS]: params.maxTokens } : {}),
    ...(params.temperature !== undefined ? { [ATTR_GEN_AI_REQUEST_TEMPERATURE]: params.temperature } : {}),
    ...(params.topP !== undefined ? { [ATTR_GEN_AI_REQUEST_TOP_P]: params.topP } : {}),
    ...(params.stop?.length ? { [ATTR_GEN_AI_REQUEST_STOP_SEQUENCES]: [...params.stop] } : {}),
  };
}

/** What a request span starts with: the operation and the model or pool as the caller named it (when known). */
export function operationAttributes(operation: GenAIOperation, requested?: string, stream?: boolean): Attributes {
  return {
    [ATTR_GEN_AI_OPERATION_NAME]: operation,
    ...(requested !== undefined ? { [ATTR_GEN_AI_REQUEST_MODEL]: requested } : {}),
    ...(stream !== undefined ? { [ATTR_GEN_AI_REQUEST_STREAM]: stream } : {}),
  };
}

/** One attempt's GenAI attributes: the provider, the vendor's model name, which attempt it is. */
export function attemptAttributes(
  operation: GenAIOperation,
  model: { id: string; provider: ProviderKind; upstreamModel: string },
  attempt: number,
): Attributes {
  return {
    [ATTR_GEN_AI_OPERATION_NAME]: operation,
    [ATTR_GEN_AI_PROVIDER_NAME]: genAIProviderName(model.provider),
    [ATTR_GEN_AI_REQUEST_MODEL]: model.upstreamModel,
    [SWITCHYARD_ATTRIBUTES.modelId]: model.id,
    [SWITCHYARD_ATTRIBUTES.attempt]: attempt,
  };
}

export interface UsageFigures {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly cachedInputTokens?: number;
  readonly cacheWriteTokens?: number;
  readonly reasoningTokens?: number;
}

/** The answer's model, usage and finish reason as GenAI attributes (zero-valued cache/reasoning counts left out). */
export function responseAttributes(responseModel: string, usage: UsageFigures, finishReason?: string | null): Attributes {
  return {
    [ATTR_GEN_AI_RESPONSE_MODEL]: responseModel,
    [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: usage.inputTokens,
    [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: usage.outputTokens,
    ...(usage.cachedInputTokens ? { [ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS]: usage.cachedInputTokens } : {}),
    ...(usage.cacheWriteTokens ? { [ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS]: usage.cacheWriteTokens } : {}),
    ...(usage.reasoningTokens ? { [ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS]: usage.reasoningTokens } : {}),
    ...(finishReason ? { [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: [finishReason] } : {}),
  };
}

/** An attempt cut off by its reader: its finish reason only (the vendor reported no usage). */
export const CANCELLED_ATTEMPT: Attributes = { [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: ['cancelled'] };

export { ATTR_GEN_AI_PROVIDER_NAME, ATTR_GEN_AI_REQUEST_MODEL, ATTR_GEN_AI_REQUEST_STREAM };
