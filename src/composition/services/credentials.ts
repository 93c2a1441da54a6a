import type { Config } from '../../config/config.js';
import type { Clock } from '../../core/ports/clock.js';
import type { EventBus } from '../../core/ports/event-bus.js';
import type { Orm } from '../../db/orm.js';
import { CredentialRepository } from '../../modules/credentials/credential-repository.js';
import { CredentialService } from '../../modules/credentials/credential-service.js';
import type { ModelWithHealth } from '../../modules/models/model-registry.js';
import type { Logger } from '../../observability/logger.js';
import type { RoutingTable } from '../../routing/routing-table.js';

/**
 * The stored vendor credentials. A model using one that is stored or rotated here and was not
 * HEALTHY (its credential missing, or a key the vendor refused) is probed again at once.
 */
export function createCredentials(
  config: Config,
  deps: {
    orm: Orm;
    bus: EventBus;
    clock: Clock;
    logger: Logger;
    routing: RoutingTable;
    probe: (modelId: string) => Promise<ModelWithHealth>;
  },
): CredentialService {
  const { orm, bus, clock, logger, routing, probe } = deps;
  const modelsUsing = (name: string) =>
    routing
      .all()
      .filter((m) => m.credential === name && m.status !== 'RETIRED')
      .map((m) => m.id);
  return new CredentialService({
    repository: new CredentialRepository(orm),
    masterKey: config.masterKey,
    bus,
    clock,
    logger,
    modelsUsing,
    onStored: (name) => {
      for (const model of routing.all())
        if (model.credential === name && model.status === 'UNHEALTHY')
          probe(model.id).catch((error: unknown) => logger.error({ err: error, model: model.id }, 'credentials: probing a model failed'));
    },
  });
}
