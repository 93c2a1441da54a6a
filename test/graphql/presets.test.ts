import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatGenerate } from '../helpers/chat-documents.js';
import { ModelsQuery } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL } from '../helpers/test-config.js';

/** What a preset fills in a model's record, and what its host does not carry refused before sending. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    env: {},
    file: {
      security: { allowPrivateEndpoints: true },
      defaultModel: 'mock-a',
      models: [
        MOCK_MODEL,
        { id: 'mistral-small', provider: 'openai-compatible', preset: 'mistral', upstreamModel: 'mistral-small-latest' },
        { id: 'llama-local', provider: 'openai-compatible', preset: 'ollama', upstreamModel: 'llama3.2' },
        { id: 'vllm-own', provider: 'openai-compatible', preset: 'vllm', baseUrl: 'http://10.0.0.7:9000/v1', apiKeyEnv: 'MISTRAL_API_KEY' },
        { id: 'deepseek-chat', provider: 'openai-compatible', preset: 'deepseek' },
        { id: 'mistral-usage', provider: 'openai-compatible', preset: 'mistral', quirks: { streamUsage: true } },
      ],
    },
  });
});
afterAll(async () => {
  await t.dispose();
});

describe('presets', () => {
  it("should fill the base URL, the key variable and the streamUsage default from the preset, the model's own winning", async () => {
    const { models } = expectData(await t.run(ModelsQuery, {}));
    const view = (id: string) => {
      const m = models.find((model) => model.id === id);
      return m && { baseUrl: m.baseUrl, apiKeyEnv: m.apiKeyEnv };
    };
    expect(view('mistral-small')).toEqual({ baseUrl: 'https://api.mistral.ai/v1', apiKeyEnv: 'MISTRAL_API_KEY' });
    expect(view('llama-local')).toEqual({ baseUrl: 'http://localhost:11434/v1', apiKeyEnv: null });
    expect(view('vllm-own')).toEqual({ baseUrl: 'http://10.0.0.7:9000/v1', apiKeyEnv: 'MISTRAL_API_KEY' });
    const record = (id: string) => t.app.services.models.find(id);
    expect(record('mistral-small')).toMatchObject({ preset: 'mistral', streamUsage: false });
    expect(record('mistral-usage')).toMatchObject({ streamUsage: true });
    expect(record('llama-local')).toMatchObject({ preset: 'ollama', streamUsage: true });
  });

  it('should refuse what the host does not carry before sending, naming the preset', async () => {
    const error = expectError(
      await t.run(ChatGenerate, {
        input: { model: 'deepseek-chat', messages: [{ role: 'USER', parts: [{ imageUrl: { url: 'https://example.com/a.png' } }] }] },
      }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'input.messages[0].parts[0]: model deepseek-chat (provider openai-compatible, preset deepseek) does not take image parts; choose a model whose provider does, or leave it out',
    );
  });
});
