/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** One part of a USER message: exactly one field. */
export type ContentPartInput =
  {   file: FileInput; imageUrl?: never; inputAudio?: never; text?: never; }
  |  { file?: never;   imageUrl: ImageUrlInput; inputAudio?: never; text?: never; }
  |  { file?: never; imageUrl?: never;   inputAudio: InputAudioInput; text?: never; }
  |  { file?: never; imageUrl?: never; inputAudio?: never;   text: string; };

export type CreateSessionInput = {
  /** The model; the config’s defaultModel when neither it nor poolName is given. */
  modelId?: string | number | null | undefined;
  /** Override the model’s defaults for this session. */
  params?: GenerationParamsInput | null | undefined;
  /** A pool instead of a model. */
  poolName?: string | number | null | undefined;
};

/** A file (a PDF …): a base64 data URL or a vendor file id, for models whose provider takes files (OpenAI). */
export type FileInput = {
  fileData?: string | null | undefined;
  fileId?: string | null | undefined;
  filename?: string | null | undefined;
};

/** Why the model stopped: STOP (natural end or stop sequence), LENGTH (maxTokens), CONTENT_FILTER, TOOL_CALLS, CANCELLED (the caller aborted), COST_LIMIT (the gateway stopped it before the chunk that would have passed its costLimit or what it held of the key’s budget), OTHER. */
export type FinishReason =
  | 'CANCELLED'
  | 'CONTENT_FILTER'
  | 'COST_LIMIT'
  | 'LENGTH'
  | 'OTHER'
  | 'STOP'
  | 'TOOL_CALLS';

/** Give a prompt or messages (not both). */
export type GenerateInput = {
  /** Most USD this request may cost. The prompt plus maxTokens of output is priced first: maxTokens is lowered to fit, and when not even one output token fits the request is refused with COST_LIMIT_EXCEEDED and nothing is sent. */
  costLimit?: number | null | undefined;
  /** A whole conversation (system, user and assistant messages). */
  messages?: Array<MessageInput> | null | undefined;
  /** The model id; else the session’s model; else the config’s defaultModel. */
  model?: string | number | null | undefined;
  /** Whether the model may call several tools in one answer (the vendor’s default when unset). */
  parallelToolCalls?: boolean | null | undefined;
  /** Override the model’s defaults for this request. */
  params?: GenerationParamsInput | null | undefined;
  /** A pool instead of a model. */
  pool?: string | number | null | undefined;
  /** A single user message. */
  prompt?: string | null | undefined;
  /** Extended thinking for Anthropic models: the most tokens the model may think with (≥ 1024, below maxTokens). */
  reasoningBudgetTokens?: number | null | undefined;
  /** For OpenAI reasoning models. */
  reasoningEffort?: ReasoningEffort | null | undefined;
  responseFormat?: ResponseFormatInput | null | undefined;
  /** Continue this session: its history is sent upstream, and the prompt and answer are appended to it. */
  sessionId?: string | number | null | undefined;
  toolChoice?: ToolChoiceInput | null | undefined;
  /** Functions the model may call; its calls are Generation.toolCalls (streamed as ToolCallDelta). */
  tools?: Array<ToolInput> | null | undefined;
};

/** Sampling parameters; unset ones fall back to the next level (request → session → model → 2000 max tokens). */
export type GenerationParamsInput = {
  /** 1 to 1,000,000. */
  maxTokens?: number | null | undefined;
  /** Up to 4 stop sequences. */
  stop?: Array<string> | null | undefined;
  /** 0 to 2. */
  temperature?: number | null | undefined;
  /** Above 0, at most 1. */
  topP?: number | null | undefined;
};

/** SUCCEEDED: the answer is complete. FAILED: the upstream failed or the request was refused (see errorCode). CANCELLED: the caller went away; partial usage is billed. */
export type GenerationStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'SUCCEEDED';

export type ImageDetail =
  | 'AUTO'
  | 'HIGH'
  | 'LOW';

