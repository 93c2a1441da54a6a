import type { GenerationParams, ReasoningOptions } from '../../core/chat/chat-request.js';
import { type FieldProblem, InvalidInputError } from '../../core/errors.js';
import type { MessagesBody } from './anthropic-wire.js';

/** Anthropic's smallest thinking budget. */
export const MIN_THINKING_BUDGET = 1024;

/**
 * `reasoning.budgetTokens` as `thinking: {type: enabled, budget_tokens}`, or an InvalidInputError
 * naming `reasoning.budgetTokens` (and the field it conflicts with) for what the API would refuse
 * with a 400. Nothing is adjusted behind the caller's back: raising `max_tokens` by the budget
 * would let the answer cost more than the `maxTokens` that admission priced, and dropping a
 * temperature would answer a different request than the one asked.
 *
 * - the budget: an integer ≥ 1024 and below `maxTokens` (thinking counts within `max_tokens`);
 * - `temperature`: none but 1 ("`temperature` may only be set to 1 when thinking is enabled");
 * - `topP`: between 0.95 and 1;
 * - no forced tool call (`toolChoice` required or named, or `json_object`, which is carried as
 *   one): thinking allows only tool_choice auto or none.
 * @see https://platform.claude.com/docs/en/build-with-claude/extended-thinking
 */
export function convertThinking(
  reasoning: ReasoningOptions | undefined,
  params: GenerationParams,
  forcedBy: 'toolChoice' | 'responseFormat' | undefined,
): MessagesBody['thinking'] {
  const budget = reasoning?.budgetTokens;
  if (budget === undefined) return undefined;
  const problems: FieldProblem[] = [];
  const refuse = (message: string) => problems.push({ path: 'reasoning.budgetTokens', message });
  if (!Number.isInteger(budget) || budget < MIN_THINKING_BUDGET)
    refuse(`must be an integer of at least ${MIN_THINKING_BUDGET}, Anthropic's smallest thinking budget`);
  else if (budget >= params.maxTokens)
    refuse(`must be less than maxTokens (${params.maxTokens}): Anthropic counts thinking within max_tokens`);
  if (params.temperature !== undefined && params.temperature !== 1)
    refuse(`Anthropic's extended thinking takes no temperature but 1 (temperature is ${params.temperature}): leave it out or set 1`);
  if (params.topP !== undefined && (params.topP < 0.95 || params.topP > 1))
    refuse(`Anthropic's extended thinking takes topP only between 0.95 and 1 (topP is ${params.topP})`);
  if (forcedBy) {
    refuse("Anthropic's extended thinking cannot be combined with a forced tool call");
    problems.push({
      path: forcedBy,
      message:
        forcedBy === 'toolChoice'
          ? 'forces a tool call, which Anthropic refuses with thinking: use auto or none'
          : 'json_object is carried to Anthropic as a forced tool call, which thinking does not allow: use json_schema',
    });
  }
  if (problems.length) throw new InvalidInputError(problems);
  return { type: 'enabled', budget_tokens: budget };
}
