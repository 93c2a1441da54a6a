import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from '../../core/ports/clock.js';
import { CostLimitExceededError, GatewayError, RateLimitedError } from '../../core/errors.js';
import { OpenAIRequestError } from '../openai/openai-errors.js';
import { writeJson } from '../openai/openai-http.js';

/**
 * Anthropic's error object, as its SDKs read it: `{"type":"error","error":{"type","message"}}`.
 * @see https://docs.anthropic.com/en/api/errors
 */
export interface AnthropicErrorBody {
  readonly type: 'error';
  readonly error: { readonly type: AnthropicErrorType; readonly message: string };
}

export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'overloaded_error';

export interface AnthropicErrorAnswer {
  readonly status: number;
  readonly body: AnthropicErrorBody;
  readonly headers: Record<string, string>;
  readonly unexpected: boolean;
}

/** A request /v1/messages refuses before the gateway sees it (a field this version does not carry out, a malformed body). */
export class AnthropicRequestError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Anthropic's error type for a status the door itself answers. */
function typeOfStatus(status: number): AnthropicErrorType {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

function untilBudgetResets(budget: unknown, now: Date): number {
  const next =
    budget === 'monthly'
      ? Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)
      : Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

/**
 * Maps anything a /v1/messages request threw to Anthropic's statuses and error types, so its SDK
 * raises its typed errors: 400 invalid_request_error, 401 authentication_error, 403
 * permission_error, 404 not_found_error, 413 request_too_large, 429 rate_limit_error (with
 * Retry-After), 502 api_error for an upstream that failed, 503 overloaded_error when no model can
 * serve now; anything else a masked 500 api_error (the caller logs it).
 */
export function toAnthropicError(error: unknown, now: Date): AnthropicErrorAnswer {
  const answer = (status: number, type: AnthropicErrorType, message: string, headers: Record<string, string> = {}, unexpected = false) => ({
    status,
    body: { type: 'error' as const, error: { type, message } },
    headers,
    unexpected,
  });
  if (error instanceof AnthropicRequestError) return answer(error.status, typeOfStatus(error.status), error.message);
  // The shared body reader (content type, size, time) speaks the OpenAI door's error: same status here.
  if (error instanceof OpenAIRequestError) return answer(error.status, typeOfStatus(error.status), error.message);
  const masked = 'The gateway failed to handle this request; it has been logged.';
  if (!(error instanceof GatewayError)) return answer(500, 'api_error', masked, {}, true);
  const generationId: Record<string, string> =
    typeof error.details.generationId === 'string' ? { 'x-switchyard-generation-id': error.details.generationId } : {};
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return answer(400, 'invalid_request_error', error.message, generationId);
    case 'UNAUTHENTICATED':
      return answer(401, 'authentication_error', error.message);
    case 'FORBIDDEN':
      return answer(403, 'permission_error', error.message, generationId);
    case 'NOT_FOUND':
      return answer(404, 'not_found_error', error.message, generationId);
    case 'RATE_LIMITED': {
      const retryAfterMs = error instanceof RateLimitedError ? error.retryAfterMs : undefined;
      const retry: Record<string, string> =
        retryAfterMs === undefined ? {} : { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
      return answer(429, 'rate_limit_error', error.message, { ...generationId, ...retry });
    }
    case 'COST_LIMIT_EXCEEDED': {
      const budget = error instanceof CostLimitExceededError ? error.details.budget : undefined;
      if (budget === 'daily' || budget === 'monthly')
        return answer(429, 'rate_limit_error', error.message, { ...generationId, 'retry-after': String(untilBudgetResets(budget, now)) });
      return answer(400, 'invalid_request_error', error.message, generationId);
    }
    case 'BUDGET_UNAVAILABLE':
      return answer(503, 'overloaded_error', error.message, { ...generationId, 'retry-after': '1' });
    case 'MODEL_UNAVAILABLE':
      return answer(503, 'overloaded_error', error.message, generationId);
    case 'RETRY_EXHAUSTED':
    case 'UPSTREAM_ERROR':
      return answer(502, 'api_error', error.message, generationId);
    default:
      return answer(500, 'api_error', masked, generationId, true);
  }
}

/** An error in Anthropic's shape and status, with the body's `request_id`; an unexpected one is logged and masked. */
export function writeAnthropicError(
  deps: { readonly clock: Clock; readonly logger: Logger },
  res: ServerResponse,
  error: unknown,
  headers: Record<string, string>,
): void {
  const answer = toAnthropicError(error, new Date(deps.clock.now()));
  if (answer.unexpected) deps.logger.error({ err: error }, 'anthropic route failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // Anthropic's error body names the request beside the `request-id` header.
  const requestId = res.getHeader('request-id');
  const body = typeof requestId === 'string' ? { ...answer.body, request_id: requestId } : answer.body;
  writeJson(res, answer.status, body, { ...headers, ...answer.headers });
}
