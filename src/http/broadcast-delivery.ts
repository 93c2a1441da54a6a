import type { ExecutionResult } from 'graphql';
import type { WebSocket } from 'ws';

/** A result's JSON, made once however many subscribers receive it. */
const serialized = new WeakMap<object, string>();

function toJson(result: ExecutionResult): string {
  let json = serialized.get(result);
  if (json === undefined) {
    json = JSON.stringify(result); // GraphQLError serialises through its toJSON, as graphql-ws does
    serialized.set(result, json);
  }
  return json;
}

/**
 * Delivers one subscriber's share of a broadcast execution by writing its graphql-transport-ws
 * `next` messages straight to the socket: the result is serialised once for every subscriber
 * (only the subscription id differs), instead of once per subscriber through graphql-ws's send
 * path. graphql-ws still owns the subscription: it waits on the iterator answered here, which
 * yields nothing and ends when the shared source ends (graphql-ws then sends `complete`) or
 * fails (graphql-ws sends `error`); graphql-ws closes it when the client completes or goes away.
 * `beforeSend` runs before each message (the write coalescer's hold).
 */
export function deliverDirectly(
  results: AsyncIterableIterator<ExecutionResult>,
  socket: WebSocket,
  subscriptionId: string,
  beforeSend: () => void,
): AsyncIterableIterator<never> {
  const head = `{"id":${JSON.stringify(subscriptionId)},"type":"next","payload":`;
  let closed = false;
  const delivering = (async () => {
    for (;;) {
      const next = await results.next();
      if (next.done || closed) return;
      if (socket.readyState !== socket.OPEN) continue;
      beforeSend();
      socket.send(`${head}${toJson(next.value)}}`);
    }
  })();
  delivering.catch(() => undefined); // a failure reaches graphql-ws through next(); never unhandled
  const done = { done: true, value: undefined } as IteratorReturnResult<undefined> as IteratorResult<never>;
  return {
    next: () => delivering.then(() => done),
    async return() {
      closed = true;
      await results.return?.();
      return done;
    },
    async throw(error?: unknown) {
      closed = true;
      await results.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
