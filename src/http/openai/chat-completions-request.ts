import type { ChatMessage } from '../../providers/provider.js';
import { OpenAIRequestError } from './openai-errors.js';

/**
 * What a /v1/chat/completions body asks for, in the gateway's terms: the door's parse of the wire
 * body, before admission turns it into the provider contract's `ChatRequest`.
 */
export interface ChatCompletionsRequest {
  /** A model id or a pool name; undefined: the session's (x-switchyard-session). */
  readonly model: string | undefined;
  readonly messages: ChatMessage[];
  readonly params: { maxTokens?: number; temperature?: number; topP?: number; stop?: string[] };
  readonly stream: boolean;
  /** stream_options.include_usage: a last chunk with `choices: []` and the usage. */
  readonly includeUsage: boolean;
  /** OpenAI's end-user id: logged with the request. */
  readonly user: string | undefined;
}

/** The parameters this version carries out; every other one is refused, never ignored. */
const SUPPORTED = new Set([
  'messages',
  'model',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'stop',
  'stream',
  'stream_options',
  'user',
  'n',
  'presence_penalty',
  'frequency_penalty',
]);

/** Parameters at the value that changes nothing (as clients and proxies send them): accepted and not passed on. */
function asksForDefault(key: string, value: unknown): boolean {
  if (key === 'logprobs') return value === false;
  if (key === 'response_format')
    return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'text' && Object.keys(value).length === 1;
  return false;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const describe = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'string'
        ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
        : typeof value === 'object'
          ? 'an object'
          : String(value);

function fail(param: string, expected: string, value: unknown): never {
  throw new OpenAIRequestError(`Invalid value for '${param}': expected ${expected}, got ${describe(value)}.`, param);
}

function numberIn(body: Record<string, unknown>, param: string, min: number, max: number, integer = false): number | undefined {
  const value = body[param];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    fail(param, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, value);
  }
  return value;
}

/** A message's text: a string, or text content parts joined (OpenAI's array form). */
function contentOf(value: unknown, at: string): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) fail(`${at}.content`, 'a string or an array of text content parts', value);
  return value
    .map((part, j) => {
      if (!isObject(part) || part.type !== 'text')
        fail(`${at}.content[${j}].type`, "'text' (this version carries out text content only)", isObject(part) ? part.type : part);
      if (typeof part.text !== 'string') fail(`${at}.content[${j}].text`, 'a string', part.text);
      return part.text;
    })
    .join('');
}

function messagesOf(value: unknown): ChatMessage[] {
  if (!Array.isArray(value) || value.length === 0) fail('messages', 'a non-empty array of messages', value);
  if (value.length > 10_000) fail('messages', 'at most 10000 messages', `${value.length} messages`);
  return value.map((message, i) => {
    const at = `messages[${i}]`;
    if (!isObject(message)) fail(at, 'a message object', message);
    for (const key of Object.keys(message)) {
      if (key !== 'role' && key !== 'content')
        throw new OpenAIRequestError(
          `Unsupported parameter: '${at}.${key}' is not carried out by this version of Switchyard.`,
          `${at}.${key}`,
          'unsupported_parameter',
        );
    }
    // "developer" is OpenAI's newer name for the system role.
    const role = message.role === 'developer' ? 'system' : message.role;
    if (role !== 'system' && role !== 'user' && role !== 'assistant')
      fail(`${at}.role`, "'system', 'developer', 'user' or 'assistant' (tool messages are not carried out)", message.role);
    if (message.content === undefined || message.content === null) fail(`${at}.content`, 'the message text', message.content);
    return { role, content: contentOf(message.content, at) };
  });
}

/**
 * Reads an OpenAI chat completions body: the parameters this version carries out, checked as
 * OpenAI checks them; anything else (tools, n > 1, logprobs, response_format json, …) is a 400
 * naming the parameter. A null parameter counts as absent; `n: 1`, zero penalties, `logprobs:
 * false` and `response_format: {type: "text"}` are accepted: they ask for what is done anyway.
 */
