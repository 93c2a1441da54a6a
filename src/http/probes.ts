import type { ServerResponse } from 'node:http';
import type { ConfigStatus } from '../modules/config/config-reloader.js';

/** What readiness looks at. */
export interface ReadinessChecks {
  /** Resolves when the database answers a trivial query. */
  pingDatabase(): Promise<void>;
  configStatus(): ConfigStatus;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** `/readyz`: ready when the config is applied, the server is not stopping and the database answers. */
export async function readiness(checks: ReadinessChecks, accepting: boolean): Promise<{ status: number; body: unknown }> {
  let database = 'ok';
  try {
    await checks.pingDatabase();
  } catch {
    database = 'unreachable';
  }
  const ready = accepting && database === 'ok';
  return {
    status: ready ? 200 : 503,
    body: {
      status: ready ? 'ready' : 'not ready',
      checks: { database, config: configCheck(checks.configStatus()), accepting },
    },
  };
}

function configCheck(status: ConfigStatus) {
  return { source: status.source, loadedAt: status.loadedAt.toISOString(), lastError: status.lastError };
}
