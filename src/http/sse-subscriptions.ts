import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { type DocumentNode, type ExecutionResult, getOperationAST, GraphQLError } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Context } from '../graphql/context.js';
import { maskError } from '../graphql/errors.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { isAsyncIterable } from '../util/async-iterable.js';
import { readerTakes } from './stalled-reader.js';

/** Yoga's keep-alive comment interval on an SSE response. */
const PING_MS = 12_000;
const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  connection: 'keep-alive',
  'cache-control': 'no-cache',
  'content-encoding': 'none',
};
/** How long the response's headers may wait for the first result before they are sent alone. */
const HEAD_WAIT_MS = 50;

/** What the Yoga context function gets for an operation served here instead of through a Fetch Request. */
export interface DirectRequest {
  readonly authorization: string | undefined;
  readonly signal: AbortSignal;
  readonly requestId: string;
  /** The request's headers, where a `traceparent` is read from. */
  readonly headers?: IncomingHttpHeaders;
}

interface GraphQLParams {
  readonly query: string;
  readonly variables?: Record<string, unknown> | null;
  readonly operationName?: string | null;
  readonly extensions?: Record<string, unknown> | null;
}

const PARAM_KEYS = new Set(['query', 'variables', 'operationName', 'extensions']);
const isObjectOrNull = (value: unknown) => value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value));

/** The body's GraphQL parameters, or undefined for anything Yoga would refuse or read otherwise (it answers those). */
function paramsOf(body: unknown): GraphQLParams | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  if (Object.keys(record).some((key) => !PARAM_KEYS.has(key)) || !isObjectOrNull(record.extensions)) return undefined;
  const { query, variables, operationName } = record;
  if (typeof query !== 'string') return undefined;
  if (!isObjectOrNull(variables)) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  return body as GraphQLParams;
}

/** A result as Yoga writes it: errors serialised without their internal `http` and `unexpected` extensions. */
function stringifyResult(result: ExecutionResult): string {
  if (!result.errors?.length) return JSON.stringify(result);
  const errors = result.errors.map((error) => {
    const json = (typeof error.toJSON === 'function' ? error.toJSON() : error) as { extensions?: Record<string, unknown> };
    const { http: _http, unexpected: _unexpected, ...extensions } = json.extensions ?? {};
    return { ...json, extensions: Object.keys(extensions).length > 0 ? extensions : undefined };
  });
  return JSON.stringify({ ...result, errors });
}

/**
 * How Yoga would answer a single (non-streamed) result to this Accept header: as JSON when the
 * header also takes `application/json` or anything (`*\/*`), else as SSE. Undefined for media types
 * whose rules differ (GraphQL's own JSON type, multipart): those requests are left to Yoga.
 */
