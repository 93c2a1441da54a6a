import type { Clock } from '../../core/ports/clock.js';
import { InvalidInputError, ModelUnavailableError, NotFoundError } from '../../core/errors.js';
import type { EventBus, ModelEventType } from '../../core/ports/event-bus.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { ProviderAdapters } from '../../providers/providers.js';
import { checkResolvedEndpoint } from '../../security/endpoint-policy.js';
import { formatIssues } from '../../validation/format-issues.js';
import { applyDefinition, applyPatch } from './model-changes.js';
import {
  type DefinitionRules,
  modelDefinitionSchema,
  type ModelDefinition,
  modelPatchSchema,
  validateMergedDefinition,
} from '../../config/model-definition.js';
import { type HealthProbe, probeModel } from './model-health.js';
import type { VendorKeys } from '../../providers/upstream-target.js';
import { toModelRecord } from './model-record.js';
import { resolveWildcard } from './wildcard-model.js';
import type { ModelCatalog } from '../../catalog/model-catalog.js';
import type { ModelRecord, ModelSource, ModelStatus } from '../../core/records/model.js';
import type { ModelEntity } from './model.entity.js';
import type { ModelRepository, ModelUnitOfWork } from './model-repository.js';
import type { RoutingTable } from '../../routing/routing-table.js';
import { BoundedMap } from '../../util/bounded-map.js';

export interface ModelRegistryDeps {
  readonly clock: Pick<Clock, 'now'>;
  readonly repository: ModelRepository;
  readonly adapters: ProviderAdapters;
  /** Vendor keys by variable name, as the key-variable policy allows. */
  readonly vendorKeys: VendorKeys;
  readonly bus: EventBus;
  readonly routing: RoutingTable;
  readonly metrics: Metrics;
  readonly rules: DefinitionRules;
  readonly logger: Logger;
  /** The maintained catalog: prices and context a model does not set, and its catalog fields; also those of the names a wildcard model serves. */
  readonly catalog: ModelCatalog;
  /** Resolves a host name to its addresses (the endpoint policy checks them at registration). */
  readonly resolve: (hostname: string) => Promise<readonly { address: string }[]>;
}

/** How many names served by wildcards keep their resolved record at once (the oldest is let go first). */
export const RESOLVED_NAMES_KEPT = 1000;

export interface ModelFilter {
  readonly status?: readonly ModelStatus[] | null;
  readonly provider?: readonly string[] | null;
  /** Retired models are left out unless asked for (or a status filter names RETIRED). */
  readonly includeRetired?: boolean | null;
}

export interface RegisterOptions {
  readonly source?: ModelSource;
  /** Hash of the config entry the model comes from (config sync only). */
  readonly configHash?: string | null;
  /** Probe the model's health right away (default true). */
  readonly probe?: boolean;
}

/** A model with the outcome of the health probe the operation ran (null when none ran). */
export interface ModelWithHealth {
  readonly model: ModelRecord;
  readonly healthCheck: HealthProbe | null;
}

/**
 * The model registry (SPEC §2): validates and stores models, probes their health, keeps the
 * routing table in step with every write and publishes a `modelEvents` event after each one.
 * Reads come from the routing table, never from the database.
 */
export class ModelRegistry {
  /** Records resolved for names wildcards serve, with the wildcard record each came from (a change to it makes them stale). */
  readonly #resolved = new BoundedMap<string, { readonly from: ModelRecord; readonly record: ModelRecord }>(RESOLVED_NAMES_KEPT);

  constructor(private readonly deps: ModelRegistryDeps) {}

  /** A unit of work on the models table (config sync applies the file's entries in one). */
  begin(): ModelUnitOfWork {
    return this.deps.repository.begin();
  }

  /** Loads every stored model into the routing table (at start). */
  async load(): Promise<void> {
    const entities = await this.deps.repository.begin().all();
    this.deps.routing.replaceAll(entities.map((entity) => toModelRecord(entity, this.deps.catalog)));
  }

  list(filter: ModelFilter = {}): ModelRecord[] {
    return this.deps.routing.all().filter((model) => {
      if (filter.status?.length && !filter.status.includes(model.status)) return false;
      if (!filter.status?.length && !filter.includeRetired && model.status === 'RETIRED') return false;
      if (filter.provider?.length && !filter.provider.includes(model.provider)) return false;
      return true;
    });
  }

