import type { Server } from 'node:http';
import type { attachWebSocketServer } from '../../http/ws-server.js';
import type { Services } from '../../services.js';

const STOP_GRACE_MS = 10_000;

/**
 * The stop sequence: the background work first (config watch, health probes, key operations),
 * then the server stops accepting and the WebSocket server closes; in-flight requests get
 * STOP_GRACE_MS to finish before their sockets are cut; then the stored generations are drained
 * and the upstream client, Redis and the database closed, in that order; last, the spans still
 * buffered are exported (tracing's shutdown, bounded by the exporter's timeout).
 */
export async function stopApp(services: Services, httpServer: Server, ws: ReturnType<typeof attachWebSocketServer>): Promise<void> {
  services.configReloader.close();
  services.healthMonitor.stop();
  await services.retention.stop();
  services.openOperations.close();
  const closed = new Promise<void>((resolve) => {
    if (!httpServer.listening) return resolve();
    httpServer.close(() => resolve());
    httpServer.closeIdleConnections();
  });
  await ws.dispose();
  const grace = setTimeout(() => httpServer.closeAllConnections(), STOP_GRACE_MS);
  await closed;
  clearTimeout(grace);
  await services.generationRepository.drain();
  await services.http.close();
  await services.redis?.close();
  await services.orm.close();
  await services.tracing.shutdown();
}
