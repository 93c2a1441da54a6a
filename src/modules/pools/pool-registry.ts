import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { PoolRecord, PoolStrategy } from '../../core/records/pool.js';
import { formatIssues } from '../../validation/format-issues.js';
import type { ModelRegistry } from '../models/model-registry.js';
import { type PoolDefinition, poolDefinitionSchema } from './pool-definition.js';
import { type PoolEntity, PoolSchema } from './pool.entity.js';

function toRecord(entity: PoolEntity): PoolRecord {
  return Object.freeze({
    name: entity.name,
    strategy: entity.strategy as PoolStrategy,
    members: entity.members.map((m) => ({ ...m })),
    retry: { ...entity.retry },
    source: entity.source as 'CONFIG' | 'API',
    updatedAt: entity.updatedAt,
  });
}

/** Pools (SPEC §5): stored, and kept in memory for the router like the models' routing table. */
export class PoolRegistry {
  readonly #pools = new Map<string, PoolRecord>();

  constructor(private readonly models: ModelRegistry) {}

  async load(em: EntityManager): Promise<void> {
    this.#pools.clear();
    for (const entity of await em.find(PoolSchema, {})) this.#pools.set(entity.name, toRecord(entity));
  }

  list(): PoolRecord[] {
    return [...this.#pools.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  find(name: string): PoolRecord | undefined {
    return this.#pools.get(name);
  }

  get(name: string): PoolRecord {
    const pool = this.#pools.get(name);
    if (!pool) throw new NotFoundError('pool', name);
    return pool;
  }

  parse(input: unknown, prefix: string): PoolDefinition {
    const parsed = poolDefinitionSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, prefix));
    const unknown = parsed.data.members.flatMap((m, i) => (this.models.find(m.modelId) ? [] : [{ path: `${prefix}.members[${i}].modelId`, message: `no model "${m.modelId}" is registered` }]));
    if (unknown.length) throw new InvalidInputError(unknown);
    return parsed.data;
  }

  /** Creates or replaces a pool. */
  async set(em: EntityManager, input: unknown, source: 'CONFIG' | 'API' = 'API', prefix = 'input'): Promise<PoolRecord> {
    const definition = this.parse(input, prefix);
    const now = new Date();
    const data = {
      strategy: definition.strategy ?? 'WEIGHTED',
      members: definition.members.map((m) => ({ modelId: m.modelId, weight: m.weight ?? 1 })),
      retry: definition.retry ? { ...definition.retry } : null,
      source,
      configHash: source === 'CONFIG' ? hashPool(definition) : null,
      updatedAt: now,
    };
    const existing = await em.findOne(PoolSchema, { name: definition.name });
    const entity = existing ? Object.assign(existing, data) : em.create(PoolSchema, { name: definition.name, createdAt: now, ...data });
    await em.flush();
    const record = toRecord(entity);
    this.#pools.set(record.name, record);
    return record;
  }

  async delete(em: EntityManager, name: string): Promise<PoolRecord> {
    const entity = await em.findOne(PoolSchema, { name });
    if (!entity) throw new NotFoundError('pool', name);
    const record = toRecord(entity);
    await em.removeAndFlush(entity);
    this.#pools.delete(name);
    return record;
  }

  /** Applies the config's `pools:` (keyed by name): set the changed ones, delete the ones the file managed and no longer names. */
  async syncConfig(em: EntityManager, pools: readonly PoolDefinition[]): Promise<void> {
    const named = new Set(pools.map((p) => p.name));
    for (const pool of pools) {
      const existing = await em.findOne(PoolSchema, { name: pool.name });
      if (existing?.configHash !== hashPool(pool)) await this.set(em, pool, 'CONFIG', `pools[${pools.indexOf(pool)}]`);
    }
    for (const entity of await em.find(PoolSchema, { source: 'CONFIG' })) {
      if (!named.has(entity.name)) await this.delete(em, entity.name);
    }
  }
}

function hashPool(pool: PoolDefinition): string {
  return createHash('sha256').update(JSON.stringify(pool)).digest('hex');
}
