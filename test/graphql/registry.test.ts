import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DisableModel,
  EnableModel,
  ModelQuery,
  ModelsQuery,
  RegisterModel,
  RetireModel,
  UpdateModel,
  CheckModelHealth,
} from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { fixtureJson, OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.dispose());

const mockInput = {
  id: 'mock-b',
  provider: 'MOCK' as const,
  contextWindow: 4096,
  pricing: { input: 0.5, output: 1.5 },
  defaults: { maxTokens: 256, temperature: 0.2 },
  mock: { tokens: 4, tokenDelayMs: 1 },
};

describe('registry over GraphQL', () => {
  it('should list the config models with their health', async () => {
    const { models } = expectData(await t.run(ModelsQuery));
    expect(models).toEqual([
      expect.objectContaining({
        id: 'mock-a',
        provider: 'MOCK',
        status: 'HEALTHY',
        source: 'CONFIG',
        pricing: { input: 1, output: 2 },
        circuit: { state: 'CLOSED' },
        lastHealthCheck: { ok: true, message: 'mock provider answers in-process' },
      }),
    ]);
    expect(models[0]?.defaults.maxTokens).toBe(2000);
  });

  it('should register a mock model, probe it and route it at once', async () => {
    const { registerModel } = expectData(await t.run(RegisterModel, { input: mockInput }));
    expect(registerModel.healthCheck).toMatchObject({ ok: true });
    expect(registerModel.model).toMatchObject({
      id: 'mock-b',
      status: 'HEALTHY',
      source: 'API',
      upstreamModel: 'mock-b',
      pricing: { input: 0.5, output: 1.5 },
      defaults: { maxTokens: 256 },
      capabilities: ['CHAT', 'STREAMING'],
    });
    expect(t.app.services.router.routable().map((m) => m.id)).toEqual(['mock-a', 'mock-b']);
    const { model } = expectData(await t.run(ModelQuery, { id: 'mock-b' }));
    expect(model).toMatchObject({ status: 'HEALTHY', mock: { tokens: 4, tokenDelayMs: 1 }, defaults: { temperature: 0.2 } });
  });

  it('should store prices as integer micro-USD per million tokens', async () => {
    expectData(await t.run(RegisterModel, { input: { ...mockInput, pricing: { input: 0.1234567, output: 30 } } }));
    const stored = t.app.services.models.find('mock-b');
    expect(stored?.inputPriceMicroUsd).toBe(123457);
    expect(stored?.outputPriceMicroUsd).toBe(30_000_000);
  });

  it('should mark a vendor model UNHEALTHY, naming the variable, when its key is not set', async () => {
    const { registerModel } = expectData(
      await t.run(RegisterModel, { input: { id: 'gpt-x', provider: 'OPENAI', upstreamModel: 'gpt-4o' } }),
    );
    expect(registerModel.healthCheck).toEqual({ ok: false, latencyMs: 0, message: 'OPENAI_API_KEY is not set' });
    expect(registerModel.model).toMatchObject({
      status: 'UNHEALTHY',
      baseUrl: 'https://api.openai.com/v1',
      apiKeyEnv: 'OPENAI_API_KEY',
      lastHealthCheck: { ok: false, message: 'OPENAI_API_KEY is not set' },
    });
    expect(t.app.services.router.routable().map((m) => m.id)).not.toContain('gpt-x');
  });

  it('should refuse invalid input naming every field, and store nothing', async () => {
    const error = expectError(
      await t.run(RegisterModel, {
        input: { id: 'bad model', provider: 'OPENAI_COMPATIBLE', pricing: { input: -1, output: 1 }, defaults: { topP: 2 } },
      }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'input.id: expected a model id: letters, digits and . _ : - in /-separated parts, each starting with a letter or digit (at most 100), or a wildcard prefix/* such as openai/*, got "bad model"; ' +
        'input.defaults.topP: expected a number > 0 and ≤ 1, got 2; ' +
        'input.pricing.input: expected a number ≥ 0, got -1; ' +
        "input.baseUrl: is required for provider openai-compatible: expected the server's API root, e.g. http://localhost:11434/v1, or a preset",
    );
    expect(error.extensions.fields).toEqual(['input.id', 'input.defaults.topP', 'input.pricing.input', 'input.baseUrl']);
    expect(expectData(await t.run(ModelsQuery)).models.map((m) => m.id)).toEqual(['mock-a']);
  });

  it('should refuse a private baseUrl when the config does not allow it', async () => {
    const error = expectError(
      await t.run(RegisterModel, { input: { id: 'local', provider: 'OPENAI_COMPATIBLE', baseUrl: 'http://127.0.0.1:11434/v1' } }),
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'input.baseUrl: 127.0.0.1:11434 is a loopback address; set security.allowPrivateEndpoints: true in the config to allow it',
    });
  });

  it('should refuse a duplicate id', async () => {
    const error = expectError(await t.run(RegisterModel, { input: { id: 'mock-a', provider: 'MOCK' } }));
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'input.id: a model "mock-a" already exists; use updateModel to change it',
    });
  });

  it('should update the fields given, clear the ones set to null and keep the rest', async () => {
    expectData(await t.run(RegisterModel, { input: { ...mockInput, version: '1' } }));
    const { updateModel } = expectData(
      await t.run(UpdateModel, { input: { id: 'mock-b', version: null, pricing: { input: 2, output: 3 } } }),
    );
    expect(updateModel.model).toMatchObject({
      version: null,
      pricing: { input: 2, output: 3 },
      defaults: { maxTokens: 256, temperature: 0.2 },
      mock: { tokens: 4 },
    });
    expect(updateModel.healthCheck).toBeNull();
    const probed = expectData(await t.run(UpdateModel, { input: { id: 'mock-b', mock: { tokens: 9 } } }));
    expect(probed.updateModel.healthCheck).toEqual({ ok: true });
  });

  it('should refuse an invalid update and leave the model as it was', async () => {
    const error = expectError(await t.run(UpdateModel, { input: { id: 'mock-a', defaults: { maxTokens: 0 } } }));
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'input.defaults.maxTokens: expected a whole number from 1 to 1000000, got 0',
    });
    const error2 = expectError(await t.run(UpdateModel, { input: { id: 'mock-a', baseUrl: 'http://10.0.0.1/v1' } }));
    expect(error2.message).toBe(
      'input.baseUrl: 10.0.0.1 is a private address; set security.allowPrivateEndpoints: true in the config to allow it',
    );
    const { model } = expectData(await t.run(ModelQuery, { id: 'mock-a' }));
    expect(model?.defaults.maxTokens).toBe(2000);
    expect(t.app.services.models.find('mock-a')?.baseUrl).toBeNull();
  });

  it('should disable, enable and retire a model, taking it out of routing', async () => {
    expect(expectData(await t.run(DisableModel, { id: 'mock-a' })).disableModel).toEqual({ id: 'mock-a', status: 'DISABLED' });
    expect(t.app.services.router.routable()).toHaveLength(0);
    const checked = expectData(await t.run(CheckModelHealth, { id: 'mock-a' })).checkModelHealth;
    expect(checked.model.status).toBe('DISABLED');
    expect(checked.healthCheck).toMatchObject({ ok: true });
    expect(expectData(await t.run(EnableModel, { id: 'mock-a' })).enableModel.model.status).toBe('HEALTHY');
    expect(t.app.services.router.routable()).toHaveLength(1);
    const retired = expectData(await t.run(RetireModel, { id: 'mock-a' })).retireModel;
    expect(retired.status).toBe('RETIRED');
    expect(retired.retiredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(t.app.services.router.routable()).toHaveLength(0);
    expect(expectData(await t.run(ModelsQuery)).models).toEqual([]);
    expect(expectData(await t.run(ModelsQuery, { filter: { includeRetired: true } })).models.map((m) => m.status)).toEqual(['RETIRED']);
    expect(expectError(await t.run(UpdateModel, { input: { id: 'mock-a', version: '2' } }))).toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      message: 'model "mock-a" is retired and cannot be changed',
    });
    expect(expectError(await t.run(EnableModel, { id: 'mock-a' })).code).toBe('MODEL_UNAVAILABLE');
    expect(expectError(await t.run(RegisterModel, { input: { id: 'mock-a', provider: 'MOCK' } })).message).toContain(
      'it was retired; retired ids are kept for their history and not reused',
    );
  });

  it('should filter models by status and provider', async () => {
    expectData(await t.run(RegisterModel, { input: { id: 'claude-x', provider: 'ANTHROPIC' } }));
    expect(expectData(await t.run(ModelsQuery, { filter: { status: ['UNHEALTHY'] } })).models.map((m) => m.id)).toEqual(['claude-x']);
    expect(expectData(await t.run(ModelsQuery, { filter: { provider: ['MOCK'] } })).models.map((m) => m.id)).toEqual(['mock-a']);
  });

  it('should answer NOT_FOUND for an unknown model and null from model(id)', async () => {
    expect(expectData(await t.run(ModelQuery, { id: 'ghost' })).model).toBeNull();
    expect(expectError(await t.run(DisableModel, { id: 'ghost' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'model "ghost" does not exist',
    });
  });
});

describe('health probes at start', () => {
  it('should probe the models in service in parallel, each recorded', async () => {
    const fake = await startOpenAIFake();
    fake.respond('GET /v1/models', { type: 'json', delayMs: 150, body: fixtureJson('openai/models.json') });
    const ids = ['gpt-a', 'gpt-b', 'gpt-c', 'gpt-d'];
    const app = await startTestApp({
      env: { OPENAI_API_KEY: OPENAI_TEST_KEY },
      file: {
        security: { allowPrivateEndpoints: true },
        models: ids.map((id) => ({ id, provider: 'openai', upstreamModel: 'gpt-4', baseUrl: `${fake.url}/v1` })),
      },
    });
    try {
      expect(fake.calls.filter((c) => c.path === '/v1/models')).toHaveLength(4);
      expect(fake.peakConcurrency).toBe(4);
      const { models } = expectData(await app.run(ModelsQuery));
      expect(models.filter((m) => ids.includes(m.id)).map((m) => m.status)).toEqual(['HEALTHY', 'HEALTHY', 'HEALTHY', 'HEALTHY']);
    } finally {
      await app.dispose();
      await fake.dispose();
    }
  });
});
