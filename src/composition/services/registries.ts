import type { ModelCatalog } from '../../catalog/model-catalog.js';
import type { Config } from '../../config/config.js';
import type { Clock } from '../../core/ports/clock.js';
import type { EventBus } from '../../core/ports/event-bus.js';
import type { Orm } from '../../db/orm.js';
import { ApiKeyRepository } from '../../modules/keys/api-key-repository.js';
import { ApiKeyService } from '../../modules/keys/api-key-service.js';
import { OpenOperations } from '../../modules/keys/open-operations.js';
import { ModelRegistry } from '../../modules/models/model-registry.js';
import { ModelRepository } from '../../modules/models/model-repository.js';
import { PoolRegistry } from '../../modules/pools/pool-registry.js';
import { PoolRepository } from '../../modules/pools/pool-repository.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { RoutingTable } from '../../routing/routing-table.js';
import type { Upstream } from './upstream.js';

export interface Registries {
  readonly models: ModelRegistry;
  readonly pools: PoolRegistry;
  readonly apiKeys: ApiKeyService;
  /** The operations running with each key, ended when it is revoked. */
  readonly openOperations: OpenOperations;
}

/** The models (kept in the routing table), the pools, and the API keys with their running operations. */
export function createRegistries(
  config: Config,
  deps: {
    orm: Orm;
    clock: Clock;
    logger: Logger;
    metrics: Metrics;
    bus: EventBus;
    routing: RoutingTable;
    upstream: Upstream;
    catalog: ModelCatalog;
  },
): Registries {
  const { orm, clock, logger, metrics, bus, routing, upstream, catalog } = deps;
  const models = new ModelRegistry({
    clock,
    repository: new ModelRepository(orm),
    adapters: upstream.adapters,
    vendorKeys: upstream.vendorKeys,
    bus,
    routing,
    metrics,
    rules: { allowPrivateEndpoints: config.security.allowPrivateEndpoints, keyEnv: upstream.keyEnv },
    logger,
    catalog,
    resolve: upstream.resolve,
  });
  const apiKeys = new ApiKeyService({ adminKey: config.adminKey, repository: new ApiKeyRepository(orm), metrics, bus, clock });
  const openOperations = new OpenOperations(bus);
  const pools = new PoolRegistry(models, new PoolRepository(orm), clock, bus);
  return { models, pools, apiKeys, openOperations };
}
