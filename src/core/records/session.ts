import type { StoredGenerationParams } from './model.js';

/** A session as the rest of the gateway sees it. */
export interface SessionRecord {
  readonly id: string;
  readonly apiKeyId: string | null;
  /** The session's target: a model or a pool (exactly one is set). */
  readonly modelId: string | null;
  readonly poolName: string | null;
  readonly params: Readonly<StoredGenerationParams>;
  readonly revision: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One applied switch: what the mutation answers and what `modelSwitched` delivers. */
export interface ModelSwitchRecord {
  readonly session: SessionRecord;
  readonly previousModelId: string | null;
  readonly previousPoolName: string | null;
  readonly modelId: string | null;
  readonly poolName: string | null;
  readonly revision: number;
  readonly switchedAt: Date;
  /** From the mutation being received to the event being published. */
  readonly latencyMs: number;
}
