import type {
  ChatMessage,
  JsonObject,
  ResponseFormat,
  ToolCall,
  ToolChoice,
  ToolDefinition,
  UserContentPart,
} from '../../core/chat/chat-request.js';
import { describeWireValue, isObject } from '../wire-values.js';
import { OpenAIRequestError } from './openai-errors.js';

export { isObject } from '../wire-values.js';

/**
 * The chat surface of an OpenAI chat completions body, read into the gateway's typed request:
 * messages (every role, content parts, tool calls and results), tools, tool_choice and
 * response_format — each checked as OpenAI checks it, a 400 naming the parameter otherwise.
 * @see https://platform.openai.com/docs/api-reference/chat/create
 */

export function fail(param: string, expected: string, value: unknown): never {
  throw new OpenAIRequestError(`Invalid value for '${param}': expected ${expected}, got ${describeWireValue(value)}.`, param);
}

export function unsupported(param: string): never {
  throw new OpenAIRequestError(
    `Unsupported parameter: '${param}' is not carried out by this version of Switchyard.`,
    param,
    'unsupported_parameter',
  );
}

/** Refuses keys of `object` outside `known` (a typo, or a field this version does not carry out). */
function onlyKeys(object: Record<string, unknown>, at: string, known: readonly string[]): void {
  for (const key of Object.keys(object)) if (!known.includes(key) && object[key] !== null) unsupported(`${at}.${key}`);
}

function stringAt(value: unknown, param: string, max = 1_000_000): string {
  if (typeof value !== 'string' || value.length > max) fail(param, `a string of at most ${max} characters`, value);
  return value;
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

function functionName(value: unknown, param: string): string {
  if (typeof value !== 'string' || !FUNCTION_NAME.test(value)) fail(param, 'a name of 1 to 64 letters, digits, _ or -', value);
  return value;
}

/** Text content: a string, or text parts joined (system, developer, assistant and tool messages). */
function textContent(value: unknown, at: string): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) fail(`${at}.content`, 'a string or an array of text content parts', value);
  return value
    .map((part, j) => {
      if (!isObject(part) || (part.type !== 'text' && part.type !== 'refusal'))
        fail(`${at}.content[${j}].type`, "'text' (this role takes text parts only)", isObject(part) ? part.type : part);
      return stringAt(part.type === 'text' ? part.text : part.refusal, `${at}.content[${j}].${String(part.type)}`);
    })
    .join('');
}

function userPart(part: unknown, at: string): UserContentPart {
  if (!isObject(part)) fail(at, 'a content part object', part);
  switch (part.type) {
    case 'text':
      onlyKeys(part, at, ['type', 'text']);
      return { type: 'text', text: stringAt(part.text, `${at}.text`) };
    case 'image_url': {
      onlyKeys(part, at, ['type', 'image_url']);
      const image = part.image_url;
      if (!isObject(image)) fail(`${at}.image_url`, 'an object with url and detail', image);
      onlyKeys(image, `${at}.image_url`, ['url', 'detail']);
      const detail = image.detail ?? undefined;
      if (detail !== undefined && detail !== 'auto' && detail !== 'low' && detail !== 'high')
        fail(`${at}.image_url.detail`, "'auto', 'low' or 'high'", detail);
      return { type: 'image', url: stringAt(image.url, `${at}.image_url.url`, 20_000_000), ...(detail ? { detail } : {}) };
    }
    case 'input_audio': {
      onlyKeys(part, at, ['type', 'input_audio']);
      const audio = part.input_audio;
      if (!isObject(audio)) fail(`${at}.input_audio`, 'an object with data and format', audio);
      if (audio.format !== 'wav' && audio.format !== 'mp3') fail(`${at}.input_audio.format`, "'wav' or 'mp3'", audio.format);
      return { type: 'audio', data: stringAt(audio.data, `${at}.input_audio.data`, 20_000_000), format: audio.format };
    }
    case 'file': {
      onlyKeys(part, at, ['type', 'file']);
      const file = part.file;
      if (!isObject(file)) fail(`${at}.file`, 'an object with file_data or file_id', file);
      onlyKeys(file, `${at}.file`, ['file_data', 'file_id', 'filename']);
      if (file.file_data == null && file.file_id == null) fail(`${at}.file`, 'file_data or file_id', file);
      return {
        type: 'file',
        ...(file.file_data != null ? { data: stringAt(file.file_data, `${at}.file.file_data`, 20_000_000) } : {}),
        ...(file.file_id != null ? { fileId: stringAt(file.file_id, `${at}.file.file_id`, 200) } : {}),
        ...(file.filename != null ? { filename: stringAt(file.filename, `${at}.file.filename`, 200) } : {}),
      };
    }
    default:
      return fail(`${at}.type`, "'text', 'image_url', 'input_audio' or 'file'", part.type);
  }
}

function toolCallsOf(value: unknown, at: string): ToolCall[] {
  if (!Array.isArray(value) || value.length > 128) fail(`${at}.tool_calls`, 'an array of at most 128 tool calls', value);
  return value.map((call, k) => {
    const here = `${at}.tool_calls[${k}]`;
    if (!isObject(call) || call.type !== 'function' || !isObject(call.function))
      fail(here, "a tool call {id, type: 'function', function: {name, arguments}}", call);
    return {
      id: stringAt(call.id, `${here}.id`, 200),
      name: functionName(call.function.name, `${here}.function.name`),
      arguments: stringAt(call.function.arguments, `${here}.function.arguments`),
    };
  });
}

