import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EventBus } from '../../core/ports/event-bus.js';
import { InvalidInputError, NotFoundError, UnauthenticatedError } from '../../core/errors.js';
import type { Metrics } from '../../observability/metrics.js';
import { enumField, listOf, numberField, objectField, stringField } from '../../validation/fields.js';
import { formatIssues } from '../../validation/format-issues.js';
import { API_KEY_SCOPES, type ApiKeyRecord } from '../../core/records/api-key.js';
import type { ApiKeyRepository } from './api-key-repository.js';
import type { Clock } from '../../core/ports/clock.js';
import { LOCAL_VIEWER, type Viewer } from './viewer.js';
import { ViewerCache } from './viewer-cache.js';
import { usdToMicro } from '../../pricing/money.js';
import { MODEL_ACCESS_ENTRY } from '../../routing/model-access.js';
import { REQUEST_LOG_MODES } from '../../core/records/request-log.js';

export const BOOTSTRAP_KEY_ID = 'bootstrap-admin';
const KEY_PREFIX = 'sy_';

const budgetAmount = numberField({ min: 0, max: 10_000_000 });
const budgetSchema = objectField({ daily: budgetAmount.optional(), monthly: budgetAmount.optional() });

const createInputSchema = objectField({
  name: stringField('a name of 1 to 100 characters', undefined, 100),
  scopes: listOf(enumField(API_KEY_SCOPES), 'scopes', API_KEY_SCOPES.length).min(1, { error: 'expected at least one scope' }),
  requestsPerMinute: numberField({ int: true, min: 1, max: 1_000_000 }).optional(),
  budget: budgetSchema.optional(),
  models: listOf(
    stringField('a model id, a pool name or a prefix/* pattern (up to 200 characters)', MODEL_ACCESS_ENTRY, 200),
    'models',
    200,
  )
    .min(1, { error: 'expected at least one model, pool or pattern (leave models out for every model)' })
    .optional(),
  requestLog: enumField(REQUEST_LOG_MODES).optional(),
});

const updateInputSchema = objectField({
  id: stringField('an API key id', undefined, 36),
  requestLog: enumField(REQUEST_LOG_MODES).nullable().optional(),
});

