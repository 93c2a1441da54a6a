import type { GenerationEntity } from './generation.entity.js';
import type { FinishReason, GenerationRecord, GenerationStatus } from '../../core/records/generation.js';

export function toGenerationRecord(entity: GenerationEntity): GenerationRecord {
  return Object.freeze({
    id: entity.id,
    modelId: entity.modelId,
    provider: entity.provider,
    upstreamModel: entity.upstreamModel,
    apiKeyId: entity.apiKeyId ?? null,
    sessionId: entity.sessionId ?? null,
    requestId: entity.requestId ?? null,
    poolName: entity.poolName ?? null,
    droppedMessages: entity.droppedMessages,
    status: entity.status as GenerationStatus,
    stream: entity.stream,
    finishReason: (entity.finishReason ?? null) as FinishReason | null,
    text: entity.text,
    maxTokens: entity.maxTokens,
    inputTokens: entity.inputTokens,
    outputTokens: entity.outputTokens,
    cachedInputTokens: entity.cachedInputTokens,
    cacheWriteTokens: entity.cacheWriteTokens,
    reasoningTokens: entity.reasoningTokens,
    toolCalls: entity.toolCalls ? entity.toolCalls.map((c) => ({ ...c })) : [],
    usageEstimated: entity.usageEstimated,
    costMicroUsd: entity.costMicroUsd ?? null,
    latencyMs: entity.latencyMs,
    timeToFirstTokenMs: entity.timeToFirstTokenMs ?? null,
    errorCode: entity.errorCode ?? null,
    errorMessage: entity.errorMessage ?? null,
    attempts: entity.attempts.map((a) => ({ ...a })),
    createdAt: entity.createdAt,
    completedAt: entity.completedAt,
  });
}
