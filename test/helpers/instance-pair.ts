import { execute } from './graphql.js';
import { startProcess } from './gateway-process.js';
import { freshPostgres } from './postgres.js';
import { REDIS_URL, redisPrefix } from './redis.js';

/**
 * The environment of gateway processes that make one deployment: a fresh PostgreSQL database (its
 * `drop` removes it), one Redis prefix of their own, any free port on loopback, one admin key.
 */
export async function sharedInstanceEnv(
  adminKey: string,
  extra: Record<string, string> = {},
): Promise<{ readonly env: Record<string, string>; readonly drop: () => Promise<void> }> {
  const fresh = await freshPostgres();
  return {
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: fresh.url,
      REDIS_URL,
      REDIS_PREFIX: redisPrefix(),
      SWITCHYARD_ADMIN_KEY: adminKey,
      ...extra,
    },
    drop: fresh.drop,
  };
}

/** Two gateway processes on one environment, started together (they take turns at the migrations and the config): their base URLs. */
export async function startInstancePair(args: readonly string[], env: Record<string, string>): Promise<[string, string]> {
  const [a, b] = await Promise.all([startProcess([...args], env).ready, startProcess([...args], env).ready]);
  return [a, b];
}

/** Runs typed GraphQL documents over HTTP against one instance with a key. */
export function graphqlOn(base: string, key: string) {
  return <T, V>(document: Parameters<typeof execute<T, V>>[1], variables?: V) =>
    execute<T, V>(fetch, document, variables, { url: `${base}/graphql`, key });
}
