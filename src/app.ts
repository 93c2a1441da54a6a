import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createYoga } from 'graphql-yoga';
import type { Config } from './config/config.js';
import { type Context, createContext } from './graphql/context.js';
import { useCompiledSubscriptions } from './graphql/compiled-subscriptions.js';
import { useEndOnRevocation } from './graphql/end-on-revocation.js';
import { findGatewayError, maskError } from './graphql/errors.js';
import { schema } from './graphql/schema.js';
import { BODY_READ_TIMEOUT_MS, MAX_BODY_BYTES, QUERY_LIMITS, REQUEST_TIMEOUT_MS } from './http/limits.js';
import { ConsoleAssets } from './http/console-assets.js';
import { createOpenAIRoutes } from './http/openai/openai-routes.js';
import { createRestRoutes } from './http/rest/rest-routes.js';
import { readiness, sendJson } from './http/probes.js';
import { closeAfterAnswer, readWithin } from './http/read-body.js';
import { type DirectRequest, serveSseSubscription } from './http/sse-subscriptions.js';
import { WriteCoalescer } from './http/write-coalescer.js';
import { attachWebSocketServer } from './http/ws-server.js';
import { AddressLimits, OpenCounter, perAddressMessage, perKeyMessage } from './http/connection-limits.js';
import { guardRequest, writeRefusal } from './http/request-guard.js';
import type { OriginPolicy } from './security/origin-policy.js';
import { createServices, type ServiceOverrides, type Services } from './services.js';

const STOP_GRACE_MS = 10_000;

export interface AppOptions extends ServiceOverrides {
  /** Watch the config file and reload it on change (the process does; tests opt in). */
  readonly watchConfig?: boolean;
  /** Run the periodic health probes (default: yes, at routing.healthCheckIntervalMs). */
  readonly monitorHealth?: boolean;
  /** How long a request body may take to arrive (default BODY_READ_TIMEOUT_MS; tests shorten it). */
  readonly bodyReadTimeoutMs?: number;
  /** How long a GraphQL-over-SSE reader may take nothing before it is cut (default STALLED_READER_MS; tests shorten it). */
  readonly stalledReaderMs?: number;
  /** Where the built web console is (default: dist/console of the package). */
  readonly consoleDir?: string;
}

/** dist/console beside src/ and dist/ alike: both are one level below the package root. */
const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../dist/console', import.meta.url));

