/**
 * The gateway's error family. Every failure the gateway means to report carries a stable
 * SCREAMING_SNAKE `code` that becomes `extensions.code` on the GraphQL error (SPEC §7), so
 * clients branch on the code, never on the message. Messages say what was wrong and what was
 * expected; they never contain API keys or prompt text. Anything thrown that is not a
 * `GatewayError` is a bug and is masked as `INTERNAL` at the GraphQL edge.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'MODEL_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'COST_LIMIT_EXCEEDED'
  | 'BUDGET_UNAVAILABLE'
  | 'RETRY_EXHAUSTED'
  | 'UPSTREAM_ERROR'
  | 'INTERNAL';

export abstract class GatewayError extends Error {
  abstract readonly code: ErrorCode;
  /** Whether trying the same request again (here or on another model) may succeed. */
  readonly isRetryable: boolean = false;
  /** Extra machine-readable facts merged into `extensions` (never secrets). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options?.details ?? {};
  }

  /**
   * A copy of this error with `extra` merged into `details` (e.g. the id of the stored
   * generation): the same class, code, message, stack and `cause`. The original is left as it
   * was, so an error that reaches several places (a signal's reason) never carries another's facts.
   */
  withDetails(extra: Record<string, unknown>): this {
    const fields: PropertyDescriptorMap = Object.getOwnPropertyDescriptors(this);
    fields.details = { ...fields.details, value: { ...this.details, ...extra } };
    return Object.create(Object.getPrototypeOf(this) as object, fields) as this;
  }
}

/** One problem with an input value: `path` is the dotted field path, `message` says what was expected. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

/** The input is invalid; nothing was changed. `problems` lists every field at fault, not only the first. */
export class InvalidInputError extends GatewayError {
  readonly code = 'BAD_USER_INPUT' as const;
  readonly problems: readonly FieldProblem[];

  constructor(problems: readonly FieldProblem[]) {
    super(problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '), {
      // A problem of the request as a whole (no path) names no field.
      details: { fields: problems.flatMap((p) => (p.path ? [p.path] : [])) },
    });
    this.problems = problems;
  }

  static forField(path: string, message: string): InvalidInputError {
    return new InvalidInputError([{ path, message }]);
  }
}

/** No credentials where they are required, or credentials that are unknown or revoked. */
export class UnauthenticatedError extends GatewayError {
  readonly code = 'UNAUTHENTICATED' as const;
}

/** The caller is known but its key lacks the scope the operation needs. */
export class ForbiddenError extends GatewayError {
  readonly code = 'FORBIDDEN' as const;
}

/** The named thing does not exist (or is not visible to the caller). */
export class NotFoundError extends GatewayError {
  readonly code = 'NOT_FOUND' as const;

  constructor(kind: string, id: string) {
    super(`${kind} "${id}" does not exist`, { details: { kind, id } });
  }
}

/** The model exists but cannot serve requests now (disabled, retired, unhealthy, circuit open). */
export class ModelUnavailableError extends GatewayError {
  readonly code = 'MODEL_UNAVAILABLE' as const;
}

/**
 * The upstream vendor failed: an HTTP error, a broken or malformed stream, a timeout, a refused
 * connection. `status` is the vendor's HTTP status when there was one; `retryAfterMs` comes from
 * its `Retry-After` header. Retryable: connection errors, timeouts, 408, 409, 429, 5xx and 529.
 */
export class UpstreamError extends GatewayError {
  readonly code: ErrorCode = 'UPSTREAM_ERROR';
  override readonly isRetryable: boolean;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    options: { status?: number; retryAfterMs?: number; retryable?: boolean; reason?: string; provider?: string; cause?: unknown } = {},
  ) {
    super(message, {
      cause: options.cause,
      details: {
        ...(options.status !== undefined ? { upstreamStatus: options.status } : {}),
        ...(options.retryAfterMs !== undefined ? { retryAfterMs: options.retryAfterMs } : {}),
        ...(options.reason ? { reason: options.reason } : {}),
        ...(options.provider ? { provider: options.provider } : {}),
      },
    });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.isRetryable = options.retryable ?? isRetryableStatus(options.status);
  }
}

export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}

/** The vendor (HTTP 429) or the gateway's own limits refused the request for now; retry after `retryAfterMs`. */
export class RateLimitedError extends UpstreamError {
  override readonly code: ErrorCode = 'RATE_LIMITED';
}

/** The request would cost more than its `costLimit` (or the key's budget) even with one output token. */
export class CostLimitExceededError extends GatewayError {
  readonly code = 'COST_LIMIT_EXCEEDED' as const;
}

/**
 * The database did not store a generation record (it does not answer, or refused the write):
 * nothing half-written is kept, and the caller gets this clear INTERNAL error rather than a
 * masked one. Retryable.
 */
export class RecordNotStoredError extends GatewayError {
  readonly code = 'INTERNAL' as const;
  override readonly isRetryable = true;
}

/**
 * The key's budget could not be checked (its store — Redis, with several instances — does not
 * answer): the request is refused, never let through unchecked (budgets fail closed). Retryable.
 */
export class BudgetUnavailableError extends GatewayError {
  readonly code = 'BUDGET_UNAVAILABLE' as const;
  override readonly isRetryable = true;
}

/** Every attempt failed (retries and fallbacks included); `attempts` lists them, oldest first. */
export class RetryExhaustedError extends GatewayError {
  readonly code = 'RETRY_EXHAUSTED' as const;

  constructor(
    message: string,
    readonly attempts: ReadonlyArray<{ modelId: string; errorCode?: string; httpStatus?: number; durationMs: number; delayMs?: number }>,
  ) {
    super(message, { details: { attempts: attempts.map((a) => ({ ...a })) } });
  }
}
