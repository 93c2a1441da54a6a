import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { GatewayError } from '../core/errors.js';

const HTTP_STATUS: Partial<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/** The GatewayError behind an error (GraphQL wrapping or `cause` chain), if there is one. */
export function findGatewayError(error: unknown): GatewayError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof GatewayError) return current;
    current = current instanceof GraphQLError ? current.originalError : current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

/** Errors of a database that cannot be reached (the pg driver's and knex's), anywhere in the cause chain. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

function isDatabaseUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const e = current as { code?: unknown; name?: unknown; message?: unknown };
    if (
      (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) ||
      e.name === 'KnexTimeoutError' ||
      (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(e.message))
    )
      return true;
    current = current instanceof GraphQLError ? current.originalError : current instanceof Error ? current.cause : undefined;
  }
  return false;
}

/**
 * Yoga's error mask: a `GatewayError` becomes a GraphQL error with its `code` (and details) in
 * `extensions`; GraphQL's own errors pass through; anything else is a bug and reads
 * "Unexpected error." with code INTERNAL, its details only in the server log — except a database
 * that cannot be reached, which reads so (code INTERNAL, HTTP 503), without its address.
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const gatewayError = findGatewayError(error);
  if (gatewayError) {
    const located = error instanceof GraphQLError ? error : undefined;
    const status = HTTP_STATUS[gatewayError.code];
    return new GraphQLError(gatewayError.message, {
      ...(located ? { nodes: located.nodes, source: located.source, positions: located.positions, path: located.path } : {}),
      extensions: { code: gatewayError.code, ...gatewayError.details, ...(status ? { http: { status } } : {}) },
    });
  }
  if (isDatabaseUnreachable(error)) {
    const located = error instanceof GraphQLError ? error : undefined;
    return new GraphQLError('the database does not answer: nothing was done; retry later', {
      ...(located ? { nodes: located.nodes, path: located.path } : {}),
      extensions: { code: 'INTERNAL', http: { status: 503 } },
    });
  }
  const masked = yogaMaskError(error, message, isDev);
  if (masked instanceof GraphQLError && masked.extensions?.code === 'INTERNAL_SERVER_ERROR') {
    const { originalError: _internals, ...extensions } = masked.extensions; // a stack, in development mode
    return new GraphQLError(masked.message, { nodes: masked.nodes, path: masked.path, extensions: { ...extensions, code: 'INTERNAL' } });
  }
  // graphql-jit's own errors (a null in a non-null field, a value a scalar cannot serialise) have no extensions at all.
  if (
    masked instanceof GraphQLError &&
    masked.extensions &&
    ('originalError' in masked.extensions || masked.extensions.code === 'BAD_REQUEST')
  ) {
    // Yoga's request errors (a body that is not JSON, …) carry the parser's own error in
    // extensions.originalError: internals, not for the client. Their code is the gateway's.
    const { originalError: _internals, ...extensions } = masked.extensions;
    const code = extensions.code === 'BAD_REQUEST' ? 'BAD_USER_INPUT' : extensions.code;
    return new GraphQLError(masked.message, {
      nodes: masked.nodes,
      path: masked.path,
      extensions: { ...extensions, ...(code ? { code } : {}) },
    });
  }
  return masked;
}
