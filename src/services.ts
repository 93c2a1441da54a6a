import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import type { Config } from './config/config.js';
import { createOrm, type Orm } from './db/orm.js';
import { createEventBus, type EventBus } from './events/event-bus.js';
import { OpenOperations } from './modules/keys/open-operations.js';
import type { VendorKeys } from './modules/models/model-health.js';
import { KeyEnvPolicy } from './security/key-env-policy.js';
import { GenerationService } from './modules/generations/generation-service.js';
import { GenerationRepository } from './modules/generations/generation-repository.js';
import { CostRepository } from './modules/costs/cost-repository.js';
import { CostService } from './modules/costs/cost-service.js';
import { ApiKeyService } from './modules/keys/api-key-service.js';
import { SessionService } from './modules/sessions/session-service.js';
import { BudgetLedger } from './modules/budgets/budget-ledger.js';
import { PoolRegistry } from './modules/pools/pool-registry.js';
import { ConfigReloader } from './modules/config/config-reloader.js';
import { HealthMonitor } from './modules/models/health-monitor.js';
import { Router } from './routing/router.js';
import { registerCircuitGauge } from './observability/circuit-gauge.js';
import { registerBudgetGauge } from './observability/budget-gauge.js';
import { probeModelsInService, syncConfigModels } from './modules/models/config-sync.js';
import { ModelRegistry } from './modules/models/model-registry.js';
import { RoutingTable } from './modules/models/routing-table.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { createUpstreamHttp, type UpstreamHttp } from './providers/http.js';
import { createProviderAdapters, type ProviderAdapters } from './providers/providers.js';

/** Everything the gateway is made of, built once per app by `createServices`. */
export interface Services {
  readonly config: Config;
  readonly logger: Logger;
  readonly orm: Orm;
  readonly bus: EventBus;
  readonly routing: RoutingTable;
  readonly metrics: Metrics;
  readonly http: UpstreamHttp;
  readonly adapters: ProviderAdapters;
  readonly models: ModelRegistry;
  readonly apiKeys: ApiKeyService;
  /** The operations running with each key, ended when it is revoked. */
  readonly openOperations: OpenOperations;
  readonly pools: PoolRegistry;
  readonly configReloader: ConfigReloader;
  readonly healthMonitor: HealthMonitor;
  readonly router: Router;
  readonly sessions: SessionService;
  readonly generationStore: GenerationRepository;
  readonly costs: CostService;
  readonly budgets: BudgetLedger;
  readonly generations: GenerationService;
}

export interface ServiceOverrides {
  readonly logger?: Logger;
  /** DNS resolution for upstream calls (tests map names to loopback fakes). */
  readonly lookup?: LookupFunction;
}

/** Promise-style resolution of every address of a name, through the injected lookup when there is one. */
function resolverFor(lookup: LookupFunction | undefined) {
  return (hostname: string) =>
    lookup
      ? new Promise<{ address: string }[]>((resolve, reject) =>
          lookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses as unknown as { address: string }[]))),
        )
      : dnsLookup(hostname, { all: true });
}

/**
 * The composition root: opens the database (migrating it), loads the registry into the routing
 * table, applies the config's models and the bootstrap key, and probes the models in service.
 */
export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const orm = await createOrm(config.database, logger);
  const bus = createEventBus();
  const routing = new RoutingTable();
  const metrics = createMetrics(routing);
  const http = createUpstreamHttp({ allowPrivateEndpoints: config.security.allowPrivateEndpoints, ...(overrides.lookup ? { lookup: overrides.lookup } : {}) });
  const adapters = createProviderAdapters(http);
  const keyEnv = new KeyEnvPolicy(config.security.apiKeyEnvAllowed);
  const vendorKeys: VendorKeys = { read: (name) => keyEnv.readKey(config.env, name), missing: (name) => keyEnv.problem(name) ?? `${name} is not set` };
  const models = new ModelRegistry({
    adapters,
    vendorKeys,
    bus,
    routing,
    metrics,
    rules: { allowPrivateEndpoints: config.security.allowPrivateEndpoints, keyEnv },
    logger,
    resolve: resolverFor(overrides.lookup),
  });
  const apiKeys = new ApiKeyService({ adminKey: config.adminKey, metrics, bus });
  const openOperations = new OpenOperations(bus);
  const generationStore = new GenerationRepository(orm);
  const costs = new CostService(new CostRepository(orm));
  const pools = new PoolRegistry(models);
  const router = new Router({
    routing,
    adapters,
    vendorKeys,
    bus,
    metrics,
    logger,
    retry: config.routing.retry,
    breaker: config.routing.circuitBreaker,
    random: Math.random,
    now: () => Date.now(),
  });
  registerCircuitGauge(metrics.registry, routing, router);
  const configReloader = new ConfigReloader({ initial: config, orm, models, pools, keyEnv, logger });
  const defaultModel = () => configReloader.current.defaultModel;
  const healthMonitor = new HealthMonitor({ orm, models, routing, router, adapters, vendorKeys, logger });
  const sessions = new SessionService({ orm, models, pools, router, bus, metrics, defaultModel });
  const budgets = new BudgetLedger((keyId, since) => generationStore.spentSince(keyId, since), { now: () => Date.now() });
  registerBudgetGauge(metrics.registry, budgets);
  const generations = new GenerationService({ orm, models, pools, router, sessions, budgets, bus, adapters, store: generationStore, metrics, logger, defaultModel });

  const em = orm.em.fork();
  await apiKeys.syncBootstrapKey(em);
  await models.load(em);
  const summary = await syncConfigModels(em, models, config.models);
  await pools.load(em);
  await pools.syncConfig(em, config.pools);
  await probeModelsInService(em, models);
  logger.info(
    { registered: summary.registered.length, updated: summary.updated.length, retired: summary.retired.length, unchanged: summary.unchanged.length },
    `applied ${config.source}: ${config.models.length} models`,
  );
  return { config, logger, orm, bus, routing, metrics, http, adapters, models, apiKeys, openOperations, pools, configReloader, healthMonitor, router, sessions, generationStore, costs, budgets, generations };
}
