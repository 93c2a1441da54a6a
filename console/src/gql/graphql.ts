/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { localMode: boolean, apiKeyId: string | null, scopes: Array<ApiKeyScope> } };

export type ModelChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelChoicesQuery = { models: Array<{ id: string, provider: ModelProvider, status: ModelStatus, pricing: { input: number, output: number } | null }>, pools: Array<{ name: string, strategy: PoolStrategy }> };

export type ConsoleConfigStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleConfigStatusQuery = { configStatus: { source: string, hash: string, loadedAt: string, lastAttemptAt: string | null, lastError: string | null } };

export type ConsoleReloadConfigMutationVariables = Exact<{ [key: string]: never; }>;


export type ConsoleReloadConfigMutation = { reloadConfig: { source: string, hash: string, loadedAt: string, lastAttemptAt: string | null, lastError: string | null } };

export type ConsoleCostsQueryVariables = Exact<{
  filter: CostFilter;
  groupBy: CostGroupBy;
  interval: CostInterval;
}>;


export type ConsoleCostsQuery = { costs: { groups: Array<{ key: string | null, requests: number, failures: number, inputTokens: number, outputTokens: number, costUsd: number, costMicroUsd: number, cachedRequests: number, savedUsd: number }>, totals: { requests: number, failures: number, inputTokens: number, outputTokens: number, costUsd: number, costMicroUsd: number, cachedRequests: number, savedUsd: number } }, costSeries: Array<{ start: string, key: string | null, requests: number, failures: number, inputTokens: number, outputTokens: number, costUsd: number, costMicroUsd: number }> };

export type ConsoleKeyNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleKeyNamesQuery = { apiKeys: Array<{ id: string, name: string }> };

export type ConsoleUsageSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleUsageSubscription = { usageUpdated: { generationId: string, at: string } };

export type ConsoleCredentialsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCredentialsQuery = { credentials: Array<{ name: string, mask: string, createdAt: string, rotatedAt: string | null, models: Array<string> }> };

export type ConsoleCreateCredentialMutationVariables = Exact<{
  input: CreateCredentialInput;
}>;


export type ConsoleCreateCredentialMutation = { createCredential: { name: string, mask: string } };

export type ConsoleRotateCredentialMutationVariables = Exact<{
  name: string;
  secret: string;
}>;


export type ConsoleRotateCredentialMutation = { rotateCredential: { name: string, mask: string } };

export type ConsoleDeleteCredentialMutationVariables = Exact<{
  name: string;
}>;


export type ConsoleDeleteCredentialMutation = { deleteCredential: { name: string } };

export type ConsoleKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, scopes: Array<ApiKeyScope>, models: Array<string> | null, revoked: boolean, revokedAt: string | null, createdAt: string, requestsPerMinute: number | null, requestLog: RequestLogMode | null, budget: { daily: number | null, monthly: number | null, spentToday: number, spentThisMonth: number, reserved: number, remaining: number | null } }> };

export type ConsoleCreateKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ConsoleCreateKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string } } };

export type ConsoleRevokeKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRevokeKeyMutation = { revokeApiKey: { id: string, revoked: boolean } };

export type ConsoleSetBudgetMutationVariables = Exact<{
  input: SetBudgetInput;
}>;


export type ConsoleSetBudgetMutation = { setBudget: { id: string } };

export type ConsoleUpdateKeyMutationVariables = Exact<{
  id: string | number;
  input: UpdateApiKeyInput;
}>;


export type ConsoleUpdateKeyMutation = { updateApiKey: { id: string, requestLog: RequestLogMode | null } };

export type ConsoleKeyUsageSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleKeyUsageSubscription = { usageUpdated: { generationId: string, apiKey: { id: string } | null } };

export type ModelRowFragment = { id: string, provider: ModelProvider, status: ModelStatus, source: ModelSource, upstreamModel: string, baseUrl: string | null, apiKeyEnv: string | null, contextWindow: number | null, version: string | null, updatedAt: string, retiredAt: string | null, pricingSource: PricingSource, catalogStatus: CatalogStatus, maxOutputTokens: number | null, supportsTools: boolean | null, supportsReasoning: boolean | null, requestLog: RequestLogMode | null, pricing: { input: number, output: number } | null, modalities: { input: Array<string>, output: Array<string> } | null, circuit: { state: CircuitState, errorRate: number, requests: number, reopensAt: string | null }, lastHealthCheck: { ok: boolean, message: string, checkedAt: string, latencyMs: number } | null, mock: { tokens: number | null, tokenDelayMs: number | null } | null };

export type ConsoleModelsQueryVariables = Exact<{
  filter?: ModelFilter | null | undefined;
}>;


export type ConsoleModelsQuery = { models: Array<{ id: string, provider: ModelProvider, status: ModelStatus, source: ModelSource, upstreamModel: string, baseUrl: string | null, apiKeyEnv: string | null, contextWindow: number | null, version: string | null, updatedAt: string, retiredAt: string | null, pricingSource: PricingSource, catalogStatus: CatalogStatus, maxOutputTokens: number | null, supportsTools: boolean | null, supportsReasoning: boolean | null, requestLog: RequestLogMode | null, pricing: { input: number, output: number } | null, modalities: { input: Array<string>, output: Array<string> } | null, circuit: { state: CircuitState, errorRate: number, requests: number, reopensAt: string | null }, lastHealthCheck: { ok: boolean, message: string, checkedAt: string, latencyMs: number } | null, mock: { tokens: number | null, tokenDelayMs: number | null } | null }> };