export function parseChatCompletionsRequest(raw: unknown): ChatCompletionsRequest {
  if (!isObject(raw)) throw new OpenAIRequestError('The request body must be a JSON object.', null);
  // null means "not given"; some parameters are sent at the value that asks for nothing.
  const body = Object.fromEntries(Object.entries(raw).filter(([key, value]) => value !== null && !asksForDefault(key, value)));
  for (const key of Object.keys(body)) {
    if (!SUPPORTED.has(key))
      throw new OpenAIRequestError(
        `Unsupported parameter: '${key}' is not carried out by this version of Switchyard.`,
        key,
        'unsupported_parameter',
      );
  }
  const n = numberIn(body, 'n', 1, 128, true);
  if (n !== undefined && n !== 1)
    throw new OpenAIRequestError(
      "Unsupported value: 'n' must be 1 (one choice per request) in this version of Switchyard.",
      'n',
      'unsupported_value',
    );
  for (const penalty of ['presence_penalty', 'frequency_penalty']) {
    const value = numberIn(body, penalty, -2, 2);
    if (value !== undefined && value !== 0)
      throw new OpenAIRequestError(
        `Unsupported value: '${penalty}' must be 0 in this version of Switchyard.`,
        penalty,
        'unsupported_value',
      );
  }
  const model = body.model;
  if (model !== undefined && model !== null && (typeof model !== 'string' || model.length > 200))
    fail('model', 'a model id or pool name', model);

  const maxTokens = numberIn(body, 'max_tokens', 1, 10_000_000, true);
  const maxCompletionTokens = numberIn(body, 'max_completion_tokens', 1, 10_000_000, true);
  if (maxTokens !== undefined && maxCompletionTokens !== undefined && maxTokens !== maxCompletionTokens) {
    throw new OpenAIRequestError("Give either 'max_tokens' or 'max_completion_tokens' (they differ).", 'max_completion_tokens');
  }
  const temperature = numberIn(body, 'temperature', 0, 2);
  const topP = numberIn(body, 'top_p', 0, 1);
  let stop: string[] | undefined;
  if (typeof body.stop === 'string') stop = [body.stop];
  else if (Array.isArray(body.stop)) {
    if (body.stop.length > 4 || body.stop.some((s) => typeof s !== 'string' || s.length === 0))
      fail('stop', 'a string or up to 4 non-empty strings', body.stop);
    stop = body.stop as string[];
  } else if (body.stop !== undefined && body.stop !== null) fail('stop', 'a string or up to 4 non-empty strings', body.stop);

  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean') fail('stream', 'a boolean', body.stream);
  const stream = body.stream === true;
  let includeUsage = false;
  if (body.stream_options !== undefined && body.stream_options !== null) {
    if (!stream) throw new OpenAIRequestError("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options');
    if (!isObject(body.stream_options)) fail('stream_options', 'an object', body.stream_options);
    for (const key of Object.keys(body.stream_options)) {
      if (key !== 'include_usage')
        throw new OpenAIRequestError(
          `Unsupported parameter: 'stream_options.${key}' is not carried out by this version of Switchyard.`,
          `stream_options.${key}`,
          'unsupported_parameter',
        );
    }
    const include = body.stream_options.include_usage;
    if (include !== undefined && typeof include !== 'boolean') fail('stream_options.include_usage', 'a boolean', include);
    includeUsage = include === true;
  }
  if (body.user !== undefined && body.user !== null && (typeof body.user !== 'string' || body.user.length > 256))
    fail('user', 'a string of at most 256 characters', body.user);

  const params: ChatCompletionsRequest['params'] = {};
  const max = maxTokens ?? maxCompletionTokens;
  if (max !== undefined) params.maxTokens = max;
  if (temperature !== undefined) params.temperature = temperature;
  if (topP !== undefined) params.topP = topP;
  if (stop !== undefined) params.stop = stop;
  return {
    model: typeof model === 'string' && model !== '' ? model : undefined,
    messages: messagesOf(body.messages),
    params,
    stream,
    includeUsage,
    user: typeof body.user === 'string' ? body.user : undefined,
  };
}
