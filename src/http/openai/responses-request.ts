import type {
  ChatMessage,
  ReasoningEffort,
  ResponseFormat,
  ToolCall,
  ToolChoice,
  ToolDefinition,
  UserContentPart,
} from '../../core/chat/chat-request.js';
import type { GenerateRequest } from '../../modules/generations/generate-request.js';
import { fail, isObject, unsupported } from './chat-messages.js';
import { OpenAIRequestError } from './openai-errors.js';

/**
 * A /v1/responses body (OpenAI's Responses API) read into the gateway's terms: the input items
 * become messages, the function tools tools, `text.format` the response format; a parameter this
 * version does not carry out is a 400 naming it, never ignored.
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */

/** One input item, read: a message, a function call the model made, or a reference to an item of a stored response. */
export type InputPiece =
  | { readonly kind: 'message'; readonly message: ChatMessage; readonly at: string }
  | { readonly kind: 'call'; readonly call: ToolCall }
  | { readonly kind: 'reference'; readonly id: string; readonly param: string };

export interface ResponsesRequest {
  /** A model id or a pool name. */
  readonly model: string;
  /** The input items in order; `instructions` is a system message before them. */
  readonly input: readonly InputPiece[];
  readonly chat: Omit<GenerateRequest, 'model' | 'pool' | 'sessionId' | 'costLimit' | 'messages'>;
  readonly stream: boolean;
  /** Keep the conversation (a session) so that a later response can continue it; default true. */
  readonly store: boolean;
  readonly previousResponseId: string | undefined;
  /** What the Response object echoes. */
  readonly echo: {
    readonly instructions: string | null;
    readonly maxOutputTokens: number | null;
    readonly temperature: number | null;
    readonly topP: number | null;
    readonly parallelToolCalls: boolean;
    readonly toolChoice: unknown;
    readonly tools: readonly unknown[];
    readonly text: { readonly format: unknown };
    readonly reasoning: { readonly effort: string | null; readonly summary: null };
    readonly metadata: Record<string, string>;
    readonly user: string | null;
    readonly truncation: 'auto' | 'disabled';
  };
}

const SUPPORTED = new Set([
  'model',
  'input',
  'instructions',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'text',
  'reasoning',
  'max_output_tokens',
  'temperature',
  'top_p',
  'stream',
  'store',
  'previous_response_id',
  'metadata',
  'user',
  'truncation',
  'include',
]);

/** OpenAI's tools that run on OpenAI's side: nothing runs them here. */
const BUILT_IN_TOOLS = new Set([
  'web_search',
  'web_search_preview',
  'web_search_preview_2025_03_11',
  'file_search',
  'computer_use',
  'computer_use_preview',
  'code_interpreter',
  'image_generation',
  'mcp',
  'local_shell',
  'shell',
  'apply_patch',
  'custom',
]);

const REASONING_EFFORTS: readonly ReasoningEffort[] = ['minimal', 'low', 'medium', 'high'];
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function onlyKeys(object: Record<string, unknown>, at: string, known: readonly string[]): void {
  for (const key of Object.keys(object)) if (!known.includes(key) && object[key] !== null) unsupported(`${at}.${key}`);
}

function stringAt(value: unknown, param: string, max = 1_000_000): string {
  if (typeof value !== 'string' || value.length > max) fail(param, `a string of at most ${max} characters`, value);
  return value;
}

function functionName(value: unknown, param: string): string {
  if (typeof value !== 'string' || !FUNCTION_NAME.test(value)) fail(param, 'a name of 1 to 64 letters, digits, _ or -', value);
  return value;
}

function numberIn(body: Record<string, unknown>, param: string, min: number, max: number, integer = false): number | undefined {
  const value = body[param];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
    fail(param, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, value);
  return value;
}

/** The keys an item may carry besides its own: `id` and `status`, as an output item passed back as input has them. */
const ITEM_KEYS = ['type', 'id', 'status'];

