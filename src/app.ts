import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from './composition/app/request-handler.js';
import { stopApp } from './composition/app/stop-app.js';
import { createYogaServer } from './composition/app/yoga-server.js';
import type { Config } from './config/config.js';
import { AddressLimits, OpenCounter } from './http/connection-limits.js';
import { BODY_READ_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from './http/limits.js';
import { sendJson } from './http/probes.js';
import { attachWebSocketServer } from './http/ws-server.js';
import type { OriginPolicy } from './security/origin-policy.js';
import { createServices, type ServiceOverrides, type Services } from './services.js';

export interface AppOptions extends ServiceOverrides {
  /** Watch the config file and reload it on change (the process does; tests opt in). */
  readonly watchConfig?: boolean;
  /** Run the periodic health probes (default: yes, at routing.healthCheckIntervalMs). */
  readonly monitorHealth?: boolean;
  /** Run the request log's retention job (default: yes, every RETENTION_INTERVAL_MS; tests run it by hand). */
  readonly requestLogRetention?: boolean;
  /** How long a request body may take to arrive (default BODY_READ_TIMEOUT_MS; tests shorten it). */
  readonly bodyReadTimeoutMs?: number;
  /** How long a GraphQL-over-SSE reader may take nothing before it is cut (default STALLED_READER_MS; tests shorten it). */
  readonly stalledReaderMs?: number;
  /** Where the built web console is (default: dist/console of the package). */
  readonly consoleDir?: string;
  /** How long a /v1/messages stream may be quiet before a `ping` event (default 15 s; tests shorten it). */
  readonly messagesPingMs?: number;
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
  if (options.requestLogRetention !== false) services.retention.start();
  const { logger } = services;
  let accepting = true;

  const yoga = createYogaServer(services);
  const originPolicy: OriginPolicy = {
    localMode: config.adminKey === undefined,
    allowedOrigins: config.security.allowedOrigins,
    allowedHosts: config.security.allowedHosts,
  };
  const addressLimits = new AddressLimits(config.limits.maxConnectionsPerAddress);
  /** WebSocket connections and running SSE and /v1 streams, per API key (limits.maxConnectionsPerKey). */
  const keyConnections = new OpenCounter(config.limits.maxConnectionsPerKey);
  services.metrics.countOpenConnections(() => ({ perKey: keyConnections.total, perAddress: addressLimits.total }));
  const handle = createRequestHandler({
    config,
    services,
    yoga,
    originPolicy,
    addressLimits,
    keyConnections,
    bodyReadTimeoutMs: options.bodyReadTimeoutMs ?? BODY_READ_TIMEOUT_MS,
    stalledReaderMs: options.stalledReaderMs,
    ...(options.messagesPingMs !== undefined ? { messagesPingMs: options.messagesPingMs } : {}),
    consoleDir: options.consoleDir ?? DEFAULT_CONSOLE_DIR,
    accepting: () => accepting,
  });

  const httpServer = createServer({ requestTimeout: REQUEST_TIMEOUT_MS }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
  addressLimits.watch(httpServer);
  const ws = attachWebSocketServer(httpServer, yoga, {
    ...services,
    originPolicy,
    addressLimits,
    keyConnections,
    maxMessageBytes: config.limits.maxBodyBytes,
  });

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
      await stopApp(services, httpServer, ws);
    },
  };
}
