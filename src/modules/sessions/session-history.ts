import type { ChatMessage } from '../../providers/provider.js';
import { countMessageTokens, TokenCounter } from '../../providers/token-estimate.js';

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
export function fitHistory(
  history: readonly ChatMessage[],
  fresh: readonly ChatMessage[],
  contextWindow: number | null,
  maxTokens: number,
): FittedHistory {
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

/** A history message with its place in the session (see SequencedMessage). */
type Numbered = ChatMessage & { readonly seq: number };

/**
 * fitHistory for a history read newest first, a page at a time, so that a turn reads what the
 * context window takes and not the whole session. It starts from the session's system messages
 * (always sent) and the new ones; `take` is then given the other messages newest first and answers
 * false once one does not fit: that one and every older one are dropped, so the caller reads no
 * further. The messages kept are those fitHistory keeps from the whole history (it drops the
 * oldest until the rest fit, which leaves the longest newest run that fits).
 */
export class HistoryFitter {
  readonly #budget: number;
  readonly #counter = new TokenCounter();
  readonly #kept: Numbered[] = [];
  #total: number;
  #full = false;

  constructor(
    private readonly system: readonly Numbered[],
    private readonly fresh: readonly ChatMessage[],
    contextWindow: number,
    maxTokens: number,
  ) {
    this.#budget = contextWindow - maxTokens;
    this.#total = countMessageTokens([...system, ...fresh], this.#counter).reduce((sum, n) => sum + n, 3);
  }

  /** Whether the window is full: every older message is dropped. */
  get full(): boolean {
    return this.#full;
  }

  /** The oldest message kept so far (older ones not yet taken are dropped once full). */
  get oldestKept(): Numbered | undefined {
    return this.#kept.at(-1);
  }

  /** Takes the next older non-system message; false (and full) when it does not fit. */
  take(message: Numbered): boolean {
    if (this.#full) return false;
    const tokens = this.#counter.count(message.content) + 3;
    if (this.#total + tokens > this.#budget) {
      this.#full = true;
      return false;
    }
    this.#total += tokens;
    this.#kept.push(message);
    return true;
  }

  /** The fitted messages (history in order, then the new ones); `dropped`: the history messages left out. */
  result(dropped: number): FittedHistory {
    const history = [...this.system, ...this.#kept].sort((a, b) => a.seq - b.seq).map(({ role, content }) => ({ role, content }));
    return { messages: [...history, ...this.fresh], dropped, promptTokens: this.#total };
  }
}
