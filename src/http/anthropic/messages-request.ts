import type {
  AssistantMessage,
  ChatMessage,
  JsonObject,
  ReasoningBlock,
  ToolCall,
  ToolChoice,
  ToolDefinition,
  UserContentPart,
} from '../../core/chat/chat-request.js';
import type { GenerateRequest } from '../../modules/generations/generate-request.js';
import { AnthropicRequestError } from './anthropic-errors.js';
import { describeWireValue, isObject } from '../wire-values.js';

/**
 * What a /v1/messages body asks for, in the gateway's terms: `chat` is the gateway's typed request
 * as admission takes it (the target and the headers' fields aside); `origins` says which field of
 * the body each of its messages came from, so that an error found past the door names it.
 * @see https://docs.anthropic.com/en/api/messages
 */
export interface MessagesRequest {
  readonly model: string | undefined;
  readonly chat: Omit<GenerateRequest, 'model' | 'pool' | 'sessionId' | 'costLimit'>;
  readonly stream: boolean;
  /** metadata.user_id: logged with the request. */
  readonly userId: string | undefined;
  /** For each message of `chat.messages`: the body's path of its content (`system`, `messages[2].content`). */
  readonly origins: readonly string[];
}

function fail(field: string, expected: string, value: unknown): never {
  throw new AnthropicRequestError(`${field}: expected ${expected}, got ${describeWireValue(value)}`);
}

function unsupported(field: string): never {
  throw new AnthropicRequestError(`${field}: Extra inputs are not permitted (not carried out by this version of Switchyard)`);
}

/** Refuses keys outside `known` (a typo, or a field this version does not carry out). */
function onlyKeys(object: Record<string, unknown>, at: string, known: readonly string[]): void {
  for (const key of Object.keys(object)) if (!known.includes(key)) unsupported(at === '' ? key : `${at}.${key}`);
}

function stringAt(value: unknown, field: string, max = 1_000_000): string {
  if (typeof value !== 'string' || value.length > max) fail(field, `a string of at most ${max} characters`, value);
  return value;
}

function numberIn(value: unknown, field: string, min: number, max: number, integer = false): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
    fail(field, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, value);
  return value;
}

const TOOL_NAME = /^[A-Za-z0-9_-]{1,128}$/;

function toolName(value: unknown, field: string): string {
  if (typeof value !== 'string' || !TOOL_NAME.test(value)) fail(field, 'a name of 1 to 128 letters, digits, _ or -', value);
  return value;
}

/** `cache_control` is accepted on blocks and tools (clients send it everywhere) and not passed on. */
const CACHE = 'cache_control';

/** `system`: a string, or text blocks joined. */
function systemOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) fail('system', 'a string or an array of text blocks', value);
  return value
    .map((block, i) => {
      const at = `system.${i}`;
      if (!isObject(block) || block.type !== 'text') fail(`${at}.type`, "'text'", isObject(block) ? block.type : block);
      onlyKeys(block, at, ['type', 'text', CACHE, 'citations']);
      return stringAt(block.text, `${at}.text`);
    })
    .join('\n\n');
}

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

function imagePart(block: Record<string, unknown>, at: string): UserContentPart {
  onlyKeys(block, at, ['type', 'source', CACHE]);
  const source = block.source;
  if (!isObject(source)) fail(`${at}.source`, 'an image source {type: base64 | url}', source);
  if (source.type === 'base64') {
    onlyKeys(source, `${at}.source`, ['type', 'media_type', 'data']);
    if (typeof source.media_type !== 'string' || !IMAGE_TYPES.includes(source.media_type))
      fail(`${at}.source.media_type`, IMAGE_TYPES.map((t) => `'${t}'`).join(', '), source.media_type);
    const data = stringAt(source.data, `${at}.source.data`, 20_000_000);
    return { type: 'image', url: `data:${source.media_type};base64,${data}` };
  }
  if (source.type === 'url') {
    onlyKeys(source, `${at}.source`, ['type', 'url']);
    const url = stringAt(source.url, `${at}.source.url`, 8_000);
    if (!/^https?:\/\//i.test(url)) fail(`${at}.source.url`, 'an http(s) URL', url);
    return { type: 'image', url };
  }
  return fail(`${at}.source.type`, "'base64' or 'url'", source.type);
}

/** A tool result's content: a string, or text blocks joined. */
function toolResultText(value: unknown, at: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) fail(`${at}.content`, 'a string or an array of text blocks', value);
  return value
    .map((block, k) => {
      const here = `${at}.content.${k}`;
      if (!isObject(block) || block.type !== 'text')
        fail(
          `${here}.type`,
          "'text' (a tool result's content is text in this version of Switchyard)",
          isObject(block) ? block.type : block,
        );
      onlyKeys(block, here, ['type', 'text', CACHE, 'citations']);
      return stringAt(block.text, `${here}.text`);
    })
    .join('');
}

