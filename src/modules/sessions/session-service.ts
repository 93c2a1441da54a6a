import type { ModelSwitchRecord, SessionRecord } from '../../core/records/session.js';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../db/orm.js';
import { InvalidInputError, ModelUnavailableError, NotFoundError } from '../../core/errors.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Metrics } from '../../observability/metrics.js';
import type { ChatMessage } from '../../providers/provider.js';
import { KeyedMutex } from '../../util/keyed-mutex.js';
import { formatIssues } from '../../validation/format-issues.js';
import { hasScope, type Viewer } from '../keys/viewer.js';
import type { ModelRegistry } from '../models/model-registry.js';
import type { PoolRegistry } from '../pools/pool-registry.js';
import { resolveTarget, type TargetRef } from '../../routing/resolve-target.js';
import type { RouteTarget, Router } from '../../routing/router.js';
import type { StoredGenerationParams } from '../../core/records/model.js';
import { createSessionSchema, switchModelSchema } from './session-input.js';
import { type SessionEntity, SessionSchema, SessionSwitchSchema } from './session.entity.js';

/** A sessions row as SQLite returns it (params as JSON text, dates as epoch milliseconds). */
interface SessionRow {
  readonly id: string;
  readonly api_key_id: string | null;
  readonly model_id: string | null;
  readonly pool_name: string | null;
  readonly params: string;
  readonly revision: number;
  readonly created_at: number;
  readonly updated_at: number;
}

const SESSION_COLUMNS = 'id, api_key_id, model_id, pool_name, params, revision, created_at, updated_at';

function rowToRecord(row: SessionRow): SessionRecord {
  return Object.freeze({
    id: row.id,
    apiKeyId: row.api_key_id,
    modelId: row.model_id,
    poolName: row.pool_name,
    params: JSON.parse(row.params) as StoredGenerationParams,
    revision: row.revision,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });
}

/** A session_messages row as SQLite returns it (dates are epoch milliseconds). */
interface MessageRow {
  readonly role: string;
  readonly content: string;
  readonly generation_id: string | null;
  readonly created_at: number;
}

export interface SessionServiceDeps {
  readonly orm: Orm;
  readonly models: ModelRegistry;
  readonly pools: PoolRegistry;
  readonly router: Router;
  readonly bus: EventBus;
  readonly metrics: Metrics;
  /** The config's default model (read per call: a reload may change it). */
  readonly defaultModel: () => string | undefined;
}

const MAX_SWITCH_TRIES = 5;

function toRecord(entity: SessionEntity): SessionRecord {
  return Object.freeze({
    id: entity.id,
    apiKeyId: entity.apiKeyId ?? null,
    modelId: entity.modelId ?? null,
    poolName: entity.poolName ?? null,
    params: { ...entity.params },
    revision: entity.revision,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  });
}

/** Whether the caller may see a session: admins (and local mode) see all, a client key its own. */
export function canSee(viewer: Viewer, session: { readonly apiKeyId?: string | null }): boolean {
  return hasScope(viewer, 'admin') || (session.apiKeyId ?? null) === viewer.keyId;
}

/**
 * Sessions and live model switching (SPEC §4). A switch changes the model for every later
 * request of the session, never one already running (a request resolves its model when it
 * starts); it bumps the revision by compare-and-swap, stores a switch event and publishes
 * `modelSwitched`. Switches of one session are applied and published one at a time, so their
 * events carry increasing revisions in the order they were applied.
 */
export class SessionService {
  readonly #switchLock = new KeyedMutex();

  constructor(private readonly deps: SessionServiceDeps) {}

