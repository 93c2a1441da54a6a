import type { ProviderPreset } from './model.js';

/**
 * What a `preset:` fills in for an `openai-compatible` model that leaves it out (SPEC §16): the
 * host's API root (the OpenAI SDK's `baseURL` convention, the adapter adding `/chat/completions`),
 * the variable holding its key, and whether streams ask for usage. The body's differences are the
 * preset's dialect (src/providers/openai/openai-dialect.ts), what it carries its features
 * (PRESET_FEATURES in provider-kinds.ts).
 */
export interface ProviderPresetDefaults {
  /** The host's name, as messages and the README give it. */
  readonly label: string;
  readonly baseUrl: string;
  /** Undefined: a local server that checks no key. */
  readonly apiKeyEnv?: string;
  /**
   * A server on the operator's own machine: its default address is loopback, so the model needs
   * `security.allowPrivateEndpoints: true` (or a `baseUrl` of its own).
   */
  readonly local: boolean;
  /** The `quirks.streamUsage` default: false where the host refuses `stream_options`. */
  readonly streamUsage: boolean;
  /** The host's own documentation of its OpenAI-compatible API. */
  readonly docs: string;
}

export const PROVIDER_PRESET_DEFAULTS: Readonly<Record<ProviderPreset, ProviderPresetDefaults>> = {
  /**
   * Mistral's API validates bodies strictly (422 `extra_forbidden` for any field it does not
   * define): `stream_options` and `max_completion_tokens` are among them; the last chunk carries
   * usage without being asked.
   * @see https://docs.mistral.ai/api/#tag/chat/operation/chat_completion_v1_chat_completions_post
   * @see https://github.com/mistralai/platform-docs-public/issues/7
   */
  mistral: {
    label: 'Mistral',
    baseUrl: 'https://api.mistral.ai/v1',
    apiKeyEnv: 'MISTRAL_API_KEY',
    local: false,
    streamUsage: false,
    docs: 'https://docs.mistral.ai/api/',
  },
  /** @see https://console.groq.com/docs/openai */
  groq: {
    label: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    apiKeyEnv: 'GROQ_API_KEY',
    local: false,
    streamUsage: true,
    docs: 'https://console.groq.com/docs/openai',
  },
  /**
   * "You can also use https://api.deepseek.com/v1 as the base_url … the v1 here has NO relationship
   * with the model's version": the documented root has no /v1.
   * @see https://api-docs.deepseek.com/
   */
  deepseek: {
    label: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com',
    apiKeyEnv: 'DEEPSEEK_API_KEY',
    local: false,
    streamUsage: true,
    docs: 'https://api-docs.deepseek.com/api/create-chat-completion',
  },
  /** @see https://docs.together.ai/docs/openai-api-compatibility */
  together: {
    label: 'Together AI',
    baseUrl: 'https://api.together.xyz/v1',
    apiKeyEnv: 'TOGETHER_API_KEY',
    local: false,
    streamUsage: true,
    docs: 'https://docs.together.ai/docs/openai-api-compatibility',
  },
  /** @see https://docs.fireworks.ai/tools-sdks/openai-compatibility */
  fireworks: {
    label: 'Fireworks AI',
    baseUrl: 'https://api.fireworks.ai/inference/v1',
    apiKeyEnv: 'FIREWORKS_API_KEY',
    local: false,
    streamUsage: true,
    docs: 'https://docs.fireworks.ai/tools-sdks/openai-compatibility',
  },
  /** @see https://docs.x.ai/docs/api-reference#chat-completions */
  xai: {
    label: 'xAI',
    baseUrl: 'https://api.x.ai/v1',
    apiKeyEnv: 'XAI_API_KEY',
    local: false,
    streamUsage: true,
    docs: 'https://docs.x.ai/docs/api-reference#chat-completions',
  },
  /**
   * The optional attribution headers (`HTTP-Referer`, `X-Title`) are not sent: they would tell
   * OpenRouter which application the operator runs, which is theirs to decide.
   * @see https://openrouter.ai/docs/api-reference/overview
   */
  openrouter: {
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    apiKeyEnv: 'OPENROUTER_API_KEY',
    local: false,
    streamUsage: true,
    docs: 'https://openrouter.ai/docs/api-reference/overview',
  },
  /** "The client requires an API key value, but Ollama ignores it." @see https://docs.ollama.com/api/openai-compatibility */
  ollama: {
    label: 'Ollama',
    baseUrl: 'http://localhost:11434/v1',
    local: true,
    streamUsage: true,
    docs: 'https://docs.ollama.com/api/openai-compatibility',
  },
  /** @see https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html */
  vllm: {
    label: 'vLLM',
    baseUrl: 'http://localhost:8000/v1',
    local: true,
    streamUsage: true,
    docs: 'https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html',
  },
  /**
   * LM Studio sends no usage in streams and has `stream_options` as an open feature request; it is
   * not sent (usage is estimated).
   * @see https://lmstudio.ai/docs/app/api/endpoints/openai
   * @see https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/713
   * @see https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/676
   */
  lmstudio: {
    label: 'LM Studio',
    baseUrl: 'http://localhost:1234/v1',
    local: true,
    streamUsage: false,
    docs: 'https://lmstudio.ai/docs/app/api/endpoints/openai',
  },
};

/** The preset's defaults, or undefined for a model without one (or a value no longer known). */
export function presetDefaults(preset: string | null | undefined): ProviderPresetDefaults | undefined {
  return preset && Object.hasOwn(PROVIDER_PRESET_DEFAULTS, preset) ? PROVIDER_PRESET_DEFAULTS[preset as ProviderPreset] : undefined;
}