interface Converted {
  readonly messages: ChatMessage[];
  readonly origins: string[];
}

/** A user turn: its tool results become tool messages (in order), its other blocks one user message. */
function userTurn(content: unknown, at: string, out: Converted): void {
  if (typeof content === 'string') {
    out.messages.push({ role: 'user', content });
    out.origins.push(`${at}.content`);
    return;
  }
  if (!Array.isArray(content) || content.length === 0) fail(`${at}.content`, 'a string or a non-empty array of content blocks', content);
  const parts: UserContentPart[] = [];
  content.forEach((block, j) => {
    const here = `${at}.content.${j}`;
    if (!isObject(block)) fail(here, 'a content block', block);
    switch (block.type) {
      case 'text':
        onlyKeys(block, here, ['type', 'text', CACHE, 'citations']);
        parts.push({ type: 'text', text: stringAt(block.text, `${here}.text`) });
        return;
      case 'image':
        parts.push(imagePart(block, here));
        return;
      case 'tool_result':
        // is_error is accepted: the result's text says what went wrong; the typed request has no flag for it.
        onlyKeys(block, here, ['type', 'tool_use_id', 'content', 'is_error', CACHE]);
        if (block.is_error !== undefined && typeof block.is_error !== 'boolean') fail(`${here}.is_error`, 'a boolean', block.is_error);
        out.messages.push({
          role: 'tool',
          toolCallId: stringAt(block.tool_use_id, `${here}.tool_use_id`, 200),
          content: toolResultText(block.content, here),
        });
        out.origins.push(here);
        return;
      default:
        fail(`${here}.type`, "'text', 'image' or 'tool_result' (in a user turn)", block.type);
    }
  });
  if (parts.length > 0) {
    out.messages.push({ role: 'user', content: parts });
    out.origins.push(`${at}.content`);
  }
}

/** An assistant turn: text joined, tool_use blocks as tool calls, thinking blocks (with their signatures) as reasoning. */
function assistantTurn(content: unknown, at: string, out: Converted): void {
  if (typeof content === 'string') {
    out.messages.push({ role: 'assistant', content });
    out.origins.push(`${at}.content`);
    return;
  }
  if (!Array.isArray(content)) fail(`${at}.content`, 'a string or an array of content blocks', content);
  let text = '';
  const toolCalls: ToolCall[] = [];
  const reasoning: ReasoningBlock[] = [];
  content.forEach((block, j) => {
    const here = `${at}.content.${j}`;
    if (!isObject(block)) fail(here, 'a content block', block);
    switch (block.type) {
      case 'text':
        onlyKeys(block, here, ['type', 'text', CACHE, 'citations']);
        text += stringAt(block.text, `${here}.text`);
        return;
      case 'tool_use':
        onlyKeys(block, here, ['type', 'id', 'name', 'input', CACHE]);
        if (!isObject(block.input)) fail(`${here}.input`, 'an object', block.input);
        toolCalls.push({
          id: stringAt(block.id, `${here}.id`, 200),
          name: toolName(block.name, `${here}.name`),
          arguments: JSON.stringify(block.input),
        });
        return;
      case 'thinking':
        onlyKeys(block, here, ['type', 'thinking', 'signature']);
        reasoning.push({ text: stringAt(block.thinking, `${here}.thinking`), signature: stringAt(block.signature, `${here}.signature`) });
        return;
      case 'redacted_thinking':
        onlyKeys(block, here, ['type', 'data']);
        reasoning.push({ text: '', redacted: stringAt(block.data, `${here}.data`) });
        return;
      default:
        fail(`${here}.type`, "'text', 'tool_use', 'thinking' or 'redacted_thinking' (in an assistant turn)", block.type);
    }
  });
  const message: AssistantMessage = {
    role: 'assistant',
    content: text,
    ...(toolCalls.length ? { toolCalls } : {}),
    ...(reasoning.length ? { reasoning } : {}),
  };
  out.messages.push(message);
  out.origins.push(`${at}.content`);
}

