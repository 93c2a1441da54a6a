import type { StreamPart } from '../core/chat/stream-part.js';
import type { CachedChatAnswer } from './cached-answer.js';

/**
 * A stored answer as the stream parts a provider would yield (reasoning blocks, text, tool
 * calls, then `finish` with its usage), so a hit goes through the same relay, events and doors
 * as an answer from upstream.
 */
export async function* replayParts(answer: CachedChatAnswer): AsyncGenerator<StreamPart> {
  for (const block of answer.reasoning) {
    if (block.text) yield { type: 'reasoning-delta', text: block.text };
    yield {
      type: 'reasoning-end',
      ...(block.signature !== undefined ? { signature: block.signature } : {}),
      ...(block.redacted !== undefined ? { redacted: block.redacted } : {}),
    };
  }
  if (answer.text) yield { type: 'text-delta', text: answer.text };
  for (const [index, call] of answer.toolCalls.entries()) {
    yield { type: 'tool-call-start', index, id: call.id, name: call.name };
    if (call.arguments) yield { type: 'tool-call-delta', index, argumentsDelta: call.arguments };
    yield { type: 'tool-call-end', index };
  }
  yield { type: 'finish', finishReason: answer.finishReason, usage: answer.usage };
}
