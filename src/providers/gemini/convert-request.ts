import type { ChatRequest, ReasoningOptions, ResponseFormat } from '../../core/chat/chat-request.js';
import { InvalidInputError } from '../../core/errors.js';
import { convertContents } from './convert-contents.js';
import { convertTools } from './convert-tools.js';
import type { GenerateContentBody, ThinkingLevel, WireGenerationConfig, WireThinkingConfig } from './gemini-wire.js';

const THINKING_LEVELS: Readonly<Record<NonNullable<ReasoningOptions['effort']>, ThinkingLevel>> = {
  minimal: 'MINIMAL',
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
};

/**
 * Reasoning as `thinkingConfig`: `budgetTokens` → `thinkingBudget` (Gemini 2.5), `effort` →
 * `thinkingLevel` (Gemini 3), never both (Gemini takes one or the other); `includeThoughts`, so
 * the thought summaries stream as reasoning. A model that takes neither answers its own 400.
 * @see https://ai.google.dev/gemini-api/docs/thinking
 */
function thinkingConfig(reasoning: ReasoningOptions | undefined): WireThinkingConfig | undefined {
  if (reasoning?.budgetTokens === undefined && reasoning?.effort === undefined) return undefined;
  if (reasoning.budgetTokens !== undefined && reasoning.effort !== undefined)
    throw InvalidInputError.forField('reasoning', 'Gemini takes a thinking budget (budgetTokens) or a thinking level (effort), not both');
  return {
    includeThoughts: true,
    ...(reasoning.budgetTokens !== undefined ? { thinkingBudget: reasoning.budgetTokens } : {}),
    ...(reasoning.effort !== undefined ? { thinkingLevel: THINKING_LEVELS[reasoning.effort] } : {}),
  };
}

/**
 * `json_object` → `responseMimeType: application/json`; `json_schema` → that and the schema as
 * `responseJsonSchema` (JSON Schema; its `name`, `description` and `strict` have no Gemini field).
 * @see https://ai.google.dev/gemini-api/docs/structured-output
 */
function responseFormat(format: ResponseFormat | undefined): Pick<WireGenerationConfig, 'responseMimeType' | 'responseJsonSchema'> {
  if (format?.type === 'json_object') return { responseMimeType: 'application/json' };
  if (format?.type === 'json_schema') return { responseMimeType: 'application/json', responseJsonSchema: format.schema };
  return {};
}

/**
 * The gateway's request as a `generateContent` body: the conversation (convert-contents.ts), the
 * tools (convert-tools.ts) and `generationConfig` (maxOutputTokens always, the sampling
 * parameters given, the response format, thinking). Throws an InvalidInputError, before anything
 * is sent, for what Gemini cannot carry.
 * @see https://ai.google.dev/api/generate-content#request-body
 */
export function convertToGenerateContent(request: ChatRequest): GenerateContentBody {
  const { params } = request;
  const { systemInstruction, contents } = convertContents(request.messages);
  const thinking = thinkingConfig(request.reasoning);
  return {
    contents,
    ...(systemInstruction ? { systemInstruction } : {}),
    ...convertTools(request),
    generationConfig: {
      maxOutputTokens: params.maxTokens,
      ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
      ...(params.topP !== undefined ? { topP: params.topP } : {}),
      ...(params.stop?.length ? { stopSequences: [...params.stop] } : {}),
      ...responseFormat(request.responseFormat),
      ...(thinking ? { thinkingConfig: thinking } : {}),
    },
  };
}