export type ConsoleModelEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleModelEventsSubscription = { modelEvents: { type: ModelEventType, at: string, model: { id: string, provider: ModelProvider, status: ModelStatus, source: ModelSource, upstreamModel: string, baseUrl: string | null, apiKeyEnv: string | null, contextWindow: number | null, version: string | null, updatedAt: string, retiredAt: string | null, pricingSource: PricingSource, catalogStatus: CatalogStatus, maxOutputTokens: number | null, supportsTools: boolean | null, supportsReasoning: boolean | null, requestLog: RequestLogMode | null, pricing: { input: number, output: number } | null, modalities: { input: Array<string>, output: Array<string> } | null, circuit: { state: CircuitState, errorRate: number, requests: number, reopensAt: string | null }, lastHealthCheck: { ok: boolean, message: string, checkedAt: string, latencyMs: number } | null, mock: { tokens: number | null, tokenDelayMs: number | null } | null } } };

export type ConsoleRegisterModelMutationVariables = Exact<{
  input: RegisterModelInput;
}>;


export type ConsoleRegisterModelMutation = { registerModel: { model: { id: string, provider: ModelProvider, status: ModelStatus, source: ModelSource, upstreamModel: string, baseUrl: string | null, apiKeyEnv: string | null, contextWindow: number | null, version: string | null, updatedAt: string, retiredAt: string | null, pricingSource: PricingSource, catalogStatus: CatalogStatus, maxOutputTokens: number | null, supportsTools: boolean | null, supportsReasoning: boolean | null, requestLog: RequestLogMode | null, pricing: { input: number, output: number } | null, modalities: { input: Array<string>, output: Array<string> } | null, circuit: { state: CircuitState, errorRate: number, requests: number, reopensAt: string | null }, lastHealthCheck: { ok: boolean, message: string, checkedAt: string, latencyMs: number } | null, mock: { tokens: number | null, tokenDelayMs: number | null } | null }, healthCheck: { ok: boolean, message: string, latencyMs: number } | null } };

export type ConsoleUpdateModelMutationVariables = Exact<{
  input: UpdateModelInput;
}>;


export type ConsoleUpdateModelMutation = { updateModel: { model: { id: string, provider: ModelProvider, status: ModelStatus, source: ModelSource, upstreamModel: string, baseUrl: string | null, apiKeyEnv: string | null, contextWindow: number | null, version: string | null, updatedAt: string, retiredAt: string | null, pricingSource: PricingSource, catalogStatus: CatalogStatus, maxOutputTokens: number | null, supportsTools: boolean | null, supportsReasoning: boolean | null, requestLog: RequestLogMode | null, pricing: { input: number, output: number } | null, modalities: { input: Array<string>, output: Array<string> } | null, circuit: { state: CircuitState, errorRate: number, requests: number, reopensAt: string | null }, lastHealthCheck: { ok: boolean, message: string, checkedAt: string, latencyMs: number } | null, mock: { tokens: number | null, tokenDelayMs: number | null } | null }, healthCheck: { ok: boolean, message: string, latencyMs: number } | null } };

export type ConsoleDisableModelMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleDisableModelMutation = { disableModel: { id: string, provider: ModelProvider, status: ModelStatus, source: ModelSource, upstreamModel: string, baseUrl: string | null, apiKeyEnv: string | null, contextWindow: number | null, version: string | null, updatedAt: string, retiredAt: string | null, pricingSource: PricingSource, catalogStatus: CatalogStatus, maxOutputTokens: number | null, supportsTools: boolean | null, supportsReasoning: boolean | null, requestLog: RequestLogMode | null, pricing: { input: number, output: number } | null, modalities: { input: Array<string>, output: Array<string> } | null, circuit: { state: CircuitState, errorRate: number, requests: number, reopensAt: string | null }, lastHealthCheck: { ok: boolean, message: string, checkedAt: string, latencyMs: number } | null, mock: { tokens: number | null, tokenDelayMs: number | null } | null } };

export type ConsoleEnableModelMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleEnableModelMutation = { enableModel: { model: { id: string, provider: ModelProvider, status: ModelStatus, source: ModelSource, upstreamModel: string, baseUrl: string | null, apiKeyEnv: string | null, contextWindow: number | null, version: string | null, updatedAt: string, retiredAt: string | null, pricingSource: PricingSource, catalogStatus: CatalogStatus, maxOutputTokens: number | null, supportsTools: boolean | null, supportsReasoning: boolean | null, requestLog: RequestLogMode | null, pricing: { input: number, output: number } | null, modalities: { input: Array<string>, output: Array<string> } | null, circuit: { state: CircuitState, errorRate: number, requests: number, reopensAt: string | null }, lastHealthCheck: { ok: boolean, message: string, checkedAt: string, latencyMs: number } | null, mock: { tokens: number | null, tokenDelayMs: number | null } | null } } };

export type ConsoleRetireModelMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRetireModelMutation = { retireModel: { id: string, provider: ModelProvider, status: ModelStatus, source: ModelSource, upstreamModel: string, baseUrl: string | null, apiKeyEnv: string | null, contextWindow: number | null, version: string | null, updatedAt: string, retiredAt: string | null, pricingSource: PricingSource, catalogStatus: CatalogStatus, maxOutputTokens: number | null, supportsTools: boolean | null, supportsReasoning: boolean | null, requestLog: RequestLogMode | null, pricing: { input: number, output: number } | null, modalities: { input: Array<string>, output: Array<string> } | null, circuit: { state: CircuitState, errorRate: number, requests: number, reopensAt: string | null }, lastHealthCheck: { ok: boolean, message: string, checkedAt: string, latencyMs: number } | null, mock: { tokens: number | null, tokenDelayMs: number | null } | null } };

export type ConsoleCheckModelHealthMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCheckModelHealthMutation = { checkModelHealth: { model: { id: string, provider: ModelProvider, status: ModelStatus, source: ModelSource, upstreamModel: string, baseUrl: string | null, apiKeyEnv: string | null, contextWindow: number | null, version: string | null, updatedAt: string, retiredAt: string | null, pricingSource: PricingSource, catalogStatus: CatalogStatus, maxOutputTokens: number | null, supportsTools: boolean | null, supportsReasoning: boolean | null, requestLog: RequestLogMode | null, pricing: { input: number, output: number } | null, modalities: { input: Array<string>, output: Array<string> } | null, circuit: { state: CircuitState, errorRate: number, requests: number, reopensAt: string | null }, lastHealthCheck: { ok: boolean, message: string, checkedAt: string, latencyMs: number } | null, mock: { tokens: number | null, tokenDelayMs: number | null } | null }, healthCheck: { ok: boolean, message: string, latencyMs: number } | null } };

export type ConsoleSessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSessionsQuery = { sessions: { edges: Array<{ node: { id: string, revision: number, updatedAt: string, model: { id: string } | null, pool: { name: string } | null } }> } };

export type PlaygroundGenerationFragment = { id: string, modelId: string, status: GenerationStatus, costUsd: number | null, finishReason: FinishReason | null, latencyMs: number, toolCalls: Array<{ id: string, name: string, arguments: string }>, usage: { inputTokens: number, outputTokens: number, cachedInputTokens: number, cacheWriteTokens: number, reasoningTokens: number, totalTokens: number, estimated: boolean } };

export type ConsoleSessionQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleSessionQuery = { session: { id: string, revision: number, createdAt: string, model: { id: string, provider: ModelProvider } | null, pool: { name: string, strategy: PoolStrategy } | null, params: { maxTokens: number | null, temperature: number | null }, messages: Array<{ role: string, content: string, createdAt: string, generationId: string | null }> } | null, generations: { edges: Array<{ node: { id: string, modelId: string, status: GenerationStatus, costUsd: number | null, finishReason: FinishReason | null, latencyMs: number, toolCalls: Array<{ id: string, name: string, arguments: string }>, usage: { inputTokens: number, outputTokens: number, cachedInputTokens: number, cacheWriteTokens: number, reasoningTokens: number, totalTokens: number, estimated: boolean } } }> } };

export type ConsoleCreateSessionMutationVariables = Exact<{
  input: CreateSessionInput;
}>;


export type ConsoleCreateSessionMutation = { createSession: { id: string, revision: number, model: { id: string } | null, pool: { name: string } | null } };

export type SwitchAppliedFragment = { latencyMs: number, revision: number, switchedAt: string, model: { id: string } | null, pool: { name: string } | null, previousModel: { id: string } | null, previousPool: { name: string } | null, session: { id: string } };

export type ConsoleSwitchModelMutationVariables = Exact<{
  input: SwitchModelInput;
}>;


export type ConsoleSwitchModelMutation = { switchModel: { latencyMs: number, revision: number, switchedAt: string, model: { id: string } | null, pool: { name: string } | null, previousModel: { id: string } | null, previousPool: { name: string } | null, session: { id: string } } };

export type ConsoleModelSwitchedSubscriptionVariables = Exact<{
  sessionId?: string | number | null | undefined;
}>;


export type ConsoleModelSwitchedSubscription = { modelSwitched: { latencyMs: number, revision: number, switchedAt: string, model: { id: string } | null, pool: { name: string } | null, previousModel: { id: string } | null, previousPool: { name: string } | null, session: { id: string } } };

export type ConsoleGenerateStreamSubscriptionVariables = Exact<{
  input: GenerateInput;
}>;


export type ConsoleGenerateStreamSubscription = { generateStream:
    | { __typename: 'GenerationCompleted', generation: { id: string, modelId: string, status: GenerationStatus, costUsd: number | null, finishReason: FinishReason | null, latencyMs: number, toolCalls: Array<{ id: string, name: string, arguments: string }>, usage: { inputTokens: number, outputTokens: number, cachedInputTokens: number, cacheWriteTokens: number, reasoningTokens: number, totalTokens: number, estimated: boolean } } }
    | { __typename: 'GenerationFailed', code: string, message: string, generationId: string, generation: { id: string, status: GenerationStatus, costUsd: number | null, modelId: string } }
    | { __typename: 'GenerationStarted', generationId: string, model: { id: string } }
    | { __typename: 'ReasoningDelta', text: string, costUsd: number | null }
    | { __typename: 'TokenDelta', text: string, costUsd: number | null, index: number, chunks: number }
    | { __typename: 'ToolCallDelta', index: number, id: string | null, name: string | null, argumentsDelta: string, costUsd: number | null }
   };

export type ConsoleGenerationOutcomeQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleGenerationOutcomeQuery = { generation: { id: string, modelId: string, status: GenerationStatus, costUsd: number | null, finishReason: FinishReason | null, latencyMs: number, toolCalls: Array<{ id: string, name: string, arguments: string }>, usage: { inputTokens: number, outputTokens: number, cachedInputTokens: number, cacheWriteTokens: number, reasoningTokens: number, totalTokens: number, estimated: boolean } } | null };

export type ConsoleSessionTurnsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSessionTurnsSubscription = { usageUpdated: { generationId: string, sessionId: string | null, status: GenerationStatus } };

export type ConsolePoolsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsolePoolsQuery = { pools: Array<{ name: string, strategy: PoolStrategy, sticky: boolean, stickyTtlSeconds: number | null, source: string, updatedAt: string, members: Array<{ modelId: string, weight: number, model: { status: ModelStatus } | null }>, retry: { attempts: number | null, baseDelayMs: number | null, maxDelayMs: number | null } }> };

