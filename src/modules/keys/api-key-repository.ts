import type { Orm } from '../../db/orm.js';
import type { Budget } from '../../core/ports/stores.js';
import type { ApiKeyRecord, ApiKeyScope } from '../../core/records/api-key.js';
import type { RequestLogMode } from '../../core/records/request-log.js';
import { type ApiKeyEntity, ApiKeySchema } from './api-key.entity.js';
import { flushQuietly } from '../../db/quiet-flush.js';

/** A new key's row: the secret only as its hash. */
export interface NewApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly secretHash: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly requestsPerMinute: number | null;
  readonly budget: Budget;
  readonly models: readonly string[] | null;
  /** Absent: inherits (null). */
  readonly requestLog?: RequestLogMode | null;
  readonly createdAt: Date;
}

function toRecord(entity: ApiKeyEntity): ApiKeyRecord {
  return Object.freeze({
    id: entity.id,
    name: entity.name,
    prefix: entity.prefix,
    scopes: [...entity.scopes],
    requestsPerMinute: entity.requestsPerMinute ?? null,
    budget: { dailyMicroUsd: entity.dailyBudgetMicroUsd ?? null, monthlyMicroUsd: entity.monthlyBudgetMicroUsd ?? null },
    models: entity.models ? [...entity.models] : null,
    requestLog: (entity.requestLog ?? null) as RequestLogMode | null,
    createdAt: entity.createdAt,
    revokedAt: entity.revokedAt ?? null,
  });
}

/** The api_keys table (keys with their limits and budgets): all of its ORM access. Every method works on an EntityManager of its own. */
export class ApiKeyRepository {
  constructor(private readonly orm: Orm) {}

  async insert(key: NewApiKey): Promise<ApiKeyRecord> {
    const em = this.orm.em.fork();
    const entity = em.create(ApiKeySchema, {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      secretHash: key.secretHash,
      scopes: [...key.scopes],
      requestsPerMinute: key.requestsPerMinute,
      dailyBudgetMicroUsd: key.budget.dailyMicroUsd,
      monthlyBudgetMicroUsd: key.budget.monthlyMicroUsd,
      models: key.models ? [...key.models] : null,
      requestLog: key.requestLog ?? null,
      createdAt: key.createdAt,
    });
    await flushQuietly(em);
    return toRecord(entity);
  }

  /** Stores the bootstrap key under `id` with this hash (a new row, or the old one rotated and un-revoked); null revokes it. */
  async syncBootstrap(id: string, name: string, secret: { hash: string; prefix: string } | null, at: Date): Promise<void> {
    const em = this.orm.em.fork();
    const existing = await em.findOne(ApiKeySchema, { id });
    if (!secret) {
      if (existing && !existing.revokedAt) existing.revokedAt = at;
    } else if (!existing) {
      em.create(ApiKeySchema, { id, name, prefix: secret.prefix, secretHash: secret.hash, scopes: ['admin'], createdAt: at });
    } else {
      Object.assign(existing, { secretHash: secret.hash, prefix: secret.prefix, revokedAt: null });
    }
    await flushQuietly(em);
  }

  async list(): Promise<ApiKeyRecord[]> {
    const entities = await this.orm.em.fork().find(ApiKeySchema, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return entities.map(toRecord);
  }

  /** Keys by id, in the order asked (null where there is none). */
  async findMany(ids: readonly string[]): Promise<(ApiKeyRecord | null)[]> {
    const entities = await this.orm.em.fork().find(ApiKeySchema, { id: { $in: [...ids] } });
    const byId = new Map(entities.map((e) => [e.id, toRecord(e)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async findBySecretHash(secretHash: string): Promise<ApiKeyRecord | undefined> {
    const entity = await this.orm.em.fork().findOne(ApiKeySchema, { secretHash });
    return entity ? toRecord(entity) : undefined;
  }

  /** Changes the budgets given (null clears one; undefined leaves it); undefined when there is no such key. */
  async setBudget(
    id: string,
    budget: { dailyMicroUsd?: number | null | undefined; monthlyMicroUsd?: number | null | undefined },
  ): Promise<ApiKeyRecord | undefined> {
    const em = this.orm.em.fork();
    const entity = await em.findOne(ApiKeySchema, { id });
    if (!entity) return undefined;
    if (budget.dailyMicroUsd !== undefined) entity.dailyBudgetMicroUsd = budget.dailyMicroUsd;
    if (budget.monthlyMicroUsd !== undefined) entity.monthlyBudgetMicroUsd = budget.monthlyMicroUsd;
    await flushQuietly(em);
    return toRecord(entity);
  }

  /** Changes the key's request-log mode (null: inherits); undefined when there is no such key. */
  async setRequestLog(id: string, mode: RequestLogMode | null): Promise<ApiKeyRecord | undefined> {
    const em = this.orm.em.fork();
    const entity = await em.findOne(ApiKeySchema, { id });
    if (!entity) return undefined;
    entity.requestLog = mode;
    await flushQuietly(em);
    return toRecord(entity);
  }

  /** Marks the key revoked at `at` (a key revoked earlier keeps its first time); undefined when there is no such key. */
  async revoke(id: string, at: Date): Promise<ApiKeyRecord | undefined> {
    const em = this.orm.em.fork();
    const entity = await em.findOne(ApiKeySchema, { id });
    if (!entity) return undefined;
    entity.revokedAt ??= at;
    await flushQuietly(em);
    return toRecord(entity);
  }
}
