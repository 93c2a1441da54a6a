/**
 * The errors the client throws, one class per family of `extensions.code`, so callers branch with
 * `instanceof` instead of comparing strings. Every one is a `GatewayError` with the server's
 * `code`, message and `extensions`.
 */
export class GatewayError extends Error {
  constructor(
    message: string,
    /** The server's `extensions.code` (e.g. UPSTREAM_ERROR), or CLIENT_ERROR for failures of the client itself. */
    readonly code: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The stored generation the failure belongs to, when the server named one. */
  get generationId(): string | undefined {
    return typeof this.extensions.generationId === 'string' ? this.extensions.generationId : undefined;
  }
}

/** UNAUTHENTICATED (no, unknown or revoked key) or FORBIDDEN (the key lacks the scope). */
export class AuthError extends GatewayError {}

/** RATE_LIMITED: try again after `retryAfterMs`. */
export class RateLimitError extends GatewayError {
  get retryAfterMs(): number | undefined {
    return typeof this.extensions.retryAfterMs === 'number' ? this.extensions.retryAfterMs : undefined;
  }
}

/** COST_LIMIT_EXCEEDED: the request would cost more than its costLimit or the key's budget allows. */
export class CostLimitError extends GatewayError {}

/** RETRY_EXHAUSTED: every attempt failed; `extensions.attempts` lists them. */
export class RetryError extends GatewayError {}

/** MODEL_UNAVAILABLE: the model exists but cannot take requests (disabled, unhealthy, circuit open). */
export class ModelUnavailableError extends GatewayError {}

/** NOT_FOUND: no such model, session or generation (or not one this key may see). */
export class NotFoundError extends GatewayError {}

/** BAD_USER_INPUT: the message names every field at fault. */
export class InvalidInputError extends GatewayError {}

/** UPSTREAM_ERROR: the vendor failed. */
export class UpstreamError extends GatewayError {}

const BY_CODE: Record<string, new (message: string, code: string, extensions?: Record<string, unknown>) => GatewayError> = {
  UNAUTHENTICATED: AuthError,
  FORBIDDEN: AuthError,
  RATE_LIMITED: RateLimitError,
  COST_LIMIT_EXCEEDED: CostLimitError,
  RETRY_EXHAUSTED: RetryError,
  MODEL_UNAVAILABLE: ModelUnavailableError,
  NOT_FOUND: NotFoundError,
  BAD_USER_INPUT: InvalidInputError,
  UPSTREAM_ERROR: UpstreamError,
};

/** The typed error for a GraphQL error object (`{ message, extensions: { code } }`). */
export function toClientError(error: { message?: unknown; extensions?: Record<string, unknown> | null }): GatewayError {
  const extensions = error.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL';
  const Class = BY_CODE[code] ?? GatewayError;
  return new Class(typeof error.message === 'string' ? error.message : 'request failed', code, extensions);
}