export type ConsoleSetPoolMutationVariables = Exact<{
  input: SetModelPoolInput;
}>;


export type ConsoleSetPoolMutation = { setModelPool: { name: string } };

export type ConsoleDeletePoolMutationVariables = Exact<{
  name: string | number;
}>;


export type ConsoleDeletePoolMutation = { deletePool: { name: string } };

export type RequestRowFragment = { id: string, createdAt: string, completedAt: string, status: GenerationStatus, modelId: string, poolName: string | null, provider: ModelProvider, sessionId: string | null, stream: boolean, cached: boolean, latencyMs: number, timeToFirstTokenMs: number | null, costUsd: number | null, costMicroUsd: number | null, savedUsd: number | null, errorCode: string | null, finishReason: FinishReason | null, apiKey: { id: string, name: string } | null, usage: { inputTokens: number, outputTokens: number } };

export type ConsoleRequestsQueryVariables = Exact<{
  filter?: GenerationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleRequestsQuery = { generations: { edges: Array<{ cursor: string, node: { id: string, createdAt: string, completedAt: string, status: GenerationStatus, modelId: string, poolName: string | null, provider: ModelProvider, sessionId: string | null, stream: boolean, cached: boolean, latencyMs: number, timeToFirstTokenMs: number | null, costUsd: number | null, costMicroUsd: number | null, savedUsd: number | null, errorCode: string | null, finishReason: FinishReason | null, apiKey: { id: string, name: string } | null, usage: { inputTokens: number, outputTokens: number } } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ConsoleRequestRowQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRequestRowQuery = { generation: { id: string, createdAt: string, completedAt: string, status: GenerationStatus, modelId: string, poolName: string | null, provider: ModelProvider, sessionId: string | null, stream: boolean, cached: boolean, latencyMs: number, timeToFirstTokenMs: number | null, costUsd: number | null, costMicroUsd: number | null, savedUsd: number | null, errorCode: string | null, finishReason: FinishReason | null, apiKey: { id: string, name: string } | null, usage: { inputTokens: number, outputTokens: number } } | null };

export type ConsoleRequestQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRequestQuery = { generation: { requestId: string | null, upstreamModel: string, maxTokens: number, droppedMessages: number, traceId: string | null, errorMessage: string | null, text: string, id: string, createdAt: string, completedAt: string, status: GenerationStatus, modelId: string, poolName: string | null, provider: ModelProvider, sessionId: string | null, stream: boolean, cached: boolean, latencyMs: number, timeToFirstTokenMs: number | null, costUsd: number | null, costMicroUsd: number | null, savedUsd: number | null, errorCode: string | null, finishReason: FinishReason | null, model: { id: string, requestLog: RequestLogMode | null } | null, apiKey: { id: string, name: string, requestLog: RequestLogMode | null } | null, usage: { inputTokens: number, cachedInputTokens: number, cacheWriteTokens: number, outputTokens: number, reasoningTokens: number, totalTokens: number, estimated: boolean }, toolCalls: Array<{ id: string, name: string, arguments: string }>, attempts: Array<{ modelId: string, provider: ModelProvider, outcome: GenerationStatus, errorCode: string | null, httpStatus: number | null, delayMs: number, durationMs: number }>, request: { tools: unknown, parameters: unknown, messages: Array<{ role: string, content: string, parts: unknown, toolCallId: string | null, toolCalls: Array<{ id: string, name: string, arguments: string }> }> } | null } | null };

export type ConsoleRequestUsageSubscriptionVariables = Exact<{
  apiKeyId?: string | number | null | undefined;
}>;


export type ConsoleRequestUsageSubscription = { usageUpdated: { generationId: string, modelId: string, sessionId: string | null, status: GenerationStatus } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ModelRowFragmentDoc = new TypedDocumentString(`
    fragment ModelRow on Model {
  id
  provider
  status
  source
  upstreamModel
  baseUrl
  apiKeyEnv
  contextWindow
  version
  updatedAt
  retiredAt
  pricing {
    input
    output
  }
  pricingSource
  catalogStatus
  maxOutputTokens
  supportsTools
  supportsReasoning
  requestLog
  modalities {
    input
    output
  }
  circuit {
    state
    errorRate
    requests
    reopensAt
  }
  lastHealthCheck {
    ok
    message
    checkedAt
    latencyMs
  }
  mock {
    tokens
    tokenDelayMs
  }
}
    `, {"fragmentName":"ModelRow"}) as unknown as TypedDocumentString<ModelRowFragment, unknown>;
export const PlaygroundGenerationFragmentDoc = new TypedDocumentString(`
    fragment PlaygroundGeneration on Generation {
  id
  modelId
  status
  costUsd
  finishReason
  latencyMs
  toolCalls {
    id
    name
    arguments
  }
  usage {
    inputTokens
    outputTokens
    cachedInputTokens
    cacheWriteTokens
    reasoningTokens
    totalTokens
    estimated
  }
}
    `, {"fragmentName":"PlaygroundGeneration"}) as unknown as TypedDocumentString<PlaygroundGenerationFragment, unknown>;
export const SwitchAppliedFragmentDoc = new TypedDocumentString(`
    fragment SwitchApplied on ModelSwitch {
  latencyMs
  revision
  switchedAt
  model {
    id
  }
  pool {
    name
  }
  previousModel {
    id
  }
  previousPool {
    name
  }
  session {
    id
  }
}
    `, {"fragmentName":"SwitchApplied"}) as unknown as TypedDocumentString<SwitchAppliedFragment, unknown>;
export const RequestRowFragmentDoc = new TypedDocumentString(`
    fragment RequestRow on Generation {
  id
  createdAt
  completedAt
  status
  modelId
  poolName
  provider
  sessionId
  stream
  cached
  latencyMs
  timeToFirstTokenMs
  costUsd
  costMicroUsd
  savedUsd
  errorCode
  finishReason
  apiKey {
    id
    name
  }
  usage {
    inputTokens
    outputTokens
  }
}
    `, {"fragmentName":"RequestRow"}) as unknown as TypedDocumentString<RequestRowFragment, unknown>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    localMode
    apiKeyId
    scopes
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const ModelChoicesDocument = new TypedDocumentString(`
    query ModelChoices {
  models {
    id
    provider
    status
    pricing {
      input
      output
    }
  }
  pools {
    name
    strategy
  }
}
    `) as unknown as TypedDocumentString<ModelChoicesQuery, ModelChoicesQueryVariables>;
export const ConsoleConfigStatusDocument = new TypedDocumentString(`
    query ConsoleConfigStatus {
  configStatus {
    source
    hash
    loadedAt
    lastAttemptAt
    lastError
  }
}
    `) as unknown as TypedDocumentString<ConsoleConfigStatusQuery, ConsoleConfigStatusQueryVariables>;
export const ConsoleReloadConfigDocument = new TypedDocumentString(`
    mutation ConsoleReloadConfig {
  reloadConfig {
    source
    hash
    loadedAt
    lastAttemptAt
    lastError
  }
}
    `) as unknown as TypedDocumentString<ConsoleReloadConfigMutation, ConsoleReloadConfigMutationVariables>;
export const ConsoleCostsDocument = new TypedDocumentString(`
    query ConsoleCosts($filter: CostFilter!, $groupBy: CostGroupBy!, $interval: CostInterval!) {
  costs(filter: $filter, groupBy: $groupBy) {
    groups {
      key
      requests
      failures
      inputTokens
      outputTokens
      costUsd
      costMicroUsd
      cachedRequests
      savedUsd
    }
    totals {
      requests
      failures
      inputTokens
      outputTokens
      costUsd
      costMicroUsd
      cachedRequests
      savedUsd
    }
  }
  costSeries(filter: $filter, groupBy: $groupBy, interval: $interval) {
    start
    key
    requests
    failures
    inputTokens
    outputTokens
    costUsd
    costMicroUsd
  }
}
    `) as unknown as TypedDocumentString<ConsoleCostsQuery, ConsoleCostsQueryVariables>;
export const ConsoleKeyNamesDocument = new TypedDocumentString(`
    query ConsoleKeyNames {
  apiKeys {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleKeyNamesQuery, ConsoleKeyNamesQueryVariables>;
export const ConsoleUsageDocument = new TypedDocumentString(`
    subscription ConsoleUsage {
  usageUpdated {
    generationId
    at
  }
}
    `) as unknown as TypedDocumentString<ConsoleUsageSubscription, ConsoleUsageSubscriptionVariables>;
export const ConsoleCredentialsDocument = new TypedDocumentString(`
    query ConsoleCredentials {
  credentials {
    name
    mask
    createdAt
    rotatedAt
    models
  }
}
    `) as unknown as TypedDocumentString<ConsoleCredentialsQuery, ConsoleCredentialsQueryVariables>;
export const ConsoleCreateCredentialDocument = new TypedDocumentString(`
    mutation ConsoleCreateCredential($input: CreateCredentialInput!) {
  createCredential(input: $input) {
    name
    mask
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateCredentialMutation, ConsoleCreateCredentialMutationVariables>;
export const ConsoleRotateCredentialDocument = new TypedDocumentString(`
    mutation ConsoleRotateCredential($name: String!, $secret: String!) {
  rotateCredential(name: $name, secret: $secret) {
    name
    mask
  }
}
    `) as unknown as TypedDocumentString<ConsoleRotateCredentialMutation, ConsoleRotateCredentialMutationVariables>;
export const ConsoleDeleteCredentialDocument = new TypedDocumentString(`
    mutation ConsoleDeleteCredential($name: String!) {
  deleteCredential(name: $name) {
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleDeleteCredentialMutation, ConsoleDeleteCredentialMutationVariables>;
export const ConsoleKeysDocument = new TypedDocumentString(`
    query ConsoleKeys {
  apiKeys {
    id
    name
    prefix
    scopes
    models
    revoked
    revokedAt
    createdAt
    requestsPerMinute
    requestLog
    budget {
      daily
      monthly
      spentToday
      spentThisMonth
      reserved
      remaining
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleKeysQuery, ConsoleKeysQueryVariables>;
export const ConsoleCreateKeyDocument = new TypedDocumentString(`
    mutation ConsoleCreateKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    key
    apiKey {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateKeyMutation, ConsoleCreateKeyMutationVariables>;
export const ConsoleRevokeKeyDocument = new TypedDocumentString(`
    mutation ConsoleRevokeKey($id: ID!) {
  revokeApiKey(id: $id) {
    id
    revoked
  }
}
    `) as unknown as TypedDocumentString<ConsoleRevokeKeyMutation, ConsoleRevokeKeyMutationVariables>;
export const ConsoleSetBudgetDocument = new TypedDocumentString(`
    mutation ConsoleSetBudget($input: SetBudgetInput!) {
  setBudget(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetBudgetMutation, ConsoleSetBudgetMutationVariables>;
export const ConsoleUpdateKeyDocument = new TypedDocumentString(`
    mutation ConsoleUpdateKey($id: ID!, $input: UpdateApiKeyInput!) {
  updateApiKey(id: $id, input: $input) {
    id
    requestLog
  }
}
    `) as unknown as TypedDocumentString<ConsoleUpdateKeyMutation, ConsoleUpdateKeyMutationVariables>;
export const ConsoleKeyUsageDocument = new TypedDocumentString(`
    subscription ConsoleKeyUsage {
  usageUpdated {
    generationId
    apiKey {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleKeyUsageSubscription, ConsoleKeyUsageSubscriptionVariables>;
export const ConsoleModelsDocument = new TypedDocumentString(`
    query ConsoleModels($filter: ModelFilter) {
  models(filter: $filter) {
    ...ModelRow
  }
}
    fragment ModelRow on Model {
  id
  provider
  status
  source
  upstreamModel
  baseUrl
  apiKeyEnv
  contextWindow
  version
  updatedAt
  retiredAt
  pricing {
    input
    output
  }
  pricingSource
  catalogStatus
  maxOutputTokens
  supportsTools
  supportsReasoning
  requestLog
  modalities {
    input
    output
  }
  circuit {
    state
    errorRate
    requests
    reopensAt
  }
  lastHealthCheck {
    ok
    message
    checkedAt
    latencyMs
  }
  mock {
    tokens
    tokenDelayMs
  }
}`) as unknown as TypedDocumentString<ConsoleModelsQuery, ConsoleModelsQueryVariables>;
export const ConsoleModelEventsDocument = new TypedDocumentString(`
    subscription ConsoleModelEvents {
  modelEvents {
    type
    at
    model {
      ...ModelRow
    }
  }
}
    fragment ModelRow on Model {
  id
  provider
  status
  source
  upstreamModel
  baseUrl
  apiKeyEnv
  contextWindow
  version
  updatedAt
  retiredAt
  pricing {
    input
    output
  }
  pricingSource
  catalogStatus
  maxOutputTokens
  supportsTools
  supportsReasoning
  requestLog
  modalities {
    input
    output
  }
  circuit {
    state
    errorRate
    requests
    reopensAt
  }
  lastHealthCheck {
    ok
    message
    checkedAt
    latencyMs
  }
  mock {
    tokens
    tokenDelayMs
  }
}`) as unknown as TypedDocumentString<ConsoleModelEventsSubscription, ConsoleModelEventsSubscriptionVariables>;
export const ConsoleRegisterModelDocument = new TypedDocumentString(`
    mutation ConsoleRegisterModel($input: RegisterModelInput!) {
  registerModel(input: $input) {
    model {
      ...ModelRow
    }
    healthCheck {
      ok
      message
      latencyMs
    }
  }
}
    fragment ModelRow on Model {
  id
  provider
  status
  source
  upstreamModel
  baseUrl
  apiKeyEnv
  contextWindow
  version
  updatedAt
  retiredAt
  pricing {
    input
    output
  }
  pricingSource
  catalogStatus
  maxOutputTokens
  supportsTools
  supportsReasoning
  requestLog
  modalities {
    input
    output
  }
  circuit {
    state
    errorRate
    requests
    reopensAt
  }
  lastHealthCheck {
    ok
    message
    checkedAt
    latencyMs
  }
  mock {
    tokens
    tokenDelayMs
  }
}`) as unknown as TypedDocumentString<ConsoleRegisterModelMutation, ConsoleRegisterModelMutationVariables>;
export const ConsoleUpdateModelDocument = new TypedDocumentString(`
    mutation ConsoleUpdateModel($input: UpdateModelInput!) {
  updateModel(input: $input) {
    model {
      ...ModelRow
    }
    healthCheck {
      ok
      message
      latencyMs
    }
  }
}
    fragment ModelRow on Model {
  id
  provider
  status
  source
  upstreamModel
  baseUrl
  apiKeyEnv
  contextWindow
  version
  updatedAt
  retiredAt
  pricing {
    input
    output
  }
  pricingSource
  catalogStatus
  maxOutputTokens
  supportsTools
  supportsReasoning
  requestLog
  modalities {
    input
    output
  }
  circuit {
    state
    errorRate
    requests
    reopensAt
  }
  lastHealthCheck {
    ok
    message
    checkedAt
    latencyMs
  }
  mock {
    tokens
    tokenDelayMs
  }
}`) as unknown as TypedDocumentString<ConsoleUpdateModelMutation, ConsoleUpdateModelMutationVariables>;
export const ConsoleDisableModelDocument = new TypedDocumentString(`
    mutation ConsoleDisableModel($id: ID!) {
  disableModel(id: $id) {
    ...ModelRow
  }
}
    fragment ModelRow on Model {
  id
  provider
  status
  source
  upstreamModel
  baseUrl
  apiKeyEnv
  contextWindow
  version
  updatedAt
  retiredAt
  pricing {
    input
    output
  }
  pricingSource
  catalogStatus
  maxOutputTokens
  supportsTools
  supportsReasoning
  requestLog
  modalities {
    input
    output
  }
  circuit {
    state
    errorRate
    requests
    reopensAt
  }
  lastHealthCheck {
    ok
    message
    checkedAt
    latencyMs
  }
  mock {
    tokens
    tokenDelayMs
  }
}`) as unknown as TypedDocumentString<ConsoleDisableModelMutation, ConsoleDisableModelMutationVariables>;
export const ConsoleEnableModelDocument = new TypedDocumentString(`
    mutation ConsoleEnableModel($id: ID!) {
  enableModel(id: $id) {
    model {
      ...ModelRow
    }
  }
}
    fragment ModelRow on Model {
  id
  provider
  status
  source
  upstreamModel
  baseUrl
  apiKeyEnv
  contextWindow
  version
  updatedAt
  retiredAt
  pricing {
    input
    output
  }
  pricingSource
  catalogStatus
  maxOutputTokens
  supportsTools
  supportsReasoning
  requestLog
  modalities {
    input
    output
  }
  circuit {
    state
    errorRate
    requests
    reopensAt
  }
  lastHealthCheck {
    ok
    message
    checkedAt
    latencyMs
  }
  mock {
    tokens
    tokenDelayMs
  }
}`) as unknown as TypedDocumentString<ConsoleEnableModelMutation, ConsoleEnableModelMutationVariables>;
export const ConsoleRetireModelDocument = new TypedDocumentString(`
    mutation ConsoleRetireModel($id: ID!) {
  retireModel(id: $id) {
    ...ModelRow
  }
}
    fragment ModelRow on Model {
  id
  provider
  status
  source
  upstreamModel
  baseUrl
  apiKeyEnv
  contextWindow
  version
  updatedAt
  retiredAt
  pricing {
    input
    output
  }
  pricingSource
  catalogStatus
  maxOutputTokens
  supportsTools
  supportsReasoning
  requestLog
  modalities {
    input
    output
  }
  circuit {
    state
    errorRate
    requests
    reopensAt
  }
  lastHealthCheck {
    ok
    message
    checkedAt
    latencyMs
  }
  mock {
    tokens
    tokenDelayMs
  }
}`) as unknown as TypedDocumentString<ConsoleRetireModelMutation, ConsoleRetireModelMutationVariables>;
export const ConsoleCheckModelHealthDocument = new TypedDocumentString(`
    mutation ConsoleCheckModelHealth($id: ID!) {
  checkModelHealth(id: $id) {
    model {
      ...ModelRow
    }
    healthCheck {
      ok
      message
      latencyMs
    }
  }
}
    fragment ModelRow on Model {
  id
  provider
  status
  source
  upstreamModel
  baseUrl
  apiKeyEnv
  contextWindow
  version
  updatedAt
  retiredAt
  pricing {
    input
    output
  }
  pricingSource
  catalogStatus
  maxOutputTokens
  supportsTools
  supportsReasoning
  requestLog
  modalities {
    input
    output
  }
  circuit {
    state
    errorRate
    requests
    reopensAt
  }
  lastHealthCheck {
    ok
    message
    checkedAt
    latencyMs
  }
  mock {
    tokens
    tokenDelayMs
  }
}`) as unknown as TypedDocumentString<ConsoleCheckModelHealthMutation, ConsoleCheckModelHealthMutationVariables>;
export const ConsoleSessionsDocument = new TypedDocumentString(`
    query ConsoleSessions {
  sessions(first: 50) {
    edges {
      node {
        id
        revision
        updatedAt
        model {
          id
        }
        pool {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleSessionsQuery, ConsoleSessionsQueryVariables>;
export const ConsoleSessionDocument = new TypedDocumentString(`
    query ConsoleSession($id: ID!) {
  session(id: $id) {
    id
    revision
    createdAt
    model {
      id
      provider
    }
    pool {
      name
      strategy
    }
    params {
      maxTokens
      temperature
    }
    messages {
      role
      content
      createdAt
      generationId
    }
  }
  generations(filter: {sessionId: $id}, first: 200) {
    edges {
      node {
        ...PlaygroundGeneration
      }
    }
  }
}
    fragment PlaygroundGeneration on Generation {
  id
  modelId
  status
  costUsd
  finishReason
  latencyMs
  toolCalls {
    id
    name
    arguments
  }
  usage {
    inputTokens
    outputTokens
    cachedInputTokens
    cacheWriteTokens
    reasoningTokens
    totalTokens
    estimated
  }
}`) as unknown as TypedDocumentString<ConsoleSessionQuery, ConsoleSessionQueryVariables>;
export const ConsoleCreateSessionDocument = new TypedDocumentString(`
    mutation ConsoleCreateSession($input: CreateSessionInput!) {
  createSession(input: $input) {
    id
    revision
    model {
      id
    }
    pool {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCreateSessionMutation, ConsoleCreateSessionMutationVariables>;
export const ConsoleSwitchModelDocument = new TypedDocumentString(`
    mutation ConsoleSwitchModel($input: SwitchModelInput!) {
  switchModel(input: $input) {
    ...SwitchApplied
  }
}
    fragment SwitchApplied on ModelSwitch {
  latencyMs
  revision
  switchedAt
  model {
    id
  }
  pool {
    name
  }
  previousModel {
    id
  }
  previousPool {
    name
  }
  session {
    id
  }
}`) as unknown as TypedDocumentString<ConsoleSwitchModelMutation, ConsoleSwitchModelMutationVariables>;
export const ConsoleModelSwitchedDocument = new TypedDocumentString(`
    subscription ConsoleModelSwitched($sessionId: ID) {
  modelSwitched(sessionId: $sessionId) {
    ...SwitchApplied
  }
}
    fragment SwitchApplied on ModelSwitch {
  latencyMs
  revision
  switchedAt
  model {
    id
  }
  pool {
    name
  }
  previousModel {
    id
  }
  previousPool {
    name
  }
  session {
    id
  }
}`) as unknown as TypedDocumentString<ConsoleModelSwitchedSubscription, ConsoleModelSwitchedSubscriptionVariables>;
export const ConsoleGenerateStreamDocument = new TypedDocumentString(`
    subscription ConsoleGenerateStream($input: GenerateInput!) {
  generateStream(input: $input) {
    __typename
    ... on GenerationStarted {
      generationId
      model {
        id
      }
    }
    ... on TokenDelta {
      text
      costUsd
      index
      chunks
    }
    ... on ToolCallDelta {
      index
      id
      name
      argumentsDelta
      costUsd
    }
    ... on ReasoningDelta {
      text
      costUsd
    }
    ... on GenerationCompleted {
      generation {
        ...PlaygroundGeneration
      }
    }
    ... on GenerationFailed {
      code
      message
      generationId
      generation {
        id
        status
        costUsd
        modelId
      }
    }
  }
}
    fragment PlaygroundGeneration on Generation {
  id
  modelId
  status
  costUsd
  finishReason
  latencyMs
  toolCalls {
    id
    name
    arguments
  }
  usage {
    inputTokens
    outputTokens
    cachedInputTokens
    cacheWriteTokens
    reasoningTokens
    totalTokens
    estimated
  }
}`) as unknown as TypedDocumentString<ConsoleGenerateStreamSubscription, ConsoleGenerateStreamSubscriptionVariables>;
export const ConsoleGenerationOutcomeDocument = new TypedDocumentString(`
    query ConsoleGenerationOutcome($id: ID!) {
  generation(id: $id) {
    ...PlaygroundGeneration
  }
}
    fragment PlaygroundGeneration on Generation {
  id
  modelId
  status
  costUsd
  finishReason
  latencyMs
  toolCalls {
    id
    name
    arguments
  }
  usage {
    inputTokens
    outputTokens
    cachedInputTokens
    cacheWriteTokens
    reasoningTokens
    totalTokens
    estimated
  }
}`) as unknown as TypedDocumentString<ConsoleGenerationOutcomeQuery, ConsoleGenerationOutcomeQueryVariables>;
export const ConsoleSessionTurnsDocument = new TypedDocumentString(`
    subscription ConsoleSessionTurns {
  usageUpdated {
    generationId
    sessionId
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleSessionTurnsSubscription, ConsoleSessionTurnsSubscriptionVariables>;
export const ConsolePoolsDocument = new TypedDocumentString(`
    query ConsolePools {
  pools {
    name
    strategy
    sticky
    stickyTtlSeconds
    source
    updatedAt
    members {
      modelId
      weight
      model {
        status
      }
    }
    retry {
      attempts
      baseDelayMs
      maxDelayMs
    }
  }
}
    `) as unknown as TypedDocumentString<ConsolePoolsQuery, ConsolePoolsQueryVariables>;
export const ConsoleSetPoolDocument = new TypedDocumentString(`
    mutation ConsoleSetPool($input: SetModelPoolInput!) {
  setModelPool(input: $input) {
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleSetPoolMutation, ConsoleSetPoolMutationVariables>;
export const ConsoleDeletePoolDocument = new TypedDocumentString(`
    mutation ConsoleDeletePool($name: ID!) {
  deletePool(name: $name) {
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleDeletePoolMutation, ConsoleDeletePoolMutationVariables>;
export const ConsoleRequestsDocument = new TypedDocumentString(`
    query ConsoleRequests($filter: GenerationFilter, $first: Int, $after: String) {
  generations(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        ...RequestRow
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
    fragment RequestRow on Generation {
  id
  createdAt
  completedAt
  status
  modelId
  poolName
  provider
  sessionId
  stream
  cached
  latencyMs
  timeToFirstTokenMs
  costUsd
  costMicroUsd
  savedUsd
  errorCode
  finishReason
  apiKey {
    id
    name
  }
  usage {
    inputTokens
    outputTokens
  }
}`) as unknown as TypedDocumentString<ConsoleRequestsQuery, ConsoleRequestsQueryVariables>;
export const ConsoleRequestRowDocument = new TypedDocumentString(`
    query ConsoleRequestRow($id: ID!) {
  generation(id: $id) {
    ...RequestRow
  }
}
    fragment RequestRow on Generation {
  id
  createdAt
  completedAt
  status
  modelId
  poolName
  provider
  sessionId
  stream
  cached
  latencyMs
  timeToFirstTokenMs
  costUsd
  costMicroUsd
  savedUsd
  errorCode
  finishReason
  apiKey {
    id
    name
  }
  usage {
    inputTokens
    outputTokens
  }
}`) as unknown as TypedDocumentString<ConsoleRequestRowQuery, ConsoleRequestRowQueryVariables>;
export const ConsoleRequestDocument = new TypedDocumentString(`
    query ConsoleRequest($id: ID!) {
  generation(id: $id) {
    ...RequestRow
    requestId
    upstreamModel
    maxTokens
    droppedMessages
    traceId
    errorMessage
    text
    model {
      id
      requestLog
    }
    apiKey {
      id
      name
      requestLog
    }
    usage {
      inputTokens
      cachedInputTokens
      cacheWriteTokens
      outputTokens
      reasoningTokens
      totalTokens
      estimated
    }
    toolCalls {
      id
      name
      arguments
    }
    attempts {
      modelId
      provider
      outcome
      errorCode
      httpStatus
      delayMs
      durationMs
    }
    request {
      messages {
        role
        content
        parts
        toolCallId
        toolCalls {
          id
          name
          arguments
        }
      }
      tools
      parameters
    }
  }
}
    fragment RequestRow on Generation {
  id
  createdAt
  completedAt
  status
  modelId
  poolName
  provider
  sessionId
  stream
  cached
  latencyMs
  timeToFirstTokenMs
  costUsd
  costMicroUsd
  savedUsd
  errorCode
  finishReason
  apiKey {
    id
    name
  }
  usage {
    inputTokens
    outputTokens
  }
}`) as unknown as TypedDocumentString<ConsoleRequestQuery, ConsoleRequestQueryVariables>;
export const ConsoleRequestUsageDocument = new TypedDocumentString(`
    subscription ConsoleRequestUsage($apiKeyId: ID) {
  usageUpdated(apiKeyId: $apiKeyId) {
    generationId
    modelId
    sessionId
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleRequestUsageSubscription, ConsoleRequestUsageSubscriptionVariables>;