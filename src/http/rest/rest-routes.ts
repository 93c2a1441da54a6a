import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ModelSwitchRecord } from '../../core/records/session.js';
import type { SessionService } from '../../modules/sessions/session-service.js';
import { authenticateBearer, type OpenAIRouteDeps, readJsonBody } from '../openai/openai-routes.js';
import { writeJson } from '../openai/openai-http.js';
import { handleModelCollection, handleOneModel, type RegistryRouteDeps } from './registry-routes.js';
import { badInput, writeRestError } from './rest-errors.js';

/** What the article's REST routes use. */
export interface RestRouteDeps extends Pick<OpenAIRouteDeps, 'apiKeys' | 'localMode' | 'readBody' | 'maxBodyBytes'>, RegistryRouteDeps {
  readonly sessions: Pick<SessionService, 'switchModel'>;
  readonly logger: Logger;
}

/** What a switch answers: the previous and new target, the revision and the latency. */
function switchAnswer(s: ModelSwitchRecord) {
  return {
    sessionId: s.session.id,
    revision: s.revision,
    previous: { modelId: s.previousModelId, poolName: s.previousPoolName },
    current: { modelId: s.modelId, poolName: s.poolName },
    latencyMs: s.latencyMs,
    switchedAt: s.switchedAt.toISOString(),
  };
}

const MODELS = '/api/models';
const SWITCH = '/api/models/switch';

/** The model id a `/api/models/{id}` path names (percent-decoded: ids may hold `/`), or undefined when it is not valid. */
function modelIdOf(path: string): string | undefined {
  try {
    const id = decodeURIComponent(path.slice(MODELS.length + 1));
    return id === '' ? undefined : id;
  } catch {
    return undefined;
  }
}

/**
 * The article's REST routes beside GraphQL, with the same services, checks and events:
 * `POST /api/models/switch` is `switchModel` (publishes modelSwitched); `GET /api/models` lists
 * the registry, `POST /api/models` is `registerModel`, `GET|PATCH|DELETE /api/models/{id}` are
 * `model(id)`, `updateModel` and `retireModel` (publishing modelEvents). Same API keys and scopes
 * (reading needs client, changing the registry admin); errors as JSON `{error: {code, message,
 * field}}` with the GraphQL codes. A model named `switch` is reached by GET, PATCH and DELETE only.
 */
export function createRestRoutes(deps: RestRouteDeps) {
  return {
    serves: (path: string) => path === MODELS || path.startsWith(`${MODELS}/`),

    async handle(req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<void> {
      const receivedAt = performance.now();
      res.setHeader('x-request-id', requestId);
      const readBody = () => readJsonBody(deps, req, res);
      try {
        const viewer = await authenticateBearer(deps, req);
        if (path === MODELS) return await handleModelCollection(deps, viewer, req, res, readBody);
        if (path === SWITCH && req.method === 'POST') {
          const input = await readBody();
          if (input === undefined) return;
          if (typeof input !== 'object' || input === null || Array.isArray(input))
            throw badInput('body', 'expected a JSON object {sessionId, modelId | poolName, params?}');
          return writeJson(res, 200, switchAnswer(await deps.sessions.switchModel(input, viewer, receivedAt)));
        }
        const id = modelIdOf(path);
        if (id === undefined) throw badInput('path', 'expected /api/models/{id} with the model id percent-encoded');
        await handleOneModel(deps, viewer, id, req, res, readBody);
      } catch (error) {
        writeRestError(deps.logger, res, error);
      }
    },
  };
}
