import type { BudgetStore, RateStore } from './core/ports/stores.js';
import { RedisBudgetStore } from './modules/budgets/redis-budget-store.js';
import { RedisRates } from './routing/redis-rates.js';
import type { EventTopics, Topic } from './core/ports/event-bus.js';
import { RedisEventBus } from './events/redis-bus.js';
import { openRedis, type RedisConnections } from './events/redis-connection.js';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import type { Config } from './config/config.js';
import type { Clock } from './core/ports/clock.js';
import type { EventBus } from './core/ports/event-bus.js';
import { createOrm, withStartupLock, type Orm } from './db/orm.js';
import { InProcessEventBus } from './events/in-process-bus.js';
import { BudgetLedger } from './modules/budgets/budget-ledger.js';
import { ConfigReloader } from './modules/config/config-reloader.js';
import { CostRepository } from './modules/costs/cost-repository.js';
import { CostService } from './modules/costs/cost-service.js';
import { ENTITIES } from './modules/entities.js';
import { Admission } from './modules/generations/admission.js';
import { GenerationRecorder } from './modules/generations/generation-recorder.js';
import { GenerationRepository } from './modules/generations/generation-repository.js';
import { GenerationService } from './modules/generations/generation-service.js';
import { ApiKeyRepository } from './modules/keys/api-key-repository.js';
import { ApiKeyService } from './modules/keys/api-key-service.js';
import { OpenOperations } from './modules/keys/open-operations.js';
import { probeModelsInService, syncConfigModels } from './modules/models/config-sync.js';
import { HealthMonitor } from './modules/models/health-monitor.js';
import { ModelRegistry } from './modules/models/model-registry.js';
import { ModelRepository } from './modules/models/model-repository.js';
import { PoolRegistry } from './modules/pools/pool-registry.js';
import { PoolRepository } from './modules/pools/pool-repository.js';
import { SessionRepository } from './modules/sessions/session-repository.js';
import { SessionService } from './modules/sessions/session-service.js';
import { registerBudgetGauge } from './observability/budget-gauge.js';
import { registerCircuitGauge } from './observability/circuit-gauge.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { createUpstreamHttp, type UpstreamHttp } from './providers/http.js';
import { createProviderAdapters } from './providers/providers.js';
import type { VendorKeys } from './providers/upstream-target.js';
import type { ResolverServices } from './graphql/context.js';
import { InProcessCircuits, InProcessRates } from './routing/in-process-stores.js';
import { TargetResolver } from './routing/resolve-target.js';
import { Router } from './routing/router.js';
import { RoutingTable } from './routing/routing-table.js';
import { KeyEnvPolicy } from './security/key-env-policy.js';
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
  readonly http: UpstreamHttp;
  readonly models: ModelRegistry;
  readonly pools: PoolRegistry;
  readonly router: Router;
  /** Request and token windows per key and per model (read for the x-ratelimit-* headers). */
  readonly rates: RateStore;
  readonly sessions: SessionService;
  readonly generations: GenerationService;
  readonly generationRepository: GenerationRepository;
  readonly apiKeys: ApiKeyService;
  /** The operations running with each key, ended when it is revoked. */
  readonly openOperations: OpenOperations;
  /** Budget spend and holds: in process, or in the Redis the instances share. */
  readonly budgets: BudgetStore;
  readonly configReloader: ConfigReloader;
  readonly healthMonitor: HealthMonitor;
}