/** Text parts (input_text, output_text, refusal) joined: what system, developer and assistant messages take. */
function textContent(value: unknown, param: string): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) fail(param, 'a string or an array of text content parts', value);
  return value
    .map((part, j) => {
      const here = `${param}[${j}]`;
      if (!isObject(part)) fail(here, 'a content part object', part);
      if (part.type === 'input_text' || part.type === 'output_text') {
        onlyKeys(part, here, ['type', 'text', 'annotations', 'logprobs']);
        return stringAt(part.text, `${here}.text`);
      }
      if (part.type === 'refusal') {
        onlyKeys(part, here, ['type', 'refusal']);
        return stringAt(part.refusal, `${here}.refusal`);
      }
      return fail(`${here}.type`, "'input_text' or 'output_text' (this role takes text only)", part.type);
    })
    .join('');
}

function userPart(part: unknown, at: string): UserContentPart {
  if (!isObject(part)) fail(at, 'a content part object', part);
  switch (part.type) {
    case 'input_text':
      onlyKeys(part, at, ['type', 'text']);
      return { type: 'text', text: stringAt(part.text, `${at}.text`) };
    case 'input_image': {
      onlyKeys(part, at, ['type', 'image_url', 'file_id', 'detail']);
      if (part.file_id != null)
        throw new OpenAIRequestError(
          `Unsupported parameter: '${at}.file_id' (files uploaded to OpenAI) is not carried out by this version of Switchyard: send image_url.`,
          `${at}.file_id`,
          'unsupported_parameter',
        );
      const detail = part.detail ?? undefined;
      if (detail !== undefined && detail !== 'auto' && detail !== 'low' && detail !== 'high')
        fail(`${at}.detail`, "'auto', 'low' or 'high'", detail);
      return { type: 'image', url: stringAt(part.image_url, `${at}.image_url`, 20_000_000), ...(detail ? { detail } : {}) };
    }
    case 'input_file': {
      onlyKeys(part, at, ['type', 'file_data', 'file_id', 'filename']);
      if (part.file_data == null && part.file_id == null) fail(at, 'file_data or file_id', part);
      return {
        type: 'file',
        ...(part.file_data != null ? { data: stringAt(part.file_data, `${at}.file_data`, 20_000_000) } : {}),
        ...(part.file_id != null ? { fileId: stringAt(part.file_id, `${at}.file_id`, 200) } : {}),
        ...(part.filename != null ? { filename: stringAt(part.filename, `${at}.filename`, 200) } : {}),
      };
    }
    default:
      return fail(`${at}.type`, "'input_text', 'input_image' or 'input_file'", part.type);
  }
}

function messageItem(item: Record<string, unknown>, at: string): ChatMessage {
  onlyKeys(item, at, [...ITEM_KEYS, 'role', 'content', 'phase']);
  switch (item.role) {
    case 'system':
    case 'developer':
      return { role: item.role, content: textContent(item.content, `${at}.content`) };
    case 'assistant':
      return { role: 'assistant', content: textContent(item.content, `${at}.content`) };
    case 'user': {
      const { content } = item;
      if (typeof content === 'string') return { role: 'user', content };
      if (!Array.isArray(content) || content.length === 0 || content.length > 256)
        fail(`${at}.content`, 'a string or an array of 1 to 256 content parts', content);
      return { role: 'user', content: content.map((part, j) => userPart(part, `${at}.content[${j}]`)) };
    }
    default:
      return fail(`${at}.role`, "'user', 'assistant', 'system' or 'developer'", item.role);
  }
}

function inputPiece(item: unknown, i: number): InputPiece {
  const at = `input[${i}]`;
  if (!isObject(item)) fail(at, 'an input item object', item);
  const type = item.type ?? 'message';
  switch (type) {
    case 'message':
      return { kind: 'message', message: messageItem(item, at), at };
    case 'function_call':
      onlyKeys(item, at, [...ITEM_KEYS, 'call_id', 'name', 'arguments']);
      return {
        kind: 'call',
        call: {
          id: stringAt(item.call_id, `${at}.call_id`, 200),
          name: functionName(item.name, `${at}.name`),
          arguments: stringAt(item.arguments, `${at}.arguments`),
        },
      };
    case 'function_call_output':
      onlyKeys(item, at, [...ITEM_KEYS, 'call_id', 'output']);
      return {
        kind: 'message',
        at,
        message: {
          role: 'tool',
          toolCallId: stringAt(item.call_id, `${at}.call_id`, 200),
          content: textContent(item.output, `${at}.output`),
        },
      };
    case 'item_reference':
      onlyKeys(item, at, ['type', 'id']);
      return { kind: 'reference', id: stringAt(item.id, `${at}.id`, 200), param: `${at}.id` };
    default:
      throw new OpenAIRequestError(
        `Unsupported value: input item type ${JSON.stringify(type)} in '${at}.type' is not carried out by this version of Switchyard (it takes message, function_call, function_call_output and item_reference items).`,
        `${at}.type`,
        'unsupported_value',
      );
  }
}

