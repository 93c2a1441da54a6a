import type { ChatRequest, UpstreamTarget } from '../provider.js';
import type { MessagesBody } from './anthropic-wire.js';
import { convertMessages } from './convert-messages.js';
import { convertThinking } from './convert-thinking.js';
import { convertTools } from './convert-tools.js';

/** A request as Anthropic takes it, and what the parser needs to read the answer back. */
export interface ConvertedRequest {
  readonly body: MessagesBody;
  /** The tool whose input is the answer (`json_object`), see convertTools. */
  readonly answerTool?: string;
}

/**
 * The gateway's request as a streaming Messages body: the conversation (convert-messages.ts),
 * tools and response format (convert-tools.ts), extended thinking (convert-thinking.ts), and
 * `max_tokens`, which the API requires, always sent. Throws an InvalidInputError, before anything
 * is sent, for what the Messages API would refuse and the gateway cannot carry faithfully.
 * @see https://docs.anthropic.com/en/api/messages
 */
export function convertToMessages(request: ChatRequest, target: UpstreamTarget): ConvertedRequest {
  const { params } = request;
  const { system, messages } = convertMessages(request.messages);
  const { answerTool, ...tools } = convertTools(request);
  const forced = tools.tool_choice?.type === 'any' || tools.tool_choice?.type === 'tool';
  const thinking = convertThinking(request.reasoning, params, forced ? (answerTool ? 'responseFormat' : 'toolChoice') : undefined);
  const body: MessagesBody = {
    model: target.upstreamModel,
    max_tokens: params.maxTokens,
    messages,
    ...(system !== undefined ? { system } : {}),
    ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
    ...(params.topP !== undefined ? { top_p: params.topP } : {}),
    ...(params.stop?.length ? { stop_sequences: [...params.stop] } : {}),
    ...tools,
    ...(thinking ? { thinking } : {}),
    stream: true,
  };
  return { body, ...(answerTool ? { answerTool } : {}) };
}
