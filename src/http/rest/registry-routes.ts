import type { IncomingMessage, ServerResponse } from 'node:http';
import { NotFoundError } from '../../core/errors.js';
import type { Viewer } from '../../modules/keys/viewer.js';
import { requireScope } from '../../modules/keys/viewer.js';
import type { ModelRegistry } from '../../modules/models/model-registry.js';
import { mayUse } from '../../routing/model-access.js';
import { definedOnly, withoutNulls } from '../../graphql/input.js';
import { writeJson } from '../openai/openai-http.js';
import { modelAnswer, modelPayloadAnswer } from './model-answers.js';
import { modelBody } from './model-input.js';
import { badInput, writeMethodNotAllowed } from './rest-errors.js';

/** What the REST registry routes use: the registry's own operations, as GraphQL's mutations call them. */
export interface RegistryRouteDeps {
  readonly models: Pick<ModelRegistry, 'list' | 'find' | 'register' | 'update' | 'retire'>;
}

/** The JSON body of the request (undefined: the client went away, nothing to answer). */
type ReadBody = () => Promise<unknown>;

/**
 * `GET /api/models` (the models the key may use) and `POST /api/models` (registerModel: validated,
 * stored PENDING, probed; 201 with the model and its health check).
 */
export async function handleModelCollection(
  deps: RegistryRouteDeps,
  viewer: Viewer,
  req: IncomingMessage,
  res: ServerResponse,
  readBody: ReadBody,
): Promise<void> {
  if (req.method === 'GET') {
    requireScope(viewer, 'client', 'listing models');
    return writeJson(res, 200, {
      models: deps.models
        .list()
        .filter((m) => mayUse(viewer.models, m.id))
        .map(modelAnswer),
    });
  }
  if (req.method !== 'POST') return writeMethodNotAllowed(res, '/api/models', ['GET', 'POST']);
  requireScope(viewer, 'admin', 'registering a model');
  const body = await readBody();
  if (body === undefined) return;
  const input = withoutNulls(modelBody(body, "{id, provider, …} (registerModel's input)"));
  const registered = await deps.models.register(input);
  writeJson(res, 201, modelPayloadAnswer(registered), { location: `/api/models/${encodeURIComponent(registered.model.id)}` });
}

/**
 * `GET /api/models/{id}` (the model, as `model(id)` finds it: a limited key is told NOT_FOUND for a
 * model it may not use), `PATCH` (updateModel: fields left out stay, null clears) and `DELETE`
 * (retireModel: the record and its history stay).
 */
export async function handleOneModel(
  deps: RegistryRouteDeps,
  viewer: Viewer,
  id: string,
  req: IncomingMessage,
  res: ServerResponse,
  readBody: ReadBody,
): Promise<void> {
  const path = `/api/models/${encodeURIComponent(id)}`;
  if (req.method === 'GET') {
    requireScope(viewer, 'client', 'reading a model');
    const model = mayUse(viewer.models, id) ? deps.models.find(id) : undefined;
    if (!model) throw new NotFoundError('model', id);
    return writeJson(res, 200, { model: modelAnswer(model) });
  }
  if (req.method === 'PATCH') {
    requireScope(viewer, 'admin', 'changing a model');
    const body = await readBody();
    if (body === undefined) return;
    const { id: named, ...patch } = modelBody(body, "of the fields to change (updateModel's input, without id)");
    if (named !== undefined && named !== id) throw badInput('input.id', `the model is named by the path (${id}); leave id out of the body`);
    return writeJson(res, 200, modelPayloadAnswer(await deps.models.update(id, definedOnly(patch))));
  }
  if (req.method === 'DELETE') {
    requireScope(viewer, 'admin', 'retiring a model');
    return writeJson(res, 200, { model: modelAnswer(await deps.models.retire(id)) });
  }
  writeMethodNotAllowed(res, path, ['GET', 'PATCH', 'DELETE']);
}
