import { InvalidInputError } from '../../core/errors.js';
import type { ChatRequest, UpstreamTarget } from '../provider.js';
import { convertThinking } from '../anthropic/convert-thinking.js';
import type { ConverseBody } from './bedrock-wire.js';
import { convertMessages } from './convert-messages.js';
import { convertTools } from './convert-tools.js';

/**
 * Whether the model is one of Anthropic's on Bedrock: a foundation model id, an inference profile
 * id (`us.anthropic.…`, `global.anthropic.…`) or an ARN naming one. An application inference
 * profile's ARN does not say which model it runs: reasoning is refused there.
 */
export const isAnthropicModel = (upstreamModel: string) => /(?:^|[./])anthropic\./.test(upstreamModel);

/**
 * The gateway's request as a Converse body: the conversation (convert-messages.ts), tools
 * (convert-tools.ts), `inferenceConfig` (maxTokens always; temperature, topP and stop sequences
 * when set) and, for Anthropic's models, a thinking budget as
 * `additionalModelRequestFields.thinking` (the same rules as Anthropic's own API: at least 1024,
 * below maxTokens, no temperature but 1, no forced tool call). Converse has no JSON mode:
 * `responseFormat` json is refused at admission for the bedrock kind (PROVIDER_FEATURES), and here
 * for a caller that skipped it. No cache points are placed: the gateway's request names none, and
 * a cache point Converse is given for a model without prompt caching is a 400.
 * Throws an InvalidInputError, before anything is sent, for what Converse cannot carry.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InferenceConfiguration.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
 * @see https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html
 */
export function convertToConverse(request: ChatRequest, target: UpstreamTarget): ConverseBody {
  const { params } = request;
  if (request.responseFormat && request.responseFormat.type !== 'text')
    throw InvalidInputError.forField('responseFormat', "Bedrock's Converse has no JSON response format");
  if (request.reasoning?.effort !== undefined)
    throw InvalidInputError.forField(
      'reasoning.effort',
      "Bedrock's Converse takes a thinking budget (reasoning.budgetTokens), not an effort",
    );
  const { system, messages, usesTools } = convertMessages(request.messages);
  const toolConfig = convertTools(request, usesTools);
  const forced = toolConfig?.toolChoice !== undefined && !('auto' in toolConfig.toolChoice);
  if (request.reasoning?.budgetTokens !== undefined && !isAnthropicModel(target.upstreamModel))
    throw InvalidInputError.forField(
      'reasoning.budgetTokens',
      `Bedrock carries a thinking budget only to Anthropic's models (an upstream model id with anthropic.), not ${target.upstreamModel}`,
    );
  const thinking = convertThinking(request.reasoning, params, forced ? 'toolChoice' : undefined);
  return {
    messages,
    ...(system ? { system } : {}),
    inferenceConfig: {
      maxTokens: params.maxTokens,
      ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
      ...(params.topP !== undefined ? { topP: params.topP } : {}),
      ...(params.stop?.length ? { stopSequences: [...params.stop] } : {}),
    },
    ...(toolConfig ? { toolConfig } : {}),
    ...(thinking ? { additionalModelRequestFields: { thinking: { type: thinking.type, budget_tokens: thinking.budget_tokens } } } : {}),
  };
}
