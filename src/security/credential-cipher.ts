import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** A vendor key as stored: AES-256-GCM ciphertext, its IV and tag (base64), and the id of the master key it is sealed under. */
export interface SealedSecret {
  readonly ciphertext: string;
  readonly iv: string;
  readonly tag: string;
  /** `keyIdOf(masterKey)`: tells a wrong master key apart from an altered row. */
  readonly keyId: string;
}

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const MASTER_KEY_BYTES = 32;

/**
 * Reads SWITCHYARD_MASTER_KEY: 32 bytes in base64 (standard or URL-safe alphabet). Answers the
 * key, or what is wrong with the value (never the value itself).
 */
export function parseMasterKey(value: string): Buffer | string {
  const text = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return 'expected 32 bytes in base64 (openssl rand -base64 32), got characters outside base64';
  const key = Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  return key.length === MASTER_KEY_BYTES
    ? key
    : `expected 32 bytes in base64 (openssl rand -base64 32), got ${key.length} byte${key.length === 1 ? '' : 's'}`;
}

/** A short, public fingerprint of a master key (HMAC of a fixed label): stored beside each ciphertext, it reveals nothing of the key. */
export function keyIdOf(masterKey: Buffer): string {
  return createHmac('sha256', masterKey).update('switchyard credential master key id').digest('hex').slice(0, 16);
}

/** The associated data: binds a ciphertext to the credential's name, so rows swapped between names fail to open. */
function associatedData(name: string): Buffer {
  return Buffer.from(`switchyard-credential:v1:${name}`, 'utf8');
}

/** Why a stored credential could not be opened; the message names the credential, never its secret. */
export class CredentialUnreadableError extends Error {
  override readonly name = 'CredentialUnreadableError';
}

/**
 * AES-256-GCM under the master key, through node:crypto: a fresh random 12-byte IV per
 * encryption, the 16-byte tag stored, the credential's name as associated data.
 * @see https://nodejs.org/api/crypto.html#cryptocreatecipherivalgorithm-key-iv-options
 * @see https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf (96-bit IVs)
 */
export class CredentialCipher {
  readonly keyId: string;

  constructor(private readonly masterKey: Buffer) {
    if (masterKey.length !== MASTER_KEY_BYTES) throw new Error(`the master key must be ${MASTER_KEY_BYTES} bytes, got ${masterKey.length}`);
    this.keyId = keyIdOf(masterKey);
  }

  seal(name: string, secret: string): SealedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.masterKey, iv, { authTagLength: 16 });
    cipher.setAAD(associatedData(name));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return {
      ciphertext: ciphertext.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      keyId: this.keyId,
    };
  }

  /** The secret; CredentialUnreadableError when the row was sealed under another master key, or altered, or moved to another name. */
  open(name: string, sealed: SealedSecret): string {
    if (sealed.keyId !== this.keyId)
      throw new CredentialUnreadableError(
        `credential ${name} was encrypted under another master key (key id ${sealed.keyId}; SWITCHYARD_MASTER_KEY has key id ${this.keyId}): set the master key it was stored with, or rotate the credential`,
      );
    try {
      // authTagLength: a shortened tag is refused, not checked on fewer bytes.
      const decipher = createDecipheriv(ALGORITHM, this.masterKey, Buffer.from(sealed.iv, 'base64'), { authTagLength: 16 });
      decipher.setAAD(associatedData(name));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new CredentialUnreadableError(
        `credential ${name} cannot be decrypted: its stored ciphertext, tag or name was altered; rotate the credential`,
      );
    }
  }
}

/** How a secret is shown: its last 4 characters (fewer for a short one; none under 8), never more. */
export function maskSecret(secret: string): string {
  const shown = secret.length >= 16 ? 4 : secret.length >= 8 ? 2 : 0;
  return `…${secret.slice(secret.length - shown)}`;
}
