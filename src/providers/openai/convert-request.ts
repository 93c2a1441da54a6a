import type { ChatRequest, ReasoningOptions, ResponseFormat, ToolChoice, ToolDefinition } from '../../core/chat/chat-request.js';
import type { UpstreamTarget } from '../provider.js';
import { convertMessages } from './convert-messages.js';
import type { OpenAIDialect } from './openai-dialect.js';
import type { ChatCompletionsBody, WireResponseFormat, WireTool, WireToolChoice } from './openai-request-wire.js';

/** @see https://platform.openai.com/docs/guides/function-calling */
function convertTool(tool: ToolDefinition, dialect: OpenAIDialect): WireTool {
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description !== undefined ? { description: tool.description } : {}),
      parameters: tool.parameters,
      ...(dialect.toolStrict && tool.strict !== undefined ? { strict: tool.strict } : {}),
    },
  };
}

function convertToolChoice(choice: ToolChoice): WireToolChoice {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

/** @see https://platform.openai.com/docs/guides/structured-outputs */
function convertResponseFormat(format: ResponseFormat): WireResponseFormat {
  if (format.type !== 'json_schema') return { type: format.type };
  return {
    type: 'json_schema',
    json_schema: {
      name: format.name,
      schema: format.schema,
      ...(format.description !== undefined ? { description: format.description } : {}),
      ...(format.strict !== undefined ? { strict: format.strict } : {}),
    },
  };
}

/** Reasoning as the kind asks for it (admission refused what the kind does not carry). */
function reasoningFields(reasoning: ReasoningOptions | undefined, dialect: OpenAIDialect): Partial<ChatCompletionsBody> {
  if (!reasoning || (reasoning.effort === undefined && reasoning.budgetTokens === undefined)) return {};
  return {
    ...(dialect.reasoningEffort && reasoning.effort !== undefined ? { reasoning_effort: reasoning.effort } : {}),
    ...(dialect.thinkingSwitch ? { enable_thinking: true } : {}),
    ...(dialect.thinkingSwitch && reasoning.budgetTokens !== undefined ? { thinking_budget: reasoning.budgetTokens } : {}),
  };
}

/**
 * The gateway's request as a streaming Chat Completions body, in the dialect of the target's kind
 * or preset; `model` is what the body names (Azure's v1 form: the deployment).
 */
export function convertToChatCompletions(
  request: ChatRequest,
  target: UpstreamTarget,
  dialect: OpenAIDialect,
  model: string = target.upstreamModel,
): ChatCompletionsBody {
  const { params } = request;
  const tools = request.tools?.length ? request.tools : undefined;
  return {
    model,
    messages: convertMessages(request.messages, dialect),
    [dialect.tokenLimit]: params.maxTokens,
    ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
    ...(params.topP !== undefined ? { top_p: params.topP } : {}),
    ...(params.stop?.length ? { stop: [...params.stop] } : {}),
    ...(tools ? { tools: tools.map((tool) => convertTool(tool, dialect)) } : {}),
    ...(tools && request.toolChoice !== undefined ? { tool_choice: convertToolChoice(request.toolChoice) } : {}),
    ...(tools && request.parallelToolCalls !== undefined ? { parallel_tool_calls: request.parallelToolCalls } : {}),
    ...(request.responseFormat ? { response_format: convertResponseFormat(request.responseFormat) } : {}),
    ...reasoningFields(request.reasoning, dialect),
    stream: true,
    ...(target.streamUsage ? { stream_options: { include_usage: true } } : {}),
  };
}
