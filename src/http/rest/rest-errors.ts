import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { GatewayError, InvalidInputError } from '../../core/errors.js';
import { OpenAIRequestError } from '../openai/openai-errors.js';
import { writeJson } from '../openai/openai-http.js';

/** The HTTP status of each GraphQL error code on the REST routes. */
const STATUS_OF: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  COST_LIMIT_EXCEEDED: 429,
  MODEL_UNAVAILABLE: 503,
  BUDGET_UNAVAILABLE: 503,
  RETRY_EXHAUSTED: 502,
  UPSTREAM_ERROR: 502,
};

/** `{error: {code, message, field}}` with the GraphQL error codes; anything unexpected is a masked 500. */
export function writeRestError(logger: Logger, res: ServerResponse, error: unknown): void {
  if (error instanceof OpenAIRequestError) {
    // The request itself (its body, its type), refused before the gateway saw it.
    return writeJson(res, error.status, {
      error: { code: error.status === 403 ? 'FORBIDDEN' : 'BAD_USER_INPUT', message: error.message, field: error.param ?? 'body' },
    });
  }
  if (!(error instanceof GatewayError)) {
    logger.error({ err: error }, 'rest route failed');
    return writeJson(res, 500, { error: { code: 'INTERNAL', message: 'internal error', field: null } });
  }
  const field =
    error instanceof InvalidInputError
      ? (error.problems[0]?.path ?? null)
      : typeof error.details.field === 'string'
        ? error.details.field
        : null;
  writeJson(res, STATUS_OF[error.code] ?? 500, { error: { code: error.code, message: error.message, field } });
}

/** 405 naming the methods the path takes (in `allow` too). */
export function writeMethodNotAllowed(res: ServerResponse, path: string, methods: readonly string[]): void {
  writeJson(
    res,
    405,
    { error: { code: 'BAD_USER_INPUT', message: `use ${methods.join(', ')} on ${path}`, field: null } },
    { allow: methods.join(', ') },
  );
}

export const badInput = (field: string, message: string) => InvalidInputError.forField(field, message);
