import { describe, expect, it } from 'vitest';
import { NO_USAGE } from '../../src/core/chat/stream-part.js';
import type { UpstreamError } from '../../src/core/errors.js';
import { AZURE_OPENAI_ENDPOINT } from '../../src/providers/openai/azure-endpoint.js';
import { createOpenAICompatibleAdapter } from '../../src/providers/openai/openai-adapter.js';
import type { UpstreamTarget } from '../../src/providers/provider.js';
import { AZURE_API_VERSION, AZURE_TEST_KEY, AZURE_TEST_TOKEN, startAzureOpenAIFake } from '../fakes/azure-openai.js';
import { fixture, fixtureJson } from '../fakes/vendors.js';
import { collect, HELLO, loopbackHttp, signal, targetFor, textOf, track } from './helpers.js';

async function setup(extra: Partial<UpstreamTarget> = {}) {
  const fake = track(await startAzureOpenAIFake());
  const adapter = createOpenAICompatibleAdapter('azure-openai', loopbackHttp(), AZURE_OPENAI_ENDPOINT);
  const target = targetFor(fake, {
    baseUrl: fake.url,
    upstreamModel: 'gpt-4o',
    apiKey: AZURE_TEST_KEY,
    deployment: 'gpt-4o-prod',
    apiVersion: AZURE_API_VERSION,
    ...extra,
  });
  return { fake, adapter, target };
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined).catch((e: unknown) => e as UpstreamError);

