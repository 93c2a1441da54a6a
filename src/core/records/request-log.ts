/**
 * How much of a request the request log keeps (SPEC §17), chosen per key, else per model, else
 * for the gateway:
 * - `off`: only the accounting — model, usage, cost, status, timings, attempts, error code — which
 *   costs and budgets are computed from; no answer text, tool calls, request or error message;
 * - `metadata` (the default): the record as it always was — the answer's text and tool calls, no request;
 * - `full`: `metadata` plus the request itself (messages, tools, parameters).
 * Whatever is kept passes the redaction rules first.
 */
export const REQUEST_LOG_MODES = ['off', 'metadata', 'full'] as const;
export type RequestLogMode = (typeof REQUEST_LOG_MODES)[number];

/** The gateway's `requestLog:` settings. */
export interface RequestLogSettings {
  readonly mode: RequestLogMode;
  /** Records older than this many days are deleted (folded into the daily rollup first). */
  readonly retentionDays: number;
  /** The most bytes of logged content (the sum of the records' log_bytes) kept; past it the oldest records go. */
  readonly maxBytes: number;
  /** Regular expressions (RE2 syntax, linear time) whose matches are replaced by `[redacted]`, besides the built-in ones. */
  readonly redact: readonly string[];
}

export const DEFAULT_REQUEST_LOG: RequestLogSettings = Object.freeze({
  mode: 'metadata',
  retentionDays: 30,
  maxBytes: 1024 * 1024 * 1024,
  redact: Object.freeze([]) as readonly string[],
});

/** The mode that applies: the key's, else the model's, else the gateway's (null: inherits). */
export function effectiveRequestLogMode(
  keyMode: RequestLogMode | null | undefined,
  modelMode: RequestLogMode | null | undefined,
  gatewayMode: RequestLogMode,
): RequestLogMode {
  return keyMode ?? modelMode ?? gatewayMode;
}
