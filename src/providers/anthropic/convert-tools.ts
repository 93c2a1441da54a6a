import type { ChatRequest, ToolChoice, ToolDefinition } from '../../core/chat/chat-request.js';
import type { MessagesBody, WireTool, WireToolChoice } from './anthropic-wire.js';

/** What the request's tools, tool choice and response format become on the wire. */
export interface ConvertedTools {
  readonly tools?: WireTool[];
  readonly tool_choice?: WireToolChoice;
  readonly output_config?: MessagesBody['output_config'];
  /**
   * The tool whose input is the answer (`json_object`): the parser turns its arguments back into
   * text deltas, and a turn that only called it ends with reason `stop`.
   */
  readonly answerTool?: string;
}

const ANSWER_TOOL = 'json_answer';
const ANSWER_TOOL_DESCRIPTION = 'Give your whole answer as a JSON object: the input of this tool is the answer.';

/**
 * A function tool. `input_schema` must be an object schema, which OpenAI's parameters always are,
 * so one left untyped gets `type: object`.
 * @see https://platform.claude.com/docs/en/agents-and-tools/tool-use/implement-tool-use
 */
function wireTool(tool: ToolDefinition): WireTool {
  return {
    name: tool.name,
    ...(tool.description ? { description: tool.description } : {}),
    input_schema: 'type' in tool.parameters ? tool.parameters : { type: 'object', ...tool.parameters },
    ...(tool.strict ? { strict: true } : {}),
  };
}

/**
 * `auto` → auto, `required` → any, `{name}` → tool, `none` → none; `parallelToolCalls: false` →
 * `disable_parallel_tool_use` (which `none` does not take). Undefined: the API's default (auto).
 * @see https://platform.claude.com/docs/en/agents-and-tools/tool-use/implement-tool-use#controlling-claudes-output
 */
function wireToolChoice(choice: ToolChoice | undefined, parallel: boolean | undefined): WireToolChoice | undefined {
  const disable = parallel === false ? { disable_parallel_tool_use: true as const } : {};
  if (choice === 'none') return { type: 'none' };
  if (typeof choice === 'object') return { type: 'tool', name: choice.name, ...disable };
  if (choice === 'required') return { type: 'any', ...disable };
  return choice === 'auto' || parallel === false ? { type: 'auto', ...disable } : undefined;
}

function answerToolName(tools: readonly WireTool[]): string {
  let name = ANSWER_TOOL;
  while (tools.some((tool) => tool.name === name)) name += '_';
  return name;
}

/**
 * Tools, tool choice and the response format.
 *
 * - `json_schema` → `output_config.format` (Anthropic's structured outputs, GA on its current
 *   models): the answer is the JSON text itself, in text blocks, ending with `end_turn`. Its
 *   `name` and `description` have no place on the wire; a model without structured outputs
 *   answers the vendor's 400, passed on.
 * - `json_object` → Anthropic has no "any JSON object" mode (structured outputs take only
 *   closed object schemas), so the answer is asked for as the input of a tool `json_answer` with
 *   the open schema `{type: object}`, which the model is made to call: its input is always a JSON
 *   object (the documented JSON-by-tool pattern). Alone it is forced (`tool_choice: tool`); beside
 *   the caller's tools under `auto` the model must call one of them or answer (`any`); under
 *   `required` or a named tool the turn is a tool call anyway, and the answer tool is not added.
 * @see https://platform.claude.com/docs/en/build-with-claude/structured-outputs
 */
export function convertTools(request: ChatRequest): ConvertedTools {
  const tools = (request.tools ?? []).map(wireTool);
  const format = request.responseFormat;
  const output =
    format?.type === 'json_schema' ? { output_config: { format: { type: 'json_schema' as const, schema: format.schema } } } : {};
  const choice = request.toolChoice;
  if (format?.type === 'json_object' && (choice === undefined || choice === 'auto' || choice === 'none')) {
    const name = answerToolName(tools);
    const answer: WireTool = { name, description: ANSWER_TOOL_DESCRIPTION, input_schema: { type: 'object' } };
    const toolChoice: WireToolChoice =
      tools.length > 0 && choice !== 'none'
        ? { type: 'any', ...(request.parallelToolCalls === false ? { disable_parallel_tool_use: true as const } : {}) }
        : { type: 'tool', name, disable_parallel_tool_use: true };
    return { ...output, tools: [...tools, answer], tool_choice: toolChoice, answerTool: name };
  }
  if (tools.length === 0) return output;
  const toolChoice = wireToolChoice(choice, request.parallelToolCalls);
  return { ...output, tools, ...(toolChoice ? { tool_choice: toolChoice } : {}) };
}
