import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../modules/keys/viewer.js';
import type { Services } from '../services.js';

/**
 * What every resolver gets, made fresh for each HTTP request and each WebSocket operation:
 * the services, an EntityManager forked for this operation alone (no global identity map shared
 * between requests), and the authenticated caller.
 */
export interface Context {
  readonly services: Services;
  readonly em: EntityManager;
  readonly viewer: Viewer;
}

/**
 * Builds the context. `authorization` is the HTTP `Authorization` header or the WebSocket
 * `connectionParams.authorization`; it is checked here for every operation, so a revoked key
 * stops working at once. Throws UNAUTHENTICATED when a key is required and missing or invalid.
 */
export async function createContext(services: Services, authorization: unknown): Promise<Context> {
  const em = services.orm.em.fork();
  const viewer = await services.apiKeys.authenticate(em, authorization);
  return { services, em, viewer };
}
