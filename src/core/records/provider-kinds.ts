import type { ProviderKind, ProviderPreset } from './model.js';

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
  /**
   * Azure OpenAI: the base URL is the resource's endpoint (https://NAME.openai.azure.com); the key
   * variable is the one Azure's own samples and the OpenAI SDK's AzureOpenAI client read.
   * @see https://learn.microsoft.com/en-us/azure/ai-foundry/openai/api-version-lifecycle
   * @see https://github.com/openai/openai-node/blob/master/src/azure.ts
   */
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
  /**
   * Azure OpenAI deploys OpenAI's models behind OpenAI's Chat Completions shapes: image parts (URL
   * or base64), `input_audio` (gpt-4o-audio deployments), tools, `response_format` json_object and
   * json_schema, `reasoning_effort` (o-series deployments). What one deployment's model refuses is
   * Azure's 400, passed on.
   * @see https://learn.microsoft.com/en-us/azure/ai-foundry/openai/reference
   */
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

const COMPATIBLE_TEXT_TOOLS: ProviderFeatures = {
  images: false,
  imageUrls: false,
  audio: false,
  files: false,
  tools: true,
  jsonObject: true,
  jsonSchema: true,
  reasoningEffort: true,
  reasoningBudget: false,
};
const WITH_IMAGES: ProviderFeatures = { ...COMPATIBLE_TEXT_TOOLS, images: true, imageUrls: true };

/**
 * What each `preset:` host carries, over the `openai-compatible` kind's (which assumes a server
 * takes all of OpenAI's shapes): what the host documents it refuses is refused here, before sending.
 */
export const PRESET_FEATURES: Readonly<Record<ProviderPreset, ProviderFeatures>> = {
  /**
   * Vision models (`image_url`), Voxtral's `input_audio`, tools, JSON mode and custom structured
   * outputs, `reasoning_effort`; documents go as `document_url`, not OpenAI's file parts.
   * @see https://docs.mistral.ai/capabilities/vision/
   * @see https://docs.mistral.ai/capabilities/audio/
   * @see https://docs.mistral.ai/capabilities/structured-output/custom_structured_output/
   */
  mistral: { ...WITH_IMAGES, audio: true },
  /** @see https://console.groq.com/docs/vision @see https://console.groq.com/docs/structured-outputs */
  groq: WITH_IMAGES,
  /**
   * Text only; tools; `response_format` of type `json_object` or `text` (no json_schema).
   * @see https://api-docs.deepseek.com/api/create-chat-completion
   * @see https://api-docs.deepseek.com/guides/json_mode
   */
  deepseek: { ...COMPATIBLE_TEXT_TOOLS, jsonSchema: false },
  /** @see https://docs.together.ai/docs/vision-overview @see https://docs.together.ai/docs/json-mode */
  together: WITH_IMAGES,
  /** @see https://docs.fireworks.ai/guides/querying-vision-language-models @see https://docs.fireworks.ai/structured-responses/structured-response-formatting */
  fireworks: WITH_IMAGES,
  /** @see https://docs.x.ai/docs/guides/image-understanding @see https://docs.x.ai/docs/guides/structured-outputs */
  xai: WITH_IMAGES,
  /**
   * OpenRouter passes OpenAI's parts to the models that take them: images, `input_audio`, PDF `file` parts.
   * @see https://openrouter.ai/docs/features/multimodal/overview
   */
  openrouter: { ...WITH_IMAGES, audio: true, files: true },
  /** Images as base64 or URL, tools, `response_format`, `reasoning_effort`. @see https://docs.ollama.com/api/openai-compatibility */
  ollama: WITH_IMAGES,
  /** Multimodal models take `image_url` and `input_audio`. @see https://docs.vllm.ai/en/latest/features/multimodal_inputs.html */
  vllm: { ...WITH_IMAGES, audio: true },
  /**
   * Images as base64 only; `response_format` of type `json_schema` or `text` ("'response_format.type'
   * must be 'json_schema' or 'text'"); tools.
   * @see https://lmstudio.ai/docs/app/api/endpoints/openai
   * @see https://lmstudio.ai/docs/app/api/structured-output
   */
  lmstudio: { ...WITH_IMAGES, imageUrls: false, jsonObject: false, reasoningEffort: false },
};

/** What a model's wire format carries: its preset's when it names one, else its kind's. */
export function featuresOf(provider: ProviderKind, preset?: ProviderPreset | null): ProviderFeatures {
  return provider === 'openai-compatible' && preset && Object.hasOwn(PRESET_FEATURES, preset)
    ? PRESET_FEATURES[preset]
    : PROVIDER_FEATURES[provider];
}