function singleResultType(accept: string): 'json' | 'sse' | undefined {
  if (/graphql-response\+json|multipart\//i.test(accept)) return undefined;
  return /application\/json|\*\/\*/i.test(accept) ? 'json' : 'sse';
}

/** The status Yoga gives a single result over SSE: an error's own HTTP status, 500 for an unexpected error without data, else 200. */
function statusOf(result: ExecutionResult): number {
  let status = 0;
  let unexpected = false;
  for (const error of result.errors ?? []) {
    const http = error.extensions?.http as { status?: number } | undefined;
    if (http?.status) status = Math.max(status, http.status);
    else if (!(error instanceof GraphQLError) || error.extensions?.unexpected) unexpected = true;
  }
  return status || (unexpected && !('data' in result) ? 500 : 200);
}

/**
 * Serves a subscription asked over SSE (`POST /graphql`, `Accept: text/event-stream`, the body
 * already parsed) the way the WebSocket server serves one: through Yoga's envelop (the same
 * schema, plugins, limits and error masking), with each result written straight to the Node
 * response — not through a Fetch Response and a ReadableStream per event. The wire is Yoga's
 * ("distinct connections" GraphQL over SSE): a `:` comment first (with the first result, or alone
 * after 50 ms) and every 12 s, `event: next` /
 * `data: <result>` per result, `event: complete` at the end. A client that reads slowly is not
 * read ahead of: the next result is taken once the last one is written out; one that takes
 * nothing for STALLED_READER_MS (60 s) loses the connection, as on /v1.
 *
 * A refusal (a bad key, an unknown model) is one result, written as Yoga writes it: as SSE, or as
 * JSON when the Accept header also takes `application/json` or `*\/*`.
 *
 * Answers false, having written nothing, for anything it does not take — a body without a query
 * or with parameters Yoga does not know, a query or mutation, a document that does not parse or
 * validate, an Accept header with GraphQL's own JSON type or multipart, a request with an Origin
 * (a browser page's; its CORS headers were set by the request guard) — which the caller then hands
 * to Yoga as before.
 */
export async function serveSseSubscription(
  yoga: YogaServerInstance<Record<string, unknown>, Context>,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  requestId: string,
  deps: {
    readonly logger: Logger;
    readonly openSubscriptions: Pick<Metrics['sseSubscriptions'], 'inc' | 'dec'>;
    readonly stalledReaderMs?: number | undefined;
  },
): Promise<boolean> {
  const { logger } = deps;
  const params = paramsOf(body);
  const single = singleResultType(req.headers.accept ?? '');
  if (!params || single === undefined || req.headers.origin !== undefined) return false;
  const controller = new AbortController();
  const direct: DirectRequest = { authorization: req.headers.authorization, signal: controller.signal, requestId, headers: req.headers };
  const { schema, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({ req, params, direct });
  let document: DocumentNode;
  try {
    document = parse(params.query);
    if (getOperationAST(document, params.operationName ?? undefined)?.operation !== 'subscription') return false;
    if (validate(schema, document).length > 0) return false;
  } catch {
    return false;
  }

  // From here on the request is ours. The client may go away at any point: the operation is
  // aborted (as Yoga's request signal does), a source already made is closed, and nothing waits on
  // the response any more.
  let closed = false;
  let iterator: AsyncIterator<ExecutionResult> | undefined;
  const closeSource = () =>
    iterator?.return?.().catch((error: unknown) => logger.error({ err: error, requestId }, 'closing an SSE subscription failed'));
  res.once('close', () => {
    if (res.writableFinished) return;
    closed = true;
    controller.abort();
    void closeSource();
  });

  let result: AsyncIterable<ExecutionResult> | ExecutionResult;
  try {
    // A caller the context refuses (a bad key) is answered here as Yoga would, not authenticated twice.
    const contextValue = (await contextFactory()) as unknown as Context;
    if (closed) return true;
    result = (await subscribe({
      schema,
      document,
      variableValues: params.variables ?? undefined,
      operationName: params.operationName ?? undefined,
      contextValue,
    })) as typeof result;
  } catch (error) {
    result = { errors: [maskError(error, 'Unexpected error.') as GraphQLError] };
  }
  if (!isAsyncIterable(result)) {
    if (closed) return true;
    if (single === 'json') {
      res.writeHead(statusOf(result), { 'content-type': 'application/json; charset=utf-8' });
      res.end(stringifyResult(result));
    } else {
      res.writeHead(statusOf(result), SSE_HEADERS);
      res.end(`:\n\nevent: next\ndata: ${stringifyResult(result)}\n\nevent: complete\ndata:\n\n`);
    }
    return true;
  }
  iterator = result[Symbol.asyncIterator]();
  if (closed) {
    await closeSource();
    return true;
  }
  res.writeHead(200, SSE_HEADERS);
  // The headers and the first `:` leave with the first result (one write, not two), or alone after
  // HEAD_WAIT_MS when no result comes sooner (a feed with nothing to say yet).
  let head = ':\n\n';
  const headTimer = setTimeout(() => {
    res.write(head);
    head = '';
  }, HEAD_WAIT_MS);
  const ping = setInterval(() => res.write(':\n\n'), PING_MS);
  deps.openSubscriptions.inc();
  try {
    for (;;) {
      const next = await (iterator as AsyncIterator<ExecutionResult>).next();
      if (closed) return true;
      if (next.done) break;
      // Wait until a slow reader has taken what was written: what arrives meanwhile is merged upstream of here.
      const written = res.write(`${head}event: next\ndata: ${stringifyResult(next.value)}\n\n`);
      if (head) {
        head = '';
        clearTimeout(headTimer);
      }
      if (!written && !closed) await readerTakes(res, deps.stalledReaderMs); // cut after STALLED_READER_MS, like /v1
      if (closed) return true;
    }
    res.end(`${head}event: complete\ndata:\n\n`);
  } catch (error) {
    if (!closed) {
      logger.error({ err: error, requestId }, 'an SSE subscription failed');
      res.destroy();
    }
  } finally {
    clearTimeout(headTimer);
    clearInterval(ping);
    deps.openSubscriptions.dec();
  }
  return true;
}
