import type { ServerResponse } from 'node:http';
import type { OpenOperations } from '../modules/keys/open-operations.js';
import type { Viewer } from '../modules/keys/viewer.js';

/**
 * Runs one HTTP request's work under a signal that aborts when the client goes away before the
 * answer is finished, or when the caller's key is revoked (`openOperations` aborts it with a
 * FORBIDDEN reason): what every generation door (/v1 chat completions, responses, embeddings,
 * /v1/messages) runs its admission and generation under. The listeners are removed when it ends.
 */
export async function withRequestLifetime<T>(
  res: ServerResponse,
  viewer: Viewer,
  openOperations: Pick<OpenOperations, 'track'>,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) controller.abort();
  };
  res.once('close', onClose);
  const untrack = viewer.keyId === null ? undefined : openOperations.track(viewer.keyId, controller);
  try {
    return await run(controller.signal);
  } finally {
    untrack?.();
    res.off('close', onClose);
  }
}
