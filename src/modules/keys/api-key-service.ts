import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EventBus } from '../../events/event-bus.js';
import type { EntityManager } from '@mikro-orm/core';
import { InvalidInputError, NotFoundError, UnauthenticatedError } from '../../core/errors.js';
import type { Metrics } from '../../observability/metrics.js';
import { enumField, listOf, numberField, objectField, stringField } from '../../validation/fields.js';
import { formatIssues } from '../../validation/format-issues.js';
import { API_KEY_SCOPES, type ApiKeyEntity, ApiKeySchema, type ApiKeyScope } from './api-key.entity.js';
import { LOCAL_VIEWER, type Viewer } from './viewer.js';
import { ViewerCache } from './viewer-cache.js';
import { usdToMicro } from '../../pricing/money.js';
import type { Budget } from '../../core/ports/stores.js';

export const BOOTSTRAP_KEY_ID = 'bootstrap-admin';
const KEY_PREFIX = 'sy_';

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly requestsPerMinute: number | null;
  readonly budget: Budget;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

const budgetAmount = numberField({ min: 0, max: 10_000_000 });
const budgetSchema = objectField({ daily: budgetAmount.optional(), monthly: budgetAmount.optional() });

const createInputSchema = objectField({
  name: stringField('a name of 1 to 100 characters', undefined, 100),
  scopes: listOf(enumField(API_KEY_SCOPES), 'scopes', API_KEY_SCOPES.length).min(1, { error: 'expected at least one scope' }),
  requestsPerMinute: numberField({ int: true, min: 1, max: 1_000_000 }).optional(),
  budget: budgetSchema.optional(),
});

const setBudgetSchema = objectField({
  apiKeyId: stringField('an API key id', undefined, 36),
  daily: budgetAmount.nullable().optional(),
  monthly: budgetAmount.nullable().optional(),
});

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function toRecord(entity: ApiKeyEntity): ApiKeyRecord {
  return {
    id: entity.id,
    name: entity.name,
    prefix: entity.prefix,
    scopes: [...entity.scopes],
    requestsPerMinute: entity.requestsPerMinute ?? null,
    budget: { dailyMicroUsd: entity.dailyBudgetMicroUsd ?? null, monthlyMicroUsd: entity.monthlyBudgetMicroUsd ?? null },
    createdAt: entity.createdAt,
    revokedAt: entity.revokedAt ?? null,
  };
}

/** Reads the secret from `Authorization: Bearer <key>` (or a bare key, as WebSocket params may carry it). */
export function parseAuthorization(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(value.trim());
  return (match?.[1] ?? value).trim();
}

/**
 * API keys (SPEC §7): random secrets shown once, stored as sha256 hashes (the secrets are high
 * entropy, so a fast hash is enough and lookups stay one indexed read). The bootstrap admin key
 * comes from SWITCHYARD_ADMIN_KEY; without it the gateway runs in local mode.
 */
export class ApiKeyService {
  /** Authenticated callers for a few seconds; cleared by every change to a key made here. */
  readonly #viewers = new ViewerCache();

  constructor(private readonly deps: { adminKey: string | undefined; metrics: Metrics; bus: EventBus }) {}

  get localMode(): boolean {
    return this.deps.adminKey === undefined;
  }

  /** Stores (or rotates) the bootstrap admin key's hash; revokes it when the variable is gone. */
  async syncBootstrapKey(em: EntityManager): Promise<void> {
    const existing = await em.findOne(ApiKeySchema, { id: BOOTSTRAP_KEY_ID });
    const { adminKey } = this.deps;
    if (!adminKey) {
      if (existing && !existing.revokedAt) existing.revokedAt = new Date();
    } else if (!existing) {
      em.create(ApiKeySchema, { id: BOOTSTRAP_KEY_ID, name: 'bootstrap admin (SWITCHYARD_ADMIN_KEY)', prefix: adminKey.slice(0, 6), secretHash: hashSecret(adminKey), scopes: ['admin'] });
    } else {
      existing.secretHash = hashSecret(adminKey);
      existing.prefix = adminKey.slice(0, 6);
      existing.revokedAt = null;
    }
    await em.flush();
    this.#viewers.clear();
  }

