import type { Socket } from 'node:net';

/**
 * Coalesces a turn's writes to a socket into one system call: `hold(socket)` corks it until the
 * event loop's next check phase, after every promise of the current turn has run. An event fanned
 * out to twenty subscriptions of one WebSocket connection, or a burst of tokens read from one
 * upstream chunk, then leaves as one `writev` instead of twenty `write`s; nothing waits longer than
 * the turn that wrote it.
 */
export class WriteCoalescer {
  readonly #held = new Set<Socket>();
  #scheduled = false;

  hold(socket: Socket): void {
    if (this.#held.has(socket) || socket.destroyed) return;
    socket.cork();
    this.#held.add(socket);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#release);
    }
  }

  readonly #release = (): void => {
    this.#scheduled = false;
    for (const socket of this.#held) socket.uncork();
    this.#held.clear();
  };
}
