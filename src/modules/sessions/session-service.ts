import { randomUUID } from 'node:crypto';
import { InvalidInputError, ModelUnavailableError, NotFoundError } from '../../core/errors.js';
import type { Clock } from '../../core/ports/clock.js';
import type { EventBus } from '../../core/ports/event-bus.js';
import type { ModelSwitchRecord, SessionRecord } from '../../core/records/session.js';
import type { Metrics } from '../../observability/metrics.js';
import type { ChatMessage } from '../../providers/provider.js';
import type { RouteTarget, TargetFields, TargetResolver } from '../../routing/resolve-target.js';
import { KeyedMutex } from '../../util/keyed-mutex.js';
import { formatIssues } from '../../validation/format-issues.js';
import { hasScope, type Viewer } from '../keys/viewer.js';
import { createSessionSchema, switchModelSchema } from './session-input.js';
import { type FittedHistory, fitHistory, HistoryFitter } from './session-history.js';
import type { HistoryBounds, HistoryMessage, SequencedMessage, SessionRepository } from './session-repository.js';

/** The input fields of createSession and switchModel that name a target. */
export const SESSION_TARGET_FIELDS: TargetFields = { model: 'input.modelId', pool: 'input.poolName' };

export interface SessionServiceDeps {
  readonly repository: SessionRepository;
  /** Resolves a session's target (the same rules and errors as a request's). */
  readonly targets: Pick<TargetResolver, 'resolve'>;
  readonly bus: Pick<EventBus, 'publish'>;
  readonly metrics: Pick<Metrics, 'switchDuration'>;
  readonly clock: Pick<Clock, 'now'>;
  /** The config's default model (read per call: a reload may change it). */
  readonly defaultModel: () => string | undefined;
  /** The config's bounds on a session's stored history (read per call). */
  readonly historyBounds: () => HistoryBounds;
}

const MAX_SWITCH_TRIES = 5;

/**
 * How many messages each successive page of a history read takes (the last size repeats), and
 * the most bytes of content one page loads past its first message: a turn loads at most
 * about a page more than its window takes, however long the session and its messages.
 */
