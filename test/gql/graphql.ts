/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** ADMIN: registry, pools, keys and all costs. CLIENT: sessions, switching, generation and its own costs. */
export type ApiKeyScope =
  | 'ADMIN'
  | 'CLIENT';

export type BudgetInput = {
  /** USD per UTC day. */
  daily?: number | null | undefined;
  /** USD per UTC month. */
  monthly?: number | null | undefined;
};

/** What one request asks of the response cache, with HTTP cache-control's meanings. */
export type CacheControlInput = {
  /** Take a cached answer up to this many seconds old, and store this answer even when the cache is off (max-age). */
  maxAgeSeconds?: number | null | undefined;
  /** Ask upstream afresh; the new answer is stored (no-cache). */
  noCache?: boolean | null | undefined;
  /** Neither serve from nor store in the cache (no-store). */
  noStore?: boolean | null | undefined;
};

/** The response cache: OFF, or EXACT (the very same normalized request is answered from the cache). */
export type CacheMode =
  | 'EXACT'
  | 'OFF';

/** Whose answers a request may be served: its own API key's (KEY), or any caller's (SHARED). */
export type CacheScope =
  | 'KEY'
  | 'SHARED';

/** What the maintained model catalog says of the model's vendor name. CURRENT: listed. DEPRECATED: listed as deprecated by the vendor. UNLISTED: not in the catalog (mock and self-hosted models, or a name the pinned catalog does not know yet). */
export type CatalogStatus =
  | 'CURRENT'
  | 'DEPRECATED'
  | 'UNLISTED';

/** The circuit breaker of a model: CLOSED lets requests through, OPEN takes the model out of routing, HALF_OPEN lets one probe through. */
export type CircuitState =
  | 'CLOSED'
  | 'HALF_OPEN'
  | 'OPEN';

/** One part of a USER message: exactly one field. */
export type ContentPartInput =
  {   file: FileInput; imageUrl?: never; inputAudio?: never; text?: never; }
  |  { file?: never;   imageUrl: ImageUrlInput; inputAudio?: never; text?: never; }
  |  { file?: never; imageUrl?: never;   inputAudio: InputAudioInput; text?: never; }
  |  { file?: never; imageUrl?: never; inputAudio?: never;   text: string; };

export type CostFilter = {
  /** Admins: one key. A client key always sees only its own. */
  apiKeyId?: string | number | null | undefined;
  modelId?: string | number | null | undefined;
  /** Only requests that targeted this pool. */
  poolName?: string | number | null | undefined;
  /** openai, anthropic, … */
  provider?: string | null | undefined;
  /** Created at or after. */
  since?: string | null | undefined;
  /** Created before. */
  until?: string | null | undefined;
};

export type CostGroupBy =
  | 'API_KEY'
  | 'DAY'
  | 'MODEL'
  | 'POOL'
  | 'PROVIDER'
  | 'SESSION';

/** The width of a series bucket: a UTC hour or a UTC day. */
export type CostInterval =
  | 'DAY'
  | 'HOUR';

export type CreateApiKeyInput = {
  /** Spending budgets in USD; requests beyond them fail with COST_LIMIT_EXCEEDED. */
  budget?: BudgetInput | null | undefined;
  /** Limits the key to these model ids, pool names and `prefix/*` patterns (e.g. `openai/*`); anything else is FORBIDDEN (403 on the HTTP doors), and /v1/models lists only these. A pool or model allowed brings its members and fallbacks. Unset: every model. */
  models?: Array<string> | null | undefined;
  /** What the key is for (1 to 100 characters). */
  name: string;
  /** The request log's mode for this key's requests (over the model's and the gateway's); unset: inherits. */
  requestLog?: RequestLogMode | null | undefined;
  /** Most requests per minute this key may send (RATE_LIMITED beyond); unset: no limit. */
  requestsPerMinute?: number | null | undefined;
  scopes: Array<ApiKeyScope>;
};

export type CreateCredentialInput = {
  /** Letters, digits and . _ - (at most 64, starting with a letter or digit). */
  name: string;
  /** The vendor key. Stored encrypted; never answered back, never logged. */
  secret: string;
};

export type CreateSessionInput = {
  /** The model; the config’s defaultModel when neither it nor poolName is given. */
  modelId?: string | number | null | undefined;
  /** Override the model’s defaults for this session. */
  params?: GenerationParamsInput | null | undefined;
  /** A pool instead of a model. */
  poolName?: string | number | null | undefined;
};

