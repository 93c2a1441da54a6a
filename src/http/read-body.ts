import type { IncomingMessage, ServerResponse } from 'node:http';
import { REFUSED_BODY_DRAIN } from './limits.js';

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

/**
 * Closes the connection after the answer to a request whose body was refused part-read, without
 * a reset. Closing a socket that still has unread data, or that data keeps arriving on, makes the
 * kernel send an RST, and a client still sending its body then loses the answer it has not read
 * yet (ECONNRESET instead of the 413). So the answer goes out whole (`connection: close`, its
 * Content-Length) but the response is ended only once the rest of the body has been read and
 * dropped; past `limits` (a declared length beyond them, too many bytes, too long) the socket is
 * destroyed after the answer instead, as before.
 */
export function closeAfterAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  limits: { readonly ms: number; readonly bytes: number } = REFUSED_BODY_DRAIN,
): void {
  res.setHeader('connection', 'close');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (req.complete || declared > limits.bytes) {
    res.once('finish', () => req.destroy());
    return;
  }
  const end = res.end.bind(res) as () => ServerResponse;
  // The one response this is called for ends after the drain: what its writer ends it with is written now.
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    if (typeof chunk === 'string' || Buffer.isBuffer(chunk))
      res.write(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
    void discardRest(req, limits).then((ended) => {
      end();
      if (!ended) req.destroy();
    });
    return res;
  }) as ServerResponse['end'];
}

/** Reads and drops the rest of a body: true once it ended, false past `limits` or when the client went away. */
function discardRest(req: IncomingMessage, limits: { readonly ms: number; readonly bytes: number }): Promise<boolean> {
  if (req.complete) return Promise.resolve(true);
  if (req.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    let left = limits.bytes;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      left -= chunk.length;
      if (left < 0) finish(false);
    };
    const onEnd = () => finish(true);
    const onGone = () => finish(req.complete);
    const timer = setTimeout(() => finish(false), limits.ms);
    req.on('data', onData).once('end', onEnd).once('error', onGone).once('close', onGone);
    req.resume();
  });
}
