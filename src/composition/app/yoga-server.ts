import { randomUUID } from 'node:crypto';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { useCompiledSubscriptions } from '../../graphql/compiled-subscriptions.js';
import { type Context, createContext } from '../../graphql/context.js';
import { useEndOnRevocation } from '../../graphql/end-on-revocation.js';
import { findGatewayError, maskError } from '../../graphql/errors.js';
import { schema } from '../../graphql/schema.js';
import { QUERY_LIMITS } from '../../http/limits.js';
import type { DirectRequest } from '../../http/sse-subscriptions.js';
import type { Services } from '../../services.js';
import type { TraceCarrier } from '../../observability/tracing.js';

/** The W3C trace context a GraphQL caller sent: HTTP headers, or a graphql-ws client's connectionParams. */
function traceCarrierOf(request: Request | undefined, params: Record<string, unknown> | undefined): TraceCarrier | undefined {
  const read = (name: string) => {
    const value = request ? request.headers.get(name) : params?.[name];
    return typeof value === 'string' ? value : undefined;
  };
  const traceparent = read('traceparent');
  if (traceparent === undefined) return undefined;
  const tracestate = read('tracestate');
  return tracestate === undefined ? { traceparent } : { traceparent, tracestate };
}

export type GatewayYoga = YogaServerInstance<Record<string, unknown>, Context>;

/**
 * Yoga on /graphql: the schema behind the query limits, error masking and the revocation plugin;
 * GraphiQL from a local package; its logs through the gateway's logger; one context per request,
 * per graphql-ws operation or per direct (GraphQL-over-SSE) call.
 */
export function createYogaServer(services: Services): GatewayYoga {
  const { logger } = services;
  return createYoga<Record<string, unknown>, Context>({
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
    // The body limit is enforced in front of Yoga (see graphql-route.ts): Yoga's own would pipe every body
    // through a TransformStream and build an AbortError when it ends.
    maxRequestBodySize: false,
    maskedErrors: { maskError },
    plugins: [
      maxDepthPlugin({ n: QUERY_LIMITS.depth, exposeLimits: true }),
      maxAliasesPlugin({ n: QUERY_LIMITS.aliases, exposeLimits: true }),
      maxTokensPlugin({ n: QUERY_LIMITS.tokens, exposeLimits: true }),
      useEndOnRevocation(),
      useCompiledSubscriptions((error) =>
        logger.error(
          { component: 'graphql-jit', err: error },
          'a subscription could not be compiled: its events are executed by graphql-js',
        ),
      ),
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
    context: ({
      request,
      connectionParams,
      direct,
    }: {
      request?: Request;
      connectionParams?: Record<string, unknown>;
      direct?: DirectRequest;
    }) =>
      direct
        ? createContext(services, direct.authorization, direct.signal, direct.requestId, direct.headers)
        : createContext(
            services,
            request?.headers.get('authorization') ?? connectionParams?.authorization,
            request?.signal,
            request?.headers.get('x-request-id') ?? randomUUID(),
            traceCarrierOf(request, connectionParams),
          ),
  });
}
