import { afterEach, describe, expect, it } from 'vitest';
import { RegisterModel, UpdateModel } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import type { FakeUpstream } from '../fakes/fake-upstream.js';
import { testConfig } from '../helpers/test-config.js';
import type { ConfigError } from '../../src/config/config.js';

let t: TestApp | undefined;
let fake: FakeUpstream | undefined;
afterEach(async () => {
  await t?.dispose();
  await fake?.dispose();
  t = fake = undefined;
});

const ADMIN = 'the-bootstrap-admin-key-0123';

describe('apiKeyEnv names only variables the operator allows', () => {
  it('should refuse SWITCHYARD_* and variables nobody allowed, naming the field, and change nothing', async () => {
    fake = await startOpenAIFake();
    t = await startTestApp({
      env: { SWITCHYARD_ADMIN_KEY: ADMIN, STRIPE_API_KEY: 'sk_live_secret' },
      file: { security: { allowPrivateEndpoints: true }, models: [] },
    });
    const register = (apiKeyEnv: string) =>
      t!.run(RegisterModel, { input: { id: 'harvest', provider: 'OPENAI_COMPATIBLE', baseUrl: `${fake!.url}/v1`, apiKeyEnv } }, ADMIN);
    expect(expectError(await register('SWITCHYARD_ADMIN_KEY'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: "input.apiKeyEnv: SWITCHYARD_ADMIN_KEY is one of the gateway's own variables (SWITCHYARD_*), never a vendor key",
    });
    expect(expectError(await register('STRIPE_API_KEY')).message).toBe(
      'input.apiKeyEnv: STRIPE_API_KEY is not an allowed key variable: expected OPENAI_API_KEY, ANTHROPIC_API_KEY, DASHSCOPE_API_KEY, QIANFAN_API_KEY, GEMINI_API_KEY, VERTEX_AI_ACCESS_TOKEN, AZURE_OPENAI_API_KEY, MISTRAL_API_KEY, GROQ_API_KEY, DEEPSEEK_API_KEY, TOGETHER_API_KEY, FIREWORKS_API_KEY, XAI_API_KEY, OPENROUTER_API_KEY, a name used by a model of the config file, or one allowed by security.apiKeyEnvAllowed',
    );
    expect(t.app.services.models.find('harvest')).toBeUndefined();
    expect(fake.calls).toHaveLength(0);
    expectData(
      await t.run(
        RegisterModel,
        { input: { id: 'plain', provider: 'OPENAI_COMPATIBLE', baseUrl: `${fake.url}/v1`, upstreamModel: 'gpt-4o-mini' } },
        ADMIN,
      ),
    );
    expect(expectError(await t.run(UpdateModel, { input: { id: 'plain', apiKeyEnv: 'SWITCHYARD_ADMIN_KEY' } }, ADMIN)).message).toContain(
      'SWITCHYARD_ADMIN_KEY is one of the gateway',
    );
    expect(t.app.services.models.find('plain')?.apiKeyEnv).toBeNull();
  });

  it('should accept a provider’s own variable and one the config allows by prefix, and send that key', async () => {
    fake = await startOpenAIFake();
    t = await startTestApp({
      env: { VENDOR_KEY_OPENAI: OPENAI_TEST_KEY },
      file: { security: { allowPrivateEndpoints: true, apiKeyEnvAllowed: ['VENDOR_KEY_*'] }, models: [] },
    });
    const { registerModel } = expectData(
      await t.run(RegisterModel, {
        input: {
          id: 'allowed',
          provider: 'OPENAI',
          upstreamModel: 'gpt-4o-mini',
          baseUrl: `${fake.url}/v1`,
          apiKeyEnv: 'VENDOR_KEY_OPENAI',
        },
      }),
    );
    expect(registerModel.model.status).toBe('HEALTHY');
    expect(fake.calls[0]?.headers.authorization).toBe(`Bearer ${OPENAI_TEST_KEY}`);
  });

  it('should never read a refused variable for a model stored before the rule (no key is sent)', async () => {
    fake = await startOpenAIFake();
    t = await startTestApp({ env: { SWITCHYARD_ADMIN_KEY: ADMIN }, file: { security: { allowPrivateEndpoints: true }, models: [] } });
    expectData(
      await t.run(
        RegisterModel,
        { input: { id: 'old', provider: 'OPENAI_COMPATIBLE', baseUrl: `${fake.url}/v1`, upstreamModel: 'gpt-4o-mini' } },
        ADMIN,
      ),
    );
    // As an older version could have stored it: straight into the database and the routing table.
    const em = t.app.services.orm.em.fork();
    await em.getConnection().execute(`update models set api_key_env = 'SWITCHYARD_ADMIN_KEY' where id = 'old'`);
    const checked = await t.app.services.models.checkHealth('old');
    expect(checked.healthCheck?.message).toBe(
      "SWITCHYARD_ADMIN_KEY is one of the gateway's own variables (SWITCHYARD_*), never a vendor key",
    );
    expect(fake.calls.every((call) => call.headers.authorization === undefined)).toBe(true);
  });

  it('should refuse the config file naming a gateway variable, or allowing SWITCHYARD_*', () => {
    const problems = (file: Record<string, unknown>) => {
      try {
        testConfig({ file });
        return [];
      } catch (error) {
        return (error as ConfigError).lines;
      }
    };
    expect(problems({ models: [{ id: 'g', provider: 'openai', apiKeyEnv: 'SWITCHYARD_ADMIN_KEY' }] })).toEqual([
      "test.config.yml: models[0].apiKeyEnv: SWITCHYARD_ADMIN_KEY is one of the gateway's own variables (SWITCHYARD_*), never a vendor key",
    ]);
    expect(problems({ security: { apiKeyEnvAllowed: ['SWITCHYARD_*', '*'] } })).toEqual([
      "test.config.yml: security.apiKeyEnvAllowed[0]: expected a variable outside SWITCHYARD_* (the gateway's own variables are never vendor keys)",
      'test.config.yml: security.apiKeyEnvAllowed[1]: expected a variable name or a prefix ending in *, e.g. TOGETHER_API_KEY or VENDOR_KEY_*, got "*"',
    ]);
    expect(
      testConfig({
        file: {
          models: [{ id: 't', provider: 'openai-compatible', baseUrl: 'https://api.together.xyz/v1', apiKeyEnv: 'TOGETHER_API_KEY' }],
        },
      }).security.apiKeyEnvAllowed,
    ).toEqual(['TOGETHER_API_KEY']);
  });
});
