import type { GraphQLResolveInfo } from 'graphql';
import { ATTR_GRAPHQL_OPERATION_NAME, ATTR_GRAPHQL_OPERATION_TYPE } from '@opentelemetry/semantic-conventions/incubating';
import { endWithError, type Span } from '../observability/tracing.js';
import { operationAttributes, SWITCHYARD_ATTRIBUTES } from '../observability/tracing-attributes.js';
import type { Context } from './context.js';

/**
 * The SERVER span of a GraphQL generation (`mutation generate`, `subscription generateStream`),
 * child of the caller's `traceparent`: undefined when tracing is off.
 */
function startOperation(ctx: Context, info: GraphQLResolveInfo, stream: boolean): Span | undefined {
  if (!ctx.services.tracing.enabled) return undefined;
  const type = info.operation.operation;
  const operationName = info.operation.name?.value;
  return ctx.services.tracing.startRequest(`${type} ${info.fieldName}`, ctx.traceCarrier, {
    [ATTR_GRAPHQL_OPERATION_TYPE]: type,
    ...(operationName ? { [ATTR_GRAPHQL_OPERATION_NAME]: operationName } : {}),
    ...operationAttributes('chat', undefined, stream),
    [SWITCHYARD_ATTRIBUTES.requestId]: ctx.requestId,
  });
}

/** Runs `generate` inside its request span, ended with the result (or its error). */
export async function traceGenerate<T>(ctx: Context, info: GraphQLResolveInfo, run: () => Promise<T>): Promise<T> {
  const span = startOperation(ctx, info, false);
  if (!span) return run();
  try {
    const result = await ctx.services.tracing.withSpan(span, run);
    span.end();
    return result;
  } catch (error) {
    endWithError(span, error);
    throw error;
  }
}

/**
 * Runs `generateStream`'s subscribe inside its request span, and every step of the events it
 * answers too (a step starts the generation, whose spans and log lines belong to the request);
 * the span ends with the stream (its last event, the subscriber leaving, or an error).
 */
export async function traceGenerateStream<T>(
  ctx: Context,
  info: GraphQLResolveInfo,
  subscribe: () => Promise<AsyncIterableIterator<T>>,
): Promise<AsyncIterableIterator<T>> {
  const span = startOperation(ctx, info, true);
  if (!span) return subscribe();
  const { tracing } = ctx.services;
  let events: AsyncIterableIterator<T>;
  try {
    events = await tracing.withSpan(span, subscribe);
  } catch (error) {
    endWithError(span, error);
    throw error;
  }
  let ended = false;
  const end = (error?: unknown) => {
    if (ended) return;
    ended = true;
    if (error === undefined) span.end();
    else endWithError(span, error);
  };
  const step = async (next: () => Promise<IteratorResult<T>>) => {
    try {
      const result = await tracing.withSpan(span, next);
      if (result.done) end();
      return result;
    } catch (error) {
      end(error);
      throw error;
    }
  };
  const traced: AsyncIterableIterator<T> = {
    next: () => step(() => events.next()),
    return: () => step(() => events.return?.() ?? Promise.resolve({ done: true, value: undefined })),
    throw: (error?: unknown) => step(() => events.throw?.(error) ?? Promise.reject(error)),
    [Symbol.asyncIterator]: () => traced,
  };
  return traced;
}
