import type { ServerResponse } from 'node:http';
import type { Services } from '../services.js';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** `/readyz`: ready when the config is applied, the server is not stopping and the database answers. */
export async function readiness(services: Services, accepting: boolean): Promise<{ status: number; body: unknown }> {
  let database = 'ok';
  try {
    await services.orm.em.getConnection().execute('select 1');
  } catch {
    database = 'unreachable';
  }
  const ready = accepting && database === 'ok';
  return {
    status: ready ? 200 : 503,
    body: {
      status: ready ? 'ready' : 'not ready',
      checks: { database, config: { source: services.configReloader.status().source, loadedAt: services.configReloader.status().loadedAt.toISOString(), lastError: services.configReloader.status().lastError }, accepting },
    },
  };
}
