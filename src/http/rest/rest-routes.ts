import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { GatewayError, InvalidInputError } from '../../core/errors.js';
import type { ModelRecord } from '../../core/records/model.js';
import type { ModelSwitchRecord } from '../../core/records/session.js';
import { requireScope } from '../../modules/keys/viewer.js';
import { pricingOf } from '../../pricing/money.js';
import type { ModelRegistry } from '../../modules/models/model-registry.js';
import type { SessionService } from '../../modules/sessions/session-service.js';
import { OpenAIRequestError } from '../openai/openai-errors.js';
import { authenticateBearer, type OpenAIRouteDeps, readJsonBody } from '../openai/openai-routes.js';
import { writeJson } from '../openai/openai-http.js';

/** What the article's REST routes use. */
export interface RestRouteDeps extends Pick<OpenAIRouteDeps, 'apiKeys' | 'localMode' | 'readBody' | 'maxBodyBytes'> {
  readonly sessions: Pick<SessionService, 'switchModel'>;
  readonly models: Pick<ModelRegistry, 'list'>;
  readonly logger: Logger;
}

const STATUS_OF: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  COST_LIMIT_EXCEEDED: 429,
  MODEL_UNAVAILABLE: 503,
  BUDGET_UNAVAILABLE: 503,
  RETRY_EXHAUSTED: 502,
  UPSTREAM_ERROR: 502,
};

/** `{error: {code, message, field}}` with the GraphQL error codes; anything unexpected is a masked 500. */
function writeError(deps: RestRouteDeps, res: ServerResponse, error: unknown): void {
  if (error instanceof OpenAIRequestError) {
    // The request itself (its body, its type), refused before the gateway saw it.
    return writeJson(res, error.status, {
      error: { code: error.status === 403 ? 'FORBIDDEN' : 'BAD_USER_INPUT', message: error.message, field: error.param ?? 'body' },
    });
  }
  if (!(error instanceof GatewayError)) {
    deps.logger.error({ err: error }, 'rest route failed');
    return writeJson(res, 500, { error: { code: 'INTERNAL', message: 'internal error', field: null } });
  }
  const field =
    error instanceof InvalidInputError
      ? (error.problems[0]?.path ?? null)
      : typeof error.details.field === 'string'
        ? error.details.field
        : null;
  writeJson(res, STATUS_OF[error.code] ?? 500, { error: { code: error.code, message: error.message, field } });
}

const badInput = (field: string, message: string) => InvalidInputError.forField(field, message);

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

/** A model as GET /api/models lists it: prices in USD per million tokens, as GraphQL gives them. */
const modelAnswer = (m: ModelRecord) => ({
  id: m.id,
  provider: m.provider,
  status: m.status,
  upstreamModel: m.upstreamModel,
  contextWindow: m.contextWindow,
  pricing: pricingOf(m),
});

/**
 * The article's REST routes beside GraphQL: POST /api/models/switch does what `switchModel` does
 * (same validation and errors, publishes modelSwitched) and GET /api/models lists the registry.
 * Same API keys; errors as JSON `{error: {code, message, field}}` with the GraphQL codes.
 */
export function createRestRoutes(deps: RestRouteDeps) {
  return {
    serves: (path: string) => path === '/api/models/switch' || path === '/api/models',

    async handle(req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<void> {
      const receivedAt = performance.now();
      res.setHeader('x-request-id', requestId);
      try {
        const viewer = await authenticateBearer(deps, req);
        if (path === '/api/models') {
          if (req.method !== 'GET')
            return writeJson(res, 405, { error: { code: 'BAD_USER_INPUT', message: `use GET on ${path}`, field: null } }, { allow: 'GET' });
          requireScope(viewer, 'client', 'listing models');
          return writeJson(res, 200, { models: deps.models.list().map(modelAnswer) });
        }
        if (req.method !== 'POST')
          return writeJson(res, 405, { error: { code: 'BAD_USER_INPUT', message: `use POST on ${path}`, field: null } }, { allow: 'POST' });
        const input = await readJsonBody(deps, req, res);
        if (input === undefined) return;
        if (typeof input !== 'object' || input === null || Array.isArray(input))
          throw badInput('body', 'expected a JSON object {sessionId, modelId | poolName, params?}');
        const applied = await deps.sessions.switchModel(input, viewer, receivedAt);
        writeJson(res, 200, switchAnswer(applied));
      } catch (error) {
        writeError(deps, res, error);
      }
    },
  };
}
