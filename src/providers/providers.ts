import { createAnthropicAdapter } from './anthropic/anthropic-adapter.js';
import { createGeminiAdapter } from './gemini/gemini-adapter.js';
import type { AwsEnvironment } from './bedrock/bedrock-credentials.js';
import { createBedrockAdapter } from './bedrock/bedrock-adapter.js';
import type { UpstreamHttp } from './http.js';
import { createMockProvider } from './mock/mock-provider.js';
import { AZURE_OPENAI_ENDPOINT } from './openai/azure-endpoint.js';
import { createOpenAICompatibleAdapter } from './openai/openai-adapter.js';
import type { ProviderAdapter } from './provider.js';
import type { ProviderKind } from '../core/records/model.js';

/** The adapters by provider kind. */
export type ProviderAdapters = ReadonlyMap<ProviderKind, ProviderAdapter>;

/**
 * Every adapter, sharing one HTTP client (its keep-alive pools and endpoint policy). `env`: the
 * gateway's environment, where Bedrock finds the standard AWS variables (region, access keys) of
 * a model without a credential of its own.
 */
export function createProviderAdapters(http: UpstreamHttp, env: AwsEnvironment = {}): ProviderAdapters {
  const adapters: ProviderAdapter[] = [
    createOpenAICompatibleAdapter('openai', http),
    createOpenAICompatibleAdapter('openai-compatible', http),
    createOpenAICompatibleAdapter('dashscope', http),
    createOpenAICompatibleAdapter('qianfan', http),
    createOpenAICompatibleAdapter('azure-openai', http, AZURE_OPENAI_ENDPOINT),
    createAnthropicAdapter(http),
    createGeminiAdapter('gemini', http),
    createGeminiAdapter('vertex-ai', http),
    createBedrockAdapter(http, env),
    createMockProvider(),
  ];
  return new Map(adapters.map((adapter) => [adapter.kind, adapter]));
}
