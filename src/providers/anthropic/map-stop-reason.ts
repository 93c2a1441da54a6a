import type { FinishReason } from '../../core/records/generation.js';

/**
 * `model_context_window_exceeded` stopped the answer for want of room, like `max_tokens`;
 * `pause_turn` (a server tool's long turn, to be continued by the caller) and anything newer: other.
 * @see https://docs.anthropic.com/en/api/messages#response-stop-reason
 */
export function mapAnthropicStopReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool-calls';
    case 'refusal':
      return 'content-filter';
    default:
      return 'other';
  }
}
