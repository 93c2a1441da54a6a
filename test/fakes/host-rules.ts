import type { RequestCheck, Scripted } from './fake-upstream.js';
import { openAIRequestProblem } from './openai-validator.js';

type Body = Record<string, unknown>;
const isObject = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The request fields of Mistral's chat completions: its API validates bodies with pydantic and
 * forbids any other (`extra_forbidden`, 422), `stream_options` and `max_completion_tokens` among them.
 * @see https://docs.mistral.ai/api/#tag/chat/operation/chat_completion_v1_chat_completions_post
 */
const MISTRAL_FIELDS = new Set([
  'model',
  'messages',
  'temperature',
  'top_p',
  'max_tokens',
  'stream',
  'stop',
  'random_seed',
  'metadata',
  'response_format',
  'tools',
  'tool_choice',
  'presence_penalty',
  'frequency_penalty',
  'n',
  'prediction',
  'parallel_tool_calls',
  'prompt_mode',
  'reasoning_effort',
  'safe_prompt',
]);
const MISTRAL_ROLES = new Set(['system', 'user', 'assistant', 'tool']);

/** Mistral's 422 body for pydantic validation errors. @see https://github.com/mistralai/platform-docs-public/issues/7 */
function mistral422(detail: { type: string; loc: (string | number)[]; msg: string; input: unknown }[]): Scripted {
  return {
    type: 'json',
    status: 422,
    body: { object: 'error', message: { detail }, type: 'invalid_request_error', param: null, code: null },
  };
}

/** What Mistral's `POST /v1/chat/completions` refuses before generating (its 422), else OpenAI's own checks. */
export const mistralRequestProblem: RequestCheck = ({ method, path, body }) => {
  if (method !== 'POST' || path !== '/v1/chat/completions' || !isObject(body)) return openAIRequestProblem(method, path, body);
  const extra = Object.keys(body).filter((key) => !MISTRAL_FIELDS.has(key));
  if (extra.length > 0)
    return mistral422(
      extra.map((key) => ({ type: 'extra_forbidden', loc: ['body', key], msg: 'Extra inputs are not permitted', input: body[key] })),
    );
  const messages = Array.isArray(body.messages) ? (body.messages as unknown[]) : [];
  const badRole = messages.findIndex((m) => !isObject(m) || !MISTRAL_ROLES.has(String(m.role)));
  if (badRole >= 0) {
    const role = String((messages[badRole] as Body | undefined)?.role);
    return mistral422([
      {
        type: 'union_tag_invalid',
        loc: ['body', 'messages', badRole],
        msg: `Input tag '${role}' found using 'role' does not match any of the expected tags: 'assistant', 'system', 'tool', 'user'`,
        input: messages[badRole],
      },
    ]);
  }
  return openAIRequestProblem(method, path, body);
};
