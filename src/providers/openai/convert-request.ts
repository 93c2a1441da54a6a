import type { ChatRequest, UpstreamTarget } from '../provider.js';
import type { ChatCompletionsBody } from './openai-wire.js';

/** The gateway's request as a streaming Chat Completions body. */
export function convertToChatCompletions(request: ChatRequest, target: UpstreamTarget): ChatCompletionsBody {
  const { params } = request;
  return {
    model: target.upstreamModel,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    max_tokens: params.maxTokens,
    ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
    ...(params.topP !== undefined ? { top_p: params.topP } : {}),
    ...(params.stop?.length ? { stop: [...params.stop] } : {}),
    stream: true,
    ...(target.streamUsage ? { stream_options: { include_usage: true } } : {}),
  };
}
