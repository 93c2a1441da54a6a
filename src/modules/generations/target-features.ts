import type { ChatMessage } from '../../core/chat/chat-request.js';
import { InvalidInputError } from '../../core/errors.js';
import { featuresOf, type ProviderFeatures } from '../../core/records/provider-kinds.js';
import type { ModelRecord } from '../../core/records/model.js';
import type { GenerateRequest, RequestFields } from './generate-request.js';

/** One thing a request asks of its model that not every provider kind carries, and the field that asked it. */
interface Need {
  readonly feature: keyof ProviderFeatures;
  readonly what: string;
  readonly field: string;
}

/** What the request needs beyond text (each need once, at the first field that asks it). */
export function needsOf(request: GenerateRequest, fields: RequestFields): Need[] {
  const needs = new Map<keyof ProviderFeatures, Need>();
  const need = (feature: keyof ProviderFeatures, what: string, field: string) => {
    if (!needs.has(feature)) needs.set(feature, { feature, what, field });
  };
  request.messages.forEach((message: ChatMessage, i) => {
    if (message.role !== 'user' || typeof message.content === 'string') return;
    message.content.forEach((part, j) => {
      if (part.type === 'image') {
        need('images', 'image parts', fields.part(i, j));
        if (!part.url.startsWith('data:')) need('imageUrls', 'image URLs (only base64 data URLs)', fields.part(i, j));
      } else if (part.type === 'audio') need('audio', 'audio parts', fields.part(i, j));
      else if (part.type === 'file') need('files', 'file parts', fields.part(i, j));
    });
  });
  if (request.tools?.length) need('tools', 'tools', fields.tools);
  if (request.responseFormat?.type === 'json_object') need('jsonObject', 'response_format json_object', fields.responseFormat);
  if (request.responseFormat?.type === 'json_schema') need('jsonSchema', 'response_format json_schema', fields.responseFormat);
  if (request.reasoning?.effort !== undefined) need('reasoningEffort', 'a reasoning effort', fields.reasoningEffort);
  if (request.reasoning?.budgetTokens !== undefined) need('reasoningBudget', 'a reasoning (thinking) budget', fields.reasoningBudget);
  return [...needs.values()];
}

/** The first need the model's provider kind (or preset) does not carry, or undefined when it carries them all. */
export function unmetNeed(model: ModelRecord, needs: readonly Need[]): Need | undefined {
  const features = featuresOf(model.provider, model.preset);
  return needs.find((n) => !features[n.feature]);
}

/** The refusal of a request no candidate can carry: names the field, the part and the model. */
export function unmetNeedError(model: ModelRecord, need: Need): InvalidInputError {
  return InvalidInputError.forField(
    need.field,
    `model ${model.id} (provider ${model.provider}${model.preset ? `, preset ${model.preset}` : ''}) does not take ${need.what}; choose a model whose provider does, or leave it out`,
  );
}
