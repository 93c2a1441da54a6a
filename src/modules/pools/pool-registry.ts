import type { Clock } from '../../core/ports/clock.js';
import type { EventBus } from '../../core/ports/event-bus.js';
import { createHash } from 'node:crypto';
import { InvalidInputError, NotFoundError } from '../../core/errors.js';
import type { PoolRecord } from '../../core/records/pool.js';
import { formatIssues } from '../../validation/format-issues.js';
import type { ModelRegistry } from '../models/model-registry.js';
import { type PoolDefinition, poolDefinitionSchema } from '../../config/pool-definition.js';
import type { PoolRepository } from './pool-repository.js';

/** Pools (SPEC §5): stored, and kept in memory for the router like the models' routing table. */
export class PoolRegistry {
  readonly #pools = new Map<string, PoolRecord>();

  constructor(
    private readonly models: Pick<ModelRegistry, 'find'>,
    private readonly repository: PoolRepository,
    private readonly clock: Pick<Clock, 'now'>,
    private readonly bus?: Pick<EventBus, 'publish'>,
  ) {}

  /** Another instance changed a pool: this copy follows (null: it was deleted). */
  apply(name: string, pool: PoolRecord | null): void {
    if (pool) this.#pools.set(name, pool);
    else this.#pools.delete(name);
  }

  async load(): Promise<void> {
    this.#pools.clear();
    for (const { record } of await this.repository.all()) this.#pools.set(record.name, record);
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
    const unknown = parsed.data.members.flatMap((m, i) =>
      this.models.find(m.modelId) ? [] : [{ path: `${prefix}.members[${i}].modelId`, message: `no model "${m.modelId}" is registered` }],
    );
    if (unknown.length) throw new InvalidInputError(unknown);
    return parsed.data;
  }

  /** Creates or replaces a pool. */
  async set(input: unknown, source: 'CONFIG' | 'API' = 'API', prefix = 'input'): Promise<PoolRecord> {
    const definition = this.parse(input, prefix);
    const record = await this.repository.save({
      name: definition.name,
      strategy: definition.strategy ?? 'WEIGHTED',
      members: definition.members.map((m) => ({ modelId: m.modelId, weight: m.weight ?? 1 })),
      retry: definition.retry ? { ...definition.retry } : null,
      sticky: definition.sticky ?? false,
      stickyTtlSeconds: definition.stickyTtlSeconds ?? null,
      source,
      configHash: source === 'CONFIG' ? hashPool(definition) : null,
      updatedAt: new Date(this.clock.now()),
    });
    this.#pools.set(record.name, record);
    this.bus?.publish('poolChanged', { name: record.name, pool: record, at: new Date(this.clock.now()) });
    return record;
  }

  async delete(name: string): Promise<PoolRecord> {
    const record = await this.repository.delete(name);
    if (!record) throw new NotFoundError('pool', name);
    this.#pools.delete(name);
    this.bus?.publish('poolChanged', { name, pool: null, at: new Date(this.clock.now()) });
    return record;
  }

  /** Applies the config's `pools:` (keyed by name): set the changed ones, delete the ones the file managed and no longer names. */
  async syncConfig(pools: readonly PoolDefinition[]): Promise<void> {
    const named = new Set(pools.map((p) => p.name));
    for (const pool of pools) {
      const existing = await this.repository.find(pool.name);
      if (existing?.configHash !== hashPool(pool)) await this.set(pool, 'CONFIG', `pools[${pools.indexOf(pool)}]`);
    }
    for (const { record } of await this.repository.all()) {
      if (record.source === 'CONFIG' && !named.has(record.name)) await this.delete(record.name);
    }
  }
}

function hashPool(pool: PoolDefinition): string {
  return createHash('sha256').update(JSON.stringify(pool)).digest('hex');
}
