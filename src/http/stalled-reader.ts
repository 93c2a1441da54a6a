import type { ServerResponse } from 'node:http';

/** How long a reader may leave the socket's buffer full before its stream is cut (/v1 streams, GraphQL over SSE). */
export const STALLED_READER_MS = 60_000;

/**
 * Resolves once `res` takes writes again (its buffer drained) or has closed. A reader that takes
 * nothing for `stalledMs` loses the connection: `res` is destroyed, and whatever streams to it
 * ends through its `close` (a generation is stored CANCELLED). Without this a client that stops
 * reading holds its generation, its subscription and what was written for it until Node's
 * socket timeout, which streaming responses do not have.
 */
export function readerTakes(res: ServerResponse, stalledMs = STALLED_READER_MS): Promise<void> {
  if (res.destroyed || !res.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => res.destroy(), stalledMs);
    const done = () => {
      clearTimeout(timer);
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.once('drain', done).once('close', done);
  });
}
