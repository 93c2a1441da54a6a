import type { IncomingMessage, Server } from 'node:http';
import { type DocumentNode, type ExecutionArgs, type ExecutionResult, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Context } from '../graphql/context.js';
import { broadcastKey } from '../graphql/broadcast.js';
import { maskError } from '../graphql/errors.js';
import type { EventBus } from '../core/ports/event-bus.js';
import type { ApiKeyService } from '../modules/keys/api-key-service.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';

/** What the WebSocket server uses of the gateway. */
export interface WebSocketDeps {
  readonly apiKeys: Pick<ApiKeyService, 'authenticate'>;
  /** Revocations close a key's connections. */
  readonly bus: Pick<EventBus, 'subscribe'>;
  readonly metrics: Pick<Metrics, 'activeSubscriptions' | 'broadcastExecutions' | 'connectionsRefused' | 'crossOriginRefused'>;
  readonly logger: Logger;
  /** Which pages may open a socket (see origin-policy.ts): checked at the handshake. */
  readonly originPolicy: OriginPolicy;
  /** The per-address cap: a connection past it is refused at the handshake (429). */
  readonly addressLimits: Pick<AddressLimits, 'isOverCap' | 'cap'>;
  /** The per-key cap, shared with the SSE and /v1 streams: a key at it is closed with 4429 after connection_init. */
  readonly keyConnections: Pick<OpenCounter, 'acquire' | 'cap'>;
  /** The largest message (limits.maxBodyBytes, as for an HTTP body). */
  readonly maxMessageBytes: number;
}
import { deliverDirectly } from './broadcast-delivery.js';
import type { OriginPolicy } from '../security/origin-policy.js';
import { type AddressLimits, type OpenCounter, perAddressMessage } from './connection-limits.js';
import { judgeIncoming } from './request-guard.js';
import { KEY_REVOKED_MESSAGE } from '../modules/keys/open-operations.js';
import { SharedStreams } from './shared-streams.js';
import { isAsyncIterable } from '../util/async-iterable.js';
import { WriteCoalescer } from './write-coalescer.js';

/** What onSubscribe hands to execute/subscribe: this operation's envelop, its id, and its broadcast key when it may share. */
type OperationRoot = {
  execute: (args: ExecutionArgs) => unknown;
  subscribe: (args: ExecutionArgs) => unknown;
  subscriptionId: string;
  broadcastKey: string | undefined;
};

/**
 * Counts an open subscription for as long as its iterator lives, and holds its connection's
 * writes for the rest of the turn whenever it yields (see WriteCoalescer). A hand-written
 * iterator, not an async generator: a generator's `return()` waits behind a pending `next()`, so a
 * subscription closed while idle would never be released.
 */
