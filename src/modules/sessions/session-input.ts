import { generationParamsShape, modelIdField } from '../models/model-definition.js';
import { objectField, stringField } from '../../validation/fields.js';

const sessionIdField = stringField('a session id', /^[0-9a-f-]{36}$/i, 36);

/** `createSession` input: the model (else the config's default) and parameters that override the model's defaults. */
export const createSessionSchema = objectField({
  modelId: modelIdField.optional(),
  params: objectField(generationParamsShape).optional(),
});

/** `switchModel` input: given params replace the session's; absent, the session keeps its own. */
export const switchModelSchema = objectField({
  sessionId: sessionIdField,
  modelId: modelIdField,
  params: objectField(generationParamsShape).optional(),
});
