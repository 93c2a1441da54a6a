import type { ChatRequest } from '../../core/chat/chat-request.js';
import type { GenerationRecord, StoredRequest } from '../../core/records/generation.js';
import type { RequestLogMode } from '../../core/records/request-log.js';
import type { Redactor } from '../../security/log-redactor.js';

/**
 * The record as the request log keeps it in `mode`, every string it keeps passed through the
 * redactor: `off` keeps the accounting only (no text, tool calls, request or error message),
 * `metadata` the answer and the error message, `full` the request too. The caller's own answer
 * is not touched: only the stored copy is.
 */
export function loggedRecord(
  record: GenerationRecord,
  mode: RequestLogMode,
  redactor: Redactor,
  request: ChatRequest | null,
): GenerationRecord {
  if (mode === 'off') return { ...record, text: '', toolCalls: [], errorMessage: null, request: null };
  const redact = redactor.forRecord();
  return {
    ...record,
    text: redact(record.text),
    toolCalls: record.toolCalls.map((call) => ({ ...call, arguments: redact(call.arguments) })),
    errorMessage: record.errorMessage === null ? null : redact(record.errorMessage),
    request:
      mode === 'full' && request !== null && request.messages.length > 0
        ? (redactDeep(storedRequest(request), redact) as StoredRequest)
        : null,
  };
}

/** What of a chat request the log keeps: the messages sent upstream, the tools and the merged parameters. */
function storedRequest(request: ChatRequest): StoredRequest {
  return {
    messages: request.messages,
    params: request.params,
    ...(request.tools ? { tools: request.tools } : {}),
    ...(request.toolChoice !== undefined ? { toolChoice: request.toolChoice } : {}),
    ...(request.parallelToolCalls !== undefined ? { parallelToolCalls: request.parallelToolCalls } : {}),
    ...(request.responseFormat !== undefined ? { responseFormat: request.responseFormat } : {}),
    ...(request.reasoning !== undefined ? { reasoning: request.reasoning } : {}),
  };
}

/** A copy of a JSON-shaped value with every string (not the keys) redacted. */
function redactDeep(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redact));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactDeep(item, redact);
    return out;
  }
  return value;
}
