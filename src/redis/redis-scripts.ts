import type { Redis } from 'ioredis';

/**
 * Lua scripts registered on a connection and called by SHA (ioredis `defineCommand`: EVALSHA,
 * the script sent again after a Redis restart). Answers one function per script, taking the keys
 * then the arguments.
 */
export function redisScripts<N extends string>(
  redis: Redis,
  scripts: Record<N, { readonly keys: number; readonly lua: string }>,
): Record<N, (...args: string[]) => Promise<unknown>> {
  const commands = redis as unknown as Record<string, (...args: string[]) => Promise<unknown>>;
  const out = {} as Record<N, (...args: string[]) => Promise<unknown>>;
  for (const [name, { keys, lua }] of Object.entries(scripts) as [N, { keys: number; lua: string }][]) {
    const command = `switchyard_${name}`;
    redis.defineCommand(command, { numberOfKeys: keys, lua });
    out[name] = (...args) => (commands[command] as (...a: string[]) => Promise<unknown>).apply(redis, args);
  }
  return out;
}
