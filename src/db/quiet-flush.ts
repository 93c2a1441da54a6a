import { AsyncLocalStorage } from 'node:async_hooks';

/** What a flush is called on (a MikroORM EntityManager). */
interface Flushable {
  flush(): Promise<void>;
}

let flushing = 0;
const entered = new Set<AsyncLocalStorage<unknown>>();

/**
 * Flushes `em`, then turns off the AsyncLocalStorage instances the flush entered once no flush is
 * running. Why: MikroORM's unit of work runs each commit inside an AsyncLocalStorage, and on Node 20
 * one enabled AsyncLocalStorage keeps promise hooks on for the whole process for good — every
 * promise of every request then pays for async-context bookkeeping (about 5% of a stream's CPU,
 * measured with the hooks on and off in one process). Nothing in the gateway reads those storages
 * outside a flush; a later flush turns them on again for its own duration.
 *
 * The storages are found by watching `AsyncLocalStorage.prototype.run` for the synchronous part
 * of `flush()` (MikroORM 6.6 enters its storage there); test/db/quiet-flush.test.ts checks that
 * they are found and left disabled. Every flush of the gateway's repositories goes through here. A
 * commit MikroORM starts by itself (an auto-flush before a query on an EntityManager with pending
 * changes) is not counted: one still running when the count reaches 0 loses the storage's value
 * (MikroORM reads it only to refuse a flush from inside a flush hook, and the gateway has none).
 */
export async function flushQuietly(em: Flushable): Promise<void> {
  const run = AsyncLocalStorage.prototype.run;
  let pending: Promise<void>;
  flushing++;
  AsyncLocalStorage.prototype.run = function watched<R>(
    this: AsyncLocalStorage<unknown>,
    store: unknown,
    callback: (...args: unknown[]) => R,
    ...args: unknown[]
  ): R {
    entered.add(this);
    return run.call(this, store, callback, ...args) as R;
  } as typeof run;
  try {
    pending = em.flush();
  } catch (error) {
    flushing--;
    throw error;
  } finally {
    AsyncLocalStorage.prototype.run = run;
  }
  try {
    await pending;
  } finally {
    flushing--;
    if (flushing === 0) for (const storage of entered) storage.disable();
  }
}

/** For tests: the storages flushes entered, and how many of them are enabled now (Node's `enabled` field). */
export function quietFlushState(): { storages: number; enabled: number } {
  const storages = [...entered];
  return { storages: storages.length, enabled: storages.filter((s) => (s as unknown as { enabled?: boolean }).enabled === true).length };
}
