import type { IncomingMessage, ServerResponse } from 'node:http';
import { holdForResponse, type OpenCounter, perKeyMessage } from '../../http/connection-limits.js';
import { sendJson } from '../../http/probes.js';
import { closeAfterAnswer, readWithin } from '../../http/read-body.js';
import { writeRefusal } from '../../http/request-guard.js';
import { requestIdOf } from '../../http/request-id.js';
import { serveSseSubscription } from '../../http/sse-subscriptions.js';
import { WriteCoalescer } from '../../http/write-coalescer.js';
import type { Services } from '../../services.js';
import type { GatewayYoga } from './yoga-server.js';

const bodyTooLarge = (bytes: number) => ({
  errors: [{ message: `request body too large: at most ${bytes} bytes`, extensions: { code: 'BAD_USER_INPUT' } }],
});

const bodyTooSlow = (ms: number) => ({
  errors: [{ message: `request body too slow: it must arrive within ${ms} ms`, extensions: { code: 'BAD_USER_INPUT' } }],
});

const BODY_NOT_JSON = { errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_USER_INPUT' } }] };
const INVALID_JSON = Symbol('invalid JSON');

export interface GraphQLRouteOptions {
  readonly yoga: GatewayYoga;
  readonly services: Services;
  /** WebSocket connections and running SSE and /v1 streams, per API key (limits.maxConnectionsPerKey). */
  readonly keyConnections: OpenCounter;
  readonly bodyReadTimeoutMs: number;
  /** The largest body (limits.maxBodyBytes). */
  readonly maxBodyBytes: number;
  readonly stalledReaderMs: number | undefined;
}

/**
 * /graphql over HTTP: the body read here within the size and time limits and handed to Yoga
 * whole; subscriptions over SSE holding a stream slot of the caller's key, their writes coalesced.
 */
export function createGraphQLRoute(options: GraphQLRouteOptions) {
  const { yoga, services, keyConnections, bodyReadTimeoutMs, maxBodyBytes, stalledReaderMs } = options;
  const BODY_TOO_SLOW = bodyTooSlow(bodyReadTimeoutMs);
  const BODY_TOO_LARGE = bodyTooLarge(maxBodyBytes);
  /** One coalescer for every SSE response: the events a turn produced for a socket leave in one write. */
  const sseWrites = new WriteCoalescer();
  const sseDeps = { logger: services.logger, openSubscriptions: services.metrics.sseSubscriptions, stalledReaderMs };

  /**
   * Holds a stream slot of the caller's key for the life of the response: true when taken (or the
   * caller has no key, or a key that does not authenticate: the route answers that), false at the cap.
   */
  async function holdKeySlot(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const keyId = await services.apiKeys.keyIdOf(req.headers.authorization);
    if (keyId === null) return true;
    return holdForResponse(keyConnections, keyId, req, res);
  }

  return async function serveGraphQL(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const requestId = requestIdOf(req.headers['x-request-id']);
    /** The request with the pre-read body the node adapter takes (and the SSE path reads). */
    const withBody = req as IncomingMessage & { body?: unknown };
    req.headers['x-request-id'] = requestId;
    res.setHeader('x-request-id', requestId);
    if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) {
      // Close instead of reading and dropping the declared body on a keep-alive socket.
      closeAfterAnswer(req, res);
      return sendJson(res, 413, BODY_TOO_LARGE);
    }
    if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined) {
      // Every body is read here, within the size and time limits, and handed to Yoga whole (the
      // node adapter's documented pre-read `body`; Yoga's own limit would pipe it through a
      // TransformStream and build an AbortError per request).
      const body = await readWithin(req, maxBodyBytes, bodyReadTimeoutMs);
      if (body === 'aborted') return void res.destroy();
      if (!Buffer.isBuffer(body)) {
        closeAfterAnswer(req, res);
        return sendJson(res, body === 'too-large' ? 413 : 408, body === 'too-large' ? BODY_TOO_LARGE : BODY_TOO_SLOW);
      }
      const handed = bodyForYoga(req, body);
      if (handed === INVALID_JSON) return sendJson(res, 400, BODY_NOT_JSON);
      withBody.body = handed;
    }
    if (String(req.headers.accept ?? '').includes('text/event-stream')) {
      // A GET is sent by a browser without Origin or preflight (a no-cors fetch): it must not start a
      // subscription (generateStream calls the vendor). Subscriptions over SSE are POSTs.
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        return writeRefusal(
          res,
          path,
          405,
          'BAD_REQUEST',
          'GraphQL over SSE takes POST only (or use graphql-ws on this path)',
          'method_not_allowed',
        );
      }
      if (!(await holdKeySlot(req, res))) {
        services.metrics.connectionsRefused.inc({ limit: 'per_key', transport: 'sse' });
        return writeRefusal(res, path, 429, 'RATE_LIMITED', perKeyMessage(keyConnections.cap), 'connection_limit_exceeded');
      }
      coalesceWrites(res, sseWrites);
      if (await serveSseSubscription(yoga, req, res, withBody.body, requestId, sseDeps)) return;
    }
    await yoga(req, res);
  };
}

/**
 * What Yoga's node adapter gets as the pre-read body: a JSON request already parsed (the
 * adapter's documented shape for a parsed body: `request.json()` answers it), anything else as
 * the bytes. Not a Buffer for JSON: the adapter tests a pre-read body with `Object.keys`, which
 * lists every byte of a Buffer (~70 ms and a burst of garbage for a 1 MB body).
 */
function bodyForYoga(req: IncomingMessage, body: Buffer): unknown {
  if (body.length === 0 || !/json/i.test(req.headers['content-type'] ?? '')) return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return INVALID_JSON;
  }
  // Yoga answers bodies that are not objects (null, a number, a batch) with its own errors.
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.keys(parsed).length > 0 ? parsed : body;
}

/**
 * Holds the response's socket in `coalescer` at every write: the SSE events one turn of the event
 * loop produced (a burst of tokens read from one upstream chunk) go out in one `writev`, not one
 * system call each; nothing waits past the turn that wrote it.
 */
function coalesceWrites(res: ServerResponse, coalescer: WriteCoalescer): void {
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((...args: unknown[]) => {
    if (res.socket) coalescer.hold(res.socket);
    return write(...args);
  }) as ServerResponse['write'];
}
