import type { Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Context } from '../graphql/context.js';
import { maskError } from '../graphql/errors.js';
import type { Services } from '../services.js';

type Enveloped = { execute: (args: ExecutionArgs) => unknown; subscribe: (args: ExecutionArgs) => unknown };

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * Counts an open subscription for as long as its iterator lives. A hand-written iterator, not an
 * async generator: a generator's `return()` waits behind a pending `next()`, so a subscription
 * closed while idle would never be released.
 */
function counted<T>(source: AsyncIterable<T>, gauge: Services['metrics']['activeSubscriptions']): AsyncIterableIterator<T> {
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
 */
export function attachWebSocketServer(httpServer: Server, yoga: YogaServerInstance<Record<string, unknown>, Context>, services: Services) {
  const wss = new WebSocketServer({ server: httpServer, path: yoga.graphqlEndpoint });
  return useServer(
    {
      execute: (args) => (args.rootValue as Enveloped).execute(args) as never,
      subscribe: async (args) => {
        const result = await (args.rootValue as Enveloped).subscribe(args);
        return (isAsyncIterable(result) ? counted(result, services.metrics.activeSubscriptions) : result) as never;
      },
      onConnect: async (ctx) => {
        try {
          await services.apiKeys.authenticate(services.orm.em.fork(), ctx.connectionParams?.authorization);
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, _id, params) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params,
          connectionParams: ctx.connectionParams,
        });
        // Parse and validate may throw (the document limits reject by throwing): answer with the error.
        let document;
        try {
          document = parse(params.query);
          const errors = validate(schema, document);
          if (errors.length > 0) return errors;
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('the document could not be parsed or validated')];
        }
        let contextValue;
        try {
          contextValue = await contextFactory();
        } catch (error) {
          return [maskError(error, 'Unexpected error.') as GraphQLError];
        }
        return { schema, operationName: params.operationName, document, variableValues: params.variables, contextValue, rootValue: { execute, subscribe } };
      },
    },
    wss,
  );
}
