import type { ChatMessage } from '../../providers/provider.js';
import { countMessageTokens } from '../../providers/token-estimate.js';

export interface FittedHistory {
  readonly messages: ChatMessage[];
  /** How many history messages were left out. */
  readonly dropped: number;
  /** Prompt tokens of `messages` (cl100k), when they were counted (a model with a context window). */
  readonly promptTokens: number | null;
}

/**
 * The messages to send for a session turn: the history, then the new messages. When they and
 * `maxTokens` of answer do not fit the model's context window, history messages are dropped
 * oldest first — system messages are kept, and so is every new message.
 */
export function fitHistory(history: readonly ChatMessage[], fresh: readonly ChatMessage[], contextWindow: number | null, maxTokens: number): FittedHistory {
  const all = [...history, ...fresh];
  if (contextWindow === null) return { messages: all, dropped: 0, promptTokens: null };
  const budget = contextWindow - maxTokens;
  const perMessage = countMessageTokens(all);
  let total = perMessage.reduce((sum, n) => sum + n, 3);
  const keep = history.map(() => true);
  let dropped = 0;
  for (let i = 0; i < history.length && total > budget; i++) {
    const message = history[i] as ChatMessage;
    if (message.role === 'system') continue;
    keep[i] = false;
    dropped++;
    total -= perMessage[i] as number;
  }
  return { messages: [...history.filter((_, i) => keep[i]), ...fresh], dropped, promptTokens: total };
}