/** Reasoning items passed back as input carry nothing the gateway can send on: they are dropped. */
function inputOf(value: unknown): InputPiece[] {
  if (typeof value === 'string') return [{ kind: 'message', message: { role: 'user', content: value }, at: 'input' }];
  if (!Array.isArray(value)) fail('input', 'a string or an array of input items', value);
  if (value.length > 10_000) fail('input', 'at most 10000 items', `${value.length} items`);
  const pieces: InputPiece[] = [];
  value.forEach((item, i) => {
    if (isObject(item) && item.type === 'reasoning') return;
    pieces.push(inputPiece(item, i));
  });
  return pieces;
}

function toolsOf(value: unknown): ToolDefinition[] {
  if (!Array.isArray(value)) fail('tools', 'an array of function tools', value);
  const builtIn = value
    .map((tool) => (isObject(tool) && typeof tool.type === 'string' && tool.type !== 'function' ? tool.type : undefined))
    .filter((type): type is string => type !== undefined);
  if (builtIn.length > 0) {
    const index = value.findIndex((tool) => isObject(tool) && tool.type === builtIn[0]);
    const named = [...new Set(builtIn)].map((t) => `'${t}'`).join(', ');
    throw new OpenAIRequestError(
      `Unsupported tool${builtIn.length > 1 ? 's' : ''}: ${named} ${BUILT_IN_TOOLS.has(builtIn[0] as string) ? "(OpenAI's built-in tools run on OpenAI's side) " : ''}cannot be used through Switchyard; only function tools can.`,
      `tools[${index}].type`,
      'unsupported_value',
    );
  }
  return value.map((tool, i) => {
    const at = `tools[${i}]`;
    if (!isObject(tool)) fail(at, "a function tool {type: 'function', name, parameters}", tool);
    onlyKeys(tool, at, ['type', 'name', 'description', 'parameters', 'strict']);
    if (tool.strict != null && typeof tool.strict !== 'boolean') fail(`${at}.strict`, 'a boolean', tool.strict);
    if (tool.parameters != null && !isObject(tool.parameters)) fail(`${at}.parameters`, 'a JSON Schema object', tool.parameters);
    return {
      name: functionName(tool.name, `${at}.name`),
      ...(tool.description != null ? { description: stringAt(tool.description, `${at}.description`, 100_000) } : {}),
      parameters: (tool.parameters ?? { type: 'object', properties: {} }) as ToolDefinition['parameters'],
      ...(typeof tool.strict === 'boolean' ? { strict: tool.strict } : {}),
    };
  });
}

function toolChoiceOf(value: unknown, tools: readonly ToolDefinition[] | undefined): ToolChoice {
  if (value === 'auto' || value === 'none' || value === 'required') {
    if (value === 'required' && !tools?.length) fail('tool_choice', "tools to choose from ('required' needs tools)", value);
    return value;
  }
  if (isObject(value) && typeof value.type === 'string' && value.type !== 'function')
    throw new OpenAIRequestError(
      `Unsupported value: tool_choice type '${value.type}' cannot be used through Switchyard; only function tools can.`,
      'tool_choice.type',
      'unsupported_value',
    );
  if (!isObject(value)) fail('tool_choice', "'auto', 'none', 'required' or {type: 'function', name}", value);
  onlyKeys(value, 'tool_choice', ['type', 'name']);
  const name = functionName(value.name, 'tool_choice.name');
  if (!tools?.some((t) => t.name === name)) fail('tool_choice.name', 'the name of one of the tools', name);
  return { name };
}

