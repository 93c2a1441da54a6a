import type { ReasoningEffort } from '../../core/chat/chat-request.js';
import type { GenerateRequest } from '../../modules/generations/generate-request.js';
import { fail, isObject, messagesOf, responseFormatOf, toolChoiceOf, toolsOf, unsupported } from './chat-messages.js';
import { OpenAIRequestError } from './openai-errors.js';

/**
 * What a /v1/chat/completions body asks for, in the gateway's terms: the door's parse of the wire
 * body, typed end to end — `chat` is the gateway's request as admission takes it, the target and
 * the headers' fields aside.
 */
export interface ChatCompletionsRequest {
  /** A model id or a pool name; undefined: the session's (x-switchyard-session). */
  readonly model: string | undefined;
  readonly chat: Omit<GenerateRequest, 'model' | 'pool' | 'sessionId' | 'costLimit'>;
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
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'reasoning_effort',
]);

const REASONING_EFFORTS: readonly ReasoningEffort[] = ['minimal', 'low', 'medium', 'high'];

/** Parameters at the value that changes nothing (as clients and proxies send them): accepted and not passed on. */
function asksForDefault(key: string, value: unknown): boolean {
  if (key === 'logprobs') return value === false;
  return false;
}

function numberIn(body: Record<string, unknown>, param: string, min: number, max: number, integer = false): number | undefined {
  const value = body[param];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    fail(param, `${integer ? 'an integer' : 'a number'} from ${min} to ${max}`, value);
  }
  return value;
}

/**
 * Reads an OpenAI chat completions body: the parameters this version carries out (messages of
 * every role with content parts, tools, tool_choice, parallel_tool_calls, response_format,
 * reasoning_effort, sampling), checked as OpenAI checks them; anything else (n > 1, logprobs,
 * seed, …) is a 400 naming the parameter. A null parameter counts as absent; `n: 1`, zero
 * penalties and `logprobs: false` are accepted: they ask for what is done anyway.
 */
export function parseChatCompletionsRequest(raw: unknown): ChatCompletionsRequest {
  if (!isObject(raw)) throw new OpenAIRequestError('The request body must be a JSON object.', null);
  // null means "not given"; some parameters are sent at the value that asks for nothing.
  const body = Object.fromEntries(Object.entries(raw).filter(([key, value]) => value !== null && !asksForDefault(key, value)));
  for (const key of Object.keys(body)) if (!SUPPORTED.has(key)) unsupported(key);
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

  const tools = body.tools === undefined ? undefined : toolsOf(body.tools);
  const toolChoice = body.tool_choice === undefined ? undefined : toolChoiceOf(body.tool_choice, tools);
  if (body.parallel_tool_calls !== undefined && typeof body.parallel_tool_calls !== 'boolean')
    fail('parallel_tool_calls', 'a boolean', body.parallel_tool_calls);
  const responseFormat = body.response_format === undefined ? undefined : responseFormatOf(body.response_format);
  const effort = body.reasoning_effort;
  if (effort !== undefined && !REASONING_EFFORTS.includes(effort as ReasoningEffort))
    fail('reasoning_effort', `one of ${REASONING_EFFORTS.map((e) => `'${e}'`).join(', ')}`, effort);

  const params: { maxTokens?: number; temperature?: number; topP?: number; stop?: string[] } = {};
  const max = maxTokens ?? maxCompletionTokens;
  if (max !== undefined) params.maxTokens = max;
  if (temperature !== undefined) params.temperature = temperature;
  if (topP !== undefined) params.topP = topP;
  if (stop !== undefined) params.stop = stop;
  return {
    model: typeof model === 'string' && model !== '' ? model : undefined,
    chat: {
      messages: messagesOf(body.messages),
      params,
      ...(tools?.length ? { tools } : {}),
      ...(toolChoice !== undefined ? { toolChoice } : {}),
      ...(typeof body.parallel_tool_calls === 'boolean' ? { parallelToolCalls: body.parallel_tool_calls } : {}),
      // `{type: 'text'}` asks for what is done anyway: not passed on.
      ...(responseFormat && responseFormat.type !== 'text' ? { responseFormat } : {}),
      ...(effort !== undefined ? { reasoning: { effort: effort as ReasoningEffort } } : {}),
    },
    stream,
    includeUsage,
    user: typeof body.user === 'string' ? body.user : undefined,
  };
}