export const HISTORY_PAGES = [4, 8, 16, 32, 64] as const;
export const HISTORY_PAGE_BYTES = 256 * 1024;

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

  async create(input: unknown, viewer: Viewer): Promise<SessionRecord> {
    const parsed = createSessionSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
    const { poolName, modelId, params } = parsed.data;
    const target = this.deps.targets.resolve(
      poolName ? { poolName } : { modelId: modelId ?? this.deps.defaultModel() },
      SESSION_TARGET_FIELDS,
      viewer.models,
      hasScope(viewer, 'admin'),
    );
    const now = new Date(this.deps.clock.now());
    const session: SessionRecord = Object.freeze({
      id: randomUUID(),
      apiKeyId: viewer.keyId,
      ...targetColumns(target),
      params: { ...params },
      revision: 1,
      createdAt: now,
      updatedAt: now,
    });
    await this.deps.repository.insert(session);
    return session;
  }

  /** The session, or NOT_FOUND when it does not exist or the caller may not see it. */
  async get(id: string, viewer: Viewer): Promise<SessionRecord> {
    const session = await this.deps.repository.find(id);
    if (!session || !canSee(viewer, session)) throw new NotFoundError('session', id);
    return session;
  }

  async page(viewer: Viewer, first: number, after?: string | null): Promise<{ items: SessionRecord[]; hasNextPage: boolean }> {
    if (!Number.isInteger(first) || first < 1 || first > 200)
      throw InvalidInputError.forField('first', `expected a whole number from 1 to 200, got ${first}`);
    const rows = await this.deps.repository.page(hasScope(viewer, 'admin') ? undefined : viewer.keyId, first + 1, after);
    return { items: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /** The session's stored messages in order (the caller was already allowed to see the session). */
  history(sessionId: string): Promise<HistoryMessage[]> {
    return this.deps.repository.history(sessionId);
  }

  /** How many of the session's oldest messages its history bounds dropped. */
  droppedCount(sessionId: string): Promise<number> {
    return this.deps.repository.droppedCount(sessionId);
  }

  /**
   * What a turn sends: the history fitted to the model's context window with `maxTokens` of answer
   * (see fitHistory), then `fresh`. With a window, the history is read newest first in pages
   * (HISTORY_PAGES) until the window is full, so a turn's cost follows the window, not the
   * session's length; without one, the whole stored history is sent (bounded by HistoryBounds).
   */
  async fittedHistory(
    sessionId: string,
    fresh: readonly ChatMessage[],
    contextWindow: number | null,
    maxTokens: number,
    overhead = 0,
  ): Promise<FittedHistory> {
    const { repository } = this.deps;
    if (contextWindow === null)
      return fitHistory(
        (await repository.history(sessionId)).map((m) => m.message),
        fresh,
        null,
        maxTokens,
        overhead,
      );
    const system = (await repository.systemMessages(sessionId)).map(({ message, seq }) => ({ message, seq }));
    const fitter = new HistoryFitter(system, fresh, contextWindow, maxTokens, overhead);
    let before: number | null = null;
    for (let page = 0; !fitter.full; page++) {
      const size = HISTORY_PAGES[Math.min(page, HISTORY_PAGES.length - 1)] as number;
      const { messages, more } = await repository.conversationBefore(sessionId, before, size, HISTORY_PAGE_BYTES);
      for (const { message, seq } of messages) if (!fitter.take({ message, seq })) break;
      if (!more) break; // the start of the history
      before = (messages.at(-1) as SequencedMessage).seq;
    }
    const dropped = fitter.full ? await repository.countConversationBefore(sessionId, fitter.oldestKept?.seq ?? null) : 0;
    return fitter.result(dropped);
  }

  /**
   * Appends a completed turn (the new messages and the answer) after the history's last message,
   * then drops the session's oldest whole turns past its bounds (config `sessions`; the
   * generations' records stay).
   */
  async appendTurn(sessionId: string, messages: readonly ChatMessage[], generationId: string): Promise<void> {
    await this.deps.repository.appendMessages(sessionId, messages, generationId, new Date(this.deps.clock.now()));
    await this.deps.repository.trimHistory(sessionId, this.deps.historyBounds());
  }

  /** Switches the session's model (see the class comment); `receivedAt` is `performance.now()` when the request arrived. */
  async switchModel(input: unknown, viewer: Viewer, receivedAt: number): Promise<ModelSwitchRecord> {
    const parsed = switchModelSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
    const { sessionId, modelId, poolName, params } = parsed.data;
    return this.#switchLock.run(sessionId, async () => {
      for (let attempt = 1; ; attempt++) {
        const session = await this.get(sessionId, viewer);
        const target = this.deps.targets.resolve(
          poolName ? { poolName } : { modelId },
          SESSION_TARGET_FIELDS,
          viewer.models,
          hasScope(viewer, 'admin'),
        );
        const switchedAt = new Date(this.deps.clock.now());
        const revision = session.revision + 1;
        const change = { ...targetColumns(target), revision, updatedAt: switchedAt, ...(params ? { params: { ...params } } : {}) };
        // The compare-and-swap: applied only if nobody bumped the revision since the read.
        if (!(await this.deps.repository.swapTarget(sessionId, session.revision, change))) {
          if (attempt < MAX_SWITCH_TRIES) continue; // another instance switched it first: read it again
          throw new ModelUnavailableError(`session "${sessionId}" kept changing; the switch was not applied`);
        }
        const updated: SessionRecord = Object.freeze({ ...session, ...change, params: params ? { ...params } : session.params });
        const event = {
          session: updated,
          previousModelId: session.modelId,
          previousPoolName: session.poolName,
          modelId: updated.modelId,
          poolName: updated.poolName,
          revision,
          switchedAt,
        };
        this.deps.bus.publish('modelSwitched', { ...event, latencyMs: performance.now() - receivedAt });
        const latencyMs = performance.now() - receivedAt; // received → published
        this.deps.metrics.switchDuration.observe(latencyMs / 1000);
        await this.deps.repository.logSwitch({
          id: randomUUID(),
          sessionId,
          revision,
          fromTarget: session.poolName ?? session.modelId ?? '',
          toTarget: updated.poolName ?? updated.modelId ?? '',
          latencyMs,
          switchedAt,
        });
        return { ...event, latencyMs };
      }
    });
  }
}

function targetColumns(target: RouteTarget): { modelId: string | null; poolName: string | null } {
  return target.kind === 'model' ? { modelId: target.model.id, poolName: null } : { modelId: null, poolName: target.pool.name };
}
