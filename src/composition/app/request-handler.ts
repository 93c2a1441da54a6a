import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../../config/config.js';
import { type AddressLimits, type OpenCounter, perAddressMessage } from '../../http/connection-limits.js';
import { ConsoleAssets } from '../../http/console-assets.js';
import { createMessagesRoutes } from '../../http/anthropic/messages-routes.js';
import { createOpenAIRoutes } from '../../http/openai/openai-routes.js';
import { readiness, sendJson } from '../../http/probes.js';
import { readWithin } from '../../http/read-body.js';
import { guardRequest, writeRefusal } from '../../http/request-guard.js';
import { requestIdOf } from '../../http/request-id.js';
import { createRestRoutes } from '../../http/rest/rest-routes.js';
import { traceDoor } from '../../http/traced-door.js';
import type { OriginPolicy } from '../../security/origin-policy.js';
import type { Services } from '../../services.js';
import { createGraphQLRoute } from './graphql-route.js';
import type { GatewayYoga } from './yoga-server.js';

export interface RequestHandlerOptions {
  readonly config: Config;
  readonly services: Services;
  readonly yoga: GatewayYoga;
  readonly originPolicy: OriginPolicy;
  readonly addressLimits: AddressLimits;
  readonly keyConnections: OpenCounter;
  readonly bodyReadTimeoutMs: number;
  readonly stalledReaderMs: number | undefined;
  readonly consoleDir: string;
  /** How long a /v1/messages stream may be quiet before a `ping` event (default 15 s). */
  readonly messagesPingMs?: number;
  /** False once the app is stopping: /readyz answers 503. */
  readonly accepting: () => boolean;
}

/**
 * The route table: the caps and the origin guard first, then the probes, /metrics, /graphql, the
 * OpenAI-compatible /v1 routes, the REST /api routes, the web console, and 404 for the rest.
 */
export function createRequestHandler(options: RequestHandlerOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { config, services, originPolicy, addressLimits, keyConnections, bodyReadTimeoutMs } = options;
  const consoleAssets = new ConsoleAssets(options.consoleDir);
  const maxBodyBytes = config.limits.maxBodyBytes;
  const readBody = (req: IncomingMessage) => readWithin(req, maxBodyBytes, bodyReadTimeoutMs);
  const localMode = config.adminKey === undefined;
  const openAI = createOpenAIRoutes({ ...services, localMode, readBody, maxBodyBytes, keyConnections });
  const messages = createMessagesRoutes({
    ...services,
    localMode,
    readBody,
    maxBodyBytes,
    keyConnections,
    ...(options.messagesPingMs !== undefined ? { pingIntervalMs: options.messagesPingMs } : {}),
  });
  const rest = createRestRoutes({ ...services, localMode, readBody, maxBodyBytes });
  const serveGraphQL = createGraphQLRoute({
    yoga: options.yoga,
    services,
    keyConnections,
    bodyReadTimeoutMs,
    maxBodyBytes,
    stalledReaderMs: options.stalledReaderMs,
  });

  return async function handle(req, res) {
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
          pingDatabase: () =>
            services.orm.em
              .getConnection()
              .execute('select 1')
              .then(() => undefined),
          ...(services.redis
            ? {
                pingRedis: () => (services.redis as NonNullable<typeof services.redis>).ping(),
                rateLimitsFailOpen: config.redis?.rateLimitsFailOpen ?? true,
              }
            : {}),
          configStatus: () => services.configReloader.status(),
        },
        options.accepting(),
      );
      return sendJson(res, status, body);
    }
    if (path === '/metrics') {
      const text = await services.metrics.registry.metrics();
      res.writeHead(200, { 'content-type': services.metrics.registry.contentType });
      res.end(text);
      return;
    }
    if (path === '/graphql') return serveGraphQL(req, res, path);
    if (messages.serves(path) || openAI.serves(path)) {
      const requestId = requestIdOf(req.headers['x-request-id']);
      const door = messages.serves(path) ? messages : openAI;
      return traceDoor(services.tracing, req, res, path, requestId, () => door.handle(req, res, path, requestId));
    }
    if (rest.serves(path)) return rest.handle(req, res, path, requestIdOf(req.headers['x-request-id']));
    if (consoleAssets.serves(path)) return consoleAssets.handle(req, res, path);
    // Under /v1, an unknown route answers as OpenAI answers an unknown URL, so its SDKs raise their NotFoundError.
    if (path === '/v1' || path.startsWith('/v1/'))
      return sendJson(res, 404, {
        error: { message: `Invalid URL (${req.method ?? 'GET'} ${path})`, type: 'invalid_request_error', param: null, code: null },
      });
    sendJson(res, 404, { error: `no route for ${path}; GraphQL is served on /graphql, the web console on /` });
  };
}
