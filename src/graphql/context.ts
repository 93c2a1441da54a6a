import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { ApiKeyRecord } from '../modules/keys/api-key-service.js';
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
  /**
   * Aborts when the HTTP client goes away, or when the caller's API key is revoked (any
   * transport; WebSocket operations otherwise end by `complete`).
   */
  readonly signal: AbortSignal;
  /** For a caller with an API key: aborted by the key's revocation (see OpenOperations and useEndOnRevocation). */
  readonly revocation: AbortController | undefined;
  /** This operation's request id (x-request-id, or a new one): in the logs, upstream calls and generation records. */
  readonly requestId: string;
  /** Per-operation batching: N lookups in one resolver pass cost one query. */
  readonly loaders: { readonly apiKeys: DataLoader<string, ApiKeyRecord | null> };
}

/**
 * Builds the context. `authorization` is the HTTP `Authorization` header or the WebSocket
 * `connectionParams.authorization`; it is checked here for every operation, so a revoked key
 * stops working at once. Throws UNAUTHENTICATED when a key is required and missing or invalid.
 */
export async function createContext(
  services: Services,
  authorization: unknown,
  signal: AbortSignal = new AbortController().signal,
  requestId: string = randomUUID(),
): Promise<Context> {
  const em = services.orm.em.fork();
  const viewer = await services.apiKeys.authenticate(em, authorization);
  const loaders = { apiKeys: new DataLoader((ids: readonly string[]) => services.apiKeys.findMany(em, ids)) };
  const revocation = viewer.keyId === null ? undefined : new AbortController();
  const combined = revocation ? AbortSignal.any([signal, revocation.signal]) : signal;
  return { services, em, viewer, signal: combined, revocation, requestId, loaders };
}
