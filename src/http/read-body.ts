import type { IncomingMessage } from 'node:http';

export type BodyRead = Buffer | 'too-large' | 'too-slow' | 'aborted';

/**
 * The whole request body, read within `limit` bytes and `timeoutMs`: 'too-large' past the limit,
 * 'too-slow' when it has not ended in time (a chunked body that never ends would otherwise hold
 * its socket for Node's 300 s), 'aborted' when the client went away.
 */
export function readWithin(req: IncomingMessage, limit: number, timeoutMs: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
      if (!Buffer.isBuffer(result)) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish('too-large');
      else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onAbort = () => finish('aborted');
    const onClose = () => {
      if (!req.complete) finish('aborted');
    };
    const timer = setTimeout(() => finish('too-slow'), timeoutMs);
    req.on('data', onData).once('end', onEnd).once('error', onAbort).once('close', onClose);
  });
}
