import { CACHE_STATUS_HEADER, cacheControlOf } from '../cache-control.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NotFoundError } from '../../core/errors.js';
import type { ModelRecord } from '../../core/records/model.js';
import type { PoolRecord } from '../../core/records/pool.js';
import { mayUse, modelNotAllowedError } from '../../routing/model-access.js';
import { requireScope, type Viewer } from '../../modules/keys/viewer.js';
import type { Metrics } from '../../observability/metrics.js';
import { holdForResponse, type OpenCounter, perKeyMessage } from '../connection-limits.js';
import { closeAfterAnswer } from '../read-body.js';
import { chatCompletions } from './chat-completions.js';
import { embeddings } from './embeddings.js';
import type { OpenAIRouteDeps } from './openai-route-deps.js';
import { createResponse, isResponseIdPath, type ResponsesRouteDeps, retrieveResponse } from './responses.js';

export type { OpenAIRouteDeps } from './openai-route-deps.js';
import { OpenAIRequestError } from './openai-errors.js';
import { writeJson, writeOpenAIError } from './openai-http.js';

/** What the OpenAI-compatible routes use: the same services as the GraphQL operations, narrowed. */
/** What the chat route adds: a streamed answer holds one of its key's connection slots while it runs. */
export interface OpenAIRoutesDeps extends ResponsesRouteDeps {
  readonly keyConnections: Pick<OpenCounter, 'acquire' | 'cap'>;
  readonly metrics: Pick<Metrics, 'connectionsRefused'>;
}

const SWITCHYARD_KEY = /^Bearer\s+sy_/i;

/** The caller: its Switchyard key; in local mode another bearer (an SDK's placeholder) counts as none. */
export function authenticateBearer(deps: Pick<OpenAIRouteDeps, 'apiKeys' | 'localMode'>, req: IncomingMessage): Promise<Viewer> {
  const authorization = req.headers.authorization;
  const ignored = deps.localMode && authorization !== undefined && !SWITCHYARD_KEY.test(authorization);
  return deps.apiKeys.authenticate(ignored ? undefined : authorization);
}

/** The models that can serve now (HEALTHY) and the pools with at least one of them: what a caller may call. */
function callable(deps: OpenAIRouteDeps): { models: ModelRecord[]; pools: PoolRecord[] } {
  const models = deps.models.list().filter((m) => m.status === 'HEALTHY');
  const healthy = new Set(models.map((m) => m.id));
  const pools = deps.pools.list().filter((p) => p.members.some((m) => m.weight > 0 && healthy.has(m.modelId)));
  return { models, pools };
}

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * The JSON body of a POST, within the gateway's limits: a declared size over the limit is refused
 * before reading; a body too large or too slow ends the connection after the answer (a part-read
 * body cannot be skipped on a keep-alive socket). Answers undefined when the client went away.
 */
