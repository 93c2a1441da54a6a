import type { ChatRequest, ToolDefinition } from '../../core/chat/chat-request.js';
import { InvalidInputError } from '../../core/errors.js';
import type { ConverseBody, ToolChoiceWire, ToolSpec } from './bedrock-wire.js';

/** A function tool; `inputSchema.json` must be an object schema, so one left untyped gets `type: object`. */
function toolSpec(tool: ToolDefinition): ToolSpec {
  return {
    toolSpec: {
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      inputSchema: { json: 'type' in tool.parameters ? tool.parameters : { type: 'object', ...tool.parameters } },
    },
  };
}

/**
 * Tools and tool choice as Converse's `toolConfig`: `auto` → `{auto: {}}`, `required` → `{any: {}}`,
 * a named tool → `{tool: {name}}`, undefined → no toolChoice (the API's default, auto). Converse
 * has no `none`: the tools are then left out, which is the same for the model, unless the
 * conversation holds tool calls or results, which Converse accepts only with a toolConfig (refused,
 * naming `toolChoice`). Tool calls in the conversation with no tools at all are refused too.
 * `parallelToolCalls` has no Converse field and is a hint only; tools' `strict` likewise.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolConfiguration.html
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolChoice.html
 */
export function convertTools(request: ChatRequest, usesTools: boolean): ConverseBody['toolConfig'] {
  const tools = (request.tools ?? []).map(toolSpec);
  const choice = request.toolChoice;
  if (choice === 'none' || tools.length === 0) {
    if (usesTools)
      throw InvalidInputError.forField(
        choice === 'none' ? 'toolChoice' : 'tools',
        choice === 'none'
          ? "Bedrock's Converse has no tool choice none, and a conversation with tool calls needs its tools: use auto"
          : "Bedrock's Converse needs the tools declared when the conversation holds tool calls or results",
      );
    if (typeof choice === 'object' || choice === 'required')
      throw InvalidInputError.forField('toolChoice', 'asks for a tool call, but no tools are given');
    return undefined;
  }
  let toolChoice: ToolChoiceWire | undefined;
  if (choice === 'auto') toolChoice = { auto: {} };
  else if (choice === 'required') toolChoice = { any: {} };
  else if (typeof choice === 'object') {
    if (!tools.some((tool) => tool.toolSpec.name === choice.name))
      throw InvalidInputError.forField('toolChoice', `names ${choice.name}, which is not one of the tools`);
    toolChoice = { tool: { name: choice.name } };
  }
  return { tools, ...(toolChoice ? { toolChoice } : {}) };
}