function toolsOf(value: unknown): ToolDefinition[] {
  if (!Array.isArray(value)) fail('tools', 'an array of tools', value);
  return value.map((tool, i) => {
    const at = `tools.${i}`;
    if (!isObject(tool)) fail(at, 'a tool {name, description, input_schema}', tool);
    if (tool.type !== undefined && tool.type !== 'custom')
      throw new AnthropicRequestError(
        `${at}.type: ${describeWireValue(tool.type)} is a server tool, which this version of Switchyard does not carry out: only custom tools {name, description, input_schema}`,
      );
    onlyKeys(tool, at, ['type', 'name', 'description', 'input_schema', CACHE]);
    if (!isObject(tool.input_schema)) fail(`${at}.input_schema`, 'a JSON Schema object', tool.input_schema);
    return {
      name: toolName(tool.name, `${at}.name`),
      ...(tool.description !== undefined ? { description: stringAt(tool.description, `${at}.description`, 100_000) } : {}),
      parameters: tool.input_schema as JsonObject,
    };
  });
}

function toolChoiceOf(value: unknown, tools: readonly ToolDefinition[] | undefined): { choice: ToolChoice; parallel?: boolean } {
  if (!isObject(value)) fail('tool_choice', "an object {type: 'auto' | 'any' | 'tool' | 'none'}", value);
  const known = value.type === 'tool' ? ['type', 'name', 'disable_parallel_tool_use'] : ['type', 'disable_parallel_tool_use'];
  onlyKeys(value, 'tool_choice', value.type === 'none' ? ['type'] : known);
  const disable = value.disable_parallel_tool_use;
  if (disable !== undefined && typeof disable !== 'boolean') fail('tool_choice.disable_parallel_tool_use', 'a boolean', disable);
  const parallel = disable === true ? { parallel: false } : {};
  switch (value.type) {
    case 'auto':
      return { choice: 'auto', ...parallel };
    case 'none':
      return { choice: 'none' };
    case 'any':
      if (!tools?.length) fail('tool_choice', "tools to choose from ('any' needs tools)", value.type);
      return { choice: 'required', ...parallel };
    case 'tool': {
      const name = toolName(value.name, 'tool_choice.name');
      if (!tools?.some((t) => t.name === name)) fail('tool_choice.name', 'the name of one of the tools', name);
      return { choice: { name }, ...parallel };
    }
    default:
      return fail('tool_choice.type', "'auto', 'any', 'tool' or 'none'", value.type);
  }
}

/** The fields this version carries out; `top_k` and every other one is refused, never ignored. */
const SUPPORTED = [
  'model',
  'messages',
  'system',
  'max_tokens',
  'temperature',
  'top_p',
  'stop_sequences',
  'stream',
  'tools',
  'tool_choice',
  'thinking',
  'metadata',
];

/**
 * Reads an Anthropic Messages body into the gateway's typed request, checked as Anthropic checks
 * it: a field this version does not carry out (`top_k`, server tools, `container`, …) is a 400
 * naming it.
 */
