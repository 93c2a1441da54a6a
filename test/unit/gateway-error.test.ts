import { describe, expect, it } from 'vitest';
import { GatewayError, InvalidInputError, NotFoundError, RateLimitedError, UpstreamError } from '../../src/core/errors.js';

describe('GatewayError.withDetails', () => {
  it('should answer a copy with the details merged and leave the original as it was', () => {
    const original = new NotFoundError('model', 'gpt-x');
    const named = original.withDetails({ field: 'modelId' });
    expect(named).not.toBe(original);
    expect(named.details).toEqual({ kind: 'model', id: 'gpt-x', field: 'modelId' });
    expect(original.details).toEqual({ kind: 'model', id: 'gpt-x' });
  });

  it('should keep the class, code, message, stack, cause and the subclass fields', () => {
    const cause = new Error('socket hang up');
    const original = new InvalidInputError([{ path: 'input.maxTokens', message: 'expected at most 4096' }]);
    const copy = original.withDetails({ generationId: 'g1' });
    expect(copy).toBeInstanceOf(InvalidInputError);
    expect(copy).toBeInstanceOf(GatewayError);
    expect(copy).toBeInstanceOf(Error);
    expect(copy.code).toBe('BAD_USER_INPUT');
    expect(copy.name).toBe('InvalidInputError');
    expect(copy.message).toBe(original.message);
    expect(copy.stack).toBe(original.stack);
    expect(copy.problems).toBe(original.problems);
    expect(copy.details).toEqual({ fields: ['input.maxTokens'], generationId: 'g1' });

    const upstream = new UpstreamError('upstream answered 502', { cause }).withDetails({ generationId: 'g2' });
    expect(upstream.cause).toBe(cause);
    expect(upstream).toBeInstanceOf(UpstreamError);
  });

  it('should keep what the constructor decided (isRetryable, status, retryAfterMs)', () => {
    const limited = new RateLimitedError('rate limited upstream', { status: 429, retryAfterMs: 1500 });
    const copy = limited.withDetails({ generationId: 'g3' });
    expect(copy).toBeInstanceOf(RateLimitedError);
    expect([copy.code, copy.isRetryable, copy.status, copy.retryAfterMs]).toEqual(['RATE_LIMITED', true, 429, 1500]);
    expect(copy.details).toEqual({ upstreamStatus: 429, retryAfterMs: 1500, generationId: 'g3' });
  });
});
