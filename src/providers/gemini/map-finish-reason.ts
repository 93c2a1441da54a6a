import type { FinishReason } from '../../core/records/generation.js';

/**
 * Gemini's `finishReason` as the gateway's: `STOP` is `tool-calls` when the answer called a
 * function (Gemini has no reason of its own for that); the safety, recitation, blocklist and
 * prohibited-content stops are `content-filter`; a malformed or unexpected function call,
 * `LANGUAGE`, `OTHER` and anything newer: other.
 * @see https://ai.google.dev/api/generate-content#FinishReason
 */
export function mapGeminiFinishReason(reason: string | null | undefined, calledFunctions: boolean): FinishReason {
  switch (reason) {
    case 'STOP':
      return calledFunctions ? 'tool-calls' : 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'SAFETY':
    case 'RECITATION':
    case 'BLOCKLIST':
    case 'PROHIBITED_CONTENT':
    case 'SPII':
    case 'IMAGE_SAFETY':
    case 'IMAGE_PROHIBITED_CONTENT':
      return 'content-filter';
    default:
      return 'other';
  }
}