/** An image: an https:// URL (the vendor fetches it; the gateway never does) or a base64 data URL. */
export type ImageUrlInput = {
  /** OpenAI’s fidelity hint (LOW costs 85 tokens); other vendors ignore it. */
  detail?: ImageDetail | null | undefined;
  url: string;
};

/** Base64 audio, for models whose provider takes audio (OpenAI). */
export type InputAudioInput = {
  data: string;
  /** wav or mp3. */
  format: string;
};

/** One message: `content` (text) or `parts` (USER only: text, images, audio, files), exactly one of them — an ASSISTANT message with toolCalls may leave both out. A TOOL message gives `toolCallId` and the result as content. */
export type MessageInput = {
  content?: string | null | undefined;
  parts?: Array<ContentPartInput> | null | undefined;
  role: MessageRole;
  toolCallId?: string | number | null | undefined;
  toolCalls?: Array<ToolCallInput> | null | undefined;
};

/** DEVELOPER: OpenAI’s newer name for SYSTEM (sent as system to vendors without it). TOOL: the result of a tool call. */
export type MessageRole =
  | 'ASSISTANT'
  | 'DEVELOPER'
  | 'SYSTEM'
  | 'TOOL'
  | 'USER';

/** The wire protocol a model is reached with. */
export type ModelProvider =
  | 'ANTHROPIC'
  | 'AZURE_OPENAI'
  | 'BEDROCK'
  | 'DASHSCOPE'
  | 'GEMINI'
  | 'MOCK'
  | 'OPENAI'
  | 'OPENAI_COMPATIBLE'
  | 'QIANFAN'
  | 'VERTEX_AI';

/** PENDING: registered, not yet checked. HEALTHY: routable. UNHEALTHY: failed its last check, not routed. DISABLED: taken out of service by an admin. RETIRED: gone for good; history kept. */
export type ModelStatus =
  | 'DISABLED'
  | 'HEALTHY'
  | 'PENDING'
  | 'RETIRED'
  | 'UNHEALTHY';

export type PoolMemberInput = {
  modelId: string | number;
  /** Default 1; 0 drains the member. */
  weight?: number | null | undefined;
};

/** WEIGHTED: by weight. ROUND_ROBIN: in turn. LEAST_LATENCY: the member with the lowest recent latency (an EWMA of live traffic). */
export type PoolStrategy =
  | 'LEAST_LATENCY'
  | 'ROUND_ROBIN'
  | 'WEIGHTED';

/** How hard an OpenAI reasoning model thinks. */
export type ReasoningEffort =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'MINIMAL';

/** TEXT (the default), JSON_OBJECT (any JSON object) or JSON_SCHEMA (an answer of `schema`). */
export type ResponseFormatInput = {
  description?: string | null | undefined;
  /** JSON_SCHEMA: the schema’s name (default "answer"). */
  name?: string | null | undefined;
  /** JSON_SCHEMA: the JSON Schema the answer follows. */
  schema?: unknown;
  strict?: boolean | null | undefined;
  type: ResponseFormatType;
};

export type ResponseFormatType =
  | 'JSON_OBJECT'
  | 'JSON_SCHEMA'
  | 'TEXT';

export type RetryPolicyInput = {
  /** Attempts in all, the first included (1 to 10). */
  attempts?: number | null | undefined;
  /** Back-off base: the wait doubles per attempt, with jitter. */
  baseDelayMs?: number | null | undefined;
  /** Longest back-off. */
  maxDelayMs?: number | null | undefined;
};

export type SetModelPoolInput = {
  members: Array<PoolMemberInput>;
  name: string | number;
  retry?: RetryPolicyInput | null | undefined;
  /** Keep a conversation on the member that served its last turn (default false). */
  sticky?: boolean | null | undefined;
  /** How long a conversation stays with its member after its last turn (1 to 604800; default 3600). */
  stickyTtlSeconds?: number | null | undefined;
  /** Default WEIGHTED. */
  strategy?: PoolStrategy | null | undefined;
};

export type SwitchModelInput = {
  /** The new model (or give poolName). */
  modelId?: string | number | null | undefined;
  /** New session parameters (replace the old ones); omitted, the session keeps its own. */
  params?: GenerationParamsInput | null | undefined;
  /** A pool to switch to instead of a model. */
  poolName?: string | number | null | undefined;
  sessionId: string | number;
};