  /** The model `find` gives (a name a wildcard serves included), or NOT_FOUND. */
  get(id: string): ModelRecord {
    const model = this.find(id);
    if (!model) throw new NotFoundError('model', id);
    return model;
  }

  /**
   * The model a request for `id` is served by: the model of that exact id, else — for a name under
   * a wildcard model's prefix (`openai/gpt-4o-mini` under `openai/*`) — the record resolved from the
   * wildcard with the longest prefix (see resolveWildcard); undefined when neither exists.
   */
  find(id: string): ModelRecord | undefined {
    const exact = this.deps.routing.get(id);
    if (exact) return exact;
    const wildcard = this.deps.routing.wildcardFor(id);
    if (!wildcard) return undefined;
    const kept = this.#resolved.get(id);
    if (kept?.from === wildcard) return kept.record;
    const record = resolveWildcard(wildcard, id, this.deps.catalog);
    this.#resolved.set(id, { from: wildcard, record });
    return record;
  }

  /** Validates and stores a new model as PENDING, then probes it; a HEALTHY model is routable at once. */
  async register(
    input: unknown,
    options: RegisterOptions = {},
    work: ModelUnitOfWork = this.deps.repository.begin(),
  ): Promise<ModelWithHealth> {
    const { source = 'API', configHash = null, probe = true } = options;
    const definition = this.parseDefinition(input, 'input');
    if (source === 'API') {
      await this.checkResolvedBaseUrl(definition.baseUrl);
      this.checkCredential(definition.credential, 'input.credential');
    }
    const existing = await work.find(definition.id);
    if (existing) {
      const hint =
        existing.status === 'RETIRED'
          ? 'it was retired; retired ids are kept for their history and not reused'
          : 'use updateModel to change it';
      throw InvalidInputError.forField('input.id', `a model "${definition.id}" already exists; ${hint}`);
    }
    const entity = work.create({ id: definition.id, provider: definition.provider, status: 'PENDING', source, configHash });
    applyDefinition(entity, definition);
    await work.flush();
    const model = this.commit(entity, 'REGISTERED');
    return probe ? this.runHealthCheck(work, entity) : { model, healthCheck: null };
  }

