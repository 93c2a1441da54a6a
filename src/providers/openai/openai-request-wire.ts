import type { JsonObject, ReasoningEffort } from '../../core/chat/chat-request.js';

/**
 * The request body sent to `POST {baseUrl}/chat/completions`: the part of OpenAI's
 * `ChatCompletionCreateParams` the gateway writes, plus the thinking switches of DashScope and Qianfan.
 * @see https://platform.openai.com/docs/api-reference/chat/create
 * @see https://github.com/openai/openai-node/blob/master/src/resources/chat/completions/completions.ts
 */
export interface ChatCompletionsBody {
  model: string;
  messages: WireMessage[];
  /** Kinds other than `openai` (see `OpenAIDialect.tokenLimit`). */
  max_tokens?: number;
  /** OpenAI's current name, counting reasoning tokens too; `max_tokens` is deprecated and refused by its reasoning models. */
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  stop?: string[];
  tools?: WireTool[];
  tool_choice?: WireToolChoice;
  parallel_tool_calls?: boolean;
  response_format?: WireResponseFormat;
  reasoning_effort?: ReasoningEffort;
  /** DashScope and Qianfan: thinking mode of hybrid models. */
  enable_thinking?: boolean;
  /** DashScope and Qianfan: the most reasoning tokens. */
  thinking_budget?: number;
  stream: true;
  stream_options?: { include_usage: true };
}

export type WireContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } }
  | { type: 'input_audio'; input_audio: { data: string; format: string } }
  | { type: 'file'; file: { file_data?: string; file_id?: string; filename?: string } };

export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type WireMessage =
  | { role: 'system' | 'developer'; content: string }
  | { role: 'user'; content: string | WireContentPart[] }
  /** `content` is null when the turn only called tools (OpenAI: "required unless tool_calls … is specified"). */
  | { role: 'assistant'; content: string | null; tool_calls?: WireToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface WireTool {
  type: 'function';
  function: { name: string; description?: string; parameters: JsonObject; strict?: boolean };
}

export type WireToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };

export type WireResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema: JsonObject; description?: string; strict?: boolean } };
