import { countTokens as countCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import type { ChatMessage, Usage } from './provider.js';

// gpt-tokenizer builds cl100k_base when this module is imported (at start, ~0.2 s): no request pays
// for it. Chosen over js-tiktoken for its footprint (~38 MB against ~85 MB resident here) and a
// count about ten times faster on short deltas, with the same counts.

/** Text that looks like a special token (`<|endoftext|>` in a prompt) is counted as the plain text it is. */
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/** Tokens in a text by the cl100k_base BPE (GPT-3.5/4's): exact for OpenAI, a close estimate elsewhere. */
export function countTokens(text: string): number {
  return text ? countCl100k(text, PLAIN_TEXT) : 0;
}

/** Prompt tokens of a chat: each message's content plus OpenAI's framing (3 per message, 3 to prime the reply). */
export function countPromptTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + countTokens(m.content) + 3, 3);
}

/** Usage counted by the gateway when the vendor reported none: marked `estimated`. */
export function estimateUsage(messages: readonly ChatMessage[], outputText: string): Usage {
  return { inputTokens: countPromptTokens(messages), outputTokens: countTokens(outputText), estimated: true };
}
