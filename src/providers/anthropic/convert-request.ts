import type { ChatRequest, UpstreamTarget } from '../provider.js';
import type { MessagesBody } from './anthropic-wire.js';

/**
 * The gateway's request as a streaming Messages body: system messages are hoisted into the
 * top-level `system` field (joined by blank lines), and `max_tokens` is always sent (required).
 */
export function convertToMessages(request: ChatRequest, target: UpstreamTarget): MessagesBody {
  const { params } = request;
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content);
  return {
    model: target.upstreamModel,
    max_tokens: params.maxTokens,
    messages: request.messages.flatMap((m) => (m.role === 'system' ? [] : [{ role: m.role, content: m.content }])),
    ...(system.length ? { system: system.join('\n\n') } : {}),
    ...(params.temperature !== undefined ? { temperature: params.temperature } : {}),
    ...(params.topP !== undefined ? { top_p: params.topP } : {}),
    ...(params.stop?.length ? { stop_sequences: [...params.stop] } : {}),
    stream: true,
  };
}
