import type { ProviderKind, ProviderPreset } from '../../core/records/model.js';

/**
 * How one provider kind's Chat Completions body differs from OpenAI's: the kinds that share this
 * adapter take OpenAI's shapes, but not every field or value of them. Only what a vendor
 * documents is different here; what a given model refuses is the vendor's 400, passed on.
 */
export interface OpenAIDialect {
  /** The role a `developer` message is sent as: OpenAI's own, else `system` (most servers do not know the role). */
  readonly developerRole: 'developer' | 'system';
  /** The field the answer's token limit is sent in. */
  readonly tokenLimit: 'max_tokens' | 'max_completion_tokens';
  /** `reasoning.effort` sent as `reasoning_effort`. */
  readonly reasoningEffort: boolean;
  /** Reasoning asked for turns `enable_thinking` on; `reasoning.budgetTokens` is sent as `thinking_budget`. */
  readonly thinkingSwitch: boolean;
  /** An image part's `detail` is sent (OpenAI's fidelity hint, no field elsewhere). */
  readonly imageDetail: boolean;
  /** A tool's `strict` is sent (OpenAI's structured outputs). */
  readonly toolStrict: boolean;
  /** A user message made only of text parts is sent as one string. */
  readonly flattenText: boolean;
  /** Base64 audio is sent as a `data:;base64,` URL rather than bare. */
  readonly audioDataUrl: boolean;
}

const OPENAI: OpenAIDialect = {
  developerRole: 'developer',
  // max_tokens "is now deprecated in favor of max_completion_tokens, and is not compatible with o-series
  // models"; max_completion_tokens is taken by every chat model and bounds visible and reasoning tokens.
  // @see https://platform.openai.com/docs/api-reference/chat/create#chat-create-max_completion_tokens
  tokenLimit: 'max_completion_tokens',
  reasoningEffort: true,
  thinkingSwitch: false,
  imageDetail: true,
  toolStrict: true,
  flattenText: false,
  audioDataUrl: false,
};

export const OPENAI_DIALECTS: Readonly<
  Record<Exclude<ProviderKind, 'anthropic' | 'mock' | 'gemini' | 'vertex-ai' | 'bedrock'>, OpenAIDialect>
> = {
  openai: OPENAI,
  /**
   * Azure OpenAI serves OpenAI's own models with OpenAI's shapes: `max_completion_tokens` (required
   * by its o-series deployments), the `developer` role, `reasoning_effort`, `strict` tools.
   * @see https://learn.microsoft.com/en-us/azure/ai-foundry/openai/reference
   * @see https://learn.microsoft.com/en-us/azure/ai-foundry/openai/how-to/reasoning
   */
  'azure-openai': OPENAI,
  // Ollama, vLLM, LM Studio, TGI … still read max_tokens (several ignore max_completion_tokens) and
  // take reasoning_effort (vLLM and Ollama pass it to thinking models); `developer` is OpenAI's alone.
  'openai-compatible': { ...OPENAI, developerRole: 'system', tokenLimit: 'max_tokens' },
  /**
   * Model Studio's compatible mode: thinking is `enable_thinking` with `thinking_budget`
   * ("Use thinking_budget to cap the number of thinking tokens … Chat Completions and DashScope");
   * the token limit moved to max_completion_tokens ("The legacy parameter max_tokens will remain
   * compatible for a short transition period and will be deprecated before May 30, 2026"); base64
   * audio for Qwen-Omni goes as a data URL (`data:;base64,…`).
   * @see https://docs.qwencloud.com/developer-guides/text-generation/thinking
   * @see https://www.alibabacloud.com/en/notice/model_studio_notice_of_changes_to_certain_model_fields_724
   * @see https://www.alibabacloud.com/help/en/model-studio/qwen-omni
   * @see https://www.alibabacloud.com/help/en/model-studio/qwen-api-via-openai-chat-completions
   */
  dashscope: {
    developerRole: 'system',
    tokenLimit: 'max_completion_tokens',
    reasoningEffort: false,
    thinkingSwitch: true,
    imageDetail: false,
    toolStrict: false,
    flattenText: true,
    audioDataUrl: true,
  },
  /**
   * Qianfan's v2 chat: roles user, assistant, system and tool; `content` a string; `max_tokens`;
   * `enable_thinking` (default false) with `thinking_budget` and `reasoning_effort` (low, medium, high).
   * @see https://cloud.baidu.com/doc/qianfan-api/s/3m7of64lb
   */
  qianfan: {
    developerRole: 'system',
    tokenLimit: 'max_tokens',
    reasoningEffort: true,
    thinkingSwitch: true,
    imageDetail: false,
    toolStrict: false,
    flattenText: true,
    audioDataUrl: false,
  },
};

/** What every host below shares: OpenAI's shapes with `max_tokens`, and no `developer` role or tool `strict` unless documented. */
const COMPATIBLE: OpenAIDialect = { ...OPENAI, developerRole: 'system', tokenLimit: 'max_tokens', toolStrict: false, imageDetail: false };

