import type { FinishReason } from '../../core/records/generation.js';

/**
 * Converse's stop reasons as the gateway's finish reasons: `end_turn` and `stop_sequence` → stop;
 * `max_tokens` and `model_context_window_exceeded` → length; `tool_use` → tool-calls;
 * `guardrail_intervened` and `content_filtered` → content-filter; anything newer → other.
 * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_MessageStopEvent.html
 */
export function mapConverseStopReason(reason: string | undefined): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool-calls';
    case 'guardrail_intervened':
    case 'content_filtered':
      return 'content-filter';
    default:
      return 'other';
  }
}
