/**
 * Merges `next` into `last` (both queued, neither read yet) when they may travel as one item;
 * answers undefined when they may not.
 */
export type Merge<T> = (last: T, next: T) => T | undefined;

/**
 * A queue between one producer and one reader that never blocks the producer and merges what the
 * reader has not taken yet: items pushed while the reader is busy, or within one turn of the event
 * loop, are combined by `merge` where it allows (a stream's text chunks), so a slow reader pays for
 * one item where a fast producer made many. Order is kept. A waiting reader is answered at the end
 * of the turn that pushed (`setImmediate`), so the items one upstream read produced leave together.
 *
 * Memory: at most one item per run of unmergeable items, each as large as what was merged into it.
 */
export class MergingQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  private failure: { error: unknown } | undefined;
  private ended = false;
  private flushScheduled = false;

  /**
   * @param merge combines two adjacent unread items, or says they stay apart
   * @param onClose called once when the reader stops early (return or throw) before the end
   */
  constructor(
    private readonly merge: Merge<T>,
    private readonly onClose: () => Promise<void> | void = () => undefined,
  ) {}

  /** Adds an item (ignored after the end). */
  push(item: T): void {
    if (this.ended) return;
    const last = this.items.length > 0 ? this.items[this.items.length - 1] : undefined;
    const merged = last === undefined ? undefined : this.merge(last, item);
    if (merged === undefined) this.items.push(item);
    else this.items[this.items.length - 1] = merged;
    this.scheduleFlush();
  }

  /** No more items: the reader gets what is queued, then done. */
  end(): void {
    this.ended = true;
    this.scheduleFlush();
  }

  /** Ends with an error: the reader gets what is queued, then the error. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.failure = { error };
    this.end();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ done: false, value: this.items.shift() as T });
    if (this.ended) return this.finish();
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  /** True once the queue ended, failed or was closed by its reader: nothing more will be taken. */
  get isEnded(): boolean {
    return this.ended;
  }

  async return(): Promise<IteratorResult<T>> {
    await this.stop();
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    await this.stop();
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The reader stops: what is queued is dropped, a pending read answered done, onClose called if it had not ended. */
  private async stop(): Promise<void> {
    const wasEnded = this.ended;
    this.close();
    if (!wasEnded) await this.onClose();
  }

  private close(): void {
    this.ended = true;
    this.items.length = 0;
    this.failure = undefined;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve({ done: true, value: undefined });
  }

  private finish(): Promise<IteratorResult<T>> {
    const failure = this.failure;
    this.failure = undefined;
    return failure ? Promise.reject(failure.error) : Promise.resolve({ done: true, value: undefined });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.waiting === undefined) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const waiting = this.waiting;
      if (waiting === undefined || (this.items.length === 0 && !this.ended)) return;
      this.waiting = undefined;
      this.next().then(waiting.resolve, waiting.reject);
    });
  }
}
