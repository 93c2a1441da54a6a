import type { CredentialRecord } from '../../core/records/credential.js';
import type { Orm } from '../../db/orm.js';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { flushQuietly } from '../../db/quiet-flush.js';
import type { SealedSecret } from '../../security/credential-cipher.js';
import { type CredentialEntity, CredentialSchema } from './credential.entity.js';

/** A stored row: the record and the sealed secret. */
export interface StoredCredential {
  readonly record: CredentialRecord;
  readonly sealed: SealedSecret;
}

function toStored(entity: CredentialEntity): StoredCredential {
  return {
    record: Object.freeze({ name: entity.name, mask: entity.mask, createdAt: entity.createdAt, rotatedAt: entity.rotatedAt ?? null }),
    sealed: { ciphertext: entity.ciphertext, iv: entity.iv, tag: entity.tag, keyId: entity.keyId },
  };
}

/** The credentials table: all of its ORM access. Every method works on an EntityManager of its own. */
export class CredentialRepository {
  constructor(private readonly orm: Orm) {}

  async all(): Promise<StoredCredential[]> {
    const entities = await this.orm.em.fork().find(CredentialSchema, {}, { orderBy: { name: 'asc' } });
    return entities.map(toStored);
  }

  async find(name: string): Promise<StoredCredential | undefined> {
    const entity = await this.orm.em.fork().findOne(CredentialSchema, { name });
    return entity ? toStored(entity) : undefined;
  }

  /**
   * Stores a new credential; answers undefined when the name is taken — also when another request
   * (or instance) took it between the check and the insert: the unique violation is that answer,
   * not an error (whose text would carry the row, ciphertext included, to the log).
   */
  async insert(name: string, sealed: SealedSecret, mask: string, at: Date): Promise<StoredCredential | undefined> {
    const em = this.orm.em.fork();
    if (await em.findOne(CredentialSchema, { name })) return undefined;
    const entity = em.create(CredentialSchema, { name, ...sealed, mask, createdAt: at, rotatedAt: null });
    try {
      await flushQuietly(em);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return undefined;
      throw error;
    }
    return toStored(entity);
  }

  /** Replaces a credential's secret; answers undefined when there is none of that name. */
  async replace(name: string, sealed: SealedSecret, mask: string, at: Date): Promise<StoredCredential | undefined> {
    const em = this.orm.em.fork();
    const entity = await em.findOne(CredentialSchema, { name });
    if (!entity) return undefined;
    Object.assign(entity, { ...sealed, mask, rotatedAt: at });
    await flushQuietly(em);
    return toStored(entity);
  }

  /** Deletes the credential; answers what it was, or undefined when there was none. */
  async delete(name: string): Promise<CredentialRecord | undefined> {
    const em = this.orm.em.fork();
    const entity = await em.findOne(CredentialSchema, { name });
    if (!entity) return undefined;
    const { record } = toStored(entity);
    em.remove(entity);
    await flushQuietly(em);
    return record;
  }
}
