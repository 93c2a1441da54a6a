import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers to one request. */
export type Scripted =
  | { type: 'json'; status?: number; headers?: Record<string, string>; body: unknown; delayMs?: number }
  /** Pre-framed SSE text, written in odd-sized chunks (1, 7, 13, 2, 31, 5 … bytes) with a pause between them. */
  /** An SSE body, written in small odd-sized pieces (`delayMs` apart), or in one write with `oneWrite`. */
  | { type: 'sse'; body: string; delayMs?: number; oneWrite?: boolean; headers?: Record<string, string> }
  /** SSE text of which only the first `bytes` are sent before the socket is destroyed. */
  | { type: 'cut'; body: string; bytes: number }
  /** Accepts the request and never answers. */
  | { type: 'hang' };

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  /** The query string, without its `?` ('' when none). */
  readonly query: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
  /** Resolves when the client closed the connection before the response was complete. */
  readonly closedEarly: Promise<void>;
}

export interface FakeUpstream {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly calls: RecordedCall[];
  /** TCP connections accepted so far (keep-alive reuse shows as fewer connections than calls). */
  readonly connections: number;
  /** The most requests that were in progress at once. */
  readonly peakConcurrency: number;
  /** Queues answers for `METHOD /path`; the last one repeats. */
  respond(route: string, ...responses: Scripted[]): void;
  dispose(): Promise<void>;
}

export type AuthCheck = (headers: IncomingMessage['headers']) => Scripted | undefined;
/** Answers a request the real API would refuse (say, a 400 for a body it does not accept); undefined lets it through. */
export type RequestCheck = (request: {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly body: unknown;
}) => Scripted | undefined;

const CHUNK_SIZES = [1, 7, 13, 2, 31, 5, 64, 3];

async function writeChunks(res: ServerResponse, text: string, delayMs: number, limit = Infinity): Promise<void> {
  const bytes = Buffer.from(text);
  let offset = 0;
  for (let i = 0; offset < Math.min(bytes.length, limit) && !res.destroyed; i++) {
    const size = Math.min(CHUNK_SIZES[i % CHUNK_SIZES.length] ?? 8, limit - offset);
    res.write(bytes.subarray(offset, offset + size));
    offset += size;
    await new Promise((resolve) => (delayMs > 0 ? setTimeout(resolve, delayMs) : setImmediate(resolve)));
  }
}

/**
 * A real HTTP server on 127.0.0.1:0 that answers from a script and records every call, so
 * adapters are tested through real sockets: headers, chunk boundaries and aborts as in production.
 */
export async function startFakeUpstream(options: { auth?: AuthCheck; check?: RequestCheck; port?: number } = {}): Promise<FakeUpstream> {
  const scripts = new Map<string, Scripted[]>();
  const calls: RecordedCall[] = [];
  const sockets = new Set<import('node:net').Socket>();

  let inFlight = 0;
  let peakConcurrency = 0;
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    peakConcurrency = Math.max(peakConcurrency, ++inFlight);
    res.once('close', () => inFlight--);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString();
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      /* keep the text */
    }
    const closedEarly = new Promise<void>((resolve) => res.once('close', () => !res.writableFinished && resolve()));
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    calls.push({ method: req.method ?? 'GET', path, query, headers: req.headers, body, closedEarly });

    const queue = scripts.get(`${req.method} ${path}`);
    const scripted =
      options.auth?.(req.headers) ??
      options.check?.({ method: req.method ?? 'GET', path, query, body }) ??
      (queue && queue.length > 1 ? queue.shift() : queue?.[0]);
    if (!scripted) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `no script for ${req.method} ${path}` } }));
      return;
    }
    switch (scripted.type) {
      case 'json':
        if (scripted.delayMs) await new Promise((resolve) => setTimeout(resolve, scripted.delayMs));
        res
          .writeHead(scripted.status ?? 200, { 'content-type': 'application/json', ...scripted.headers })
          .end(JSON.stringify(scripted.body));
        return;
      case 'sse':
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...scripted.headers });
        if (scripted.oneWrite) res.end(scripted.body);
        else {
          await writeChunks(res, scripted.body, scripted.delayMs ?? 0);
          res.end();
        }
        return;
      case 'cut':
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        await writeChunks(res, scripted.body, 0, scripted.bytes);
        res.socket?.destroy();
        return;
      case 'hang':
        return;
    }
  };
  // A throw in the fake stays an unhandled rejection, which vitest reports: the run fails.
  const server = createServer((req, res) => void serve(req, res));
  let connections = 0;
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    get connections() {
      return connections;
    },
    get peakConcurrency() {
      return peakConcurrency;
    },
    respond(route, ...responses) {
      scripts.set(route, responses);
    },
    async dispose() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