function textFormatOf(value: unknown): ResponseFormat | undefined {
  if (!isObject(value)) fail('text', 'an object {format}', value);
  onlyKeys(value, 'text', ['format']);
  const format = value.format;
  if (format === undefined || format === null) return undefined;
  if (!isObject(format)) fail('text.format', "an object {type: 'text' | 'json_object' | 'json_schema'}", format);
  if (format.type === 'text' || format.type === 'json_object') {
    onlyKeys(format, 'text.format', ['type']);
    return { type: format.type };
  }
  if (format.type !== 'json_schema') fail('text.format.type', "'text', 'json_object' or 'json_schema'", format.type);
  onlyKeys(format, 'text.format', ['type', 'name', 'schema', 'description', 'strict']);
  if (format.strict != null && typeof format.strict !== 'boolean') fail('text.format.strict', 'a boolean', format.strict);
  if (!isObject(format.schema)) fail('text.format.schema', 'a JSON Schema object', format.schema);
  return {
    type: 'json_schema',
    name: functionName(format.name, 'text.format.name'),
    schema: format.schema as Extract<ResponseFormat, { type: 'json_schema' }>['schema'],
    ...(format.description != null ? { description: stringAt(format.description, 'text.format.description', 100_000) } : {}),
    ...(typeof format.strict === 'boolean' ? { strict: format.strict } : {}),
  };
}

