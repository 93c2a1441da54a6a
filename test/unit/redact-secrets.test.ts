import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/providers/vendor-error.js';

describe('redactSecrets', () => {
  it('should remove the key in any letter case, and key-shaped words', () => {
    const key = 'my-Vendor.Key+123(abc)';
    expect(redactSecrets(`Invalid key ${key.toUpperCase()} given`, key)).toBe('Invalid key [redacted] given');
    expect(redactSecrets(`Invalid key ${key.toLowerCase()}; also ${key}`, key)).toBe('Invalid key [redacted]; also [redacted]');
    expect(redactSecrets('Incorrect API key provided: SK-PROJ-ABCDEF123456', undefined)).toBe('Incorrect API key provided: [redacted]');
    expect(redactSecrets('nothing secret here', key)).toBe('nothing secret here');
  });
});