/** One message in the gateway's form; `name` (a participant's or, on a tool message, the tool's name) is accepted and not passed on. */
function messageOf(message: unknown, i: number): ChatMessage {
  const at = `messages[${i}]`;
  if (!isObject(message)) fail(at, 'a message object', message);
  switch (message.role) {
    case 'system':
    case 'developer':
      onlyKeys(message, at, ['role', 'content', 'name']);
      return { role: message.role, content: textContent(message.content, at) };
    case 'user': {
      onlyKeys(message, at, ['role', 'content', 'name']);
      const { content } = message;
      if (typeof content === 'string') return { role: 'user', content };
      if (!Array.isArray(content) || content.length === 0 || content.length > 256)
        fail(`${at}.content`, 'a string or an array of 1 to 256 content parts', content);
      return { role: 'user', content: content.map((part, j) => userPart(part, `${at}.content[${j}]`)) };
    }
    case 'assistant': {
      onlyKeys(message, at, ['role', 'content', 'name', 'tool_calls', 'refusal']);
      const toolCalls = message.tool_calls == null ? undefined : toolCallsOf(message.tool_calls, at);
      if (message.content == null && !toolCalls?.length) fail(`${at}.content`, 'the message text (or tool_calls)', message.content);
      return {
        role: 'assistant',
        content: message.content == null ? '' : textContent(message.content, at),
        ...(toolCalls?.length ? { toolCalls } : {}),
      };
    }
    case 'tool':
      // LangChain sends the tool's name with its result; OpenAI takes it (and ignores it): so does the gateway.
      onlyKeys(message, at, ['role', 'content', 'tool_call_id', 'name']);
      return {
        role: 'tool',
        toolCallId: stringAt(message.tool_call_id, `${at}.tool_call_id`, 200),
        content: textContent(message.content, at),
      };
    default:
      return fail(`${at}.role`, "'system', 'developer', 'user', 'assistant' or 'tool'", message.role);
  }
}

export function messagesOf(value: unknown): ChatMessage[] {
  if (!Array.isArray(value) || value.length === 0) fail('messages', 'a non-empty array of messages', value);
  if (value.length > 10_000) fail('messages', 'at most 10000 messages', `${value.length} messages`);
  return value.map(messageOf);
}

function schemaAt(value: unknown, param: string): JsonObject {
  if (!isObject(value)) fail(param, 'a JSON Schema object', value);
  return value as JsonObject;
}

export function toolsOf(value: unknown): ToolDefinition[] {
  if (!Array.isArray(value)) fail('tools', 'an array of function tools', value);
  return value.map((tool, i) => {
    const at = `tools[${i}]`;
    if (!isObject(tool) || tool.type !== 'function' || !isObject(tool.function))
      fail(at, "a function tool {type: 'function', function: {name, description, parameters, strict}}", tool);
    const fn = tool.function;
    onlyKeys(fn, `${at}.function`, ['name', 'description', 'parameters', 'strict']);
    if (fn.strict != null && typeof fn.strict !== 'boolean') fail(`${at}.function.strict`, 'a boolean', fn.strict);
    return {
      name: functionName(fn.name, `${at}.function.name`),
      ...(fn.description != null ? { description: stringAt(fn.description, `${at}.function.description`, 100_000) } : {}),
      // OpenAI: "Omitting parameters defines a function with an empty parameter list."
      parameters: fn.parameters == null ? { type: 'object', properties: {} } : schemaAt(fn.parameters, `${at}.function.parameters`),
      ...(typeof fn.strict === 'boolean' ? { strict: fn.strict } : {}),
    };
  });
}

export function toolChoiceOf(value: unknown, tools: readonly ToolDefinition[] | undefined): ToolChoice {
  if (value === 'auto' || value === 'none' || value === 'required') {
    if (value === 'required' && !tools?.length) fail('tool_choice', "tools to choose from ('required' needs tools)", value);
    return value;
  }
  if (!isObject(value) || value.type !== 'function' || !isObject(value.function))
    fail('tool_choice', "'auto', 'none', 'required' or {type: 'function', function: {name}}", value);
  const name = functionName(value.function.name, 'tool_choice.function.name');
  if (!tools?.some((t) => t.name === name)) fail('tool_choice.function.name', 'the name of one of the tools', name);
  return { name };
}

export function responseFormatOf(value: unknown): ResponseFormat {
  if (!isObject(value)) fail('response_format', "an object {type: 'text' | 'json_object' | 'json_schema'}", value);
  if (value.type === 'text' || value.type === 'json_object') {
    onlyKeys(value, 'response_format', ['type']);
    return { type: value.type };
  }
  if (value.type !== 'json_schema') fail('response_format.type', "'text', 'json_object' or 'json_schema'", value.type);
  onlyKeys(value, 'response_format', ['type', 'json_schema']);
  const spec = value.json_schema;
  if (!isObject(spec)) fail('response_format.json_schema', 'an object {name, schema, strict}', spec);
  onlyKeys(spec, 'response_format.json_schema', ['name', 'description', 'schema', 'strict']);
  if (spec.strict != null && typeof spec.strict !== 'boolean') fail('response_format.json_schema.strict', 'a boolean', spec.strict);
  return {
    type: 'json_schema',
    name: functionName(spec.name, 'response_format.json_schema.name'),
    schema: spec.schema == null ? {} : schemaAt(spec.schema, 'response_format.json_schema.schema'),
    ...(spec.description != null ? { description: stringAt(spec.description, 'response_format.json_schema.description', 100_000) } : {}),
    ...(typeof spec.strict === 'boolean' ? { strict: spec.strict } : {}),
  };
}
