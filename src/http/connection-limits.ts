import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Counts what is open per name (a client address, an API key) against a cap. `acquire` answers a
 * release function (idempotent) or null when the name is at its cap; a name whose count falls to
 * zero is forgotten, so the map holds only what is open.
 */
export class OpenCounter {
  readonly #open = new Map<string, number>();
  #total = 0;

  constructor(readonly cap: number) {}

  acquire(name: string): (() => void) | null {
    const count = this.#open.get(name) ?? 0;
    if (count >= this.cap) return null;
    this.#open.set(name, count + 1);
    this.#total++;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.#total--;
      const left = (this.#open.get(name) ?? 1) - 1;
      if (left <= 0) this.#open.delete(name);
      else this.#open.set(name, left);
    };
  }

  count(name: string): number {
    return this.#open.get(name) ?? 0;
  }

  /** How many names have something open. */
  get size(): number {
    return this.#open.size;
  }

  /** Everything open, over all names. */
  get total(): number {
    return this.#total;
  }
}

/**
 * Takes one of `name`'s slots for the life of `res` (given back when it closes): false at the cap.
 * A client that went away before the slot was taken (its 'close' has fired) gives it back at once.
 */
export function holdForResponse(counter: Pick<OpenCounter, 'acquire'>, name: string, req: IncomingMessage, res: ServerResponse): boolean {
  const release = counter.acquire(name);
  if (!release) return false;
  res.once('close', release);
  if (res.closed || res.destroyed || req.socket.destroyed) release();
  return true;
}

/** How long a connection over its address's cap may stay open without sending the request to refuse. */
const OVER_CAP_IDLE_MS = 5_000;

/**
 * The per-address cap (limits.maxConnectionsPerAddress): counts the server's open TCP connections
 * by remote address, before anything is read or authenticated. A connection past the cap is
 * marked; its first request (or WebSocket handshake) is refused with 429 and the connection
 * closed, and it is dropped after OVER_CAP_IDLE_MS if it sends nothing.
 */
export class AddressLimits {
  readonly #counter: OpenCounter;
  readonly #overCap = new WeakSet<Socket>();

  constructor(cap: number) {
    this.#counter = new OpenCounter(cap);
  }

  get cap(): number {
    return this.#counter.cap;
  }

  /** Counts the connections of `server` from now on. */
  watch(server: Server): void {
    server.on('connection', (socket: Socket) => {
      const release = this.#counter.acquire(socket.remoteAddress ?? 'unknown');
      if (release) {
        socket.once('close', release);
        return;
      }
      this.#overCap.add(socket);
      const idle = setTimeout(() => socket.destroy(), OVER_CAP_IDLE_MS);
      idle.unref();
      socket.once('close', () => clearTimeout(idle));
    });
  }

  /** Whether `socket` came past its address's cap (its requests are refused). */
  isOverCap(socket: Socket): boolean {
    return this.#overCap.has(socket);
  }

  /** Open connections counted (those past the cap are not). */
  get total(): number {
    return this.#counter.total;
  }
}

export const perAddressMessage = (cap: number) =>
  `too many connections from this address: at most ${cap} may be open at once (limits.maxConnectionsPerAddress); close some and retry`;

export const perKeyMessage = (cap: number) =>
  `too many connections for this API key: at most ${cap} WebSocket connections and running streams may be open at once (limits.maxConnectionsPerKey); close some and retry`;
