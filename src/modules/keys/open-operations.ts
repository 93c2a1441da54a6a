import type { EventBus } from '../../core/ports/event-bus.js';
import { ForbiddenError } from '../../core/errors.js';

/** Why an operation of a revoked key ended: the abort reason its signal carries. */
export const KEY_REVOKED_MESSAGE = 'the API key was revoked';

/**
 * The operations running with each API key, on every transport (HTTP, SSE, WebSocket), so that
 * revoking a key ends them all at once: each operation registers an AbortController for as long
 * as it runs; `apiKeyRevoked` on the bus aborts every one of that key with a FORBIDDEN reason.
 * Revoked ids are remembered, so an operation that registers just after the revocation (its key
 * was checked just before) is aborted too.
 */
export class OpenOperations {
  readonly #byKey = new Map<string, Set<AbortController>>();
  readonly #revoked = new Set<string>();
  readonly #revocations: AsyncIterator<{ apiKeyId: string }>;

  constructor(bus: EventBus) {
    const revocations = bus.subscribe('apiKeyRevoked')[Symbol.asyncIterator]();
    this.#revocations = revocations;
    void (async () => {
      for (;;) {
        const next = await revocations.next();
        if (next.done) return;
        this.revoke(next.value.apiKeyId);
      }
    })();
  }

  /** Registers an operation of `keyId`; call the answer when it ends. */
  track(keyId: string, controller: AbortController): () => void {
    if (this.#revoked.has(keyId)) {
      controller.abort(new ForbiddenError(KEY_REVOKED_MESSAGE));
      return () => undefined;
    }
    let set = this.#byKey.get(keyId);
    if (!set) {
      set = new Set();
      this.#byKey.set(keyId, set);
    }
    set.add(controller);
    return () => {
      set.delete(controller);
      if (set.size === 0 && this.#byKey.get(keyId) === set) this.#byKey.delete(keyId);
    };
  }

  /** How many operations are registered (all keys). */
  get size(): number {
    let n = 0;
    for (const set of this.#byKey.values()) n += set.size;
    return n;
  }

  /** Aborts every open operation of the key, and every later one. */
  revoke(keyId: string): void {
    this.#revoked.add(keyId);
    const set = this.#byKey.get(keyId);
    this.#byKey.delete(keyId);
    for (const controller of set ?? []) controller.abort(new ForbiddenError(KEY_REVOKED_MESSAGE));
  }

  /** Stops listening to the bus. */
  close(): void {
    void this.#revocations.return?.();
  }
}
