import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * A vendor key stored through the API: only its AES-256-GCM ciphertext (see
 * security/credential-cipher.ts), the IV, the tag and the master key's id; the mask is the only
 * plain text of the secret kept (its last characters, for listings).
 */
export const CredentialSchema = defineEntity({
  name: 'Credential',
  tableName: 'credentials',
  properties: {
    name: p.string().primary().length(64),
    ciphertext: p.text(),
    iv: p.string().length(24),
    tag: p.string().length(24),
    keyId: p.string().length(16),
    mask: p.string().length(8),
    createdAt: p.datetime(),
    rotatedAt: p.datetime().nullable(),
  },
});

export type CredentialEntity = InferEntity<typeof CredentialSchema>;
