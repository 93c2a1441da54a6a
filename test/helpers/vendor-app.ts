import type { AppOptions } from '../../src/app.js';
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
  dispose(): Promise<void>;
}

/**
 * An app with a mock model, `gpt-test` (OpenAI format), `claude-test` (Anthropic format) and
 * `gemini-test` (Gemini format), the vendor models pointing at loopback fakes, their keys in the
 * app's environment.
 */
export async function startVendorApp(
  env: Record<string, string> = {},
  routing: Record<string, unknown> = { retry: { attempts: 1 } },
  overrides?: AppOptions,
): Promise<VendorApp> {
  const openai = await startOpenAIFake();
  const anthropic = await startAnthropicFake();
  const gemini = await startGoogleFake('gemini');
  const t = await startTestApp({
    ...(overrides ? { overrides } : {}),
    // DashScope and Qianfan speak the OpenAI format: their models point at the OpenAI fake with its key.
    env: {
      OPENAI_API_KEY: OPENAI_TEST_KEY,
      ANTHROPIC_API_KEY: ANTHROPIC_TEST_KEY,
      GEMINI_API_KEY: GEMINI_TEST_KEY,
      DASHSCOPE_API_KEY: OPENAI_TEST_KEY,
      QIANFAN_API_KEY: OPENAI_TEST_KEY,
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
      ],
    },
  });
  return {
    t,
    openai,
    anthropic,
    gemini,
    async dispose() {
      await t.dispose();
      await Promise.all([openai.dispose(), anthropic.dispose(), gemini.dispose()]);
    },
  };
}
