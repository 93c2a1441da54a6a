import type { Config } from '../../config/config.js';
import type { EventBus, EventTopics, Topic } from '../../core/ports/event-bus.js';
import { InProcessEventBus } from '../../events/in-process-bus.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import { openRedis, type RedisConnections } from '../../redis/redis-connection.js';
import { RedisEventBus } from '../../redis/redis-event-bus.js';

/** The Redis the instances share and its key prefix (REDIS_URL, REDIS_PREFIX). */
export interface SharedRedis {
  readonly connections: RedisConnections;
  readonly prefix: string;
  readonly rateLimitsFailOpen: boolean;
}

/**
 * What this instance does when another one changed something: set once the registries exist
 * (events that arrive before are the ones the start reads from the database anyway).
 */
export interface InstanceFollower {
  follow?: <T extends Topic>(topic: T, event: EventTopics[T]) => void;
  catchUp?: () => void;
}

/**
 * The event bus: in process, or through the Redis of REDIS_URL (with its metrics registered).
 * Subscribes to the other instances before answering, waiting at most 3 s: a Redis that is down
 * at start does not hold the start up (ioredis subscribes when it comes).
 */
export async function openEventBus(
  config: Config,
  deps: { logger: Logger; metrics: Metrics; follower: InstanceFollower },
): Promise<{ redis: SharedRedis | undefined; bus: EventBus }> {
  const { logger, metrics, follower } = deps;
  if (!config.redis) return { redis: undefined, bus: new InProcessEventBus() };
  const connections = openRedis(config.redis.url, logger, metrics.redisConnected);
  metrics.registry.registerMetric(metrics.redisConnected);
  metrics.registry.registerMetric(metrics.eventsNotShared);
  metrics.registry.registerMetric(metrics.limitsUnchecked);
  const bus = new RedisEventBus(connections.publisher, connections.subscriber, config.redis.prefix, {
    logger,
    onPublishFailed: () => metrics.eventsNotShared.inc(),
    onRemote: (topic, event) => follower.follow?.(topic, event),
    onReconnected: () => follower.catchUp?.(),
  });
  await Promise.race([bus.subscribed, new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
  return { redis: { connections, prefix: config.redis.prefix, rateLimitsFailOpen: config.redis.rateLimitsFailOpen }, bus };
}
