import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidInputError } from '../../src/core/errors.js';
import { maskError } from '../../src/graphql/errors.js';

describe('maskError', () => {
  it('should turn a GatewayError into its code and details', () => {
    const wrapped = new GraphQLError('x', { originalError: InvalidInputError.forField('input.id', 'expected an id') });
    const masked = maskError(wrapped, 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe('input.id: expected an id');
    expect(masked.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.id'] });
  });

  it('should give auth errors their HTTP status', () => {
    const masked = maskError(new ForbiddenError('no'), 'Unexpected error.') as GraphQLError;
    expect(masked.extensions).toEqual({ code: 'FORBIDDEN', http: { status: 403 } });
  });

  it('should hide anything else behind "Unexpected error." with code INTERNAL', () => {
    const wrapped = new GraphQLError('secret detail', { originalError: new Error('secret detail') });
    const masked = maskError(wrapped, 'Unexpected error.', false) as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions.code).toBe('INTERNAL');
    expect(JSON.stringify(masked.toJSON())).not.toContain('secret detail');
  });

  it('should say that the database does not answer (503), without its address, for the driver’s connection errors', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    const masked = maskError(
      new GraphQLError('x', { originalError: new Error('query failed', { cause: refused }) }),
      'Unexpected error.',
      false,
    ) as GraphQLError;
    expect(masked.message).toBe('the database does not answer: nothing was done; retry later');
    expect(masked.extensions).toEqual({ code: 'INTERNAL', http: { status: 503 } });
    expect(JSON.stringify(masked.toJSON())).not.toContain('10.0.0.5');
  });
});
