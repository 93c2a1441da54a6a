import { GraphQLError, Kind, valueFromASTUntyped } from 'graphql';
import { builder } from './builder.js';

/**
 * A DateTime from a variable or a literal. A bad one is a GraphQLError with code BAD_USER_INPUT:
 * graphql-js puts the variable's name in front ("Variable "$since" got invalid value …") and keeps
 * the code; any other error type would be masked as INTERNAL.
 */
function parseDate(value: unknown): Date {
  const date = typeof value === 'string' && ISO_DATE.test(value) ? new Date(asUtc(value)) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime: expected an ISO-8601 date-time string such as 2026-11-25T17:00:00Z', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/** A date, optionally with a time and a zone: what new Date() reads the same on every platform. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A date-time without a zone is read as UTC (new Date() would read it in the server's zone). */
const asUtc = (value: string) => (/[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/i.test(value) ? `${value.replace(' ', 'T')}Z` : value);

builder.scalarType('DateTime', {
  description: 'An ISO-8601 date-time in UTC, e.g. 2026-11-25T17:00:00.000Z.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: parseDate,
  parseLiteral: (node) => parseDate(node.kind === Kind.STRING ? node.value : undefined),
});

builder.scalarType('JSON', {
  description: 'Any JSON value (a JSON Schema, tool arguments), given as a variable or an inline literal.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => valueFromASTUntyped(node, variables ?? undefined),
});
