import type { LookupFunction } from 'node:net';
import type { ModelCatalog } from './catalog/model-catalog.js';
import { PackagedModelCatalog } from './catalog/packaged-catalog.js';
import { applyConfig } from './composition/services/apply-config.js';
import { followOtherInstances } from './composition/services/follow-instances.js';
import { createGenerationPipeline } from './composition/services/generation-pipeline.js';
import { createRegistries } from './composition/services/registries.js';
import { type InstanceFollower, openEventBus } from './composition/services/shared-state.js';
import { createCredentials } from './composition/services/credentials.js';
import {
  createBudgetStore,
  createCircuitStore,
  createProbeLock,
  createRateStore,
  createResponseCache,
  createStickyStore,
} from './composition/services/stores.js';
import { createUpstream } from './composition/services/upstream.js';
import type { Config } from './config/config.js';
import type { Clock } from './core/ports/clock.js';
import type { EventBus } from './core/ports/event-bus.js';
import type { BudgetStore, RateStore } from './core/ports/stores.js';
import { createOrm, type Orm } from './db/orm.js';
import type { ResolverServices } from './graphql/context.js';
import { ConfigReloader } from './modules/config/config-reloader.js';
import { ENTITIES } from './modules/entities.js';
import { GenerationRepository } from './modules/generations/generation-repository.js';
import type { GenerationService } from './modules/generations/generation-service.js';
import type { CredentialService } from './modules/credentials/credential-service.js';
import type { ApiKeyService } from './modules/keys/api-key-service.js';
import type { OpenOperations } from './modules/keys/open-operations.js';
import { HealthMonitor } from './modules/models/health-monitor.js';
import { RetentionJob } from './modules/request-log/retention-job.js';
import { RollupRepository } from './modules/request-log/rollup-repository.js';
import type { ModelRegistry } from './modules/models/model-registry.js';
import type { PoolRegistry } from './modules/pools/pool-registry.js';
import type { SessionService } from './modules/sessions/session-service.js';
import { registerCircuitGauge } from './observability/circuit-gauge.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { createTracing, type Tracing } from './observability/tracing.js';
import type { UpstreamHttp } from './providers/http.js';
import type { RedisConnections } from './redis/redis-connection.js';
import { TargetResolver } from './routing/resolve-target.js';
import { Router } from './routing/router.js';
import { RoutingTable } from './routing/routing-table.js';
import { systemClock } from './util/system-clock.js';

/** Everything the gateway is made of, built once per app by `createServices`; only app.ts and tests see all of it. */
export interface Services extends ResolverServices {
  readonly config: Config;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly orm: Orm;
  /** The Redis shared with the other instances (REDIS_URL); undefined in one process. */
  readonly redis: RedisConnections | undefined;
  readonly bus: EventBus;
  readonly metrics: Metrics;
  /** Traces (OTEL_* variables): NO_TRACING when no OTLP endpoint is set. */
  readonly tracing: Tracing;
  readonly http: UpstreamHttp;
  readonly models: ModelRegistry;
  /** The maintained model catalog (prices, context, modalities, tools, status of vendor models). */
  readonly catalog: ModelCatalog;
  readonly pools: PoolRegistry;
  readonly router: Router;
  /** Request and token windows per key and per model (read for the x-ratelimit-* headers). */
  readonly rates: RateStore;
  readonly sessions: SessionService;
  readonly generations: GenerationService;
  readonly generationRepository: GenerationRepository;
  readonly apiKeys: ApiKeyService;
  /** Vendor keys stored through the API, encrypted under SWITCHYARD_MASTER_KEY. */
  readonly credentials: CredentialService;
  /** The operations running with each key, ended when it is revoked. */
  readonly openOperations: OpenOperations;
  /** Budget spend and holds: in process, or in the Redis the instances share. */
  readonly budgets: BudgetStore;
  readonly configReloader: ConfigReloader;
  readonly healthMonitor: HealthMonitor;
  /** The request log's retention: deletes old records (folded into the daily rollup first). */
  readonly retention: RetentionJob;
  /** The daily rollup of deleted records. */
  readonly rollups: RollupRepository;
}

export interface ServiceOverrides {
  readonly logger?: Logger;
  /** DNS resolution for upstream calls (tests map names to loopback fakes). */
  readonly lookup?: LookupFunction;
  /** The source of time (tests drive it; see test/helpers/manual-clock.ts). */
  readonly clock?: Clock;
  /** Uniform in [0, 1): pool sampling and back-off jitter. */
  readonly random?: () => number;
  /** The model catalog (default: the pinned catalog packages, PackagedModelCatalog). */
  readonly catalog?: ModelCatalog;
}

