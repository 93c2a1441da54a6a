import type { IncomingMessage, ServerResponse } from 'node:http';
import { SpanStatusCode } from '@opentelemetry/api';
import { endWithError, type Tracing } from '../observability/tracing.js';
import { type GenAIOperation, operationAttributes, SWITCHYARD_ATTRIBUTES } from '../observability/tracing-attributes.js';
import { httpServerAttributes, httpStatusAttributes } from '../observability/tracing-http.js';

/** The /v1 doors that run a generation, and the GenAI operation each is. */
const GENERATION_DOORS: Readonly<Record<string, GenAIOperation>> = {
  '/v1/chat/completions': 'chat',
  '/v1/responses': 'chat',
  '/v1/messages': 'chat',
  '/v1/embeddings': 'embeddings',
};

/**
 * Runs a /v1 request inside its SERVER span when it is a generation (a POST to a generation
 * door) and tracing is on: the span's parent is the caller's `traceparent`; it is named
 * `POST {route}` and ends with the answer, carrying its status (5xx: an error). Anything else runs as it is.
 */
export async function traceDoor(
  tracing: Tracing,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  requestId: string,
  handle: () => Promise<void>,
): Promise<void> {
  const operation = req.method === 'POST' ? GENERATION_DOORS[path] : undefined;
  if (!tracing.enabled || operation === undefined) return handle();
  const span = tracing.startRequest(`POST ${path}`, req.headers, {
    ...httpServerAttributes('POST', path),
    ...operationAttributes(operation),
    [SWITCHYARD_ATTRIBUTES.requestId]: requestId,
  });
  try {
    await tracing.withSpan(span, handle);
  } catch (error) {
    endWithError(span, error);
    throw error;
  }
  span?.setAttributes(httpStatusAttributes(res.statusCode));
  if (res.statusCode >= 500) span?.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${res.statusCode}` });
  span?.end();
}
