import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { Clock } from '../../core/ports/clock.js';
import type { RequestLogSettings } from '../../core/records/request-log.js';
import type { Logger } from '../../observability/logger.js';
import type { RetentionCandidate, RollupRepository } from './rollup-repository.js';

/** Generations deleted per transaction: short enough that a request's own write never waits long behind one. */
export const RETENTION_BATCH = 500;

/** The most batches one run deletes (then the next run goes on): a run's time stays bounded. */
export const MAX_BATCHES_PER_RUN = 200;

/**
 * Generations completed this recently are never deleted for space: a shared budget store tells
 * the generations its sums include by the ids of the last 10 minutes (RECENT_WINDOW_MS).
 */
export const KEEP_RECENT_MS = 15 * 60_000;

/** How often the job runs by default, and how soon after the start its first run comes. */
export const RETENTION_INTERVAL_MS = 10 * 60_000;
const FIRST_RUN_DELAY_MS = 60_000;

const DAY_MS = 86_400_000;

/** What one run did. */
export interface RetentionRun {
  /** Deleted for being older than retentionDays. */
  readonly expired: number;
  /** Deleted, oldest first, to bring the logged bytes under maxBytes. */
  readonly evicted: number;
  /** The logged bytes after the run. */
  readonly bytes: number;
}

export interface RetentionJobDeps {
  readonly rollups: Pick<RollupRepository, 'olderThan' | 'oldest' | 'loggedBytes' | 'foldAndDelete'>;
  readonly settings: () => RequestLogSettings;
  readonly clock: Pick<Clock, 'now'>;
  readonly logger: Logger;
}

/**
 * The request log's retention (SPEC §17): in the background, deletes the generations older than
 * `requestLog.retentionDays`, then the oldest ones while the logged bytes exceed `maxBytes` —
 * each batch folded into the daily rollup in the transaction that deletes it, so `costs` and
 * budget spend still count what is gone. Bounded batches with a turn of the event loop between
 * them, one run at a time, an unref'd timer: it never holds requests up or the process open.
 */
export class RetentionJob {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<RetentionRun> | undefined;
  #stopped = false;

  constructor(private readonly deps: RetentionJobDeps) {}

  /** Runs every `intervalMs` (the first run a minute after the start, or sooner for a shorter interval). */
  start(intervalMs = RETENTION_INTERVAL_MS): void {
    this.#stopped = false;
    const schedule = (delayMs: number) => {
      this.#timer = setTimeout(() => {
        void this.runOnce()
          .catch((error: unknown) => this.deps.logger.error({ err: error }, 'the request log retention run failed; it runs again later'))
          .finally(() => {
            if (!this.#stopped) schedule(intervalMs);
          });
      }, delayMs);
      this.#timer.unref();
    };
    schedule(Math.min(FIRST_RUN_DELAY_MS, intervalMs));
  }

  /** Stops the timer and waits for a running run to finish its batch (graceful stop). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  /** One run now (or the one already running). */
  runOnce(): Promise<RetentionRun> {
    this.#running ??= this.#run().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #run(): Promise<RetentionRun> {
    const { rollups, clock } = this.deps;
    const settings = this.deps.settings();
    const now = clock.now();
    let batches = 0;
    const more = () => !this.#stopped && batches < MAX_BATCHES_PER_RUN;

    let expired = 0;
    const cutoff = new Date(now - settings.retentionDays * DAY_MS);
    while (more()) {
      const candidates = await rollups.olderThan(cutoff, RETENTION_BATCH);
      if (candidates.length === 0) break;
      expired += (await rollups.foldAndDelete(candidates.map((c) => c.id))).deleted;
      batches++;
      await yieldToRequests();
    }

    let evicted = 0;
    let bytes = await rollups.loggedBytes();
    const recent = new Date(now - KEEP_RECENT_MS);
    while (bytes > settings.maxBytes && more()) {
      const batch = enough(await rollups.oldest(recent, RETENTION_BATCH), bytes - settings.maxBytes);
      if (batch.length === 0) break;
      const done = await rollups.foldAndDelete(batch.map((c) => c.id));
      evicted += done.deleted;
      bytes -= done.bytes;
      batches++;
      await yieldToRequests();
    }
    if (expired + evicted > 0)
      this.deps.logger.info({ expired, evicted, bytes }, 'request log retention: old records folded into the daily rollup and deleted');
    return { expired, evicted, bytes };
  }
}

/** The shortest prefix of the candidates (oldest first) whose bytes reach `excess`. */
function enough(candidates: readonly RetentionCandidate[], excess: number): RetentionCandidate[] {
  const taken: RetentionCandidate[] = [];
  let freed = 0;
  for (const candidate of candidates) {
    if (freed >= excess) break;
    taken.push(candidate);
    freed += candidate.logBytes;
  }
  return taken;
}
