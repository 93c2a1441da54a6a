import type { ProviderKind } from '../../core/records/model.js';

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
  // Azure OpenAI serves OpenAI's own models with OpenAI's shapes.
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

/** The dialect of a kind this adapter serves (OpenAI's own for any other). */
export function dialectOf(kind: ProviderKind): OpenAIDialect {
  return kind in OPENAI_DIALECTS ? OPENAI_DIALECTS[kind as keyof typeof OPENAI_DIALECTS] : OPENAI;
}
