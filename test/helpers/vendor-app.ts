import type { AppOptions } from '../../src/app.js';
import { BEDROCK_TEST_KEYS, BEDROCK_TEST_REGION, type BedrockFake, startBedrockFake } from '../fakes/bedrock-fake.js';
import { AZURE_API_VERSION, AZURE_TEST_KEY, startAzureOpenAIFake } from '../fakes/azure-openai.js';
import type { FakeUpstream } from '../fakes/fake-upstream.js';
import { GEMINI_TEST_KEY, GEMINI_TEST_MODEL, startGoogleFake } from '../fakes/gemini-fake.js';
import { ANTHROPIC_TEST_KEY, OPENAI_TEST_KEY, startAnthropicFake, startOpenAIFake } from '../fakes/vendors.js';
import { startTestApp, type TestApp } from './test-app.js';
import { MOCK_MODEL } from './test-config.js';

/** The origin a vendor app lets call it from a browser (security.allowedOrigins). */
export const ALLOWED_TEST_ORIGIN = 'http://elsewhere.example';

export interface VendorApp {
  readonly t: TestApp;
  readonly openai: FakeUpstream;
  readonly anthropic: FakeUpstream;
  readonly gemini: FakeUpstream;
  readonly bedrock: BedrockFake;
  readonly azure: FakeUpstream;
  dispose(): Promise<void>;
}

/**
 * An app with a mock model, `gpt-test` (OpenAI format), `claude-test` (Anthropic format),
 * `gemini-test` (Gemini format), `bedrock-test` (Bedrock's Converse, signed with the AWS keys of
 * the app's environment) and `azure-test` (an Azure OpenAI deployment, classic URL form), the vendor
 * models pointing at loopback fakes, their keys in the app's environment; and the wildcard
 * `openai/*` (any OpenAI model name, e.g. `openai/gpt-4o-mini`; its probe asks for gpt-4o-mini).
 */
export async function startVendorApp(
  env: Record<string, string> = {},
  routing: Record<string, unknown> = { retry: { attempts: 1 } },
  overrides?: AppOptions,
  /** More top-level config sections (e.g. `budgets`). */
  file: Record<string, unknown> = {},
): Promise<VendorApp> {
  const openai = await startOpenAIFake();
  const anthropic = await startAnthropicFake();
  const gemini = await startGoogleFake('gemini');
  const bedrock = await startBedrockFake();
  const azure = await startAzureOpenAIFake();
  const t = await startTestApp({
    ...(overrides ? { overrides } : {}),
    // DashScope and Qianfan speak the OpenAI format: their models point at the OpenAI fake with its key.
    env: {
      OPENAI_API_KEY: OPENAI_TEST_KEY,
      ANTHROPIC_API_KEY: ANTHROPIC_TEST_KEY,
      GEMINI_API_KEY: GEMINI_TEST_KEY,
      DASHSCOPE_API_KEY: OPENAI_TEST_KEY,
      QIANFAN_API_KEY: OPENAI_TEST_KEY,
      AWS_ACCESS_KEY_ID: BEDROCK_TEST_KEYS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: BEDROCK_TEST_KEYS.secretAccessKey,
      AZURE_OPENAI_API_KEY: AZURE_TEST_KEY,
      ...env,
    },
    file: {
      // UNSET_*: variables the tests name for a vendor model whose key is missing.
      // elsewhere.example: a browser app on another origin that the operator allowed (CORS).
      security: { allowPrivateEndpoints: true, apiKeyEnvAllowed: ['UNSET_*'], allowedOrigins: [ALLOWED_TEST_ORIGIN] },
      // One attempt by default, so a test of a vendor error sees that error; resilience tests pass their own.
      routing,
      defaultModel: 'mock-a',
      models: [
        MOCK_MODEL,
        { id: 'gpt-test', provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${openai.url}/v1`, pricing: { input: 30, output: 60 } },
        {
          id: 'claude-test',
          provider: 'anthropic',
          upstreamModel: 'claude-3-haiku-20240307',
          baseUrl: anthropic.url,
          pricing: { input: 0.25, output: 1.25 },
        },
        {
          id: 'gemini-test',
          provider: 'gemini',
          upstreamModel: GEMINI_TEST_MODEL,
          baseUrl: `${gemini.url}/v1beta`,
          pricing: { input: 0.3, output: 2.5, cachedInput: 0.03 },
        },
        {
          id: 'bedrock-test',
          provider: 'bedrock',
          upstreamModel: 'us.anthropic.claude-sonnet-4-20250514-v1:0',
          region: BEDROCK_TEST_REGION,
          baseUrl: bedrock.url,
          pricing: { input: 3, output: 15 },
        },
        {
          id: 'azure-test',
          provider: 'azure-openai',
          upstreamModel: 'gpt-4o',
          baseUrl: azure.url,
          deployment: 'gpt-4o-prod',
          apiVersion: AZURE_API_VERSION,
          pricing: { input: 2.5, output: 10 },
        },
        { id: 'openai/*', provider: 'openai', upstreamModel: 'gpt-4o-mini', baseUrl: `${openai.url}/v1` },
      ],
      ...file,
    },
  });
  return {
    t,
    openai,
    anthropic,
    gemini,
    bedrock,
    azure,
    async dispose() {
      await t.dispose();
      await Promise.all([openai.dispose(), anthropic.dispose(), gemini.dispose(), bedrock.dispose(), azure.dispose()]);
    },
  };
}
