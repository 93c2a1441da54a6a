import type { Orm } from '../../db/orm.js';
import type { PoolRecord, PoolStrategy } from '../../core/records/pool.js';
import { type PoolEntity, PoolSchema } from './pool.entity.js';
import { flushQuietly } from '../../db/quiet-flush.js';

/** A stored pool: its record and the hash of the config entry it was last applied from (null: set through the API). */
export interface StoredPool {
  readonly record: PoolRecord;
  readonly configHash: string | null;
}

function toRecord(entity: PoolEntity): PoolRecord {
  return Object.freeze({
    name: entity.name,
    strategy: entity.strategy as PoolStrategy,
    members: entity.members.map((m) => ({ ...m })),
    retry: { ...entity.retry },
    sticky: entity.sticky,
    stickyTtlSeconds: entity.stickyTtlSeconds ?? null,
    source: entity.source as 'CONFIG' | 'API',
    updatedAt: entity.updatedAt,
  });
}

/** The pools table: all of its ORM access. Every method works on an EntityManager of its own. */
export class PoolRepository {
  constructor(private readonly orm: Orm) {}

  async all(): Promise<StoredPool[]> {
    const entities = await this.orm.em.fork().find(PoolSchema, {}, { orderBy: { name: 'asc' } });
    return entities.map((e) => ({ record: toRecord(e), configHash: e.configHash ?? null }));
  }

  async find(name: string): Promise<StoredPool | undefined> {
    const entity = await this.orm.em.fork().findOne(PoolSchema, { name });
    return entity ? { record: toRecord(entity), configHash: entity.configHash ?? null } : undefined;
  }

  /** Creates or replaces the pool named `pool.name`. */
  async save(
    pool: Omit<PoolRecord, 'retry'> & { readonly retry: PoolRecord['retry'] | null; readonly configHash: string | null },
  ): Promise<PoolRecord> {
    const em = this.orm.em.fork();
    const data = {
      strategy: pool.strategy,
      members: pool.members.map((m) => ({ ...m })),
      retry: pool.retry ? { ...pool.retry } : null,
      sticky: pool.sticky,
      stickyTtlSeconds: pool.stickyTtlSeconds,
      source: pool.source,
      configHash: pool.configHash,
      updatedAt: pool.updatedAt,
    };
    const existing = await em.findOne(PoolSchema, { name: pool.name });
    const entity = existing
      ? Object.assign(existing, data)
      : em.create(PoolSchema, { name: pool.name, createdAt: pool.updatedAt, ...data });
    await flushQuietly(em);
    return toRecord(entity);
  }

  /** Deletes the pool; answers what it was, or undefined when there was none. */
  async delete(name: string): Promise<PoolRecord | undefined> {
    const em = this.orm.em.fork();
    const entity = await em.findOne(PoolSchema, { name });
    if (!entity) return undefined;
    const record = toRecord(entity);
    em.remove(entity);
    await flushQuietly(em);
    return record;
  }
}
