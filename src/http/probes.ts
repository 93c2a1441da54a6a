import type { ServerResponse } from 'node:http';
import type { ConfigStatus } from '../modules/config/config-reloader.js';

/** What readiness looks at. */
export interface ReadinessChecks {
  /** Resolves when the database answers a trivial query. */
  pingDatabase(): Promise<void>;
  /** Resolves when the Redis shared by the instances answers (only with REDIS_URL). */
  pingRedis?(): Promise<void>;
  /** With Redis: whether rate limits let requests through while it does not answer. */
  readonly rateLimitsFailOpen?: boolean;
  configStatus(): ConfigStatus;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** How long a readiness check waits for the database or Redis. */
export const PROBE_TIMEOUT_MS = 2_000;

async function answers(ping: () => Promise<void>): Promise<'ok' | 'unreachable'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ping(),
      new Promise((_resolve, reject) => (timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS))),
    ]);
    return 'ok';
  } catch {
    return 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/readyz`: ready when the config is applied, the server is not stopping and the database
 * answers (within PROBE_TIMEOUT_MS). With REDIS_URL it also says whether Redis answers; an
 * instance without Redis still serves its requests (other instances then miss its events), so
 * that does not make it unready.
 */
export async function readiness(checks: ReadinessChecks, accepting: boolean): Promise<{ status: number; body: unknown }> {
  const [database, redis] = await Promise.all([
    answers(() => checks.pingDatabase()),
    checks.pingRedis ? answers(() => (checks.pingRedis as () => Promise<void>)()) : undefined,
  ]);
  const ready = accepting && database === 'ok';
  return {
    status: ready ? 200 : 503,
    body: {
      status: ready ? 'ready' : 'not ready',
      checks: {
        database,
        ...(redis ? { redis } : {}),
        // What the shared limits do while Redis does not answer.
        ...(redis === 'unreachable'
          ? {
              budgets: 'refusing requests of keys with a budget (BUDGET_UNAVAILABLE)',
              rateLimits: checks.rateLimitsFailOpen
                ? 'not enforced (RATE_LIMITS_FAIL_OPEN=true)'
                : 'refusing limited requests (RATE_LIMITED)',
            }
          : {}),
        config: configCheck(checks.configStatus()),
        accepting,
      },
    },
  };
}

function configCheck(status: ConfigStatus) {
  return { source: status.source, loadedAt: status.loadedAt.toISOString(), lastError: status.lastError };
}