function tracked<T>(source: AsyncIterable<T>, gauge: Metrics['activeSubscriptions'], hold: () => void): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let open = true;
  const release = () => {
    if (open) gauge.dec();
    open = false;
  };
  gauge.inc();
  return {
    async next() {
      const result = await iterator.next();
      if (result.done) release();
      else hold();
      return result;
    },
    async return(value?: unknown) {
      release();
      return (await iterator.return?.(value)) ?? { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      release();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * graphql-ws on the same port and path as Yoga. Every operation goes through Yoga's envelop
 * (same schema, plugins and error masking as HTTP). The key in `connectionParams.authorization`
 * is checked at connect (a bad one closes the socket with 4403) and again for every operation.
 * Revoking a key closes its open connections with 4403 (in this process). Subscriptions to
 * broadcast feeds asked the same way by the same caller share one execution (see
 * `broadcastKey`): an event is executed and serialised once, not once per subscriber, and each
 * subscriber's message is written straight to its socket (see `deliverDirectly`).
 */
export function attachWebSocketServer(
  httpServer: Server,
  yoga: YogaServerInstance<Record<string, unknown>, Context>,
  services: WebSocketDeps,
) {
  // maxPayload is checked by ws on each frame's header, before the frame is buffered and before
  // connection_init carries a key: a larger message closes the socket with 1009.
  const wss = new WebSocketServer({
    server: httpServer,
    path: yoga.graphqlEndpoint,
    maxPayload: services.maxMessageBytes,
    // Browsers send Origin with every handshake: a page of another site is refused before the upgrade.
    verifyClient: ({ req }, accept) => {
      if (services.addressLimits.isOverCap(req.socket)) {
        services.metrics.connectionsRefused.inc({ limit: 'per_address', transport: 'websocket' });
        return accept(false, 429, perAddressMessage(services.addressLimits.cap));
      }
      const verdict = judgeIncoming(services.originPolicy, req);
      if (verdict.ok) return accept(true);
      services.metrics.crossOriginRefused.inc({ reason: verdict.reason });
      accept(false, verdict.status, verdict.message);
    },
  });
  const broadcasts = new SharedStreams<ExecutionResult>((size) => services.metrics.broadcastExecutions.set(size));
  const coalescer = new WriteCoalescer();
  const keyOfSocket = new Map<WebSocket, string>();
  closeOnRevocation(services.bus, keyOfSocket, wss);
  const server = useServer(
    {
      execute: (args) => (args.rootValue as OperationRoot).execute(args) as never,
      subscribe: async (args) => {
        const root = args.rootValue as OperationRoot;
        const context = args.contextValue as { req: IncomingMessage; socket: WebSocket };
        // The connection's TCP socket (ws writes its frames there): public as the upgrade request's socket.
        const hold = () => coalescer.hold(context.req.socket);
        if (root.broadcastKey === undefined) {
          const result = await root.subscribe(args);
          return (isAsyncIterable(result) ? tracked(result, services.metrics.activeSubscriptions, hold) : result) as never;
        }
        const shared = await broadcasts.join(
          root.broadcastKey,
          async () => root.subscribe(args) as Promise<AsyncIterable<ExecutionResult> | ExecutionResult>,
        );
        if (!isAsyncIterable(shared)) return shared as never;
        return tracked(
          deliverDirectly(shared, context.socket, root.subscriptionId, hold),
          services.metrics.activeSubscriptions,
          hold,
        ) as never;
      },
      onConnect: async (ctx) => {
        try {
          const viewer = await services.apiKeys.authenticate(ctx.connectionParams?.authorization);
          const socket = ctx.extra.socket;
          if (viewer.keyId !== null && socket.readyState === socket.OPEN) {
            const release = services.keyConnections.acquire(viewer.keyId);
            if (!release) {
              services.metrics.connectionsRefused.inc({ limit: 'per_key', transport: 'websocket' });
              // graphql-ws's own close (4403) that follows `false` is ignored by a socket already closing.
              socket.close(4429, TOO_MANY_FOR_KEY);
              return false;
            }
            keyOfSocket.set(socket, viewer.keyId);
            socket.once('close', () => {
              keyOfSocket.delete(socket);
              release();
            });
          }
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          connectionParams: ctx.connectionParams,
        });
        // Parse and validate may throw (the document limits reject by throwing): answer with the error.
        let document: DocumentNode;
        try {
          document = parse(params.query);
          const errors = validate(schema, document);
          if (errors.length > 0) return errors;
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('the document could not be parsed or validated')];
        }
        let contextValue: Awaited<ReturnType<typeof contextFactory>>;
        try {
          contextValue = await contextFactory();
        } catch (error) {
          return [maskError(error, 'Unexpected error.') as GraphQLError];
        }
        const rootValue: OperationRoot = {
          execute,
          subscribe,
          subscriptionId: id,
          broadcastKey: broadcastKey(schema, document, params, (contextValue as unknown as Context).viewer),
        };
        return { schema, operationName: params.operationName, document, variableValues: params.variables, contextValue, rootValue };
      },
    },
    wss,
  );
  answerFrameErrorsQuietly(wss, services.logger);
  return server;
}

/** The close reason at the per-key cap (a close reason holds at most 123 bytes). */
const TOO_MANY_FOR_KEY = 'Too many connections for this API key (limits.maxConnectionsPerKey)';

/**
 * A frame past maxPayload, or a malformed one, is the client's fault: `ws` has already closed the
 * socket with the fitting code (1009, 1002). graphql-ws would print it to stderr as an internal
 * error (and close again with 1011); its listener is replaced by a debug log line, so that a
 * client cannot flood the error output.
 */
function answerFrameErrorsQuietly(wss: WebSocketServer, logger: Logger): void {
  wss.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error) => logger.debug({ component: 'ws', err: error.message }, 'WebSocket frame refused'));
  });
}

/** Closes (4403) every connection made with a key when that key is revoked. */
function closeOnRevocation(bus: Pick<EventBus, 'subscribe'>, keyOfSocket: Map<WebSocket, string>, wss: WebSocketServer): void {
  const revocations = bus.subscribe('apiKeyRevoked')[Symbol.asyncIterator]();
  wss.once('close', () => void revocations.return?.());
  void (async () => {
    for (;;) {
      const next = await revocations.next();
      if (next.done) return;
      for (const [socket, keyId] of keyOfSocket) {
        if (keyId === next.value.apiKeyId) socket.close(4403, `Forbidden: ${KEY_REVOKED_MESSAGE}`);
      }
    }
  })();
}