export interface App {
  readonly services: Services;
  /** Runs a request through the app without a socket (tests): `app.fetch('http://x/graphql', …)`. */
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Listens; answers the base URL (`http://host:port`). Port 0 picks a free one. */
  start(port?: number, host?: string): Promise<string>;
  /** Stops accepting, lets in-flight requests finish, closes sockets and the database. */
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's x-request-id when it is a sane token, else a new one. */
function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

const BODY_TOO_LARGE = { errors: [{ message: `request body too large: at most ${MAX_BODY_BYTES} bytes`, extensions: { code: 'BAD_USER_INPUT' } }] };

const bodyTooSlow = (ms: number) => ({ errors: [{ message: `request body too slow: it must arrive within ${ms} ms`, extensions: { code: 'BAD_USER_INPUT' } }] });

const BODY_NOT_JSON = { errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_USER_INPUT' } }] };
const INVALID_JSON = Symbol('invalid JSON');

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

/** The host to listen on: local mode (no admin key) never listens beyond loopback. */
export function listenHost(config: Config): string {
  return config.adminKey === undefined ? '127.0.0.1' : config.server.host;
}

/**
 * Builds the whole gateway on one `node:http` server: Yoga on /graphql (GraphiQL in a browser),
 * graphql-ws on the same port and path, the OpenAI-compatible /v1 routes, the REST /api routes,
 * the web console on /, /metrics, /healthz and /readyz.
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const services = await createServices(config, options);
  if (options.watchConfig) services.configReloader.watch();
  if (options.monitorHealth !== false) services.healthMonitor.start(config.routing.healthCheckIntervalMs);
  const { logger } = services;
  const bodyReadTimeoutMs = options.bodyReadTimeoutMs ?? BODY_READ_TIMEOUT_MS;
  const BODY_TOO_SLOW = bodyTooSlow(bodyReadTimeoutMs);
  let accepting = true;

  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    healthCheckEndpoint: '/yoga-health',
    graphiql: { title: 'Switchyard', subscriptionsProtocol: 'WS' },
    // CORS is the request guard's (src/http/request-guard.ts): Yoga's default would reflect any Origin.
    cors: false,
    // GraphiQL from a local package, inlined into the page (Yoga's default loads it from a CDN, which a
    // gateway in a private network cannot reach). Imported on the first page view: ~9 MB of script
    // that no API request needs.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    // The body limit is enforced in front of Yoga (see handle): Yoga's own would pipe every body
    // through a TransformStream and build an AbortError when it ends.
    maxRequestBodySize: false,
    maskedErrors: { maskError },
    plugins: [
      maxDepthPlugin({ n: QUERY_LIMITS.depth, exposeLimits: true }),
      maxAliasesPlugin({ n: QUERY_LIMITS.aliases, exposeLimits: true }),
      maxTokensPlugin({ n: QUERY_LIMITS.tokens, exposeLimits: true }),
      useEndOnRevocation(),
      useCompiledSubscriptions((error) => logger.error({ component: 'graphql-jit', err: error }, 'a subscription could not be compiled: its events are executed by graphql-js')),
    ],
    logging: {
      debug: (...args) => logger.debug({ component: 'yoga' }, args.map(String).join(' ')),
      info: (...args) => logger.info({ component: 'yoga' }, args.map(String).join(' ')),
      warn: (...args) => logger.warn({ component: 'yoga' }, args.map(String).join(' ')),
      // Expected failures (bad input, auth) are answered to the client, not errors of the server.
      error: (...args) => {
        const expected = findGatewayError(args[0]);
        if (expected) logger.debug({ component: 'yoga', code: expected.code }, expected.message);
        else logger.error({ component: 'yoga', err: args[0] }, args.slice(1).map(String).join(' ') || 'yoga error');
      },
    },
    context: ({ request, connectionParams, direct }: { request?: Request; connectionParams?: Record<string, unknown>; direct?: DirectRequest }) =>
      direct
        ? createContext(services, direct.authorization, direct.signal, direct.requestId)
        : createContext(services, request?.headers.get('authorization') ?? connectionParams?.authorization, request?.signal, request?.headers.get('x-request-id') ?? randomUUID()),
  });

  const consoleAssets = new ConsoleAssets(options.consoleDir ?? DEFAULT_CONSOLE_DIR);
  const readBody = (req: IncomingMessage) => readWithin(req, MAX_BODY_BYTES, bodyReadTimeoutMs);
  const localMode = config.adminKey === undefined;
  const originPolicy: OriginPolicy = { localMode, allowedOrigins: config.security.allowedOrigins, allowedHosts: config.security.allowedHosts };
  const addressLimits = new AddressLimits(config.limits.maxConnectionsPerAddress);
  /** WebSocket connections and running SSE and /v1 streams, per API key (limits.maxConnectionsPerKey). */
  const keyConnections = new OpenCounter(config.limits.maxConnectionsPerKey);
  services.metrics.countOpenConnections(() => ({ perKey: keyConnections.total, perAddress: addressLimits.total }));
  const openAI = createOpenAIRoutes({ ...services, localMode, readBody, maxBodyBytes: MAX_BODY_BYTES, keyConnections });
  const rest = createRestRoutes({ ...services, localMode, readBody, maxBodyBytes: MAX_BODY_BYTES });

  /** One coalescer for every SSE response: the events a turn produced for a socket leave in one write. */
  const sseWrites = new WriteCoalescer();
  const sseDeps = { logger, openSubscriptions: services.metrics.sseSubscriptions, stalledReaderMs: options.stalledReaderMs };

  /**
   * Holds a stream slot of the caller's key for the life of the response: true when taken (or the
   * caller has no key, or a key that does not authenticate: the route answers that), false at the cap.
   */
  async function holdKeySlot(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const keyId = await services.apiKeys.keyIdOf(req.headers.authorization);
    if (keyId === null) return true;
    const release = keyConnections.acquire(keyId);
    if (!release) return false;
    res.once('close', release);
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (addressLimits.isOverCap(req.socket)) {
      services.metrics.connectionsRefused.inc({ limit: 'per_address', transport: 'http' });
      return writeRefusal(res, path, 429, 'RATE_LIMITED', perAddressMessage(addressLimits.cap), 'connection_limit_exceeded');
    }
    if (guardRequest(originPolicy, req, res, path, (reason) => services.metrics.crossOriginRefused.inc({ reason }))) return;
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      const { status, body } = await readiness(
        {
          pingDatabase: () => services.orm.em.getConnection().execute('select 1').then(() => undefined),
          ...(services.redis ? { pingRedis: () => (services.redis as NonNullable<typeof services.redis>).ping(), rateLimitsFailOpen: config.redis?.rateLimitsFailOpen ?? true } : {}),
          configStatus: () => services.configReloader.status(),
        },
        accepting,
      );
      return sendJson(res, status, body);
    }
    if (path === '/metrics') {
      const text = await services.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': services.metrics.registry.contentType });
      res.end(text);
      return;
    }
    if (path === '/graphql') {
      const requestId = requestIdOf(req.headers['x-request-id']);
      /** The request with the pre-read body the node adapter takes (and the SSE path reads). */
      const withBody = req as IncomingMessage & { body?: unknown };
      req.headers['x-request-id'] = requestId;
      res.setHeader('x-request-id', requestId);
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
        // Close instead of reading and dropping the declared body on a keep-alive socket.
        closeAfterAnswer(req, res);
        return sendJson(res, 413, BODY_TOO_LARGE);
      }
      if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined) {
        // Every body is read here, within the size and time limits, and handed to Yoga whole (the
        // node adapter's documented pre-read `body`; Yoga's own limit would pipe it through a
        // TransformStream and build an AbortError per request).
        const body = await readWithin(req, MAX_BODY_BYTES, bodyReadTimeoutMs);
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
        if (!(await holdKeySlot(req, res))) {
          services.metrics.connectionsRefused.inc({ limit: 'per_key', transport: 'sse' });
          return writeRefusal(res, path, 429, 'RATE_LIMITED', perKeyMessage(keyConnections.cap), 'connection_limit_exceeded');
        }
        coalesceWrites(res, sseWrites);
        if (req.method === 'POST' && (await serveSseSubscription(yoga, req, res, withBody.body, requestId, sseDeps))) return;
      }
      await yoga(req, res);
      return;
    }
    if (openAI.serves(path)) return openAI.handle(req, res, path, requestIdOf(req.headers['x-request-id']));
    if (rest.serves(path)) return rest.handle(req, res, path, requestIdOf(req.headers['x-request-id']));
    if (consoleAssets.serves(path)) return consoleAssets.handle(req, res, path);
    sendJson(res, 404, { error: `no route for ${path}; GraphQL is served on /graphql, the web console on /` });
  }

  const httpServer = createServer({ requestTimeout: REQUEST_TIMEOUT_MS }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  addressLimits.watch(httpServer);
  const ws = attachWebSocketServer(httpServer, yoga, { ...services, originPolicy, addressLimits, keyConnections });

  return {
    services,
    fetch: (input, init = {}) => Promise.resolve(yoga.fetch(input as URL, init)),
    start(port = config.server.port, host = listenHost(config)) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    async stop() {
      accepting = false;
      services.configReloader.close();
      services.healthMonitor.stop();
      services.openOperations.close();
      const closed = new Promise<void>((resolve) => {
        if (!httpServer.listening) return resolve();
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await ws.dispose();
      const grace = setTimeout(() => httpServer.closeAllConnections(), STOP_GRACE_MS);
      await closed;
      clearTimeout(grace);
      await services.generationRepository.drain();
      await services.http.close();
      await services.redis?.close();
      await services.orm.close();
    },
  };
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