export interface ServiceOverrides {
  readonly logger?: Logger;
  /** DNS resolution for upstream calls (tests map names to loopback fakes). */
  readonly lookup?: LookupFunction;
  /** The source of time (tests drive it; see test/helpers/manual-clock.ts). */
  readonly clock?: Clock;
  /** Uniform in [0, 1): pool sampling and back-off jitter. */
  readonly random?: () => number;
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
 * The composition root, the one place that picks implementations: opens the database (migrating
 * it), wires the ports to their in-process implementations, loads the registry into the routing
 * table, applies the config's models and the bootstrap key, and probes the models in service.
 */
export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const orm = await createOrm(config.database, ENTITIES, logger);
  const routing = new RoutingTable();
  const metrics = createMetrics(() => routing.all());
  // What other instances change, this one's in-memory copies follow (set once the registries exist).
  let followRemote: (<T extends Topic>(topic: T, event: EventTopics[T]) => void) | undefined;
  let catchUp: (() => void) | undefined;
  const shared = config.redis ? openRedis(config.redis.url, logger, metrics.redisConnected) : undefined;
  if (shared) {
    metrics.registry.registerMetric(metrics.redisConnected);
    metrics.registry.registerMetric(metrics.eventsNotShared);
    metrics.registry.registerMetric(metrics.limitsUnchecked);
  }
  const redisBus = shared
    ? new RedisEventBus(shared.publisher, shared.subscriber, config.redis?.prefix ?? 'switchyard:', { logger, onPublishFailed: () => metrics.eventsNotShared.inc(), onRemote: (topic, event) => followRemote?.(topic, event), onReconnected: () => catchUp?.() })
    : undefined;
  const bus: EventBus = redisBus ?? new InProcessEventBus();
  // Listen to the other instances before serving (a Redis that is down at start does not hold the start up: ioredis subscribes when it comes).
  if (redisBus) await Promise.race([redisBus.subscribed, new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
  const http = createUpstreamHttp({ allowPrivateEndpoints: config.security.allowPrivateEndpoints, ...(overrides.lookup ? { lookup: overrides.lookup } : {}) });
  const adapters = createProviderAdapters(http);
  const keyEnv = new KeyEnvPolicy(config.security.apiKeyEnvAllowed);
  const vendorKeys: VendorKeys = { read: (name) => keyEnv.readKey(config.env, name), missing: (name) => keyEnv.problem(name) ?? `${name} is not set` };
  const failOpen = config.redis?.rateLimitsFailOpen ?? true;
  let lastUncheckedLog = 0;
  const rates: RateStore = shared
    ? new RedisRates(shared.publisher, config.redis?.prefix ?? 'switchyard:', clock, failOpen, (error) => {
        metrics.limitsUnchecked.inc({ outcome: failOpen ? 'allowed' : 'refused' });
        // One line per 10 s, not one per request.
        if (clock.now() - lastUncheckedLog < 10_000) return;
        lastUncheckedLog = clock.now();
        logger.warn({ err: error }, failOpen ? 'redis: rate limits cannot be checked; requests go through unlimited (RATE_LIMITS_FAIL_OPEN=true)' : 'redis: rate limits cannot be checked; limited requests are refused (RATE_LIMITS_FAIL_OPEN=false)');
      })
    : new InProcessRates(() => clock.now());
  const circuits = new InProcessCircuits(config.routing.circuitBreaker, () => clock.now());

  const models = new ModelRegistry({
    clock,
    repository: new ModelRepository(orm),
    adapters,
    vendorKeys,
    bus,
    routing,
    metrics,
    rules: { allowPrivateEndpoints: config.security.allowPrivateEndpoints, keyEnv },
    logger,
    resolve: resolverFor(overrides.lookup),
  });
  const apiKeys = new ApiKeyService({ adminKey: config.adminKey, repository: new ApiKeyRepository(orm), metrics, bus, clock });
  const openOperations = new OpenOperations(bus);
  const generationRepository = new GenerationRepository(orm);
  const pools = new PoolRegistry(models, new PoolRepository(orm), clock, bus);
  // One instance sends an open circuit's probe: the one whose SET NX wins (held for a cool-down). Redis down: each probes on its own.
  const probeLock = shared
    ? (modelId: string) =>
        shared.publisher.set(`${config.redis?.prefix ?? 'switchyard:'}probe:${modelId}`, '1', 'PX', config.routing.circuitBreaker.coolDownMs, 'NX').then(
          (answer) => answer === 'OK',
          () => true,
        )
    : undefined;
  const router = new Router({ models: routing, adapters, vendorKeys, circuits, rates, bus, metrics, logger, retry: config.routing.retry, random: overrides.random ?? Math.random, clock, ...(probeLock ? { probeLock } : {}) });
  registerCircuitGauge(metrics.registry, () => routing.all(), (id) => circuits.snapshot(id).state);
  const targets = new TargetResolver({ findModel: (id) => models.find(id), findPool: (name) => pools.find(name), hasCandidate: (target) => router.hasCandidate(target), circuit: (id) => circuits.snapshot(id) });
  const configReloader = new ConfigReloader({ initial: config, models, pools, keyEnv, logger, clock });
  const defaultModel = () => configReloader.current.defaultModel;
  const healthMonitor = new HealthMonitor({ models, router, adapters, vendorKeys, logger, clock });
  const sessions = new SessionService({ repository: new SessionRepository(orm), targets, bus, metrics, clock, defaultModel, historyBounds: () => configReloader.current.sessions });
  const spentSince = (keyId: string, since: Date) => generationRepository.spentSince(keyId, since);
  const budgets: BudgetStore = shared
    ? new RedisBudgetStore(shared.publisher, config.redis?.prefix ?? 'switchyard:', (keyId, day, month, recent) => generationRepository.spendSnapshot(keyId, day, month, recent), clock)
    : new BudgetLedger(spentSince, clock);
  registerBudgetGauge(metrics.registry, budgets);
  const recorder = new GenerationRecorder({ store: generationRepository, budgets, bus, metrics, logger, clock });
  const admission = new Admission({ sessions, targets, models, router, rates, budgets, recorder, metrics, clock, random: overrides.random ?? Math.random, defaultModel });
  const generations = new GenerationService({ admission, router, sessions, store: generationRepository, recorder, models });
  const costs = new CostService(new CostRepository(orm));

  followRemote = (topic, event) => {
    if (topic === 'modelEvents') {
      const change = event as EventTopics['modelEvents'];
      // A circuit another instance opened is open here too; its probe and its closing likewise. Only
      // the circuit: the model record such an event carries is the sender's copy, maybe older than ours.
      if (change.type === 'CIRCUIT_CHANGED') {
        if (change.circuit) circuits.adopt(change.model.id, change.circuit, change.at.getTime());
      } else routing.set(change.model);
    }
    else if (topic === 'poolChanged') pools.apply((event as EventTopics['poolChanged']).name, (event as EventTopics['poolChanged']).pool);
    else if (topic === 'apiKeyRevoked' || topic === 'apiKeysChanged') apiKeys.forgetRemembered();
  };

  // Back from a Redis loss: what other instances changed meanwhile was missed; read it again.
  catchUp = () => {
    apiKeys.forgetRemembered();
    Promise.all([models.load(), pools.load()]).then(
      () => logger.info('redis: back; the registry and the pools were read again'),
      (error: unknown) => logger.error({ err: error }, 'redis: reading the registry again failed'),
    );
  };

  // Instances starting together on one PostgreSQL database apply the config one after the other.
  const summary = await withStartupLock(orm, async () => {
    await apiKeys.syncBootstrapKey();
    await models.load();
    const applied = await syncConfigModels(models, config.models);
    await pools.load();
    await pools.syncConfig(config.pools);
    return applied;
  });
  await probeModelsInService(models);
  logger.info(
    { registered: summary.registered.length, updated: summary.updated.length, retired: summary.retired.length, unchanged: summary.unchanged.length },
    `applied ${config.source}: ${config.models.length} models`,
  );
  return { config, clock, logger, orm, redis: shared, bus, metrics, http, models, apiKeys, openOperations, pools, configReloader, healthMonitor, router, rates, sessions, generationRepository, costs, budgets, generations };
}