/**
 * The composition root, the one place that picks implementations: opens the database (migrating
 * it) and the Redis when there is one, wires the ports to their implementations, loads the
 * registry into the routing table, applies the config's models and the bootstrap key, and probes
 * the models in service. Each step is a function of src/composition/.
 */
export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const clock = overrides.clock ?? systemClock;
  const random = overrides.random ?? Math.random;
  const logger = overrides.logger ?? createLogger(config.logLevel, { format: config.logFormat });
  const tracing = createTracing(config.tracing);
  const orm = await createOrm(config.database, ENTITIES, logger);
  const routing = new RoutingTable();
  const metrics = createMetrics(() => routing.all());
  const follower: InstanceFollower = {};
  const { redis, bus } = await openEventBus(config, { logger, metrics, follower });
  const credentials = createCredentials(config, { orm, bus, clock, logger, routing, probe: (id) => models.checkHealth(id) });
  const upstream = createUpstream(config, overrides.lookup, credentials, tracing);
  const { adapters, vendorKeys, http } = upstream;
  const rates = createRateStore(redis, { clock, logger, metrics });
  const circuits = createCircuitStore(config, clock);

  const catalog = overrides.catalog ?? new PackagedModelCatalog(() => new Date(clock.now()));
  const registries = { orm, clock, logger, metrics, bus, routing, upstream, catalog };
  const { models, pools, apiKeys, openOperations } = createRegistries(config, registries);
  const generationRepository = new GenerationRepository(orm);
  const probeLock = createProbeLock(config, redis);
  const router = new Router({
    // By id, a name a wildcard model serves included (its circuit is its own, see README "Wildcard models").
    models: { get: (id) => models.find(id), all: () => routing.all() },
    adapters,
    vendorKeys,
    circuits,
    rates,
    bus,
    metrics,
    logger,
    retry: config.routing.retry,
    random,
    clock,
    tracing,
    ...(probeLock ? { probeLock } : {}),
    sticky: createStickyStore(redis, { clock, logger }),
  });
  registerCircuitGauge(
    metrics.registry,
    () => routing.all(),
    (id) => circuits.snapshot(id).state,
  );
  const targets = new TargetResolver({
    findModel: (id) => models.find(id),
    findPool: (name) => pools.find(name),
    hasCandidate: (target) => router.hasCandidate(target),
    circuit: (id) => circuits.snapshot(id),
    // A vendor key that is not set (or not allowed), a credential missing or unreadable: the operator
    // must set it (or create the credential), then the model is probed again.
    operatorProblem: (model) => {
      if (model.credential) return vendorKeys.credentialProblem(model.credential);
      return model.apiKeyEnv && !vendorKeys.read(model.apiKeyEnv) ? `set ${model.apiKeyEnv}` : undefined;
    },
    now: () => clock.now(),
  });
  const configReloader = new ConfigReloader({ initial: config, models, pools, keyEnv: upstream.keyEnv, logger, clock });
  const healthMonitor = new HealthMonitor({ models, router, adapters, vendorKeys, logger, clock });
  const budgets = createBudgetStore(redis, generationRepository, clock);
  const responseCache = createResponseCache(config, redis, clock);
  const { sessions, generations, costs, embeddings } = createGenerationPipeline({
    orm,
    clock,
    logger,
    metrics,
    bus,
    random,
    targets,
    models,
    router,
    rates,
    budgets,
    generationRepository,
    configReloader,
    adapters,
    vendorKeys,
    tracing,
    responseCache,
  });

  const rollups = new RollupRepository(orm);
  const retention = new RetentionJob({ rollups, settings: () => configReloader.current.requestLog, clock, logger });

  followOtherInstances(follower, { routing, circuits, models, pools, apiKeys, credentials, logger });
  await credentials.load();
  await applyConfig(config, { orm, apiKeys, models, pools, logger });
  return {
    config,
    clock,
    logger,
    orm,
    redis: redis?.connections,
    bus,
    metrics,
    tracing,
    http,
    models,
    catalog,
    apiKeys,
    openOperations,
    credentials,
    pools,
    configReloader,
    healthMonitor,
    retention,
    rollups,
    router,
    rates,
    sessions,
    generationRepository,
    costs,
    budgets,
    generations,
    embeddings,
  };
}
