import type {
  ChatMessage,
  GenerationParams,
  ReasoningOptions,
  ResponseFormat,
  ToolChoice,
  ToolDefinition,
} from '../../core/chat/chat-request.js';
import type { TargetFields } from '../../routing/resolve-target.js';

/**
 * What a door asks the gateway to generate, typed: built once by each door (GraphQL's
 * `GenerateInput`, /v1's chat completions body) from its own validated input, and taken by
 * admission as it is — no door's shape goes any further.
 */
export interface GenerateRequest {
  /** A model id; else `pool`; else the session's target; else the config's default model. */
  readonly model?: string;
  readonly pool?: string;
  readonly sessionId?: string;
  /** The new messages (a prompt is one user message): the session's history goes before them. */
  readonly messages: readonly ChatMessage[];
  /** The request's own parameters, over the session's and the model's defaults. */
  readonly params: Partial<GenerationParams>;
  readonly tools?: readonly ToolDefinition[];
  readonly toolChoice?: ToolChoice;
  readonly parallelToolCalls?: boolean;
  readonly responseFormat?: ResponseFormat;
  readonly reasoning?: ReasoningOptions;
  /** The most USD the request may cost. */
  readonly costLimit?: number;
  /**
   * The caller's end-user id (/v1's OpenAI `user`, Anthropic's `metadata.user_id`): a sticky
   * pool's stickiness key when the request has no session.
   */
  readonly user?: string;
}

/**
 * How a door names its fields, so that an error found past the door (an unknown model, a part a
 * model does not take) names the field the caller sent.
 */
export interface RequestFields extends TargetFields {
  /** The session (GraphQL `input.sessionId`, /v1's `x-switchyard-session` header). */
  readonly session: string;
  /** The cost limit (GraphQL `input.costLimit`, /v1's `x-switchyard-cost-limit` header). */
  readonly costLimit: string;
  /** Content part `part` of new message `message`. */
  part(message: number, part: number): string;
  readonly tools: string;
  /** Tool `index`'s JSON Schema. */
  toolParameters(index: number): string;
  readonly responseFormat: string;
  readonly reasoningEffort: string;
  readonly reasoningBudget: string;
}
