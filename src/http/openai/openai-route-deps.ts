import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from '../../core/ports/clock.js';
import type { RateStore } from '../../core/ports/stores.js';
import type { GenerationService } from '../../modules/generations/generation-service.js';
import type { EmbeddingService } from '../../modules/embeddings/embedding-service.js';
import type { ApiKeyService } from '../../modules/keys/api-key-service.js';
import type { OpenOperations } from '../../modules/keys/open-operations.js';
import type { ModelRegistry } from '../../modules/models/model-registry.js';
import type { PoolRegistry } from '../../modules/pools/pool-registry.js';
import type { BodyRead } from '../read-body.js';

/** What the /v1 routes use: the services, the clock and logger, and the body reader within the gateway's limits. */
export interface OpenAIRouteDeps {
  readonly apiKeys: Pick<ApiKeyService, 'authenticate'>;
  /** No admin key configured: a bearer that is not a Switchyard key (OpenAI SDKs always send one) is ignored. */
  readonly localMode: boolean;
  readonly generations: Pick<GenerationService, 'prepare' | 'run' | 'stream'>;
  readonly embeddings: Pick<EmbeddingService, 'embed'>;
  readonly models: Pick<ModelRegistry, 'find' | 'list'>;
  readonly pools: Pick<PoolRegistry, 'find' | 'list'>;
  readonly rates: Pick<RateStore, 'usage'>;
  readonly openOperations: Pick<OpenOperations, 'track'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The request body within the gateway's size and time limits. */
  readonly readBody: (req: IncomingMessage) => Promise<BodyRead>;
  /** The largest body accepted (a declared larger one is refused before reading). */
  readonly maxBodyBytes: number;
}