/** Reads a Responses API body; a null parameter counts as absent. */
export function parseResponsesRequest(raw: unknown): ResponsesRequest {
  if (!isObject(raw)) throw new OpenAIRequestError('The request body must be a JSON object.', null);
  const body = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null));
  for (const key of Object.keys(body)) if (!SUPPORTED.has(key)) unsupported(key);

  if (body.model === undefined) throw new OpenAIRequestError("Missing required parameter: 'model'.", 'model', 'missing_required_parameter');
  if (typeof body.model !== 'string' || body.model === '' || body.model.length > 200) fail('model', 'a model id or pool name', body.model);
  if (body.input === undefined) throw new OpenAIRequestError("Missing required parameter: 'input'.", 'input', 'missing_required_parameter');
  const input = inputOf(body.input);
  if (body.instructions !== undefined) stringAt(body.instructions, 'instructions');
  const instructions = body.instructions as string | undefined;

  const maxOutputTokens = numberIn(body, 'max_output_tokens', 16, 10_000_000, true);
  const temperature = numberIn(body, 'temperature', 0, 2);
  const topP = numberIn(body, 'top_p', 0, 1);
  for (const flag of ['stream', 'store', 'parallel_tool_calls'])
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean') fail(flag, 'a boolean', body[flag]);

  const tools = body.tools === undefined ? undefined : toolsOf(body.tools);
  const toolChoice = body.tool_choice === undefined ? undefined : toolChoiceOf(body.tool_choice, tools);
  const responseFormat = body.text === undefined ? undefined : textFormatOf(body.text);

  let effort: ReasoningEffort | undefined;
  if (body.reasoning !== undefined) {
    if (!isObject(body.reasoning)) fail('reasoning', 'an object {effort}', body.reasoning);
    // A summary is asked for, but none is given: the reasoning item is left out (its text stays with the vendor).
    onlyKeys(body.reasoning, 'reasoning', ['effort', 'summary', 'generate_summary']);
    const value = body.reasoning.effort ?? undefined;
    if (value !== undefined && !REASONING_EFFORTS.includes(value as ReasoningEffort))
      fail('reasoning.effort', `one of ${REASONING_EFFORTS.map((e) => `'${e}'`).join(', ')}`, value);
    effort = value as ReasoningEffort | undefined;
  }

  if (body.previous_response_id !== undefined) stringAt(body.previous_response_id, 'previous_response_id', 200);
  if (body.user !== undefined) stringAt(body.user, 'user', 256);
  let metadata: Record<string, string> = {};
  if (body.metadata !== undefined) {
    const value = body.metadata;
    if (
      !isObject(value) ||
      Object.keys(value).length > 16 ||
      Object.entries(value).some(([k, v]) => k.length > 64 || typeof v !== 'string' || v.length > 512)
    )
      fail('metadata', 'up to 16 string values (keys of at most 64 characters, values of at most 512)', value);
    metadata = value as Record<string, string>;
  }
  if (body.truncation !== undefined && body.truncation !== 'auto' && body.truncation !== 'disabled')
    fail('truncation', "'auto' or 'disabled'", body.truncation);
  if (body.include !== undefined) {
    if (!Array.isArray(body.include)) fail('include', 'an array', body.include);
    if (body.include.length > 0)
      throw new OpenAIRequestError(
        `Unsupported value: 'include' (${body.include.map((v) => JSON.stringify(v)).join(', ')}) is not carried out by this version of Switchyard.`,
        'include',
        'unsupported_value',
      );
  }
  const store = body.store !== false;
  if (!store && body.previous_response_id !== undefined)
    throw new OpenAIRequestError(
      "Unsupported value: 'store: false' cannot continue a conversation (previous_response_id): the response would have to be kept to be continued.",
      'store',
      'unsupported_value',
    );

  const params: { maxTokens?: number; temperature?: number; topP?: number } = {};
  if (maxOutputTokens !== undefined) params.maxTokens = maxOutputTokens;
  if (temperature !== undefined) params.temperature = temperature;
  if (topP !== undefined) params.topP = topP;
  const pieces: InputPiece[] =
    instructions === undefined
      ? input
      : [{ kind: 'message', message: { role: 'system', content: instructions }, at: 'instructions' }, ...input];
  return {
    model: body.model,
    input: pieces,
    chat: {
      params,
      ...(tools?.length ? { tools } : {}),
      ...(toolChoice !== undefined ? { toolChoice } : {}),
      ...(typeof body.parallel_tool_calls === 'boolean' ? { parallelToolCalls: body.parallel_tool_calls } : {}),
      ...(responseFormat && responseFormat.type !== 'text' ? { responseFormat } : {}),
      ...(effort !== undefined ? { reasoning: { effort } } : {}),
    },
    stream: body.stream === true,
    store,
    previousResponseId: body.previous_response_id as string | undefined,
    echo: {
      instructions: instructions ?? null,
      maxOutputTokens: maxOutputTokens ?? null,
      temperature: temperature ?? null,
      topP: topP ?? null,
      parallelToolCalls: body.parallel_tool_calls !== false,
      toolChoice: body.tool_choice ?? 'auto',
      tools: (body.tools as unknown[] | undefined) ?? [],
      text: { format: isObject(body.text) && body.text.format != null ? body.text.format : { type: 'text' } },
      reasoning: { effort: effort ?? null, summary: null },
      metadata,
      user: (body.user as string | undefined) ?? null,
      truncation: body.truncation === 'auto' ? 'auto' : 'disabled',
    },
  };
}

/**
 * The messages the input items make: a function call joins the assistant message just before it
 * (or makes one), as the gateway's request holds an answer's calls on its message.
 */
export function messagesOfPieces(pieces: readonly Exclude<InputPiece, { kind: 'reference' }>[]): {
  messages: ChatMessage[];
  /** The input parameter each message came from (`input[3]`, `instructions`). */
  params: string[];
} {
  const messages: ChatMessage[] = [];
  const params: string[] = [];
  for (const piece of pieces) {
    const last = messages.at(-1);
    if (piece.kind === 'call') {
      if (last?.role === 'assistant') messages[messages.length - 1] = { ...last, toolCalls: [...(last.toolCalls ?? []), piece.call] };
      else {
        messages.push({ role: 'assistant', content: '', toolCalls: [piece.call] });
        params.push('input');
      }
    } else if (piece.message.role === 'assistant' && last?.role === 'assistant' && !last.toolCalls?.length) {
      messages[messages.length - 1] = { ...last, content: last.content + piece.message.content };
    } else {
      messages.push(piece.message);
      params.push(piece.at);
    }
  }
  return { messages, params };
}
