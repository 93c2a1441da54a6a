import type { FinishReason } from '../../providers/provider.js';
import type { GenerationEntity, GenerationStatus, StoredAttempt } from './generation.entity.js';

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
  readonly usageEstimated: boolean;
  readonly costMicroUsd: number;
  readonly latencyMs: number;
  readonly timeToFirstTokenMs: number | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly attempts: readonly StoredAttempt[];
  readonly createdAt: Date;
  readonly completedAt: Date;
}

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
    usageEstimated: entity.usageEstimated,
    costMicroUsd: entity.costMicroUsd,
    latencyMs: entity.latencyMs,
    timeToFirstTokenMs: entity.timeToFirstTokenMs ?? null,
    errorCode: entity.errorCode ?? null,
    errorMessage: entity.errorMessage ?? null,
    attempts: entity.attempts.map((a) => ({ ...a })),
    createdAt: entity.createdAt,
    completedAt: entity.completedAt,
  });
}
