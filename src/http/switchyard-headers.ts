import type { IncomingMessage, ServerResponse } from 'node:http';
import { cacheStatusHeader } from './cache-control.js';
import { readerTakes } from './stalled-reader.js';

/** The session a /v1 request runs in (its history goes before the request's messages). */
export const SESSION_HEADER = 'x-switchyard-session';
/** The most USD a /v1 request may cost. */
export const COST_LIMIT_HEADER = 'x-switchyard-cost-limit';

/** What the cost-limit header may hold: digits, maybe a fraction (`2`, `0.25`, `.5`); no sign, exponent or radix prefix. */
const PLAIN_DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
const SESSION_ID = /^[0-9a-f-]{36}$/i;
const MAX_COST_LIMIT_USD = 1_000_000;

/** A request header's first value, as sent (empty included). */
export function rawHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** What the Switchyard headers of a /v1 request ask. */
export interface SwitchyardHeaders {
  readonly sessionId?: string;
  readonly costLimit?: number;
}

/**
 * How a door refuses a header: it words `expected` (and `got`, the value sent, when there is one)
 * in its own error shape, naming `header` as the parameter.
 */
export type RefuseHeader = (header: string, expected: string, got?: string) => never;

/**
 * The session and cost-limit headers of a /v1 request, checked once for every door: a session id
 * is a UUID (sent empty: none); a cost limit is a plain decimal number of USD from 0 to 1,000,000
 * (sent empty: refused, not ignored — Number() would also take hex, exponents and Infinity).
 */
export function readSwitchyardHeaders(req: IncomingMessage, refuse: RefuseHeader): SwitchyardHeaders {
  const sessionText = rawHeader(req, SESSION_HEADER);
  const sessionId = sessionText === '' ? undefined : sessionText;
  if (sessionId !== undefined && !SESSION_ID.test(sessionId)) refuse(SESSION_HEADER, 'expected a session id (a UUID)');
  return { ...(sessionId === undefined ? {} : { sessionId }), ...readCostLimit(req, refuse) };
}

/** The cost-limit header alone (a door whose session is not a header: /v1/responses), checked as readSwitchyardHeaders checks it. */
export function readCostLimit(req: IncomingMessage, refuse: RefuseHeader): Pick<SwitchyardHeaders, 'costLimit'> {
  const costText = rawHeader(req, COST_LIMIT_HEADER);
  const costLimit = costText === undefined ? undefined : Number(costText);
  if (costLimit !== undefined && !(PLAIN_DECIMAL.test(costText ?? '') && Number.isFinite(costLimit) && costLimit <= MAX_COST_LIMIT_USD))
    refuse(COST_LIMIT_HEADER, `expected a plain decimal number of USD from 0 to ${MAX_COST_LIMIT_USD} (like 0.25)`, costText);
  return costLimit === undefined ? {} : { costLimit };
}

/**
 * The headers every /v1 answer about a generation carries: its id, the model that served (when
 * known), the attempts made, and whether the response cache served it (`x-switchyard-cache: hit|miss`).
 */
export function generationHeaders(
  generationId: string,
  modelId: string | undefined,
  attempts: number,
  cached = false,
): Record<string, string> {
  return {
    'x-switchyard-generation-id': generationId,
    ...(modelId ? { 'x-switchyard-model': modelId } : {}),
    'x-switchyard-attempts': String(attempts),
    ...cacheStatusHeader(cached),
  };
}

/** The head of a streamed /v1 answer (Server-Sent Events; proxies told not to buffer it). */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
} as const;

/**
 * Writes, and waits while the socket's buffer is full (a slow reader gets merged deltas
 * meanwhile); a reader that takes nothing for STALLED_READER_MS loses the connection, which ends
 * the generation (stored CANCELLED).
 */
export function writeEvent(res: ServerResponse, text: string): Promise<void> {
  if (res.write(text) || res.destroyed) return Promise.resolve();
  return readerTakes(res);
}