  async create(em: EntityManager, input: unknown, viewer: Viewer): Promise<SessionRecord> {
    const parsed = createSessionSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
    const target = this.resolve(parsed.data.poolName ? { poolName: parsed.data.poolName } : { modelId: parsed.data.modelId ?? this.deps.defaultModel() });
    const now = new Date();
    const entity = em.create(SessionSchema, {
      id: randomUUID(),
      apiKeyId: viewer.keyId,
      ...targetColumns(target),
      params: { ...parsed.data.params },
      revision: 1,
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    return toRecord(entity);
  }

  /**
   * The session, or NOT_FOUND when it does not exist or the caller may not see it. Read as a plain
   * row: every session turn and every switch starts here.
   */
  async get(em: EntityManager, id: string, viewer: Viewer): Promise<SessionRecord> {
    const [row] = await em.getConnection().execute<SessionRow[]>(`select ${SESSION_COLUMNS} from sessions where id = ?`, [id]);
    if (!row || !canSee(viewer, { apiKeyId: row.api_key_id })) throw new NotFoundError('session', id);
    return rowToRecord(row);
  }

  async page(em: EntityManager, viewer: Viewer, first: number, after?: string | null): Promise<{ items: SessionRecord[]; hasNextPage: boolean }> {
    if (!Number.isInteger(first) || first < 1 || first > 200) throw InvalidInputError.forField('first', `expected a whole number from 1 to 200, got ${first}`);
    const where = {
      ...(hasScope(viewer, 'admin') ? {} : { apiKeyId: viewer.keyId }),
      ...(after ? { id: { $gt: after } } : {}),
    };
    const rows = await em.find(SessionSchema, where, { orderBy: { id: 'asc' }, limit: first + 1 });
    return { items: rows.slice(0, first).map(toRecord), hasNextPage: rows.length > first };
  }

  /**
   * The session's messages in order. Read as plain rows, not entities: every turn reads the whole
   * history, and hydrating it into entities was most of a turn's cost.
   */
  async history(em: EntityManager, sessionId: string): Promise<Array<ChatMessage & { createdAt: Date; generationId: string | null }>> {
    const rows: MessageRow[] = await em.getConnection().execute('select role, content, generation_id, created_at from session_messages where session_id = ? order by seq', [sessionId]);
    return rows.map((r) => ({ role: r.role as ChatMessage['role'], content: r.content, createdAt: new Date(r.created_at), generationId: r.generation_id }));
  }

  /**
   * Appends a completed turn (the new messages and the answer) to the history in one INSERT …
   * SELECT, numbered after the last message. One statement is atomic in SQLite, and SQLite runs a
   * SELECT that reads the table being inserted into to completion first, so the numbers are
   * consecutive and two turns of one session never take the same ones (the unique index on
   * (session_id, seq) would refuse them).
   */
  async appendTurn(sessionId: string, messages: readonly ChatMessage[], generationId: string): Promise<void> {
    if (messages.length === 0) return;
    const createdAt = Date.now();
    const rows = messages.map((_m, i) => `select ?, coalesce((select max(seq) from session_messages where session_id = ?), 0) + ${i + 1}, ?, ?, ?, ?`);
    const params = messages.flatMap((m) => [sessionId, sessionId, m.role, m.content, generationId, createdAt]);
    await this.deps.orm.em.getConnection().execute(`insert into session_messages (session_id, seq, role, content, generation_id, created_at) ${rows.join(' union all ')}`, params, 'run');
  }

  /** Switches the session's model (see the class comment); `receivedAt` is `performance.now()` when the request arrived. */
  async switchModel(input: unknown, viewer: Viewer, receivedAt: number): Promise<ModelSwitchRecord> {
    const parsed = switchModelSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
    const { sessionId, modelId, poolName, params } = parsed.data;
    return this.#switchLock.run(sessionId, async () => {
      for (let attempt = 1; ; attempt++) {
        const em = this.deps.orm.em.fork();
        const session = await this.get(em, sessionId, viewer);
        const target = this.resolve(poolName ? { poolName } : { modelId });
        const switchedAt = new Date();
        const revision = session.revision + 1;
        const changes = { ...targetColumns(target), revision, updatedAt: switchedAt, ...(params ? { params: { ...params } } : {}) };
        // The compare-and-swap: applied only if nobody bumped the revision since the read.
        const { affectedRows } = await em
          .getConnection()
          .execute<{ affectedRows: number }>(
            `update sessions set model_id = ?, pool_name = ?, revision = ?, updated_at = ?${params ? ', params = ?' : ''} where id = ? and revision = ?`,
            [changes.modelId, changes.poolName, revision, switchedAt.getTime(), ...(params ? [JSON.stringify(params)] : []), sessionId, session.revision],
            'run',
          );
        if (affectedRows !== 1) {
          if (attempt < MAX_SWITCH_TRIES) continue; // another instance switched it first: read it again
          throw new ModelUnavailableError(`session "${sessionId}" kept changing; the switch was not applied`);
        }
        const updated: SessionRecord = { ...session, ...changes, params: params ? { ...params } : session.params };
        const event = { session: updated, previousModelId: session.modelId, previousPoolName: session.poolName, modelId: updated.modelId, poolName: updated.poolName, revision, switchedAt };
        this.deps.bus.publish('modelSwitched', { ...event, latencyMs: performance.now() - receivedAt });
        const latencyMs = performance.now() - receivedAt; // received → published
        this.deps.metrics.switchDuration.observe(latencyMs / 1000);
        em.create(SessionSwitchSchema, { id: randomUUID(), sessionId, revision, fromModelId: session.poolName ?? session.modelId ?? '', toModelId: updated.poolName ?? updated.modelId ?? '', latencyMs, switchedAt });
        await em.flush();
        return { ...event, latencyMs };
      }
    });
  }

  /** The session's or request's target (see resolveTarget); a missing model id falls to an input error. */
  resolve(ref: TargetRef): RouteTarget {
    if (!ref.modelId && !ref.poolName) throw InvalidInputError.forField('input.modelId', 'is required: no model given and the config names no defaultModel');
    return resolveTarget(this.deps, ref);
  }
}

function targetColumns(target: RouteTarget): { modelId: string | null; poolName: string | null } {
  return target.kind === 'model' ? { modelId: target.model.id, poolName: null } : { modelId: null, poolName: target.pool.name };
}
