import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import type { ChatMessage, Usage } from './provider.js';

let encoder: Tiktoken | undefined;

/** Builds the encoder now (a few hundred ms of CPU) so that no request pays for it: called at start. */
export function warmTokenizer(): void {
  encoder ??= new Tiktoken(cl100kBase);
}

/** Tokens in a text by the cl100k_base BPE (GPT-3.5/4's): exact for OpenAI, a close estimate elsewhere. */
export function countTokens(text: string): number {
  warmTokenizer();
  return text ? (encoder as Tiktoken).encode(text).length : 0;
}

/** Prompt tokens of a chat: each message's content plus OpenAI's framing (3 per message, 3 to prime the reply). */
export function countPromptTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + countTokens(m.content) + 3, 3);
}

/** Usage counted by the gateway when the vendor reported none: marked `estimated`. */
export function estimateUsage(messages: readonly ChatMessage[], outputText: string): Usage {
  return { inputTokens: countPromptTokens(messages), outputTokens: countTokens(outputText), estimated: true };
}
