import type { EventTopics, Topic } from '../../core/ports/event-bus.js';
import type { CredentialService } from '../../modules/credentials/credential-service.js';
import type { ApiKeyService } from '../../modules/keys/api-key-service.js';
import type { ModelRegistry } from '../../modules/models/model-registry.js';
import type { PoolRegistry } from '../../modules/pools/pool-registry.js';
import type { Logger } from '../../observability/logger.js';
import type { InProcessCircuits } from '../../routing/in-process-stores.js';
import type { RoutingTable } from '../../routing/routing-table.js';
import type { InstanceFollower } from './shared-state.js';

interface Followers {
  readonly routing: RoutingTable;
  readonly circuits: InProcessCircuits;
  readonly models: ModelRegistry;
  readonly pools: PoolRegistry;
  readonly apiKeys: ApiKeyService;
  readonly credentials: CredentialService;
  readonly logger: Logger;
}

/** What other instances change, this one's in-memory copies follow: the routing table, circuits, pools, key memory and credentials. */
export function followOtherInstances(
  follower: InstanceFollower,
  { routing, circuits, models, pools, apiKeys, credentials, logger }: Followers,
): void {
  follower.follow = <T extends Topic>(topic: T, event: EventTopics[T]) => {
    if (topic === 'modelEvents') {
      const change = event as EventTopics['modelEvents'];
      // A circuit another instance opened is open here too; its probe and its closing likewise. Only
      // the circuit: the model record such an event carries is the sender's copy, maybe older than ours.
      if (change.type === 'CIRCUIT_CHANGED') {
        if (change.circuit) circuits.adopt(change.model.id, change.circuit, change.at.getTime());
      } else routing.set(change.model);
    } else if (topic === 'poolChanged') pools.apply((event as EventTopics['poolChanged']).name, (event as EventTopics['poolChanged']).pool);
    else if (topic === 'apiKeyRevoked' || topic === 'apiKeysChanged') apiKeys.forgetRemembered();
    else if (topic === 'credentialChanged') void credentials.reload((event as EventTopics['credentialChanged']).name);
  };

  // Back from a Redis loss: what other instances changed meanwhile was missed; read it again.
  follower.catchUp = () => {
    apiKeys.forgetRemembered();
    Promise.all([models.load(), pools.load(), credentials.load()]).then(
      () => logger.info('redis: back; the registry, the pools and the credentials were read again'),
      (error: unknown) => logger.error({ err: error }, 'redis: reading the registry again failed'),
    );
  };
}
