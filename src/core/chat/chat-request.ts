/**
 * The one vendor-neutral chat request (SPEC §14): what every door (GraphQL, /v1) builds once and
 * every adapter speaks. Modelled on vercel/ai's LanguageModelV2 prompt, OpenAI's Chat Completions
 * and Anthropic's Messages references; nothing here knows a wire format.
 */

/** A JSON value, as tool schemas and arguments carry them. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

export type ImageDetail = 'auto' | 'low' | 'high';

export interface TextPart {
  readonly type: 'text';
  readonly text: string;
}

/** An image by URL: `https://…` (the vendor fetches it) or a base64 `data:image/…;base64,…` URL. */
export interface ImagePart {
  readonly type: 'image';
  readonly url: string;
  /** OpenAI's fidelity hint; other vendors ignore it. */
  readonly detail?: ImageDetail;
}

/** Base64 audio (OpenAI's `input_audio`); only targets that take audio accept it. */
export interface AudioPart {
  readonly type: 'audio';
  readonly data: string;
  readonly format: string;
}

/** A file: a base64 data URL, or a vendor file id (OpenAI's `file` part). */
export interface FilePart {
  readonly type: 'file';
  readonly data?: string;
  readonly fileId?: string;
  readonly filename?: string;
}

export type UserContentPart = TextPart | ImagePart | AudioPart | FilePart;

/** A function call the model made: its arguments are the JSON text the model wrote (it may not parse). */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

/**
 * A block of the model's reasoning, kept so a later turn can send it back (Anthropic requires its
 * thinking blocks, with their signatures, when a turn continues after a tool call).
 */
export interface ReasoningBlock {
  readonly text: string;
  /** Anthropic's signature of the thinking block. */
  readonly signature?: string;
  /** Anthropic's `redacted_thinking` data (the text is then empty). */
  readonly redacted?: string;
}

export type SystemMessage = { readonly role: 'system' | 'developer'; readonly content: string };
export type UserMessage = { readonly role: 'user'; readonly content: string | readonly UserContentPart[] };
export type AssistantMessage = {
  readonly role: 'assistant';
  readonly content: string;
  readonly toolCalls?: readonly ToolCall[];
  readonly reasoning?: readonly ReasoningBlock[];
};
export type ToolMessage = { readonly role: 'tool'; readonly toolCallId: string; readonly content: string };

/** One message of a conversation, in the gateway's vendor-neutral form. */
export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;
export type ChatRole = ChatMessage['role'];

/** A function the model may call. */
export interface ToolDefinition {
  readonly name: string;
  readonly description?: string;
  /** A JSON Schema object for the arguments. */
  readonly parameters: JsonObject;
  /** Ask the vendor to hold the arguments to the schema exactly (OpenAI's strict mode). */
  readonly strict?: boolean;
}

/** Whether and which tool the model must call: `auto` (it decides), `none`, `required` (any), or one function by name. */
export type ToolChoice = 'auto' | 'none' | 'required' | { readonly name: string };

export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | {
      readonly type: 'json_schema';
      readonly name: string;
      readonly schema: JsonObject;
      readonly description?: string;
      readonly strict?: boolean;
    };

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

/** Reasoning asked for: OpenAI's effort for its reasoning models; Anthropic's thinking budget in tokens. */
export interface ReasoningOptions {
  readonly effort?: ReasoningEffort;
  readonly budgetTokens?: number;
}

/** Sampling parameters after the request's, the session's and the model's defaults were merged. */
export interface GenerationParams {
  /** Always set: the request's value, else the model's default, else 2000. */
  readonly maxTokens: number;
  readonly temperature?: number;
  readonly topP?: number;
  readonly stop?: readonly string[];
}

/** What an adapter is asked to generate: the prompt, the tools and the merged parameters, nothing of the door it came through. */
export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  readonly params: GenerationParams;
  readonly tools?: readonly ToolDefinition[];
  readonly toolChoice?: ToolChoice;
  readonly parallelToolCalls?: boolean;
  readonly responseFormat?: ResponseFormat;
  readonly reasoning?: ReasoningOptions;
  /** Sent upstream as `x-request-id`, to trace a request across the gateway and the vendor. */
  readonly requestId?: string;
  /** The prompt's tokens as admission counted them (once per request): the estimate when a vendor reports no usage. */
  readonly promptTokens?: number;
}

/** The text of a message's content: a string as it is, text parts joined (other parts have no text). */
export function textOf(content: string | readonly UserContentPart[]): string {
  if (typeof content === 'string') return content;
  let text = '';
  for (const part of content) if (part.type === 'text') text += part.text;
  return text;
}

/** The parts of a user message's content (a string is one text part). */
export function partsOf(content: string | readonly UserContentPart[]): readonly UserContentPart[] {
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content;
}