/**
 * The dialect of each `preset:` of the `openai-compatible` kind: only what the host documents
 * differs from COMPATIBLE. (Whether a host takes images, tools or JSON schema at all is its
 * features, PRESET_FEATURES, refused before sending.) What real clients send each host agrees:
 * the AI SDK's Mistral provider sends `max_tokens`, tool `strict`, `reasoning_effort` and no
 * `stream_options`; its DeepSeek provider `stream_options`, `reasoning_effort` and reads
 * `reasoning_content` and `prompt_cache_hit_tokens`; its Groq provider reads `delta.reasoning`.
 * @see https://github.com/vercel/ai/blob/main/packages/mistral/src/mistral-chat-language-model.ts
 * @see https://github.com/vercel/ai/blob/main/packages/deepseek/src/chat/deepseek-chat-language-model.ts
 * @see https://github.com/vercel/ai/blob/main/packages/groq/src/groq-chat-language-model.ts
 * @see https://github.com/groq/groq-python/pull/175 (max_completion_tokens)
 */
export const PRESET_DIALECTS: Readonly<Record<ProviderPreset, OpenAIDialect>> = {
  /**
   * Mistral refuses any field it does not define (422 `extra_forbidden`): `max_completion_tokens`
   * is one, so `max_tokens`; roles are system, user, assistant and tool; `strict` is a field of its
   * function definitions; `reasoning_effort` is taken by its adjustable-reasoning models.
   * @see https://docs.mistral.ai/api/#tag/chat/operation/chat_completion_v1_chat_completions_post
   * @see https://docs.mistral.ai/capabilities/reasoning/
   */
  mistral: { ...COMPATIBLE, toolStrict: true },
  /**
   * Groq: `max_completion_tokens` (its `max_tokens` is the deprecated alias), `reasoning_effort` for
   * its reasoning models; `logprobs`, `logit_bias`, `top_logprobs` and `messages[].name` are 400s
   * (none is sent).
   * @see https://console.groq.com/docs/openai
   * @see https://console.groq.com/docs/api-reference#chat-create
   * @see https://console.groq.com/docs/reasoning
   */
  groq: { ...COMPATIBLE, tokenLimit: 'max_completion_tokens' },
  /**
   * DeepSeek: `max_tokens`; thinking streamed as `reasoning_content` and refused when sent back (the
   * adapter never sends it); `reasoning_effort` with its thinking mode; tool `strict` only on its
   * beta endpoint.
   * @see https://api-docs.deepseek.com/api/create-chat-completion
   * @see https://api-docs.deepseek.com/guides/reasoning_model
   */
  deepseek: COMPATIBLE,
  /** @see https://docs.together.ai/reference/chat-completions-1 */
  together: COMPATIBLE,
  /** Fireworks: `reasoning_effort` for its reasoning models, reasoning streamed as `reasoning_content`. @see https://docs.fireworks.ai/guides/reasoning */
  fireworks: COMPATIBLE,
  /**
   * xAI: `max_completion_tokens`; `reasoning_effort` (grok-3-mini; other models refuse it: the
   * vendor's 400); image parts take `detail`.
   * @see https://docs.x.ai/docs/api-reference#chat-completions
   * @see https://docs.x.ai/docs/guides/reasoning
   */
  xai: { ...COMPATIBLE, tokenLimit: 'max_completion_tokens', imageDetail: true },
  /**
   * OpenRouter normalizes OpenAI's body for every model it routes to: `max_tokens`,
   * `reasoning_effort` ("equivalent to setting reasoning.effort"); reasoning streamed as `delta.reasoning`.
   * @see https://openrouter.ai/docs/api-reference/overview
   * @see https://openrouter.ai/docs/use-cases/reasoning-tokens
   */
  openrouter: COMPATIBLE,
  /**
   * Ollama's supported request fields: `max_tokens` (no `max_completion_tokens`), `stream_options`
   * with `include_usage`, `reasoning_effort`, images by base64 or URL, `tools`, `response_format`.
   * @see https://docs.ollama.com/api/openai-compatibility
   */
  ollama: COMPATIBLE,
  /** vLLM: OpenAI's sampling fields plus its own; `max_tokens`; reasoning as `reasoning_content`. @see https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html */
  vllm: COMPATIBLE,
  /** @see https://lmstudio.ai/docs/app/api/endpoints/openai */
  lmstudio: COMPATIBLE,
};

/**
 * The dialect of a kind this adapter serves, or of the host an `openai-compatible` model names as
 * its preset (OpenAI's own for any other kind).
 */
export function dialectOf(kind: ProviderKind, preset?: ProviderPreset): OpenAIDialect {
  if (kind === 'openai-compatible' && preset && Object.hasOwn(PRESET_DIALECTS, preset)) return PRESET_DIALECTS[preset];
  return kind in OPENAI_DIALECTS ? OPENAI_DIALECTS[kind as keyof typeof OPENAI_DIALECTS] : OPENAI;
}
