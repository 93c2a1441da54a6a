import { generationParamsShape, modelRefField } from '../../config/model-definition.js';
import type { z } from 'zod';
import { objectField, stringField } from '../../validation/fields.js';
import { poolNameField } from '../../config/pool-definition.js';

const sessionIdField = stringField('a session id', /^[0-9a-f-]{36}$/i, 36);

/** `createSession` input: the model (else the config's default) and parameters that override the model's defaults. */
export const createSessionSchema = objectField({
  modelId: modelRefField.optional(),
  poolName: poolNameField.optional(),
  params: objectField(generationParamsShape).optional(),
}).superRefine(oneTarget);

/** `switchModel` input: given params replace the session's; absent, the session keeps its own. */
export const switchModelSchema = objectField({
  sessionId: sessionIdField,
  modelId: modelRefField.optional(),
  poolName: poolNameField.optional(),
  params: objectField(generationParamsShape).optional(),
}).superRefine((value, ctx) => {
  if (!value.modelId && !value.poolName)
    ctx.addIssue({ code: 'custom', path: ['modelId'], message: 'is required: expected a modelId or a poolName' });
  oneTarget(value, ctx);
});

function oneTarget(value: { modelId?: string | undefined; poolName?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.modelId && value.poolName)
    ctx.addIssue({ code: 'custom', path: ['poolName'], message: 'give either modelId or poolName, not both' });
}