export function parseMessagesRequest(raw: unknown): MessagesRequest {
  if (!isObject(raw)) throw new AnthropicRequestError('The request body must be a JSON object.');
  if (raw.top_k !== undefined)
    throw new AnthropicRequestError(
      'top_k: not carried out by this version of Switchyard (the gateway does not pass top_k to every target): leave it out',
    );
  onlyKeys(raw, '', SUPPORTED);
  const model = raw.model;
  if (model !== undefined && (typeof model !== 'string' || model.length === 0 || model.length > 200))
    fail('model', 'a model id or pool name', model);
  if (raw.max_tokens === undefined) throw new AnthropicRequestError('max_tokens: Field required');
  const maxTokens = numberIn(raw.max_tokens, 'max_tokens', 1, 10_000_000, true) as number;
  const temperature = numberIn(raw.temperature, 'temperature', 0, 1);
  const topP = numberIn(raw.top_p, 'top_p', 0, 1);
  let stop: string[] | undefined;
  if (raw.stop_sequences !== undefined) {
    if (!Array.isArray(raw.stop_sequences) || raw.stop_sequences.some((s) => typeof s !== 'string' || s.length === 0))
      fail('stop_sequences', 'an array of non-empty strings', raw.stop_sequences);
    if (raw.stop_sequences.length > 0) stop = raw.stop_sequences as string[];
  }
  if (raw.stream !== undefined && typeof raw.stream !== 'boolean') fail('stream', 'a boolean', raw.stream);

  let userId: string | undefined;
  if (raw.metadata !== undefined) {
    if (!isObject(raw.metadata)) fail('metadata', 'an object {user_id}', raw.metadata);
    onlyKeys(raw.metadata, 'metadata', ['user_id']);
    const id = raw.metadata.user_id;
    if (id !== undefined && id !== null) userId = stringAt(id, 'metadata.user_id', 256);
  }

  let budgetTokens: number | undefined;
  if (raw.thinking !== undefined) {
    const thinking = raw.thinking;
    if (!isObject(thinking)) fail('thinking', "an object {type: 'enabled', budget_tokens} or {type: 'disabled'}", thinking);
    if (thinking.type === 'enabled') {
      onlyKeys(thinking, 'thinking', ['type', 'budget_tokens']);
      budgetTokens = numberIn(thinking.budget_tokens, 'thinking.budget_tokens', 1024, 10_000_000, true);
      if (budgetTokens === undefined) throw new AnthropicRequestError('thinking.budget_tokens: Field required');
      if (budgetTokens >= maxTokens) throw new AnthropicRequestError('`max_tokens` must be greater than `thinking.budget_tokens`');
    } else if (thinking.type === 'disabled') onlyKeys(thinking, 'thinking', ['type']);
    else fail('thinking.type', "'enabled' or 'disabled'", thinking.type);
  }

  const out: Converted = { messages: [], origins: [] };
  if (raw.system !== undefined) {
    const system = systemOf(raw.system);
    if (system !== '') {
      out.messages.push({ role: 'system', content: system });
      out.origins.push('system');
    }
  }
  const messages = raw.messages;
  if (!Array.isArray(messages) || messages.length === 0) fail('messages', 'a non-empty array of messages', messages);
  if (messages.length > 10_000) fail('messages', 'at most 10000 messages', `${messages.length} messages`);
  messages.forEach((message, i) => {
    const at = `messages.${i}`;
    if (!isObject(message)) fail(at, 'a message {role, content}', message);
    onlyKeys(message, at, ['role', 'content']);
    if (message.role === 'user') userTurn(message.content, at, out);
    else if (message.role === 'assistant') assistantTurn(message.content, at, out);
    else fail(`${at}.role`, "'user' or 'assistant'", message.role);
  });

  const tools = raw.tools === undefined ? undefined : toolsOf(raw.tools);
  const choice = raw.tool_choice === undefined ? undefined : toolChoiceOf(raw.tool_choice, tools);
  const params: { maxTokens: number; temperature?: number; topP?: number; stop?: string[] } = { maxTokens };
  if (temperature !== undefined) params.temperature = temperature;
  if (topP !== undefined) params.topP = topP;
  if (stop !== undefined) params.stop = stop;
  return {
    model: typeof model === 'string' ? model : undefined,
    chat: {
      messages: out.messages,
      params,
      ...(tools?.length ? { tools } : {}),
      ...(choice ? { toolChoice: choice.choice } : {}),
      ...(choice?.parallel === false ? { parallelToolCalls: false } : {}),
      ...(budgetTokens !== undefined ? { reasoning: { budgetTokens } } : {}),
    },
    stream: raw.stream === true,
    userId,
    origins: out.origins,
  };
}