/** A tool call an earlier ASSISTANT message made (as Generation.toolCalls gave it). */
export type ToolCallInput = {
  /** The JSON arguments, as the model wrote them. */
  arguments: string;
  id: string | number;
  name: string;
};

/** A mode, or the name of the one tool the model must call: exactly one. */
export type ToolChoiceInput =
  {   mode: ToolChoiceMode; name?: never; }
  |  { mode?: never;   name: string; };

/** AUTO: the model decides. NONE: no tool call. REQUIRED: at least one tool call. */
export type ToolChoiceMode =
  | 'AUTO'
  | 'NONE'
  | 'REQUIRED';

/** A function the model may call. */
export type ToolInput = {
  description?: string | null | undefined;
  /** Letters, digits, _ and -, at most 64. */
  name: string;
  /** A JSON Schema object for the arguments. */
  parameters: unknown;
  /** Hold the arguments to the schema exactly (OpenAI’s strict mode). */
  strict?: boolean | null | undefined;
};

export type ClientGenerationFragment = { id: string, modelId: string, status: GenerationStatus, text: string, finishReason: FinishReason | null, sessionId: string | null, droppedMessages: number, maxTokens: number, costUsd: number | null, costMicroUsd: number | null, latencyMs: number, timeToFirstTokenMs: number | null, errorCode: string | null, errorMessage: string | null, createdAt: string, usage: { inputTokens: number, outputTokens: number, totalTokens: number, estimated: boolean, cachedInputTokens: number, cacheWriteTokens: number, reasoningTokens: number }, toolCalls: Array<{ id: string, name: string, arguments: string }> };

export type ClientCreateSessionMutationVariables = Exact<{
  input: CreateSessionInput;
}>;


export type ClientCreateSessionMutation = { createSession: { id: string, revision: number, model: { id: string } | null, pool: { name: string } | null } };

export type ClientSwitchModelMutationVariables = Exact<{
  input: SwitchModelInput;
}>;


export type ClientSwitchModelMutation = { switchModel: { revision: number, switchedAt: string, latencyMs: number, previousModel: { id: string } | null, previousPool: { name: string } | null, model: { id: string } | null, pool: { name: string } | null, session: { id: string } } };

export type ClientGenerateMutationVariables = Exact<{
  input: GenerateInput;
}>;


export type ClientGenerateMutation = { generate: { id: string, modelId: string, status: GenerationStatus, text: string, finishReason: FinishReason | null, sessionId: string | null, droppedMessages: number, maxTokens: number, costUsd: number | null, costMicroUsd: number | null, latencyMs: number, timeToFirstTokenMs: number | null, errorCode: string | null, errorMessage: string | null, createdAt: string, usage: { inputTokens: number, outputTokens: number, totalTokens: number, estimated: boolean, cachedInputTokens: number, cacheWriteTokens: number, reasoningTokens: number }, toolCalls: Array<{ id: string, name: string, arguments: string }> } };

export type ClientGenerateStreamSubscriptionVariables = Exact<{
  input: GenerateInput;
}>;


export type ClientGenerateStreamSubscription = { generateStream:
    | { __typename: 'GenerationCompleted', generation: { id: string, modelId: string, status: GenerationStatus, text: string, finishReason: FinishReason | null, sessionId: string | null, droppedMessages: number, maxTokens: number, costUsd: number | null, costMicroUsd: number | null, latencyMs: number, timeToFirstTokenMs: number | null, errorCode: string | null, errorMessage: string | null, createdAt: string, usage: { inputTokens: number, outputTokens: number, totalTokens: number, estimated: boolean, cachedInputTokens: number, cacheWriteTokens: number, reasoningTokens: number }, toolCalls: Array<{ id: string, name: string, arguments: string }> } }
    | { __typename: 'GenerationFailed', code: string, message: string, partialText: string, generation: { id: string, modelId: string, status: GenerationStatus, text: string, finishReason: FinishReason | null, sessionId: string | null, droppedMessages: number, maxTokens: number, costUsd: number | null, costMicroUsd: number | null, latencyMs: number, timeToFirstTokenMs: number | null, errorCode: string | null, errorMessage: string | null, createdAt: string, usage: { inputTokens: number, outputTokens: number, totalTokens: number, estimated: boolean, cachedInputTokens: number, cacheWriteTokens: number, reasoningTokens: number }, toolCalls: Array<{ id: string, name: string, arguments: string }> } }
    | { __typename: 'GenerationStarted', generationId: string }
    | { __typename: 'ReasoningDelta', text: string }
    | { __typename: 'TokenDelta', text: string, index: number }
    | { __typename: 'ToolCallDelta', index: number, id: string | null, name: string | null, argumentsDelta: string }
   };