export async function readJsonBody(
  deps: Pick<OpenAIRouteDeps, 'readBody' | 'maxBodyBytes'>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<unknown> {
  if (!/^application\/(.+\+)?json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new OpenAIRequestError("The request must be JSON: send 'Content-Type: application/json'.", null, 'invalid_content_type', 415);
  }
  const closeAfter = () => closeAfterAnswer(req, res);
  if (Number(req.headers['content-length'] ?? 0) > deps.maxBodyBytes) {
    closeAfter();
    throw new OpenAIRequestError(`The request body is too large: at most ${deps.maxBodyBytes} bytes.`, null, 'request_too_large', 413);
  }
  const body = await deps.readBody(req);
  if (body === 'aborted') {
    res.destroy();
    return undefined;
  }
  if (!Buffer.isBuffer(body)) {
    closeAfter();
    if (body === 'too-large')
      throw new OpenAIRequestError(`The request body is too large: at most ${deps.maxBodyBytes} bytes.`, null, 'request_too_large', 413);
    throw new OpenAIRequestError('The request body did not arrive in time.', null, 'request_timeout', 408);
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new OpenAIRequestError('We could not parse the JSON body of your request: it must be a JSON object.', null, 'invalid_json');
  }
}

const isStreamRequest = (body: unknown) => typeof body === 'object' && body !== null && (body as { stream?: unknown }).stream === true;

const modelObject = (m: ModelRecord) => ({
  id: m.id,
  object: 'model' as const,
  created: Math.floor(m.createdAt.getTime() / 1000),
  owned_by: m.provider,
});
const poolObject = (p: PoolRecord) => ({
  id: p.name,
  object: 'model' as const,
  created: Math.floor(p.updatedAt.getTime() / 1000),
  owned_by: 'switchyard-pool',
});

/**
 * The OpenAI-compatible door on the gateway's port: POST /v1/chat/completions, GET /v1/models
 * and /v1/models/{id}, with OpenAI's shapes, statuses and error objects, and Switchyard's API keys.
 */
export function createOpenAIRoutes(deps: OpenAIRoutesDeps) {
  return {
    serves(path: string): boolean {
      return (
        path === '/v1/chat/completions' ||
        path === '/v1/responses' ||
        path.startsWith('/v1/responses/') ||
        path === '/v1/embeddings' ||
        path === '/v1/models' ||
        path.startsWith('/v1/models/')
      );
    },

    async handle(req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<void> {
      res.setHeader('x-request-id', requestId);
      // Every answer of a generating door says whether the cache served it; a hit overrides this.
      if (path === '/v1/chat/completions' || path === '/v1/responses' || path === '/v1/embeddings')
        res.setHeader(CACHE_STATUS_HEADER, 'miss');
      try {
        const viewer = await authenticateBearer(deps, req);
        requireScope(
          viewer,
          'client',
          path === '/v1/chat/completions'
            ? 'chat completions'
            : path.startsWith('/v1/responses')
              ? 'responses'
              : path === '/v1/embeddings'
                ? 'embeddings'
                : 'listing models',
        );
        if (path === '/v1/embeddings') {
          if (req.method !== 'POST')
            throw new OpenAIRequestError(`Method ${req.method} is not allowed on ${path}: use POST.`, null, 'method_not_allowed', 405);
          const body = await readJsonBody(deps, req, res);
          if (body === undefined) return;
          return await embeddings(deps, res, viewer, body, requestId, cacheControlOf(req));
        }
        if (path === '/v1/chat/completions' || path === '/v1/responses') {
          if (req.method !== 'POST')
            throw new OpenAIRequestError(`Method ${req.method} is not allowed on ${path}: use POST.`, null, 'method_not_allowed', 405);
          const body = await readJsonBody(deps, req, res);
          if (body === undefined) return;
          if (isStreamRequest(body) && viewer.keyId !== null && !holdForResponse(deps.keyConnections, viewer.keyId, req, res)) {
            deps.metrics.connectionsRefused.inc({ limit: 'per_key', transport: 'http' });
            throw new OpenAIRequestError(perKeyMessage(deps.keyConnections.cap), null, 'connection_limit_exceeded', 429);
          }
          if (path === '/v1/responses') return await createResponse(deps, req, res, viewer, body, requestId, cacheControlOf(req));
          return await chatCompletions(deps, req, res, viewer, body, requestId);
        }
        if (req.method !== 'GET')
          throw new OpenAIRequestError(`Method ${req.method} is not allowed on ${path}: use GET.`, null, 'method_not_allowed', 405);
        if (path.startsWith('/v1/responses/')) {
          if (!isResponseIdPath(path)) throw new OpenAIRequestError(`Unknown route: ${path}.`, null, null, 404);
          return await retrieveResponse(deps, res, viewer, safeDecode(path.slice('/v1/responses/'.length)));
        }
        // A key limited to some models lists those only, and is refused the others by name.
        const { models, pools } = callable(deps);
        const allowed = viewer.models;
        if (path === '/v1/models')
          return writeJson(res, 200, {
            object: 'list',
            data: [
              ...models.filter((m) => mayUse(allowed, m.id)).map(modelObject),
              ...pools.filter((p) => mayUse(allowed, p.name)).map(poolObject),
            ],
          });
        const id = safeDecode(path.slice('/v1/models/'.length));
        if (!mayUse(allowed, id)) throw modelNotAllowedError('model', id, 'model');
        const model = models.find((m) => m.id === id);
        const pool = pools.find((p) => p.name === id);
        if (model) return writeJson(res, 200, modelObject(model));
        if (pool) return writeJson(res, 200, poolObject(pool));
        throw new NotFoundError('model', id);
      } catch (error) {
        writeOpenAIError(deps, res, error, {});
      }
    },
  };
}