/** Texts to embed on a model of kind EMBEDDING, or on a pool of them. */
export type EmbedInput = {
  /** The size of each vector, where the model can shorten them. */
  dimensions?: number | null | undefined;
  /** The texts, 1 to 2048, none empty: one vector each, in order. */
  input: Array<string>;
  /** An embedding model id (or pool). */
  model?: string | null | undefined;
  /** A pool of embedding models (takes precedence over model). */
  pool?: string | null | undefined;
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

export type GenerationFilter = {
  /** Only this key’s generations (admins; a client key always sees only its own). */
  apiKeyId?: string | number | null | undefined;
  modelId?: string | number | null | undefined;
  /** Only generations whose stored answer (text, tool calls) or logged request (requestLog mode FULL) contains this text, ignoring case (1 to 200 characters; SQLite folds ASCII letters only). What the request log did not keep (mode OFF, or redacted) cannot be found. */
  search?: string | null | undefined;
  /** Only the turns of this session (each names the model that answered it). */
  sessionId?: string | number | null | undefined;
  /** Created at or after. */
  since?: string | null | undefined;
  status?: Array<GenerationStatus> | null | undefined;
  /** Created before. */
  until?: string | null | undefined;
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

export type MockSettingsInput = {
  tokenDelayMs?: number | null | undefined;
  tokens?: number | null | undefined;
};

/** A model's response cache settings; a field left out is the gateway's (config cache:). */
export type ModelCacheInput = {
  mode?: CacheMode | null | undefined;
  scope?: CacheScope | null | undefined;
  /** How long an answer is kept and served, in seconds (1 to 2592000). */
  ttlSeconds?: number | null | undefined;
};

/** What a model can do. */
export type ModelCapability =
  | 'CHAT'
  | 'EMBEDDINGS'
  | 'JSON'
  | 'STREAMING'
  | 'TOOLS'
  | 'VISION';

export type ModelEventType =
  | 'CIRCUIT_CHANGED'
  | 'DISABLED'
  | 'ENABLED'
  | 'HEALTH_CHANGED'
  | 'REGISTERED'
  | 'RETIRED'
  | 'UPDATED';

export type ModelFilter = {
  /** Include RETIRED models (left out by default unless status names RETIRED). */
  includeRetired?: boolean | null | undefined;
  /** Only these providers. */
  provider?: Array<ModelProvider> | null | undefined;
  /** Only these statuses. */
  status?: Array<ModelStatus> | null | undefined;
};

/** What a model serves: CHAT (generate, /v1/chat/completions) or EMBEDDING (embed, /v1/embeddings). */
export type ModelKind =
  | 'CHAT'
  | 'EMBEDDING';

export type ModelLimitsInput = {
  requestsPerMinute?: number | null | undefined;
  tokensPerMinute?: number | null | undefined;
};

/** A known OpenAI-compatible host: its base URL, key variable and quirks come filled in. */
export type ModelPreset =
  | 'DEEPSEEK'
  | 'FIREWORKS'
  | 'GROQ'
  | 'LMSTUDIO'
  | 'MISTRAL'
  | 'OLLAMA'
  | 'OPENROUTER'
  | 'TOGETHER'
  | 'VLLM'
  | 'XAI';

/** List prices in USD per million tokens. */
export type ModelPricingInput = {
  /** Input tokens written to the vendor's prompt cache (unset: the input price). */
  cacheWrite?: number | null | undefined;
  /** Input tokens read from the vendor's prompt cache (unset: the input price). */
  cachedInput?: number | null | undefined;
  /** Uncached input tokens. */
  input: number;
  /** Output tokens, reasoning tokens included. */
  output: number;
};

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

export type ModelRetryInput = {
  attempts?: number | null | undefined;
  baseDelayMs?: number | null | undefined;
  maxDelayMs?: number | null | undefined;
};

/** CONFIG: defined in the config file and kept in step with it. API: registered through the API. */
export type ModelSource =
  | 'API'
  | 'CONFIG';

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

/** Where a model's prices come from. CONFIG: its own pricing (config file or registerModel/updateModel), which overrides the catalog's. CATALOG: the maintained catalog. NONE: neither; the model has no price. */
export type PricingSource =
  | 'CATALOG'
  | 'CONFIG'
  | 'NONE';

/** How an OpenAI-compatible server departs from the protocol. */
export type QuirksInput = {
  /** false: do not send stream_options.include_usage (usage is then estimated). */
  streamUsage?: boolean | null | undefined;
};

/** How hard an OpenAI reasoning model thinks. */
export type ReasoningEffort =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'MINIMAL';

export type RegisterModelInput = {
  /** NAME of the environment variable that holds the vendor key (never the key). */
  apiKeyEnv?: string | null | undefined;
  /** Azure OpenAI's api-version (e.g. 2024-10-21); unset: the /openai/v1 form. */
  apiVersion?: string | null | undefined;
  /** API root (OpenAI-style: …/v1; Anthropic: the host). Loopback and private addresses need security.allowPrivateEndpoints. */
  baseUrl?: string | null | undefined;
  /** The response cache settings of this model, over the config cache:. */
  cache?: ModelCacheInput | null | undefined;
  capabilities?: Array<ModelCapability> | null | undefined;
  /** Tokens of context the model accepts. */
  contextWindow?: number | null | undefined;
  /** NAME of a stored credential holding the vendor key (over apiKeyEnv). */
  credential?: string | null | undefined;
  defaults?: GenerationParamsInput | null | undefined;
  /** Azure OpenAI's deployment name. */
  deployment?: string | null | undefined;
  /** Models to try, in order, when this one fails with a retryable error. */
  fallbacks?: Array<string> | null | undefined;
  /** The slug clients will use. */
  id: string | number;
  /** CHAT (default) or EMBEDDING. */
  kind?: ModelKind | null | undefined;
  limits?: ModelLimitsInput | null | undefined;
  /** Only for provider MOCK. */
  mock?: MockSettingsInput | null | undefined;
  /** Only for provider OPENAI_COMPATIBLE: a known host. */
  preset?: ModelPreset | null | undefined;
  pricing?: ModelPricingInput | null | undefined;
  provider: ModelProvider;
  quirks?: QuirksInput | null | undefined;
  /** Only for provider BEDROCK: the AWS region (e.g. us-east-1); unset: AWS_REGION, then AWS_DEFAULT_REGION. */
  region?: string | null | undefined;
  /** The request log's mode for requests this model answers (a key's mode wins); unset or null: the gateway's. */
  requestLog?: RequestLogMode | null | undefined;
  retry?: ModelRetryInput | null | undefined;
  /** Where the model comes from, e.g. its Hugging Face repository. */
  sourceUrl?: string | null | undefined;
  timeouts?: TimeoutsInput | null | undefined;
  /** The vendor's own model name; defaults to id. */
  upstreamModel?: string | null | undefined;
  /** A version label. */
  version?: string | null | undefined;
};

/** How much of a request the request log keeps. OFF: only the accounting (model, usage, cost, status, timings, attempts, error code) that costs and budgets are computed from. METADATA: also the answer's text and tool calls and the error message. FULL: also the request (messages, tools, parameters). What is kept is redacted first. A key's mode wins over its model's, which wins over the gateway's (requestLog.mode). */
export type RequestLogMode =
  | 'FULL'
  | 'METADATA'
  | 'OFF';

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

export type SetBudgetInput = {
  apiKeyId: string | number;
  /** USD per UTC day; null clears it; omitted: unchanged. */
  daily?: number | null | undefined;
  /** USD per UTC month; null clears it; omitted: unchanged. */
  monthly?: number | null | undefined;
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

/** Milliseconds; unset ones keep the defaults (connect 10 s, first token 60 s, total 600 s). */
export type TimeoutsInput = {
  connectMs?: number | null | undefined;
  firstTokenMs?: number | null | undefined;
  totalMs?: number | null | undefined;
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

/** Fields left out stay as they are. */
export type UpdateApiKeyInput = {
  /** The request log's mode for this key's requests; null: inherits the model's, else the gateway's. */
  requestLog?: RequestLogMode | null | undefined;
};

/** Fields left out stay as they are; a field set to null is cleared. */
export type UpdateModelInput = {
  /** NAME of the environment variable that holds the vendor key (never the key). */
  apiKeyEnv?: string | null | undefined;
  /** Azure OpenAI's api-version (e.g. 2024-10-21); unset: the /openai/v1 form. */
  apiVersion?: string | null | undefined;
  /** API root (OpenAI-style: …/v1; Anthropic: the host). Loopback and private addresses need security.allowPrivateEndpoints. */
  baseUrl?: string | null | undefined;
  /** The response cache settings of this model, over the config cache:. */
  cache?: ModelCacheInput | null | undefined;
  capabilities?: Array<ModelCapability> | null | undefined;
  /** Tokens of context the model accepts. */
  contextWindow?: number | null | undefined;
  /** NAME of a stored credential holding the vendor key (over apiKeyEnv). */
  credential?: string | null | undefined;
  defaults?: GenerationParamsInput | null | undefined;
  /** Azure OpenAI's deployment name. */
  deployment?: string | null | undefined;
  /** Models to try, in order, when this one fails with a retryable error. */
  fallbacks?: Array<string> | null | undefined;
  id: string | number;
  limits?: ModelLimitsInput | null | undefined;
  /** Only for provider MOCK. */
  mock?: MockSettingsInput | null | undefined;
  /** Only for provider OPENAI_COMPATIBLE: a known host. */
  preset?: ModelPreset | null | undefined;
  pricing?: ModelPricingInput | null | undefined;
  quirks?: QuirksInput | null | undefined;
  /** Only for provider BEDROCK: the AWS region (e.g. us-east-1); unset: AWS_REGION, then AWS_DEFAULT_REGION. */
  region?: string | null | undefined;
  /** The request log's mode for requests this model answers (a key's mode wins); unset or null: the gateway's. */
  requestLog?: RequestLogMode | null | undefined;
  retry?: ModelRetryInput | null | undefined;
  /** Where the model comes from, e.g. its Hugging Face repository. */
  sourceUrl?: string | null | undefined;
  timeouts?: TimeoutsInput | null | undefined;
  /** The vendor's own model name; defaults to id. */
  upstreamModel?: string | null | undefined;
  /** A version label. */
  version?: string | null | undefined;
};

export type CatalogModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogModelsQuery = { models: Array<{ id: string, upstreamModel: string, pricingSource: PricingSource, catalogStatus: CatalogStatus, contextWindow: number | null, maxOutputTokens: number | null, supportsTools: boolean | null, supportsReasoning: boolean | null, pricing: { input: number, output: number, cachedInput: number, cacheWrite: number } | null, modalities: { input: Array<string>, output: Array<string> } | null }> };

export type RegisterCatalogModelMutationVariables = Exact<{
  input: RegisterModelInput;
}>;


export type RegisterCatalogModelMutation = { registerModel: { model: { id: string, pricingSource: PricingSource, contextWindow: number | null, pricing: { input: number, output: number } | null, modalities: { input: Array<string> } | null } } };

export type UpdateCatalogModelMutationVariables = Exact<{
  input: UpdateModelInput;
}>;


export type UpdateCatalogModelMutation = { updateModel: { model: { id: string, pricingSource: PricingSource, contextWindow: number | null, pricing: { input: number, output: number } | null } } };

export type RetentionCreateKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type RetentionCreateKeyMutation = { createApiKey: { key: string, apiKey: { id: string } } };

export type RetentionGenerateMutationVariables = Exact<{
  input: GenerateInput;
}>;


export type RetentionGenerateMutation = { generate: { id: string, costMicroUsd: number | null, usage: { inputTokens: number } } };

export type RetentionCostsQueryVariables = Exact<{
  groupBy: CostGroupBy;
  filter?: CostFilter | null | undefined;
}>;


export type RetentionCostsQuery = { costs: { groups: Array<{ key: string | null, requests: number, costMicroUsd: number }>, totals: { requests: number, failures: number, costMicroUsd: number, inputTokens: number, cachedRequests: number, savedUsd: number } } };

export type RetentionSeriesQueryVariables = Exact<{
  filter: CostFilter;
}>;


export type RetentionSeriesQuery = { costSeries: Array<{ start: string, key: string | null, requests: number, costMicroUsd: number }> };

export type RequestLogCreateKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type RequestLogCreateKeyMutation = { createApiKey: { key: string, apiKey: { id: string, requestLog: RequestLogMode | null } } };

export type RequestLogUpdateKeyMutationVariables = Exact<{
  id: string | number;
  input: UpdateApiKeyInput;
}>;


export type RequestLogUpdateKeyMutation = { updateApiKey: { id: string, requestLog: RequestLogMode | null } };

export type RequestLogUpdateModelMutationVariables = Exact<{
  input: UpdateModelInput;
}>;


export type RequestLogUpdateModelMutation = { updateModel: { model: { id: string, requestLog: RequestLogMode | null } } };

export type RequestLogModelQueryVariables = Exact<{
  id: string | number;
}>;


export type RequestLogModelQuery = { model: { id: string, requestLog: RequestLogMode | null } | null };

export type RequestLogGenerateMutationVariables = Exact<{
  input: GenerateInput;
}>;


export type RequestLogGenerateMutation = { generate: { id: string, text: string, request: { messages: Array<{ role: string, content: string }> } | null } };

export type RequestLoggedQueryVariables = Exact<{
  id: string | number;
}>;


export type RequestLoggedQuery = { generation: { id: string, status: GenerationStatus, text: string, costMicroUsd: number | null, errorCode: string | null, errorMessage: string | null, usage: { inputTokens: number, outputTokens: number }, toolCalls: Array<{ id: string, name: string, arguments: string }>, request: { tools: unknown, parameters: unknown, messages: Array<{ role: string, content: string }> } | null } | null };

export type RequestLogSearchQueryVariables = Exact<{
  filter?: GenerationFilter | null | undefined;
}>;


export type RequestLogSearchQuery = { generations: { edges: Array<{ node: { id: string } }> } };

export type StartChatSessionMutationVariables = Exact<{
  input: CreateSessionInput;
}>;


export type StartChatSessionMutation = { createSession: { id: string } };

export type GenerateWithToolsMutationVariables = Exact<{
  input: GenerateInput;
}>;


export type GenerateWithToolsMutation = { generate: { id: string, text: string, finishReason: FinishReason | null, costMicroUsd: number | null, toolCalls: Array<{ id: string, name: string, arguments: string }>, usage: { inputTokens: number, outputTokens: number, cachedInputTokens: number, cacheWriteTokens: number, reasoningTokens: number } } };

export type SetChatPricingMutationVariables = Exact<{
  input: UpdateModelInput;
}>;


export type SetChatPricingMutation = { updateModel: { model: { pricing: { input: number, output: number, cachedInput: number, cacheWrite: number } | null } } };

export type ChatSessionMessagesQueryVariables = Exact<{
  id: string | number;
}>;


export type ChatSessionMessagesQuery = { session: { messages: Array<{ role: string, content: string, toolCallId: string | null, imageUrls: Array<string>, toolCalls: Array<{ id: string, name: string }> }> } | null };

export type ChatGenerationQueryVariables = Exact<{
  id: string | number;
}>;


export type ChatGenerationQuery = { generation: { id: string, status: GenerationStatus, text: string, finishReason: FinishReason | null, costMicroUsd: number | null, sessionId: string | null, toolCalls: Array<{ id: string, name: string, arguments: string }>, usage: { inputTokens: number, outputTokens: number, totalTokens: number, cachedInputTokens: number, cacheWriteTokens: number, reasoningTokens: number, estimated: boolean }, model: { id: string, pricing: { input: number, output: number, cachedInput: number, cacheWrite: number } | null } | null } | null };

export type ChatGenerateMutationVariables = Exact<{
  input: GenerateInput;
}>;


export type ChatGenerateMutation = { generate: { id: string, modelId: string, status: GenerationStatus, text: string, finishReason: FinishReason | null, sessionId: string | null, errorCode: string | null, costMicroUsd: number | null, toolCalls: Array<{ id: string, name: string, arguments: string }>, usage: { inputTokens: number, outputTokens: number, totalTokens: number, cachedInputTokens: number, cacheWriteTokens: number, reasoningTokens: number, estimated: boolean } } };

export type ChatGenerateStreamSubscriptionVariables = Exact<{
  input: GenerateInput;
}>;


export type ChatGenerateStreamSubscription = { generateStream:
    | { __typename: 'GenerationCompleted', generation: { id: string, status: GenerationStatus, text: string, finishReason: FinishReason | null, toolCalls: Array<{ id: string, name: string, arguments: string }>, usage: { inputTokens: number, outputTokens: number } } }
    | { __typename: 'GenerationFailed', code: string, message: string }
    | { __typename: 'GenerationStarted', generationId: string, model: { id: string } }
    | { __typename: 'ReasoningDelta', text: string }
    | { __typename: 'TokenDelta', text: string, index: number, chunks: number }
    | { __typename: 'ToolCallDelta', generationId: string, index: number, id: string | null, name: string | null, argumentsDelta: string }
   };

export type CreateCredentialMutationVariables = Exact<{
  input: CreateCredentialInput;
}>;


export type CreateCredentialMutation = { createCredential: { name: string, mask: string, createdAt: string, rotatedAt: string | null, models: Array<string> } };

export type RotateCredentialMutationVariables = Exact<{
  name: string;
  secret: string;
}>;


export type RotateCredentialMutation = { rotateCredential: { name: string, mask: string, rotatedAt: string | null, models: Array<string> } };

export type DeleteCredentialMutationVariables = Exact<{
  name: string;
}>;


export type DeleteCredentialMutation = { deleteCredential: { name: string, mask: string } };

export type CredentialsQueryVariables = Exact<{ [key: string]: never; }>;


export type CredentialsQuery = { credentials: Array<{ name: string, mask: string, createdAt: string, rotatedAt: string | null, models: Array<string> }> };

export type CreateLimitedKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateLimitedKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string, scopes: Array<ApiKeyScope>, models: Array<string> | null } } };

export type RegisterCredentialModelMutationVariables = Exact<{
  input: RegisterModelInput;
}>;


export type RegisterCredentialModelMutation = { registerModel: { model: { id: string, status: ModelStatus, credential: string | null, lastHealthCheck: { ok: boolean, message: string } | null } } };

export type ViewerModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerModelsQuery = { viewer: { apiKeyId: string | null, models: Array<string> | null } };

export type ApiKeyModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeyModelsQuery = { apiKeys: Array<{ name: string, models: Array<string> | null }> };

export type ModelsQueryVariables = Exact<{
  filter?: ModelFilter | null | undefined;
}>;


export type ModelsQuery = { models: Array<{ id: string, provider: ModelProvider, upstreamModel: string, baseUrl: string | null, apiKeyEnv: string | null, contextWindow: number | null, capabilities: Array<ModelCapability>, status: ModelStatus, source: ModelSource, retiredAt: string | null, defaults: { maxTokens: number, temperature: number | null, topP: number | null, stop: Array<string> | null }, pricing: { input: number, output: number } | null, lastHealthCheck: { ok: boolean, message: string } | null, circuit: { state: CircuitState } }> };

export type ModelQueryVariables = Exact<{
  id: string | number;
}>;


export type ModelQuery = { model: { id: string, status: ModelStatus, provider: ModelProvider, version: string | null, pricing: { input: number, output: number } | null, defaults: { maxTokens: number, temperature: number | null }, mock: { tokens: number | null, tokenDelayMs: number | null } | null } | null };

export type RegisterModelMutationVariables = Exact<{
  input: RegisterModelInput;
}>;


export type RegisterModelMutation = { registerModel: { model: { id: string, provider: ModelProvider, status: ModelStatus, upstreamModel: string, baseUrl: string | null, apiKeyEnv: string | null, source: ModelSource, capabilities: Array<ModelCapability>, pricing: { input: number, output: number } | null, defaults: { maxTokens: number }, lastHealthCheck: { ok: boolean, message: string } | null }, healthCheck: { ok: boolean, latencyMs: number, message: string } | null } };

export type UpdateModelMutationVariables = Exact<{
  input: UpdateModelInput;
}>;


export type UpdateModelMutation = { updateModel: { model: { id: string, status: ModelStatus, version: string | null, baseUrl: string | null, pricing: { input: number, output: number } | null, defaults: { maxTokens: number, temperature: number | null }, mock: { tokens: number | null } | null }, healthCheck: { ok: boolean } | null } };

export type DisableModelMutationVariables = Exact<{
  id: string | number;
}>;


export type DisableModelMutation = { disableModel: { id: string, status: ModelStatus } };

export type EnableModelMutationVariables = Exact<{
  id: string | number;
}>;


export type EnableModelMutation = { enableModel: { model: { id: string, status: ModelStatus }, healthCheck: { ok: boolean } | null } };

export type RetireModelMutationVariables = Exact<{
  id: string | number;
}>;


export type RetireModelMutation = { retireModel: { id: string, status: ModelStatus, retiredAt: string | null } };

export type CheckModelHealthMutationVariables = Exact<{
  id: string | number;
}>;


export type CheckModelHealthMutation = { checkModelHealth: { model: { id: string, status: ModelStatus, lastHealthCheck: { ok: boolean, message: string } | null }, healthCheck: { ok: boolean, message: string } | null } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, revoked: boolean } } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, revoked: boolean, revokedAt: string | null }> };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revoked: boolean, revokedAt: string | null } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { localMode: boolean, apiKeyId: string | null, scopes: Array<ApiKeyScope> } };

