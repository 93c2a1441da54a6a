import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../db/orm.js';
import { type ModelEntity, ModelSchema } from './model.entity.js';
import { flushQuietly } from '../../db/quiet-flush.js';

/** The fields a new model row starts with (the definition is applied to it after). */
export type NewModelRow = Pick<ModelEntity, 'id' | 'provider' | 'status' | 'source' | 'configHash'>;

/**
 * One unit of work on the models table: the entities it reads are tracked, and `flush` writes
 * what changed on them in one transaction. Made by `ModelRepository.begin()`, one per operation.
 */
export class ModelUnitOfWork {
  constructor(private readonly em: EntityManager) {}

  find(id: string): Promise<ModelEntity | null> {
    return this.em.findOne(ModelSchema, { id });
  }

  all(): Promise<ModelEntity[]> {
    return this.em.find(ModelSchema, {});
  }

  /** Models the config file manages (applied from it and not detached since). */
  configManaged(): Promise<ModelEntity[]> {
    return this.em.find(ModelSchema, { source: 'CONFIG', configHash: { $ne: null } });
  }

  /** Models that are neither disabled nor retired. */
  inService(): Promise<ModelEntity[]> {
    return this.em.find(ModelSchema, { status: { $nin: ['DISABLED', 'RETIRED'] } });
  }

  /** A new row, stored at the next flush. */
  create(row: NewModelRow): ModelEntity {
    return this.em.create(ModelSchema, { ...row, capabilities: [], defaults: {}, limits: {} });
  }

  flush(): Promise<void> {
    return flushQuietly(this.em);
  }

  /** Forgets every change not flushed (a refused update). */
  discard(): void {
    this.em.clear();
  }
}

/** The models table: all of its ORM access goes through here. */
export class ModelRepository {
  constructor(private readonly orm: Orm) {}

  begin(): ModelUnitOfWork {
    return new ModelUnitOfWork(this.orm.em.fork());
  }
}
