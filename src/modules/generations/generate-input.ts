import { z } from 'zod';
import { enumField, listOf, numberField, objectField, stringField } from '../../validation/fields.js';
import { generationParamsShape, modelIdField } from '../../config/model-definition.js';
import { poolNameField } from '../../config/pool-definition.js';

export const MESSAGE_ROLES = ['system', 'user', 'assistant'] as const;

const MAX_TEXT = 1_000_000;

const messageSchema = objectField({
  role: enumField(MESSAGE_ROLES),
  content: z.string({ error: 'expected the message text' }).max(MAX_TEXT, { error: `expected at most ${MAX_TEXT} characters` }),
});

/** `generate` / `generateStream` input: a prompt or messages (one of them), a model, parameters and a cost limit. */
export const generateInputSchema = objectField({
  model: modelIdField.optional(),
  pool: poolNameField.optional(),
  sessionId: stringField('a session id', /^[0-9a-f-]{36}$/i, 36).optional(),
  prompt: stringField(`a prompt of 1 to ${MAX_TEXT} characters`, undefined, MAX_TEXT).optional(),
  messages: listOf(messageSchema, 'messages', 10_000).min(1, { error: 'expected at least one message' }).optional(),
  params: objectField(generationParamsShape).optional(),
  costLimit: numberField({ min: 0, max: 1_000_000 }).optional(),
}).superRefine((value, ctx) => {
  if (value.model !== undefined && value.pool !== undefined)
    ctx.addIssue({ code: 'custom', path: ['pool'], message: 'give either model or pool, not both' });
  if (value.prompt === undefined && value.messages === undefined) {
    ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'is required: expected a prompt or messages' });
  } else if (value.prompt !== undefined && value.messages !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['messages'], message: 'give either prompt or messages, not both' });
  }
});

export type GenerateInput = z.infer<typeof generateInputSchema>;
