import type { Config } from '../../config/config.js';
import { withStartupLock, type Orm } from '../../db/orm.js';
import type { ApiKeyService } from '../../modules/keys/api-key-service.js';
import { probeModelsInService, syncConfigModels } from '../../modules/models/config-sync.js';
import type { ModelRegistry } from '../../modules/models/model-registry.js';
import type { PoolRegistry } from '../../modules/pools/pool-registry.js';
import type { Logger } from '../../observability/logger.js';

/**
 * Loads the registry and the pools and applies the config's models, pools and bootstrap key;
 * then probes the models in service. Instances starting together on one PostgreSQL database
 * apply the config one after the other.
 */
export async function applyConfig(
  config: Config,
  deps: { orm: Orm; apiKeys: ApiKeyService; models: ModelRegistry; pools: PoolRegistry; logger: Logger },
): Promise<void> {
  const { orm, apiKeys, models, pools, logger } = deps;
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
    {
      registered: summary.registered.length,
      updated: summary.updated.length,
      retired: summary.retired.length,
      unchanged: summary.unchanged.length,
    },
    `applied ${config.source}: ${config.models.length} models`,
  );
}