export type ModelEventsSubscriptionVariables = Exact<{
  modelId?: string | number | null | undefined;
  types?: Array<ModelEventType> | ModelEventType | null | undefined;
}>;


export type ModelEventsSubscription = { modelEvents: { type: ModelEventType, at: string, model: { id: string, status: ModelStatus, provider: ModelProvider } } };

export type GenerateMutationVariables = Exact<{
  input: GenerateInput;
}>;


export type GenerateMutation = { generate: { id: string, modelId: string, status: GenerationStatus, text: string, finishReason: FinishReason | null, maxTokens: number, stream: boolean, costUsd: number | null, costMicroUsd: number | null, latencyMs: number, timeToFirstTokenMs: number | null, errorCode: string | null, usage: { inputTokens: number, outputTokens: number, totalTokens: number, estimated: boolean }, attempts: Array<{ modelId: string, provider: ModelProvider, outcome: GenerationStatus, errorCode: string | null, httpStatus: number | null, durationMs: number }>, apiKey: { id: string, name: string } | null } };

export type GenerationsQueryVariables = Exact<{
  filter?: GenerationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type GenerationsQuery = { generations: { edges: Array<{ cursor: string, node: { id: string, modelId: string, status: GenerationStatus, errorCode: string | null, stream: boolean, text: string, costMicroUsd: number | null, usage: { inputTokens: number, outputTokens: number, estimated: boolean }, attempts: Array<{ httpStatus: number | null, errorCode: string | null, outcome: GenerationStatus }>, apiKey: { id: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type GenerationQueryVariables = Exact<{
  id: string | number;
}>;


export type GenerationQuery = { generation: { id: string, status: GenerationStatus, text: string, finishReason: FinishReason | null, model: { id: string, provider: ModelProvider } | null } | null };

export type GenerateStreamSubscriptionVariables = Exact<{
  input: GenerateInput;
}>;


export type GenerateStreamSubscription = { generateStream:
    | { __typename: 'GenerationCompleted', generation: { id: string, status: GenerationStatus, text: string, finishReason: FinishReason | null, costMicroUsd: number | null, usage: { inputTokens: number, outputTokens: number, estimated: boolean } } }
    | { __typename: 'GenerationFailed', generationId: string, code: string, message: string, partialText: string, generation: { id: string, status: GenerationStatus, errorCode: string | null } }
    | { __typename: 'GenerationStarted', generationId: string, model: { id: string } }
    | { __typename: 'ReasoningDelta' }
    | { __typename: 'TokenDelta', generationId: string, text: string, index: number, chunks: number }
    | { __typename: 'ToolCallDelta' }
   };

export type CreateSessionMutationVariables = Exact<{
  input: CreateSessionInput;
}>;


export type CreateSessionMutation = { createSession: { id: string, revision: number, model: { id: string } | null, params: { maxTokens: number | null, temperature: number | null } } };

export type SwitchModelMutationVariables = Exact<{
  input: SwitchModelInput;
}>;


export type SwitchModelMutation = { switchModel: { revision: number, switchedAt: string, latencyMs: number, previousModel: { id: string } | null, model: { id: string } | null, session: { id: string, revision: number, model: { id: string } | null, params: { maxTokens: number | null } } } };

export type SessionQueryVariables = Exact<{
  id: string | number;
}>;


export type SessionQuery = { session: { id: string, revision: number, model: { id: string } | null, messages: Array<{ role: string, content: string, generationId: string | null }> } | null };

export type SessionHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type SessionHistoryQuery = { session: { id: string, trimmedMessages: number, messages: Array<{ role: string, content: string, generationId: string | null }> } | null };

export type SessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsQuery = { sessions: { edges: Array<{ node: { id: string } }>, pageInfo: { hasNextPage: boolean } } };

export type ModelSwitchedSubscriptionVariables = Exact<{
  sessionId?: string | number | null | undefined;
}>;


export type ModelSwitchedSubscription = { modelSwitched: { revision: number, latencyMs: number, previousModel: { id: string } | null, model: { id: string } | null, session: { id: string } } };

export type GenerateInSessionMutationVariables = Exact<{
  input: GenerateInput;
}>;


export type GenerateInSessionMutation = { generate: { id: string, modelId: string, status: GenerationStatus, text: string, sessionId: string | null, droppedMessages: number, maxTokens: number, errorCode: string | null } };

export type SetModelPoolMutationVariables = Exact<{
  input: SetModelPoolInput;
}>;


export type SetModelPoolMutation = { setModelPool: { name: string, strategy: PoolStrategy, sticky: boolean, stickyTtlSeconds: number | null, members: Array<{ modelId: string, weight: number }>, retry: { attempts: number | null } } };

export type PoolsQueryVariables = Exact<{ [key: string]: never; }>;


export type PoolsQuery = { pools: Array<{ name: string, strategy: PoolStrategy, sticky: boolean, source: string, members: Array<{ modelId: string, weight: number }> }> };

export type GenerateRoutedMutationVariables = Exact<{
  input: GenerateInput;
}>;


export type GenerateRoutedMutation = { generate: { id: string, modelId: string, poolName: string | null, status: GenerationStatus, text: string, errorCode: string | null, maxTokens: number, attempts: Array<{ modelId: string, outcome: GenerationStatus, httpStatus: number | null, errorCode: string | null, durationMs: number, delayMs: number }> } };

export type CircuitQueryVariables = Exact<{ [key: string]: never; }>;


export type CircuitQuery = { models: Array<{ id: string, status: ModelStatus, circuit: { state: CircuitState, errorRate: number, requests: number, openedAt: string | null, reopensAt: string | null } }> };

export type ConfigStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type ConfigStatusQuery = { configStatus: { source: string, hash: string, loadedAt: string, lastError: string | null, lastAttemptAt: string | null } };

export type ReloadConfigMutationVariables = Exact<{ [key: string]: never; }>;


export type ReloadConfigMutation = { reloadConfig: { hash: string, lastError: string | null } };

export type CostsQueryVariables = Exact<{
  filter?: CostFilter | null | undefined;
  groupBy: CostGroupBy;
}>;


export type CostsQuery = { costs: { groups: Array<{ key: string | null, requests: number, failures: number, inputTokens: number, outputTokens: number, costUsd: number, costMicroUsd: number }>, totals: { requests: number, failures: number, inputTokens: number, outputTokens: number, costUsd: number, costMicroUsd: number } } };

export type ApiKeyBudgetQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeyBudgetQuery = { apiKeys: Array<{ id: string, name: string, requestsPerMinute: number | null, budget: { daily: number | null, monthly: number | null, spentToday: number, spentThisMonth: number, reserved: number, remaining: number | null } }> };

export type SetBudgetMutationVariables = Exact<{
  input: SetBudgetInput;
}>;


export type SetBudgetMutation = { setBudget: { id: string, budget: { daily: number | null, monthly: number | null, remaining: number | null } } };

export type CreateBudgetedKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateBudgetedKeyMutation = { createApiKey: { key: string, apiKey: { id: string, budget: { daily: number | null, monthly: number | null, remaining: number | null } } } };

export type UsageUpdatedSubscriptionVariables = Exact<{
  apiKeyId?: string | number | null | undefined;
}>;


export type UsageUpdatedSubscription = { usageUpdated: { generationId: string, modelId: string, sessionId: string | null, status: GenerationStatus, costUsd: number | null, apiKey: { id: string } | null, budget: { spentToday: number, remaining: number | null } | null } };

export type CostSeriesQueryVariables = Exact<{
  filter: CostFilter;
  groupBy: CostGroupBy;
  interval: CostInterval;
}>;


export type CostSeriesQuery = { costSeries: Array<{ start: string, key: string | null, requests: number, failures: number, inputTokens: number, outputTokens: number, costUsd: number, costMicroUsd: number }> };

export type GenerateStreamCostSubscriptionVariables = Exact<{
  input: GenerateInput;
}>;


export type GenerateStreamCostSubscription = { generateStream:
    | { __typename: 'GenerationCompleted', generation: { status: GenerationStatus, finishReason: FinishReason | null, text: string, costMicroUsd: number | null, maxTokens: number } }
    | { __typename: 'GenerationFailed' }
    | { __typename: 'GenerationStarted' }
    | { __typename: 'ReasoningDelta' }
    | { __typename: 'TokenDelta', text: string, costUsd: number | null, index: number, chunks: number }
    | { __typename: 'ToolCallDelta' }
   };

export type UnpricedCostsQueryVariables = Exact<{
  groupBy: CostGroupBy;
}>;


export type UnpricedCostsQuery = { costs: { groups: Array<{ key: string | null, requests: number, costMicroUsd: number, unpricedRequests: number }>, totals: { requests: number, costMicroUsd: number, unpricedRequests: number } } };

export type EmbedMutationVariables = Exact<{
  input: EmbedInput;
}>;


export type EmbedMutation = { embed: { embeddings: Array<Array<number>>, model: string, generationId: string, costUsd: number | null, usage: { inputTokens: number, outputTokens: number } } };

export type EmbeddingGenerationQueryVariables = Exact<{
  id: string | number;
}>;


export type EmbeddingGenerationQuery = { generation: { id: string, status: GenerationStatus, text: string, costMicroUsd: number | null, usage: { inputTokens: number, outputTokens: number }, model: { id: string, kind: ModelKind } | null } | null };

export type ModelKindsQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelKindsQuery = { models: Array<{ id: string, kind: ModelKind, status: ModelStatus }> };

export type CachedGenerationQueryVariables = Exact<{
  id: string | number;
}>;


export type CachedGenerationQuery = { generation: { id: string, status: GenerationStatus, text: string, cached: boolean, costMicroUsd: number | null, savedUsd: number | null, attempts: Array<{ modelId: string }>, usage: { inputTokens: number, outputTokens: number } } | null };

export type CacheCostsQueryVariables = Exact<{
  filter?: CostFilter | null | undefined;
}>;


export type CacheCostsQuery = { costs: { groups: Array<{ key: string | null, requests: number, cachedRequests: number, costMicroUsd: number, savedUsd: number }>, totals: { requests: number, cachedRequests: number, savedUsd: number, inputTokens: number } } };

export type RegisterCachedModelMutationVariables = Exact<{
  input: RegisterModelInput;
}>;


export type RegisterCachedModelMutation = { registerModel: { model: { id: string, cache: { mode: CacheMode | null, ttlSeconds: number | null, scope: CacheScope | null } | null } } };

export type UpdateCachedModelMutationVariables = Exact<{
  input: UpdateModelInput;
}>;


export type UpdateCachedModelMutation = { updateModel: { model: { id: string, cache: { mode: CacheMode | null, ttlSeconds: number | null, scope: CacheScope | null } | null } } };

export type GenerateStreamCachedSubscriptionVariables = Exact<{
  input: GenerateInput;
  cache?: CacheControlInput | null | undefined;
}>;


export type GenerateStreamCachedSubscription = { generateStream:
    | { __typename: 'GenerationCompleted', generation: { id: string, cached: boolean, costMicroUsd: number | null, text: string } }
    | { __typename: 'GenerationFailed' }
    | { __typename: 'GenerationStarted', generationId: string }
    | { __typename: 'ReasoningDelta' }
    | { __typename: 'TokenDelta', text: string }
    | { __typename: 'ToolCallDelta' }
   };

export type GenerateCachedMutationVariables = Exact<{
  input: GenerateInput;
  cache?: CacheControlInput | null | undefined;
}>;


export type GenerateCachedMutation = { generate: { id: string, text: string, cached: boolean, costMicroUsd: number | null, savedUsd: number | null, usage: { inputTokens: number } } };


export const CatalogModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CatalogModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamModel"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInput"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWrite"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pricingSource"}},{"kind":"Field","name":{"kind":"Name","value":"catalogStatus"}},{"kind":"Field","name":{"kind":"Name","value":"contextWindow"}},{"kind":"Field","name":{"kind":"Name","value":"maxOutputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"modalities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportsTools"}},{"kind":"Field","name":{"kind":"Name","value":"supportsReasoning"}}]}}]}}]} as unknown as DocumentNode<CatalogModelsQuery, CatalogModelsQueryVariables>;
export const RegisterCatalogModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterCatalogModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pricingSource"}},{"kind":"Field","name":{"kind":"Name","value":"contextWindow"}},{"kind":"Field","name":{"kind":"Name","value":"modalities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegisterCatalogModelMutation, RegisterCatalogModelMutationVariables>;
export const UpdateCatalogModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCatalogModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pricingSource"}},{"kind":"Field","name":{"kind":"Name","value":"contextWindow"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateCatalogModelMutation, UpdateCatalogModelMutationVariables>;
export const RetentionCreateKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetentionCreateKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RetentionCreateKeyMutation, RetentionCreateKeyMutationVariables>;
export const RetentionGenerateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetentionGenerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}}]}}]}}]}}]} as unknown as DocumentNode<RetentionGenerateMutation, RetentionGenerateMutationVariables>;
export const RetentionCostsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RetentionCosts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CostGroupBy"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CostFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"failures"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cachedRequests"}},{"kind":"Field","name":{"kind":"Name","value":"savedUsd"}}]}}]}}]}}]} as unknown as DocumentNode<RetentionCostsQuery, RetentionCostsQueryVariables>;
export const RetentionSeriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RetentionSeries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CostFilter"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"MODEL"}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"EnumValue","value":"DAY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}}]}}]}}]} as unknown as DocumentNode<RetentionSeriesQuery, RetentionSeriesQueryVariables>;
export const RequestLogCreateKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestLogCreateKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestLog"}}]}}]}}]}}]} as unknown as DocumentNode<RequestLogCreateKeyMutation, RequestLogCreateKeyMutationVariables>;
export const RequestLogUpdateKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestLogUpdateKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestLog"}}]}}]}}]} as unknown as DocumentNode<RequestLogUpdateKeyMutation, RequestLogUpdateKeyMutationVariables>;
export const RequestLogUpdateModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestLogUpdateModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestLog"}}]}}]}}]}}]} as unknown as DocumentNode<RequestLogUpdateModelMutation, RequestLogUpdateModelMutationVariables>;
export const RequestLogModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequestLogModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"requestLog"}}]}}]}}]} as unknown as DocumentNode<RequestLogModelQuery, RequestLogModelQueryVariables>;
export const RequestLogGenerateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestLogGenerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequestLogGenerateMutation, RequestLogGenerateMutationVariables>;
export const RequestLoggedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequestLogged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"errorMessage"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tools"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}}]}}]}}]} as unknown as DocumentNode<RequestLoggedQuery, RequestLoggedQueryVariables>;
export const RequestLogSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RequestLogSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RequestLogSearchQuery, RequestLogSearchQueryVariables>;
export const StartChatSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartChatSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<StartChatSessionMutation, StartChatSessionMutationVariables>;
export const GenerateWithToolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateWithTools"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"finishReason"}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWriteTokens"}},{"kind":"Field","name":{"kind":"Name","value":"reasoningTokens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}}]}}]}}]} as unknown as DocumentNode<GenerateWithToolsMutation, GenerateWithToolsMutationVariables>;
export const SetChatPricingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetChatPricing"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInput"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWrite"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SetChatPricingMutation, SetChatPricingMutationVariables>;
export const ChatSessionMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChatSessionMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toolCallId"}},{"kind":"Field","name":{"kind":"Name","value":"imageUrls"}}]}}]}}]}}]} as unknown as DocumentNode<ChatSessionMessagesQuery, ChatSessionMessagesQueryVariables>;
export const ChatGenerationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChatGeneration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"finishReason"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWriteTokens"}},{"kind":"Field","name":{"kind":"Name","value":"reasoningTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInput"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWrite"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChatGenerationQuery, ChatGenerationQueryVariables>;
export const ChatGenerateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChatGenerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"finishReason"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cachedInputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"cacheWriteTokens"}},{"kind":"Field","name":{"kind":"Name","value":"reasoningTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimated"}}]}}]}}]}}]} as unknown as DocumentNode<ChatGenerateMutation, ChatGenerateMutationVariables>;
export const ChatGenerateStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ChatGenerateStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationStarted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generationId"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TokenDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"chunks"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ToolCallDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generationId"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"argumentsDelta"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReasoningDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationCompleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"finishReason"}},{"kind":"Field","name":{"kind":"Name","value":"toolCalls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"arguments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationFailed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ChatGenerateStreamSubscription, ChatGenerateStreamSubscriptionVariables>;
export const CreateCredentialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCredentialInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mask"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"rotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"models"}}]}}]}}]} as unknown as DocumentNode<CreateCredentialMutation, CreateCredentialMutationVariables>;
export const RotateCredentialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"secret"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"secret"},"value":{"kind":"Variable","name":{"kind":"Name","value":"secret"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mask"}},{"kind":"Field","name":{"kind":"Name","value":"rotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"models"}}]}}]}}]} as unknown as DocumentNode<RotateCredentialMutation, RotateCredentialMutationVariables>;
export const DeleteCredentialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mask"}}]}}]}}]} as unknown as DocumentNode<DeleteCredentialMutation, DeleteCredentialMutationVariables>;
export const CredentialsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"credentials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"mask"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"rotatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"models"}}]}}]}}]} as unknown as DocumentNode<CredentialsQuery, CredentialsQueryVariables>;
export const CreateLimitedKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateLimitedKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"models"}}]}}]}}]}}]} as unknown as DocumentNode<CreateLimitedKeyMutation, CreateLimitedKeyMutationVariables>;
export const RegisterCredentialModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterCredentialModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"credential"}},{"kind":"Field","name":{"kind":"Name","value":"lastHealthCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegisterCredentialModelMutation, RegisterCredentialModelMutationVariables>;
export const ViewerModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeyId"}},{"kind":"Field","name":{"kind":"Name","value":"models"}}]}}]}}]} as unknown as DocumentNode<ViewerModelsQuery, ViewerModelsQueryVariables>;
export const ApiKeyModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeyModels"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"models"}}]}}]}}]} as unknown as DocumentNode<ApiKeyModelsQuery, ApiKeyModelsQueryVariables>;
export const ModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Models"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamModel"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyEnv"}},{"kind":"Field","name":{"kind":"Name","value":"contextWindow"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"defaults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"temperature"}},{"kind":"Field","name":{"kind":"Name","value":"topP"}},{"kind":"Field","name":{"kind":"Name","value":"stop"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastHealthCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"circuit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}}]}}]}}]} as unknown as DocumentNode<ModelsQuery, ModelsQueryVariables>;
export const ModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Model"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"temperature"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"}},{"kind":"Field","name":{"kind":"Name","value":"tokenDelayMs"}}]}}]}}]}}]} as unknown as DocumentNode<ModelQuery, ModelQueryVariables>;
export const RegisterModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamModel"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyEnv"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastHealthCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterModelMutation, RegisterModelMutationVariables>;
export const UpdateModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"pricing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}}]}},{"kind":"Field","name":{"kind":"Name","value":"defaults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"temperature"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mock"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tokens"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateModelMutation, UpdateModelMutationVariables>;
export const DisableModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DisableModelMutation, DisableModelMutationVariables>;
export const EnableModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnableModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}}]}}]}}]}}]} as unknown as DocumentNode<EnableModelMutation, EnableModelMutationVariables>;
export const RetireModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetireModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retireModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}}]}}]}}]} as unknown as DocumentNode<RetireModelMutation, RetireModelMutationVariables>;
export const CheckModelHealthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckModelHealth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkModelHealth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastHealthCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"healthCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CheckModelHealthMutation, CheckModelHealthMutationVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const ApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"localMode"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyId"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const ModelEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ModelEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"modelId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"types"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ModelEventType"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"modelId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"modelId"}}},{"kind":"Argument","name":{"kind":"Name","value":"types"},"value":{"kind":"Variable","name":{"kind":"Name","value":"types"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]} as unknown as DocumentNode<ModelEventsSubscription, ModelEventsSubscriptionVariables>;
export const GenerateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Generate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"finishReason"}},{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"stream"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"timeToFirstTokenMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<GenerateMutation, GenerateMutationVariables>;
export const GenerationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Generations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"stream"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<GenerationsQuery, GenerationsQueryVariables>;
export const GenerationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Generation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"finishReason"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]} as unknown as DocumentNode<GenerationQuery, GenerationQueryVariables>;
export const GenerateStreamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"GenerateStream"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationStarted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generationId"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TokenDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generationId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"chunks"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationCompleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"finishReason"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"estimated"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationFailed"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generationId"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"partialText"}},{"kind":"Field","name":{"kind":"Name","value":"generation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GenerateStreamSubscription, GenerateStreamSubscriptionVariables>;
export const CreateSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"temperature"}}]}}]}}]}}]} as unknown as DocumentNode<CreateSessionMutation, CreateSessionMutationVariables>;
export const SwitchModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SwitchModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SwitchModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"switchModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"switchedAt"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"previousModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SwitchModelMutation, SwitchModelMutationVariables>;
export const SessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Session"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"generationId"}}]}}]}}]}}]} as unknown as DocumentNode<SessionQuery, SessionQueryVariables>;
export const SessionHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SessionHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trimmedMessages"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"generationId"}}]}}]}}]}}]} as unknown as DocumentNode<SessionHistoryQuery, SessionHistoryQueryVariables>;
export const SessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<SessionsQuery, SessionsQueryVariables>;
export const ModelSwitchedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ModelSwitched"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelSwitched"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"previousModel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}}]}}]}}]} as unknown as DocumentNode<ModelSwitchedSubscription, ModelSwitchedSubscriptionVariables>;
export const GenerateInSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateInSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"droppedMessages"}},{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}}]}}]}}]} as unknown as DocumentNode<GenerateInSessionMutation, GenerateInSessionMutationVariables>;
export const SetModelPoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetModelPool"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetModelPoolInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setModelPool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sticky"}},{"kind":"Field","name":{"kind":"Name","value":"stickyTtlSeconds"}}]}}]}}]} as unknown as DocumentNode<SetModelPoolMutation, SetModelPoolMutationVariables>;
export const PoolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Pools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"strategy"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sticky"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]} as unknown as DocumentNode<PoolsQuery, PoolsQueryVariables>;
export const GenerateRoutedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateRouted"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"poolName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"httpStatus"}},{"kind":"Field","name":{"kind":"Name","value":"errorCode"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"delayMs"}}]}}]}}]}}]} as unknown as DocumentNode<GenerateRoutedMutation, GenerateRoutedMutationVariables>;
export const CircuitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Circuit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"circuit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reopensAt"}}]}}]}}]}}]} as unknown as DocumentNode<CircuitQuery, CircuitQueryVariables>;
export const ConfigStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}},{"kind":"Field","name":{"kind":"Name","value":"loadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}}]}}]}}]} as unknown as DocumentNode<ConfigStatusQuery, ConfigStatusQueryVariables>;
export const ReloadConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReloadConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reloadConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hash"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]}}]} as unknown as DocumentNode<ReloadConfigMutation, ReloadConfigMutationVariables>;
export const CostsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Costs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CostFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CostGroupBy"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"failures"}},{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"failures"}},{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}}]}}]}}]}}]} as unknown as DocumentNode<CostsQuery, CostsQueryVariables>;
export const ApiKeyBudgetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeyBudget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"requestsPerMinute"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"daily"}},{"kind":"Field","name":{"kind":"Name","value":"monthly"}},{"kind":"Field","name":{"kind":"Name","value":"spentToday"}},{"kind":"Field","name":{"kind":"Name","value":"spentThisMonth"}},{"kind":"Field","name":{"kind":"Name","value":"reserved"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeyBudgetQuery, ApiKeyBudgetQueryVariables>;
export const SetBudgetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetBudget"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetBudgetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setBudget"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"daily"}},{"kind":"Field","name":{"kind":"Name","value":"monthly"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]}}]}}]} as unknown as DocumentNode<SetBudgetMutation, SetBudgetMutationVariables>;
export const CreateBudgetedKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateBudgetedKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"daily"}},{"kind":"Field","name":{"kind":"Name","value":"monthly"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateBudgetedKeyMutation, CreateBudgetedKeyMutationVariables>;
export const UsageUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"UsageUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"apiKeyId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"usageUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"apiKeyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"apiKeyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generationId"}},{"kind":"Field","name":{"kind":"Name","value":"modelId"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spentToday"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}}]}}]}}]}}]} as unknown as DocumentNode<UsageUpdatedSubscription, UsageUpdatedSubscriptionVariables>;
export const CostSeriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CostSeries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CostFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CostGroupBy"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CostInterval"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"failures"}},{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}}]}}]}}]} as unknown as DocumentNode<CostSeriesQuery, CostSeriesQueryVariables>;
export const GenerateStreamCostDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"GenerateStreamCost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TokenDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"chunks"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationCompleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"finishReason"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"maxTokens"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GenerateStreamCostSubscription, GenerateStreamCostSubscriptionVariables>;
export const UnpricedCostsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnpricedCosts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CostGroupBy"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"unpricedRequests"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"unpricedRequests"}}]}}]}}]}}]} as unknown as DocumentNode<UnpricedCostsQuery, UnpricedCostsQueryVariables>;
export const EmbedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Embed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EmbedInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"embed"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"embeddings"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"generationId"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}}]}}]}}]}}]} as unknown as DocumentNode<EmbedMutation, EmbedMutationVariables>;
export const EmbeddingGenerationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EmbeddingGeneration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]} as unknown as DocumentNode<EmbeddingGenerationQuery, EmbeddingGenerationQueryVariables>;
export const ModelKindsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModelKinds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ModelKindsQuery, ModelKindsQueryVariables>;
export const CachedGenerationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CachedGeneration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"cached"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"savedUsd"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}},{"kind":"Field","name":{"kind":"Name","value":"outputTokens"}}]}}]}}]}}]} as unknown as DocumentNode<CachedGenerationQuery, CachedGenerationQueryVariables>;
export const CacheCostsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CacheCosts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CostFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"costs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"EnumValue","value":"MODEL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"cachedRequests"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"savedUsd"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requests"}},{"kind":"Field","name":{"kind":"Name","value":"cachedRequests"}},{"kind":"Field","name":{"kind":"Name","value":"savedUsd"}},{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}}]}}]}}]}}]} as unknown as DocumentNode<CacheCostsQuery, CacheCostsQueryVariables>;
export const RegisterCachedModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterCachedModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cache"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"ttlSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegisterCachedModelMutation, RegisterCachedModelMutationVariables>;
export const UpdateCachedModelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCachedModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cache"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"ttlSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateCachedModelMutation, UpdateCachedModelMutationVariables>;
export const GenerateStreamCachedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"GenerateStreamCached"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cache"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CacheControlInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateStream"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"cache"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cache"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationStarted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generationId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TokenDelta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GenerationCompleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"cached"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GenerateStreamCachedSubscription, GenerateStreamCachedSubscriptionVariables>;
export const GenerateCachedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateCached"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cache"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CacheControlInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"cache"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cache"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"cached"}},{"kind":"Field","name":{"kind":"Name","value":"costMicroUsd"}},{"kind":"Field","name":{"kind":"Name","value":"savedUsd"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inputTokens"}}]}}]}}]}}]} as unknown as DocumentNode<GenerateCachedMutation, GenerateCachedMutationVariables>;