import type { ChatMessage } from '../../core/chat/chat-request.js';
import { countMessageTokens, messageTokens, REPLY_PRIMING } from '../../providers/prompt-tokens.js';
import { TokenCounter } from '../../providers/token-estimate.js';

/** One message of a session's history: the message itself, and its role and text as the history shows them. */
export interface HistoryMessage {
  readonly role: ChatMessage['role'];
  /** The message's text (a user message's text parts joined). */
  readonly content: string;
  readonly message: ChatMessage;
  readonly createdAt: Date;
  readonly generationId: string | null;
}

export interface FittedHistory {
  readonly messages: ChatMessage[];
  /** How many history messages were left out. */
  readonly dropped: number;
  /** Prompt tokens of `messages` (cl100k) plus the request's overhead (tools, response schema): the request's count. */
  readonly promptTokens: number;
}

const isSystem = (message: ChatMessage) => message.role === 'system' || message.role === 'developer';

/**
 * The messages to send for a session turn: the history, then the new messages, and their prompt
 * tokens (counted here, once for the request; `overhead`: the tokens of its tools and response
 * schema). When they and `maxTokens` of answer do not fit the model's context window, history
 * messages are dropped oldest first — system messages are kept, and so is every new message.
 */
export function fitHistory(
  history: readonly ChatMessage[],
  fresh: readonly ChatMessage[],
  contextWindow: number | null,
  maxTokens: number,
  overhead = 0,
): FittedHistory {
  const all = [...history, ...fresh];
  const perMessage = countMessageTokens(all);
  let total = perMessage.reduce((sum, n) => sum + n, REPLY_PRIMING + overhead);
  if (contextWindow === null) return { messages: all, dropped: 0, promptTokens: total };
  const budget = contextWindow - maxTokens;
  const keep = history.map(() => true);
  let dropped = 0;
  for (let i = 0; i < history.length && total > budget; i++) {
    const message = history[i] as ChatMessage;
    if (isSystem(message)) continue;
    keep[i] = false;
    dropped++;
    total -= perMessage[i] as number;
  }
  return { messages: [...history.filter((_, i) => keep[i]), ...fresh], dropped, promptTokens: total };
}

/** A history message with its place in the session (see SequencedMessage). */
type Numbered = { readonly message: ChatMessage; readonly seq: number };

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
    overhead = 0,
  ) {
    this.#budget = contextWindow - maxTokens;
    this.#total = countMessageTokens([...system.map((n) => n.message), ...fresh], this.#counter).reduce(
      (sum, n) => sum + n,
      REPLY_PRIMING + overhead,
    );
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
  take(numbered: Numbered): boolean {
    if (this.#full) return false;
    const { message } = numbered;
    const tokens = messageTokens(message, this.#counter);
    if (this.#total + tokens > this.#budget) {
      this.#full = true;
      return false;
    }
    this.#total += tokens;
    this.#kept.push(numbered);
    return true;
  }

  /** The fitted messages (history in order, then the new ones); `dropped`: the history messages left out. */
  result(dropped: number): FittedHistory {
    const history = [...this.system, ...this.#kept].sort((a, b) => a.seq - b.seq).map(({ message }) => message);
    return { messages: [...history, ...this.fresh], dropped, promptTokens: this.#total };
  }
}
