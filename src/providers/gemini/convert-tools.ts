import type { ChatRequest, ToolChoice } from '../../core/chat/chat-request.js';
import { type FieldProblem, InvalidInputError } from '../../core/errors.js';
import type { GenerateContentBody, WireToolConfig } from './gemini-wire.js';

/**
 * A function name as Gemini takes it: "Must start with a letter or an underscore. Must be a-z,
 * A-Z, 0-9, or contain underscores, dots, colons and dashes, with a maximum length of 64".
 * @see https://ai.google.dev/api/caching#FunctionDeclaration
 */
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

/**
 * `auto` → AUTO, `none` → NONE, `required` → ANY, one function → ANY with `allowedFunctionNames`.
 * @see https://ai.google.dev/api/caching#FunctionCallingConfig
 */
function toolConfig(choice: ToolChoice | undefined): WireToolConfig | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === 'object') return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.name] } };
  return { functionCallingConfig: { mode: choice === 'required' ? 'ANY' : choice === 'none' ? 'NONE' : 'AUTO' } };
}

/**
 * Function tools as one `tools` entry of `functionDeclarations`, each schema sent whole as
 * `parametersJsonSchema` (JSON Schema, as OpenAI's tools and Anthropic's write it; `parameters`
 * takes only Google's OpenAPI subset and would need rewriting); the tool choice as
 * `toolConfig.functionCallingConfig`. `strict` and `parallelToolCalls` have no Gemini field
 * (Gemini may always call several functions at once) and are not sent. A tool choice without tools
 * is left out.
 * @see https://ai.google.dev/gemini-api/docs/function-calling
 */
export function convertTools(request: ChatRequest): Pick<GenerateContentBody, 'tools' | 'toolConfig'> {
  const tools = request.tools ?? [];
  if (tools.length === 0) return {};
  const problems: FieldProblem[] = [];
  tools.forEach((tool, i) => {
    if (!FUNCTION_NAME.test(tool.name))
      problems.push({
        path: `tools.${i}.name`,
        message: 'Gemini takes function names of letters, digits, _ . : - (starting with a letter or _), at most 64 characters',
      });
  });
  if (problems.length) throw new InvalidInputError(problems);
  const declarations = tools.map((tool) => ({
    name: tool.name,
    description: tool.description ?? '',
    parametersJsonSchema: tool.parameters,
  }));
  const config = toolConfig(request.toolChoice);
  return { tools: [{ functionDeclarations: declarations }], ...(config ? { toolConfig: config } : {}) };
}
