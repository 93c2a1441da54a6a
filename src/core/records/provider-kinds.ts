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
  mock: { requiresBaseUrl: false },
};