export type ClientModelSwitchedSubscriptionVariables = Exact<{
  sessionId?: string | number | null | undefined;
}>;


export type ClientModelSwitchedSubscription = { modelSwitched: { revision: number, switchedAt: string, latencyMs: number, previousModel: { id: string } | null, previousPool: { name: string } | null, model: { id: string } | null, pool: { name: string } | null, session: { id: string } } };

export type ClientSessionStateQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientSessionStateQuery = { session: { id: string, revision: number, model: { id: string } | null, pool: { name: string } | null } | null };

export type ClientSetModelPoolMutationVariables = Exact<{
  input: SetModelPoolInput;
}>;


export type ClientSetModelPoolMutation = { setModelPool: { name: string, strategy: PoolStrategy, members: Array<{ modelId: string, weight: number }> } };

export type ClientModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ClientModelsQuery = { models: Array<{ id: string, provider: ModelProvider, status: ModelStatus, contextWindow: number | null, pricing: { input: number, output: number, cachedInput: number, cacheWrite: number } | null }> };

export const ClientGenerationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientGeneration"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Generation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"finishReason"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"droppedMessages"}},{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimated"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWriteTokens"}},{"kind":"Field","name":{"kind":"Name","value":"reasoningTokens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timeToFirstTokenMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<ClientGenerationFragment, unknown>;
export const ClientCreateSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientCreateSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ClientCreateSessionMutation, ClientCreateSessionMutationVariables>;
export const ClientSwitchModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientSwitchModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SwitchModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"switchModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"switchedAt"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"previousModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousPool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ClientSwitchModelMutation, ClientSwitchModelMutationVariables>;
export const ClientGenerateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientGenerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientGeneration"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientGeneration"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Generation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"finishReason"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"droppedMessages"}},{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimated"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWriteTokens"}},{"kind":"Field","name":{"kind":"Name","value":"reasoningTokens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timeToFirstTokenMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<ClientGenerateMutation, ClientGenerateMutationVariables>;
export const ClientGenerateStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ClientGenerateStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationStarted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generationId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TokenDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"index"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ToolCallDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"argumentsDelta"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReasoningDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationCompleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientGeneration"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationFailed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"partialText"}},{"kind":"Field","name":{"kind":"Name","value":"generation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientGeneration"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientGeneration"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Generation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"finishReason"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"droppedMessages"}},{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimated"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWriteTokens"}},{"kind":"Field","name":{"kind":"Name","value":"reasoningTokens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timeToFirstTokenMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<ClientGenerateStreamSubscription, ClientGenerateStreamSubscriptionVariables>;
export const ClientModelSwitchedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ClientModelSwitched"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelSwitched"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"switchedAt"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"previousModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousPool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ClientModelSwitchedSubscription, ClientModelSwitchedSubscriptionVariables>;
export const ClientSessionStateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientSessionState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ClientSessionStateQuery, ClientSessionStateQueryVariables>;
export const ClientSetModelPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClientSetModelPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetModelPoolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setModelPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]}}]} as unknown as DocumentNode<ClientSetModelPoolMutation, ClientSetModelPoolMutationVariables>;
export const ClientModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"contextWindow"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInput"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWrite"}}]}}]}}]}}]} as unknown as DocumentNode<ClientModelsQuery, ClientModelsQueryVariables>;