  async create(em: EntityManager, input: unknown): Promise<{ key: string; apiKey: ApiKeyRecord }> {
    const parsed = createInputSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
    const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
    const entity = em.create(ApiKeySchema, {
      id: randomUUID(),
      name: parsed.data.name,
      prefix: key.slice(0, KEY_PREFIX.length + 6),
      secretHash: hashSecret(key),
      scopes: [...new Set(parsed.data.scopes)],
      requestsPerMinute: parsed.data.requestsPerMinute ?? null,
      dailyBudgetMicroUsd: parsed.data.budget?.daily === undefined ? null : usdToMicro(parsed.data.budget.daily),
      monthlyBudgetMicroUsd: parsed.data.budget?.monthly === undefined ? null : usdToMicro(parsed.data.budget.monthly),
    });
    await em.flush();
    return { key, apiKey: toRecord(entity) };
  }

  async list(em: EntityManager): Promise<ApiKeyRecord[]> {
    const entities = await em.find(ApiKeySchema, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return entities.map(toRecord);
  }

  /** Keys by id, in the order asked (null where there is none): the DataLoader's batch function. */
  async findMany(em: EntityManager, ids: readonly string[]): Promise<(ApiKeyRecord | null)[]> {
    const entities = await em.find(ApiKeySchema, { id: { $in: [...ids] } });
    const byId = new Map(entities.map((e) => [e.id, toRecord(e)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Sets (or clears, with null) a key's daily and monthly budgets in USD; fields left out stay. */
  async setBudget(em: EntityManager, input: unknown): Promise<ApiKeyRecord> {
    const parsed = setBudgetSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
    const entity = await em.findOne(ApiKeySchema, { id: parsed.data.apiKeyId });
    if (!entity) throw new NotFoundError('API key', parsed.data.apiKeyId);
    const { daily, monthly } = parsed.data;
    if (daily !== undefined) entity.dailyBudgetMicroUsd = daily === null ? null : usdToMicro(daily);
    if (monthly !== undefined) entity.monthlyBudgetMicroUsd = monthly === null ? null : usdToMicro(monthly);
    await em.flush();
    this.#viewers.clear();
    return toRecord(entity);
  }

  async revoke(em: EntityManager, id: string): Promise<ApiKeyRecord> {
    if (id === BOOTSTRAP_KEY_ID) {
      throw InvalidInputError.forField('id', 'the bootstrap admin key comes from SWITCHYARD_ADMIN_KEY; change or unset the variable and restart to rotate it');
    }
    const entity = await em.findOne(ApiKeySchema, { id });
    if (!entity) throw new NotFoundError('API key', id);
    entity.revokedAt ??= new Date();
    await em.flush();
    this.#viewers.clear();
    this.deps.bus.publish('apiKeyRevoked', { apiKeyId: entity.id, at: entity.revokedAt });
    return toRecord(entity);
  }

  /**
   * Resolves the caller from the credentials presented. No credentials: the local viewer in local
   * mode, else UNAUTHENTICATED. Presented credentials are always checked, in local mode too. A
   * key found valid is remembered for 5 s (ViewerCache); any change to a key made through this
   * service forgets them all, so revocation and budget changes apply to the very next request.
   */
  async authenticate(em: EntityManager, authorization: unknown): Promise<Viewer> {
    const secret = parseAuthorization(authorization);
    if (secret === undefined) {
      if (this.localMode) return LOCAL_VIEWER;
      this.deps.metrics.authFailures.inc({ reason: 'missing' });
      throw new UnauthenticatedError('an API key is required: send Authorization: Bearer <key>');
    }
    const hash = hashSecret(secret);
    const cached = this.#viewers.get(hash);
    if (cached) return cached;
    const generation = this.#viewers.generation;
    const entity = await em.findOne(ApiKeySchema, { secretHash: hash });
    if (!entity || entity.revokedAt) {
      this.deps.metrics.authFailures.inc({ reason: entity ? 'revoked' : 'unknown' });
      throw new UnauthenticatedError(entity ? 'this API key has been revoked' : 'the API key is not valid');
    }
    const viewer: Viewer = Object.freeze({
      kind: 'key',
      keyId: entity.id,
      scopes: Object.freeze([...entity.scopes]),
      requestsPerMinute: entity.requestsPerMinute ?? null,
      budget: Object.freeze({ dailyMicroUsd: entity.dailyBudgetMicroUsd ?? null, monthlyMicroUsd: entity.monthlyBudgetMicroUsd ?? null }),
    });
    this.#viewers.set(hash, viewer, generation);
    return viewer;
  }
}

