import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { CredentialService } from '../modules/credentials/credential-service.js';
import type { ApiKeyService } from '../modules/keys/api-key-service.js';
import type { ApiKeyRecord } from '../core/records/api-key.js';
import type { Viewer } from '../modules/keys/viewer.js';
import type { EventBus } from '../core/ports/event-bus.js';
import type { BudgetStore } from '../core/ports/stores.js';
import type { ConfigReloader } from '../modules/config/config-reloader.js';
import type { CostService } from '../modules/costs/cost-service.js';
import type { GenerationService } from '../modules/generations/generation-service.js';
import type { EmbeddingService } from '../modules/embeddings/embedding-service.js';
import type { OpenOperations } from '../modules/keys/open-operations.js';
import type { ModelRegistry } from '../modules/models/model-registry.js';
import type { PoolRegistry } from '../modules/pools/pool-registry.js';
import type { SessionService } from '../modules/sessions/session-service.js';
import type { Router } from '../routing/router.js';
import type { TraceCarrier, Tracing } from '../observability/tracing.js';

/**
 * What the GraphQL resolvers may use: each service narrowed to the methods they call. No store,
 * no repository, no EntityManager; the resolvers know nothing else of the composition.
 */
export interface ResolverServices {
  readonly models: Pick<ModelRegistry, 'list' | 'get' | 'find' | 'register' | 'update' | 'disable' | 'enable' | 'retire' | 'checkHealth'>;
  readonly pools: Pick<PoolRegistry, 'list' | 'find' | 'set' | 'delete'>;
  readonly router: Pick<Router, 'circuit'>;
  readonly sessions: Pick<SessionService, 'create' | 'get' | 'page' | 'history' | 'droppedCount' | 'switchModel'>;
  readonly generations: Pick<GenerationService, 'prepare' | 'generate' | 'stream' | 'find' | 'page'>;
  readonly costs: Pick<CostService, 'report' | 'series'>;
  readonly embeddings: Pick<EmbeddingService, 'embed'>;
  readonly apiKeys: Pick<ApiKeyService, 'create' | 'list' | 'revoke' | 'setBudget' | 'update' | 'findMany'>;
  readonly credentials: Pick<CredentialService, 'list' | 'create' | 'rotate' | 'delete' | 'modelsUsing'>;
  readonly budgets: Pick<BudgetStore, 'status'>;
  readonly configReloader: Pick<ConfigReloader, 'reload' | 'status'>;
  readonly bus: Pick<EventBus, 'subscribe'>;
  readonly openOperations: Pick<OpenOperations, 'track'>;
  /** generate and generateStream are traced (SERVER spans) when tracing is on. */
  readonly tracing: Pick<Tracing, 'enabled' | 'startRequest' | 'withSpan'>;
}

/**
 * What every resolver gets, made fresh for each HTTP request and each WebSocket operation: the
 * services narrowed to what resolvers call (each works on database state of its own), and the
 * authenticated caller.
 */
export interface Context {
  readonly services: ResolverServices;
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
  /** The caller's W3C trace context (`traceparent`, `tracestate`: HTTP headers, or graphql-ws connectionParams). */
  readonly traceCarrier?: TraceCarrier;
  /** Per-operation batching: N lookups in one resolver pass cost one query. */
  readonly loaders: { readonly apiKeys: DataLoader<string, ApiKeyRecord | null> };
}

/**
 * Builds the context. `authorization` is the HTTP `Authorization` header or the WebSocket
 * `connectionParams.authorization`; it is checked here for every operation, so a revoked key
 * stops working at once. Throws UNAUTHENTICATED when a key is required and missing or invalid.
 */
export async function createContext(
  services: ResolverServices & { readonly apiKeys: Pick<ApiKeyService, 'authenticate' | 'findMany'> },
  authorization: unknown,
  signal: AbortSignal = new AbortController().signal,
  requestId: string = randomUUID(),
  traceCarrier?: TraceCarrier,
): Promise<Context> {
  const viewer = await services.apiKeys.authenticate(authorization);
  const loaders = { apiKeys: new DataLoader((ids: readonly string[]) => services.apiKeys.findMany(ids)) };
  const revocation = viewer.keyId === null ? undefined : new AbortController();
  const combined = revocation ? AbortSignal.any([signal, revocation.signal]) : signal;
  return { services, viewer, signal: combined, revocation, requestId, loaders, ...(traceCarrier ? { traceCarrier } : {}) };
}
