import { CostLimitExceededError, GatewayError, InvalidInputError, NotFoundError, RateLimitedError } from '../../core/errors.js';
import type { RefuseHeader } from '../switchyard-headers.js';

/** OpenAI's error object, as its SDKs read it (`error.type`, `error.code`, `error.param`). */
export interface OpenAIErrorBody {
  readonly error: { readonly message: string; readonly type: string; readonly param: string | null; readonly code: string | null };
}

/** An error as the /v1 routes answer it: status, OpenAI's body, and headers (Retry-After, the generation's id). */
export interface OpenAIErrorAnswer {
  readonly status: number;
  readonly body: OpenAIErrorBody;
  readonly headers: Record<string, string>;
}

/** A request the /v1 routes refuse before the gateway sees it (a parameter this version does not carry out, a malformed body). */
export class OpenAIRequestError extends Error {
  constructor(
    message: string,
    readonly param: string | null,
    readonly code: string | null = 'invalid_value',
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Seconds until the next UTC day or month starts: when a spent budget has room again. */
function untilBudgetResets(budget: unknown, now: Date): number {
  const next =
    budget === 'monthly'
      ? Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)
      : Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

/**
 * Maps anything a /v1 request threw to OpenAI's statuses and error objects: 400
 * `invalid_request_error` (naming the parameter; `model_not_ready` for a model that cannot serve
 * until an operator acts), 401, 403, 404 `model_not_found`, 429 with Retry-After
 * (`rate_limit_exceeded` or `budget_exceeded`), 502 for an upstream that failed, 503 with
 * Retry-After when no model can serve for now; anything else is a masked 500 (the caller logs it).
 */
export function toOpenAIError(error: unknown, now: Date): OpenAIErrorAnswer & { unexpected: boolean } {
  const answer = (
    status: number,
    message: string,
    type: string,
    code: string | null,
    param: string | null = null,
    headers: Record<string, string> = {},
  ) => ({
    status,
    body: { error: { message, type, param, code } },
    headers,
    unexpected: false,
  });
  if (error instanceof OpenAIRequestError) return answer(error.status, error.message, 'invalid_request_error', error.code, error.param);
  if (!(error instanceof GatewayError))
    return {
      ...answer(500, 'The gateway failed to handle this request; it has been logged.', 'server_error', 'internal_error'),
      unexpected: true,
    };
  const generationId: Record<string, string> =
    typeof error.details.generationId === 'string' ? { 'x-switchyard-generation-id': error.details.generationId } : {};
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return answer(
        400,
        error.message,
        'invalid_request_error',
        'invalid_value',
        // The door named its fields (CHAT_COMPLETIONS_FIELDS): the path is the parameter the caller sent.
        (error instanceof InvalidInputError ? error.problems[0]?.path : undefined) ?? null,
        generationId,
      );
    case 'UNAUTHENTICATED':
      return answer(401, error.message, 'invalid_request_error', 'invalid_api_key');
    case 'FORBIDDEN':
      // A key limited to some models asked for another: which parameter named it.
      if (error.details.reason === 'model_not_allowed')
        return answer(403, error.message, 'permission_error', 'model_not_allowed', 'model', generationId);
      return answer(403, error.message, 'permission_error', 'permission_denied', null, generationId);
    case 'NOT_FOUND': {
      const kind = error instanceof NotFoundError ? error.details.kind : undefined;
      if (kind === 'session')
        return answer(404, error.message, 'invalid_request_error', 'session_not_found', 'x-switchyard-session', generationId);
      return answer(404, error.message, 'invalid_request_error', 'model_not_found', 'model', generationId);
    }
    case 'RATE_LIMITED': {
      const retryAfterMs = error instanceof RateLimitedError ? error.retryAfterMs : undefined;
      const retry: Record<string, string> =
        retryAfterMs === undefined
          ? {}
          : { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))), 'retry-after-ms': String(Math.ceil(retryAfterMs)) };
      return answer(429, error.message, 'requests', 'rate_limit_exceeded', null, { ...generationId, ...retry });
    }
    case 'COST_LIMIT_EXCEEDED': {
      const budget = error instanceof CostLimitExceededError ? error.details.budget : undefined;
      // The model's price is unknown and a budget or costLimit applies (budgets.unknownPrice: refuse): not worth retrying.
      if (error.details.field === 'budgets.unknownPrice')
        return answer(400, error.message, 'invalid_request_error', 'unknown_price', 'model', generationId);
      if (budget === 'daily' || budget === 'monthly') {
        return answer(429, error.message, 'insufficient_quota', 'budget_exceeded', null, {
          ...generationId,
          'retry-after': String(untilBudgetResets(budget, now)),
        });
      }
      return answer(400, error.message, 'invalid_request_error', 'cost_limit_exceeded', 'x-switchyard-cost-limit', generationId);
    }
    case 'BUDGET_UNAVAILABLE':
      return answer(503, error.message, 'server_error', 'budget_unavailable', null, { ...generationId, 'retry-after': '1' });
    case 'MODEL_UNAVAILABLE': {
      // Not until an operator acts (no vendor key, disabled, retired): a 400 SDKs do not retry. A transient outage: 503 and when to come back.
      if (error.details.notReady === true)
        return answer(400, error.message, 'invalid_request_error', 'model_not_ready', 'model', generationId);
      const retryAfterMs = typeof error.details.retryAfterMs === 'number' ? error.details.retryAfterMs : undefined;
      const retry: Record<string, string> =
        retryAfterMs === undefined ? {} : { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
      return answer(503, error.message, 'server_error', 'model_unavailable', 'model', { ...generationId, ...retry });
    }
    case 'RETRY_EXHAUSTED':
      return answer(502, error.message, 'upstream_error', 'retry_exhausted', null, generationId);
    case 'UPSTREAM_ERROR':
      return answer(502, error.message, 'upstream_error', 'upstream_error', null, generationId);
    default:
      return {
        ...answer(
          500,
          'The gateway failed to handle this request; it has been logged.',
          'server_error',
          'internal_error',
          null,
          generationId,
        ),
        unexpected: true,
      };
  }
}

/** How an OpenAI door refuses a Switchyard header: a 400 naming it as the parameter. */
export const refuseOpenAIHeader: RefuseHeader = (header, expected, got) => {
  throw new OpenAIRequestError(
    `Invalid value for '${header}': ${expected}${got === undefined ? '' : `, got ${JSON.stringify(got)}`}.`,
    header,
  );
};