  /** Changes the fields the patch names (`null` clears); connection changes trigger a new probe. */
  async update(id: string, input: unknown): Promise<ModelWithHealth> {
    const work = this.deps.repository.begin();
    const parsed = modelPatchSchema.safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, 'input'));
    this.checkCredential(parsed.data.credential, 'input.credential');
    const entity = await this.load1(work, id);
    if (entity.status === 'RETIRED') throw new ModelUnavailableError(`model "${id}" is retired and cannot be changed`);
    const connectionChanged = applyPatch(entity, parsed.data);
    const merged = validateMergedDefinition(entity, this.deps.rules);
    if (!merged.success) {
      work.discard();
      throw new InvalidInputError(formatIssues(merged.error.issues, entity, 'input'));
    }
    if (parsed.data.baseUrl) {
      try {
        await this.checkResolvedBaseUrl(parsed.data.baseUrl);
      } catch (error) {
        work.discard();
        throw error;
      }
    }
    await work.flush();
    this.commit(entity, 'UPDATED');
    return connectionChanged ? this.runHealthCheck(work, entity) : { model: toModelRecord(entity, this.deps.catalog), healthCheck: null };
  }

  async disable(id: string): Promise<ModelRecord> {
    const work = this.deps.repository.begin();
    const entity = await this.load1(work, id);
    if (entity.status === 'RETIRED') throw new ModelUnavailableError(`model "${id}" is retired and cannot be disabled`);
    if (entity.status === 'DISABLED') return toModelRecord(entity, this.deps.catalog);
    entity.status = 'DISABLED';
    await work.flush();
    return this.commit(entity, 'DISABLED');
  }

  /** Brings a disabled model back: PENDING, then probed. */
  async enable(id: string): Promise<ModelWithHealth> {
    const work = this.deps.repository.begin();
    const entity = await this.load1(work, id);
    if (entity.status === 'RETIRED') throw new ModelUnavailableError(`model "${id}" is retired and cannot be enabled`);
    if (entity.status !== 'DISABLED') return { model: toModelRecord(entity, this.deps.catalog), healthCheck: null };
    entity.status = 'PENDING';
    await work.flush();
    this.commit(entity, 'ENABLED');
    return this.runHealthCheck(work, entity);
  }

  /** Takes a model out of service for good; its record (and later its history and costs) stays. */
  async retire(
    id: string,
    options: { byConfig?: boolean } = {},
    work: ModelUnitOfWork = this.deps.repository.begin(),
  ): Promise<ModelRecord> {
    const entity = await this.load1(work, id);
    if (options.byConfig) entity.configHash = null;
    if (entity.status === 'RETIRED') {
      await work.flush();
      return toModelRecord(entity, this.deps.catalog);
    }
    entity.status = 'RETIRED';
    entity.retiredAt = new Date(this.deps.clock.now());
    await work.flush();
    return this.commit(entity, 'RETIRED');
  }

  async checkHealth(id: string): Promise<ModelWithHealth> {
    const work = this.deps.repository.begin();
    return this.runHealthCheck(work, await this.load1(work, id));
  }

  private async checkResolvedBaseUrl(baseUrl: string | undefined | null): Promise<void> {
    if (!baseUrl) return;
    const problem = await checkResolvedEndpoint(baseUrl, this.deps.rules.allowPrivateEndpoints, this.deps.resolve);
    if (problem) throw InvalidInputError.forField('input.baseUrl', problem);
  }

  /**
   * A model registered or changed through the API may only name a stored credential. (One of the
   * config file may name one not created yet: it stays UNHEALTHY, saying so, until it is.)
   */
  private checkCredential(name: string | null | undefined, field: string): void {
    if (name && !this.deps.vendorKeys.credentialExists(name))
      throw InvalidInputError.forField(field, `no credential named "${name}": create it first with createCredential`);
  }

  parseDefinition(input: unknown, prefix: string): ModelDefinition {
    const parsed = modelDefinitionSchema(this.deps.rules).safeParse(input);
    if (!parsed.success) throw new InvalidInputError(formatIssues(parsed.error.issues, input, prefix));
    return parsed.data;
  }

  async load1(work: ModelUnitOfWork, id: string): Promise<ModelEntity> {
    const entity = await work.find(id);
    if (!entity) throw new NotFoundError('model', id);
    return entity;
  }

  /** Stores the new state in the routing table and publishes the event. */
  commit(entity: ModelEntity, type: ModelEventType): ModelRecord {
    const model = toModelRecord(entity, this.deps.catalog);
    this.deps.routing.set(model);
    this.deps.bus.publish('modelEvents', { type, model, at: new Date(this.deps.clock.now()) });
    return model;
  }

  /**
   * Probes the model and records the result. Health moves PENDING/HEALTHY/UNHEALTHY only; a
   * DISABLED or RETIRED model keeps its status and just gets the check recorded.
   */
  async runHealthCheck(work: ModelUnitOfWork, entity: ModelEntity): Promise<ModelWithHealth> {
    const probe = await probeModel(toModelRecord(entity, this.deps.catalog), this.deps.adapters, this.deps.vendorKeys);
    this.deps.metrics.healthChecks.inc({ provider: entity.provider, outcome: probe.ok ? 'ok' : 'failed' });
    // An admin (on another instance) may have disabled or retired it while the probe ran: that stands.
    const latest = await this.deps.repository.begin().find(entity.id);
    if (latest && (latest.status === 'DISABLED' || latest.status === 'RETIRED')) entity.status = latest.status;
    const before = entity.status;
    entity.healthCheckedAt = new Date(this.deps.clock.now());
    entity.healthOk = probe.ok;
    entity.healthLatencyMs = Math.round(probe.latencyMs);
    entity.healthMessage = probe.message;
    if (before !== 'DISABLED' && before !== 'RETIRED') entity.status = probe.ok ? 'HEALTHY' : 'UNHEALTHY';
    await work.flush();
    if (entity.status !== before) {
      this.deps.logger.info({ model: entity.id, from: before, to: entity.status, reason: probe.message }, 'model health changed');
      return { model: this.commit(entity, 'HEALTH_CHANGED'), healthCheck: probe };
    }
    this.deps.routing.set(toModelRecord(entity, this.deps.catalog));
    return { model: toModelRecord(entity, this.deps.catalog), healthCheck: probe };
  }
}