describe('azure-openai adapter', () => {
  it('should call the deployment URL with api-version and the key in api-key (the classic form)', async () => {
    const { fake, adapter, target } = await setup();
    await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    const call = fake.calls[0];
    expect(call?.path).toBe('/openai/deployments/gpt-4o-prod/chat/completions');
    expect(call?.query).toBe(`api-version=${AZURE_API_VERSION}`);
    expect(call?.headers['api-key']).toBe(AZURE_TEST_KEY);
    expect(call?.headers.authorization).toBeUndefined();
    expect(call?.body).toMatchObject({
      model: 'gpt-4o-prod',
      max_completion_tokens: 50,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('should read Azure stream shapes: a prompt-filter chunk with no choices first, filter results on each choice', async () => {
    const { adapter, target } = await setup();
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    // The start names the model of the first real chunk, not the prompt-filter chunk's empty one.
    expect(parts[0]).toEqual({ type: 'start', upstreamModel: 'gpt-4o-2024-11-20' });
    expect(textOf(parts)).toBe('Hello from Azure!');
    expect(parts.at(-1)).toEqual({ type: 'finish', finishReason: 'stop', usage: { ...NO_USAGE, inputTokens: 14, outputTokens: 4 } });
  });

  it('should use the /openai/v1 form without apiVersion, naming the deployment as the model', async () => {
    const { fake, adapter, target } = await setup({ apiVersion: undefined, baseUrl: undefined });
    const v1 = { ...target, baseUrl: `${fake.url}/openai/v1/` }; // a pasted v1 root is tolerated
    expect(textOf(await collect(await adapter.stream(HELLO, v1, { signal: signal() })))).toBe('Hello from Azure!');
    expect(fake.calls[0]).toMatchObject({ path: '/openai/v1/chat/completions', query: '', body: { model: 'gpt-4o-prod' } });
  });

  it('should send a Microsoft Entra ID token (a JWT) as a bearer token instead of api-key', async () => {
    const { fake, adapter, target } = await setup({ apiKey: AZURE_TEST_TOKEN });
    await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(fake.calls[0]?.headers.authorization).toBe(`Bearer ${AZURE_TEST_TOKEN}`);
    expect(fake.calls[0]?.headers['api-key']).toBeUndefined();
  });

  it("should refuse a wrong key with Azure's 401, not retryable, without echoing the key", async () => {
    const { adapter, target } = await setup({ apiKey: 'ffffffffffffffffffffffffffffffff' });
    const error = await failureOf(adapter.stream(HELLO, target, { signal: signal() }));
    expect(error?.message).toContain('azure-openai rejected the API key (401): Access denied due to invalid subscription key');
    expect(error?.message).not.toContain('ffffffff');
    expect(error?.isRetryable).toBe(false);
  });

  it('should pass on DeploymentNotFound (404) as a non-retryable error naming it', async () => {
    const { adapter, target } = await setup({ deployment: 'gpt-5-nowhere' });
    const error = await failureOf(adapter.stream(HELLO, target, { signal: signal() }));
    expect(error?.message).toBe(
      'azure-openai answered 404: The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
    );
    expect(error?.isRetryable).toBe(false);
  });

  it("should pass on the content filter's 400 on a prompt, and map a filtered completion to content-filter", async () => {
    const { fake, adapter, target } = await setup();
    fake.respond('POST /openai/deployments/gpt-4o-prod/chat/completions', {
      type: 'json',
      status: 400,
      body: fixtureJson('azure/error-400-content-filter.json'),
    });
    const error = await failureOf(adapter.stream(HELLO, target, { signal: signal() }));
    expect(error?.message).toContain(
      "azure-openai answered 400: The response was filtered due to the prompt triggering Azure OpenAI's content management policy",
    );
    expect(error?.isRetryable).toBe(false);

    fake.respond('POST /openai/deployments/gpt-4o-prod/chat/completions', { type: 'sse', body: fixture('azure/chat-content-filter.sse') });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(textOf(parts)).toBe('Here is');
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'content-filter', usage: { estimated: true } });
  });

  it('should refuse, without calling, a classic-form target that has no deployment', async () => {
    const { fake, adapter, target } = await setup({ deployment: undefined });
    const error = await failureOf(adapter.stream(HELLO, target, { signal: signal() }));
    expect(error?.message).toBe(`test-model: apiVersion ${AZURE_API_VERSION} needs a deployment (the URL names it)`);
    expect(fake.calls).toHaveLength(0);
  });

  it('should probe health with a 1-token completion on the deployment (no model list names deployments)', async () => {
    const { fake, adapter, target } = await setup();
    expect(await adapter.checkHealth(target, { signal: signal() })).toMatchObject({
      ok: true,
      message: 'answered a 1-token completion (no GET /models)',
    });
    expect(fake.calls.map((c) => [c.method, c.path, (c.body as { max_completion_tokens?: number }).max_completion_tokens])).toEqual([
      ['POST', '/openai/deployments/gpt-4o-prod/chat/completions', 1],
    ]);
    expect(await adapter.checkHealth({ ...target, deployment: 'gone' }, { signal: signal() })).toMatchObject({
      ok: false,
      message: expect.stringContaining('azure-openai answered 404: The API deployment for this resource does not exist'),
    });
  });

  it("should embed through the embedding deployment's URL", async () => {
    const { fake, adapter, target } = await setup({ deployment: 'embed-small', upstreamModel: 'text-embedding-3-small' });
    const result = await adapter.embed?.({ input: ['one', 'two words'] }, target, { signal: signal() });
    expect(result?.embeddings).toHaveLength(2);
    expect(result?.usage).toEqual({ inputTokens: 3, estimated: false });
    expect(fake.calls[0]).toMatchObject({ path: '/openai/deployments/embed-small/embeddings', query: `api-version=${AZURE_API_VERSION}` });
  });
});

describe('the Azure OpenAI fake', () => {
  const post = (url: string, body: unknown, headers: Record<string, string> = { 'api-key': AZURE_TEST_KEY }) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const chat = { messages: [{ role: 'user', content: 'hi' }], stream: true };

  it('should refuse what Azure refuses: no key, no api-version, an unknown version, an unknown deployment or field', async () => {
    const fake = track(await startAzureOpenAIFake());
    const classic = `${fake.url}/openai/deployments/gpt-4o-prod/chat/completions`;
    const answers = await Promise.all([
      post(`${classic}?api-version=${AZURE_API_VERSION}`, chat, {}),
      post(classic, chat),
      post(`${classic}?api-version=2019-01-01`, chat),
      post(`${fake.url}/openai/deployments/nope/chat/completions?api-version=${AZURE_API_VERSION}`, chat),
      post(`${classic}?api-version=${AZURE_API_VERSION}`, { ...chat, enable_thinking: true }),
      post(`${fake.url}/openai/v1/chat/completions`, { ...chat, model: 'nope' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([401, 404, 400, 404, 400, 404]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { error: { code?: string; message: string } }[];
    expect(bodies.map((b) => b.error.code ?? b.error.message)).toEqual([
      '401',
      '404',
      'BadRequest',
      'DeploymentNotFound',
      'Unrecognized request argument supplied: enable_thinking',
      'DeploymentNotFound',
    ]);
  });
});