const setBudgetSchema = objectField({
  apiKeyId: stringField('an API key id', undefined, 36),
  daily: budgetAmount.nullable().optional(),
  monthly: budgetAmount.nullable().optional(),
});

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
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
  readonly #viewers: ViewerCache;

  constructor(
    private readonly deps: {
      adminKey: string | undefined;
      repository: ApiKeyRepository;
      metrics: Pick<Metrics, 'authFailures'>;
      bus: Pick<EventBus, 'publish'>;
      clock: Pick<Clock, 'now'>;
    },
  ) {
    this.#viewers = new ViewerCache(undefined, undefined, () => deps.clock.now());
  }

  get localMode(): boolean {
    return this.deps.adminKey === undefined;
  }

  /** Stores (or rotates) the bootstrap admin key's hash; revokes it when the variable is gone. */
  async syncBootstrapKey(): Promise<void> {
    const { adminKey } = this.deps;
    const secret = adminKey ? { hash: hashSecret(adminKey), prefix: adminKey.slice(0, 6) } : null;
    await this.deps.repository.syncBootstrap(
      BOOTSTRAP_KEY_ID,
      'bootstrap admin (SWITCHYARD_ADMIN_KEY)',
      secret,
      new Date(this.deps.clock.now()),
    );
    this.#viewers.clear();
  }

  async create(input: unknown): Promise<{ key: string; apiKey: ApiKeyRecord }> {
    const parsed = createInputSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
    const key = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
    const apiKey = await this.deps.repository.insert({
      id: randomUUID(),
      name: parsed.data.name,
      prefix: key.slice(0, KEY_PREFIX.length + 6),
      secretHash: hashSecret(key),
      scopes: [...new Set(parsed.data.scopes)],
      requestsPerMinute: parsed.data.requestsPerMinute ?? null,
      budget: {
        dailyMicroUsd: parsed.data.budget?.daily === undefined ? null : usdToMicro(parsed.data.budget.daily),
        monthlyMicroUsd: parsed.data.budget?.monthly === undefined ? null : usdToMicro(parsed.data.budget.monthly),
      },
      models: parsed.data.models ? [...new Set(parsed.data.models)] : null,
      requestLog: parsed.data.requestLog ?? null,
      createdAt: new Date(this.deps.clock.now()),
    });
    return { key, apiKey };
  }

  list(): Promise<ApiKeyRecord[]> {
    return this.deps.repository.list();
  }

  /** Keys by id, in the order asked (null where there is none): the DataLoader's batch function. */
  findMany(ids: readonly string[]): Promise<(ApiKeyRecord | null)[]> {
    return this.deps.repository.findMany(ids);
  }

  /** Sets (or clears, with null) a key's daily and monthly budgets in USD; fields left out stay. */
  async setBudget(input: unknown): Promise<ApiKeyRecord> {
    const parsed = setBudgetSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
    const { apiKeyId, daily, monthly } = parsed.data;
    const micro = (usd: number | null | undefined) => (usd === undefined ? undefined : usd === null ? null : usdToMicro(usd));
    const record = await this.deps.repository.setBudget(apiKeyId, { dailyMicroUsd: micro(daily), monthlyMicroUsd: micro(monthly) });
    if (!record) throw new NotFoundError('API key', apiKeyId);
    this.#viewers.clear();
    this.deps.bus.publish('apiKeysChanged', { at: new Date(this.deps.clock.now()) });
    return record;
  }

  /**
   * Changes a key's settings (for now its request-log mode: null inherits the model's, else the
   * gateway's); fields left out stay. Applies to the key's next request.
   */
  async update(input: unknown): Promise<ApiKeyRecord> {
    const parsed = updateInputSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
    const { id, requestLog } = parsed.data;
    const record =
      requestLog === undefined ? (await this.deps.repository.findMany([id]))[0] : await this.deps.repository.setRequestLog(id, requestLog);
    if (!record) throw new NotFoundError('API key', id);
    this.#viewers.clear();
    this.deps.bus.publish('apiKeysChanged', { at: new Date(this.deps.clock.now()) });
    return record;
  }

  /** Forgets every key remembered for authentication (another instance changed or revoked one). */
  forgetRemembered(): void {
    this.#viewers.clear();
  }

  async revoke(id: string): Promise<ApiKeyRecord> {
    if (id === BOOTSTRAP_KEY_ID) {
      throw InvalidInputError.forField(
        'id',
        'the bootstrap admin key comes from SWITCHYARD_ADMIN_KEY; change or unset the variable and restart to rotate it',
      );
    }
    const record = await this.deps.repository.revoke(id, new Date(this.deps.clock.now()));
    if (!record?.revokedAt) throw new NotFoundError('API key', id);
    this.#viewers.clear();
    this.deps.bus.publish('apiKeyRevoked', { apiKeyId: record.id, at: record.revokedAt });
    return record;
  }

  /**
   * Resolves the caller from the credentials presented. No credentials: the local viewer in local
   * mode, else UNAUTHENTICATED. Presented credentials are always checked, in local mode too. A
   * key found valid is remembered for 5 s (ViewerCache); any change to a key made through this
   * service forgets them all, so revocation and budget changes apply to the very next request.
   */
  async authenticate(authorization: unknown): Promise<Viewer> {
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
    const key = await this.deps.repository.findBySecretHash(hash);
    if (!key || key.revokedAt) {
      this.deps.metrics.authFailures.inc({ reason: key ? 'revoked' : 'unknown' });
      throw new UnauthenticatedError(key ? 'this API key has been revoked' : 'the API key is not valid');
    }
    const viewer: Viewer = Object.freeze({
      kind: 'key',
      keyId: key.id,
      scopes: Object.freeze([...key.scopes]),
      requestsPerMinute: key.requestsPerMinute,
      budget: Object.freeze({ ...key.budget }),
      models: key.models ? Object.freeze([...key.models]) : null,
      requestLog: key.requestLog,
    });
    this.#viewers.set(hash, viewer, generation);
    return viewer;
  }

  /**
   * The id of the valid key presented, or null (none, not a key, revoked): for bookkeeping that
   * must not count as an authentication (the connection caps); the route authenticates as usual.
   */
  async keyIdOf(authorization: unknown): Promise<string | null> {
    const secret = parseAuthorization(authorization);
    if (secret === undefined) return null;
    const hash = hashSecret(secret);
    const cached = this.#viewers.get(hash);
    if (cached) return cached.keyId;
    const key = await this.deps.repository.findBySecretHash(hash);
    return key && !key.revokedAt ? key.id : null;
  }
}
