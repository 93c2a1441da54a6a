import type { ProviderKind } from './model.js';

/** What a model of each provider kind gets when its definition leaves a field out. */
export interface ProviderKindDefaults {
  /** The vendor's API root, following its official SDK's convention; undefined: the model must name one. */
  readonly baseUrl?: string;
  /** Name of the environment variable holding the vendor key; undefined: the vendor needs none. */
  readonly apiKeyEnv?: string;
  /** Whether the model definition must give a `baseUrl` (no public endpoint to default to). */
  readonly requiresBaseUrl: boolean;
}

export const PROVIDER_DEFAULTS: Readonly<Record<ProviderKind, ProviderKindDefaults>> = {
  openai: { baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY', requiresBaseUrl: false },
  anthropic: { baseUrl: 'https://api.anthropic.com', apiKeyEnv: 'ANTHROPIC_API_KEY', requiresBaseUrl: false },
  'openai-compatible': { requiresBaseUrl: true },
  dashscope: {
    baseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    apiKeyEnv: 'DASHSCOPE_API_KEY',
    requiresBaseUrl: false,
  },
  qianfan: { baseUrl: 'https://qianfan.baidubce.com/v2', apiKeyEnv: 'QIANFAN_API_KEY', requiresBaseUrl: false },
  gemini: { baseUrl: 'https://generativelanguage.googleapis.com/v1beta', apiKeyEnv: 'GEMINI_API_KEY', requiresBaseUrl: false },
  /**
   * Vertex AI: the base URL names the project and location
   * (https://{location}-aiplatform.googleapis.com/v1/projects/{project}/locations/{location}); the key
   * is an OAuth access token, sent as a bearer (`gcloud auth print-access-token`).
   * @see https://docs.cloud.google.com/vertex-ai/generative-ai/docs/model-reference/inference
   */
  'vertex-ai': { apiKeyEnv: 'VERTEX_AI_ACCESS_TOKEN', requiresBaseUrl: true },
  /**
   * Bedrock: the endpoint (`https://bedrock-runtime.{region}.amazonaws.com`) follows from `region`;
   * no key variable of its own: a model's `apiKeyEnv` (or credential), else the standard AWS
   * variables (see src/providers/bedrock/bedrock-credentials.ts).
   * @see https://docs.aws.amazon.com/general/latest/gr/bedrock.html
   */
  bedrock: { requiresBaseUrl: false },
  /** Azure OpenAI: the base URL is the resource's endpoint (https://NAME.openai.azure.com). */
  'azure-openai': { apiKeyEnv: 'AZURE_OPENAI_API_KEY', requiresBaseUrl: true },
  mock: { requiresBaseUrl: false },
};

/**
 * What each provider kind's wire format carries besides text (SPEC §14): admission refuses a
 * request asking a model for more (400 naming the part or parameter and the model) before
 * anything is sent. A vendor's model may still refuse what its kind carries (a text-only model
 * given an image): that is the vendor's 400, passed on.
 */
export interface ProviderFeatures {
  readonly images: boolean;
  /** `https://` image URLs (else only base64 data URLs). */
  readonly imageUrls: boolean;
  readonly audio: boolean;
  readonly files: boolean;
  readonly tools: boolean;
  readonly jsonObject: boolean;
  readonly jsonSchema: boolean;
  /** `reasoning.effort` (OpenAI's reasoning models). */
  readonly reasoningEffort: boolean;
  /** `reasoning.budgetTokens` (Anthropic's extended thinking). */
  readonly reasoningBudget: boolean;
}

const OPENAI_FEATURES: ProviderFeatures = {
  images: true,
  imageUrls: true,
  audio: true,
  files: true,
  tools: true,
  jsonObject: true,
  jsonSchema: true,
  reasoningEffort: true,
  reasoningBudget: false,
};

/**
 * Gemini, through the Generative Language API or Vertex AI (one body): images, audio and files
 * (PDF …) inline as base64 `inlineData` (an https URL is not carried: `fileData` takes Google's
 * own file URIs); function declarations with JSON Schema parameters; JSON mode
 * (`responseMimeType`) and JSON Schema (`responseJsonSchema`); thinking by budget
 * (`thinkingBudget`, Gemini 2.5) or by level (`thinkingLevel`, Gemini 3), so effort is carried too.
 * @see https://ai.google.dev/gemini-api/docs/image-understanding
 * @see https://ai.google.dev/gemini-api/docs/audio
 * @see https://ai.google.dev/gemini-api/docs/document-processing
 * @see https://ai.google.dev/gemini-api/docs/function-calling
 * @see https://ai.google.dev/gemini-api/docs/structured-output
 * @see https://ai.google.dev/gemini-api/docs/thinking
 */
const GEMINI_FEATURES: ProviderFeatures = {
  images: true,
  imageUrls: false,
  audio: true,
  files: true,
  tools: true,
  jsonObject: true,
  jsonSchema: true,
  reasoningEffort: true,
  reasoningBudget: true,
};

export const PROVIDER_FEATURES: Readonly<Record<ProviderKind, ProviderFeatures>> = {
  openai: OPENAI_FEATURES,
  // Ollama, vLLM, LM Studio … take OpenAI's shapes; what a given server refuses is its own 400.
  'openai-compatible': OPENAI_FEATURES,
  anthropic: {
    images: true,
    imageUrls: true,
    audio: false,
    files: false,
    tools: true,
    jsonObject: true,
    jsonSchema: true,
    reasoningEffort: false,
    reasoningBudget: true,
  },
  /**
   * Model Studio's compatible mode: images (Qwen-VL, `image_url` by URL or base64), audio (Qwen-Omni,
   * `input_audio`), function calling ("All general-purpose text generation models support function
   * calling"), JSON Object mode ("Most Qwen models") and JSON Schema mode ("Only some qwen-plus
   * models"), thinking with `enable_thinking` and `thinking_budget`; no file parts, no effort.
   * @see https://www.alibabacloud.com/help/en/model-studio/qwen-vl-compatible-with-openai
   * @see https://www.alibabacloud.com/help/en/model-studio/qwen-omni
   * @see https://docs.qwencloud.com/developer-guides/text-generation/function-calling
   * @see https://www.alibabacloud.com/help/en/model-studio/qwen-structured-output
   * @see https://docs.qwencloud.com/developer-guides/text-generation/thinking
   */
  dashscope: {
    images: true,
    imageUrls: true,
    audio: true,
    files: false,
    tools: true,
    jsonObject: true,
    jsonSchema: true,
    reasoningEffort: false,
    reasoningBudget: true,
  },
  /**
   * Qianfan's v2 chat: `tools`, `tool_choice` and `parallel_tool_calls`; `response_format` of type
   * `json_object`, `text` or `json_schema`; `enable_thinking` with `thinking_budget`, and
   * `reasoning_effort` (low, medium, high); images through its vision models (ERNIE-4.5-VL); no audio
   * or file parts.
   * @see https://cloud.baidu.com/doc/qianfan-api/s/3m7of64lb
   */
  qianfan: {
    images: true,
    imageUrls: true,
    audio: false,
    files: false,
    tools: true,
    jsonObject: true,
    jsonSchema: true,
    reasoningEffort: true,
    reasoningBudget: true,
  },
  gemini: GEMINI_FEATURES,
  'vertex-ai': GEMINI_FEATURES,
  /**
   * Bedrock's Converse: image blocks as bytes only (no URL source but S3, so no `https://` URLs),
   * document blocks (PDF, CSV, DOC(X), XLS(X), HTML, TXT, MD), tool use with toolChoice auto / any /
   * tool; no audio block; no JSON response format of its own (refused rather than emulated); a
   * thinking budget for Anthropic's models through `additionalModelRequestFields.thinking` (the
   * adapter refuses it for other models), no effort.
   * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlock.html
   * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ImageSource.html
   * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html
   * @see https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolChoice.html
   * @see https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html
   */
  bedrock: {
    images: true,
    imageUrls: false,
    audio: false,
    files: true,
    tools: true,
    jsonObject: false,
    jsonSchema: false,
    reasoningEffort: false,
    reasoningBudget: true,
  },
  'azure-openai': OPENAI_FEATURES,
  mock: {
    images: true,
    imageUrls: true,
    audio: false,
    files: false,
    tools: true,
    jsonObject: true,
    jsonSchema: true,
    reasoningEffort: true,
    reasoningBudget: true,
  },
};
