import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialCipher, CredentialUnreadableError, keyIdOf, maskSecret, parseMasterKey } from '../../src/security/credential-cipher.js';

const MASTER = randomBytes(32);
const SECRET = 'sk-proj-abcdefghijklmnop-1234';

describe('CredentialCipher (AES-256-GCM under the master key)', () => {
  const cipher = new CredentialCipher(MASTER);

  it('should open what it sealed, with a fresh IV each time and no plain text in the sealed form', () => {
    const a = cipher.seal('openai-prod', SECRET);
    const b = cipher.seal('openai-prod', SECRET);
    expect(cipher.open('openai-prod', a)).toBe(SECRET);
    expect(cipher.open('openai-prod', b)).toBe(SECRET);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(a.tag, 'base64')).toHaveLength(16);
    expect(a.keyId).toBe(keyIdOf(MASTER));
    expect(JSON.stringify(a)).not.toContain('abcdefghijklmnop');
    expect(Buffer.from(a.ciphertext, 'base64').toString('utf8')).not.toContain('sk-proj');
  });

  it('should say that a credential was sealed under another master key, naming both key ids', () => {
    const sealed = cipher.seal('openai-prod', SECRET);
    const other = new CredentialCipher(randomBytes(32));
    expect(() => other.open('openai-prod', sealed)).toThrow(CredentialUnreadableError);
    expect(() => other.open('openai-prod', sealed)).toThrow(
      `credential openai-prod was encrypted under another master key (key id ${cipher.keyId}; SWITCHYARD_MASTER_KEY has key id ${other.keyId})`,
    );
    // A row whose key id was changed to the other key's still fails: the key id is a hint, GCM decides.
    expect(() => other.open('openai-prod', { ...sealed, keyId: other.keyId })).toThrow('cannot be decrypted');
  });

  it('should refuse an altered ciphertext, tag or IV', () => {
    const sealed = cipher.seal('openai-prod', SECRET);
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64');
    };
    for (const altered of [
      { ...sealed, ciphertext: flip(sealed.ciphertext) },
      { ...sealed, tag: flip(sealed.tag) },
      { ...sealed, iv: flip(sealed.iv) },
      { ...sealed, tag: Buffer.from(sealed.tag, 'base64').subarray(0, 8).toString('base64') },
    ])
      expect(() => cipher.open('openai-prod', altered)).toThrow(
        'credential openai-prod cannot be decrypted: its stored ciphertext, tag or name was altered; rotate the credential',
      );
  });

  it('should refuse a row moved to another name (the name is associated data)', () => {
    const sealed = cipher.seal('cheap-key', 'sk-cheap-0000000000');
    expect(() => cipher.open('expensive-key', sealed)).toThrow('credential expensive-key cannot be decrypted');
  });
});

describe('parseMasterKey (SWITCHYARD_MASTER_KEY)', () => {
  it('should take 32 bytes in standard or URL-safe base64', () => {
    const key = randomBytes(32);
    expect(parseMasterKey(key.toString('base64'))).toEqual(key);
    expect(parseMasterKey(`${key.toString('base64url')}\n`)).toEqual(key);
  });

  it('should say what is wrong without repeating the value', () => {
    expect(parseMasterKey(randomBytes(16).toString('base64'))).toBe('expected 32 bytes in base64 (openssl rand -base64 32), got 16 bytes');
    expect(parseMasterKey('not a key!')).toBe('expected 32 bytes in base64 (openssl rand -base64 32), got characters outside base64');
  });
});

describe('maskSecret', () => {
  it('should show at most the last 4 characters, fewer of a short secret', () => {
    expect(maskSecret(SECRET)).toBe('…1234');
    expect(maskSecret('sk-0123456')).toBe('…56');
    expect(maskSecret('abc')).toBe('…');
  });
});
