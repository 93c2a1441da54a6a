import type { Scripted } from './fake-upstream.js';

/**
 * What OpenAI's Chat Completions refuses before generating, for the cheap checks: the fake answers
 * these with OpenAI's 400 body, so a test through it fails when an adapter writes a body the real
 * API would refuse. Messages use OpenAI's wording where it is known; only `POST /v1/chat/completions` is checked.
 * @see https://platform.openai.com/docs/guides/error-codes
 */
type Body = Record<string, unknown>;
type Message = { role?: unknown; tool_call_id?: unknown; tool_calls?: unknown };

function invalid(message: string, param: string | null, code: string | null = null): Scripted {
  return { type: 'json', status: 400, body: { error: { message, type: 'invalid_request_error', param, code } } };
}

const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);
const callIdsOf = (message: Message): string[] =>
  Array.isArray(message.tool_calls) ? message.tool_calls.map((call: unknown) => (isObject(call) ? String(call.id) : '')) : [];

const unanswered = (ids: string[], at: number) =>
  invalid(
    `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${ids.join(', ')}`,
    `messages.[${at}].role`,
  );

/** A tool message answers a call of the assistant turn before it; every call of that turn is answered. */
function checkToolTurns(messages: Message[]): Scripted | undefined {
  let open: string[] = [];
  let openAt = -1;
  for (const [i, message] of messages.entries()) {
    if (message.role === 'tool') {
      const at = open.indexOf(String(message.tool_call_id));
      if (at < 0)
        return invalid(
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          `messages.[${i}].role`,
        );
      open.splice(at, 1);
      continue;
    }
    if (open.length > 0) return unanswered(open, openAt);
    open = message.role === 'assistant' ? callIdsOf(message) : [];
    openAt = i;
  }
  return open.length > 0 ? unanswered(open, openAt) : undefined;
}

function checkTools(body: Body): Scripted | undefined {
  const tools = Array.isArray(body.tools) ? body.tools : [];
  const names = tools.map((tool: unknown) => (isObject(tool) && isObject(tool.function) ? tool.function.name : undefined));
  for (const key of ['tool_choice', 'parallel_tool_calls'])
    if (body[key] !== undefined && tools.length === 0)
      return invalid(`Invalid value for '${key}': '${key}' is only allowed when 'tools' are specified.`, key);
  const choice = body.tool_choice;
  if (isObject(choice) && isObject(choice.function) && !names.includes(choice.function.name))
    return invalid(`Invalid value for 'tool_choice': function '${String(choice.function.name)}' is not among the 'tools'.`, 'tool_choice');
  return undefined;
}

function checkResponseFormat(body: Body): Scripted | undefined {
  const format = body.response_format;
  if (!isObject(format) || format.type !== 'json_schema') return undefined;
  if (!isObject(format.json_schema) || typeof format.json_schema.name !== 'string')
    return invalid(
      "Missing required parameter: 'response_format.json_schema.name'.",
      'response_format.json_schema.name',
      'missing_required_parameter',
    );
  return undefined;
}

/** o-series and GPT-5 models refuse the deprecated `max_tokens`. */
function checkTokenLimit(body: Body): Scripted | undefined {
  if (body.max_tokens === undefined || !/^(o\d|gpt-5)/.test(String(body.model))) return undefined;
  return invalid(
    "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    'max_tokens',
    'unsupported_parameter',
  );
}

/** The 400 OpenAI would answer this request with, if any. */
export function openAIRequestProblem(method: string, path: string, body: unknown): Scripted | undefined {
  if (method !== 'POST' || path !== '/v1/chat/completions') return undefined;
  return openAIChatBodyProblem(body);
}

/** The 400 a Chat Completions body gets from OpenAI (and from Azure OpenAI, which validates it the same way), if any. */
export function openAIChatBodyProblem(body: unknown): Scripted | undefined {
  if (!isObject(body) || !Array.isArray(body.messages) || body.messages.length === 0)
    return invalid("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages');
  return checkToolTurns(body.messages as Message[]) ?? checkTools(body) ?? checkResponseFormat(body) ?? checkTokenLimit(body);
}
