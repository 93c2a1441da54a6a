import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, fixtureJson } from '../fakes/vendors.js';
import { AZURE_API_VERSION, AZURE_TEST_KEY } from '../fakes/azure-openai.js';
import { Generate, GenerateStream, ModelsQuery, RegisterModel } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { eventKinds } from '../helpers/stream-events.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';
import { subscribe, wsClient } from '../helpers/ws.js';

/**
 * An Azure OpenAI deployment (`azure-test`, the classic URL form) behind the gateway: the official
 * `openai` client on /v1 and GraphQL generate / generateStream, against the Azure fake.
 */
let v: VendorApp;
let base: string;
beforeAll(async () => {
  v = await startVendorApp();
  base = await v.t.listen();
});
afterAll(async () => {
  await v.dispose();
});

const DEPLOYMENT_PATH = '/openai/deployments/gpt-4o-prod/chat/completions';
const sdk = () => new OpenAI({ baseURL: `${base}/v1`, apiKey: 'sk-anything-in-local-mode', maxRetries: 0 });
const chatCalls = () =>
  v.azure.calls.filter((c) => c.path === DEPLOYMENT_PATH && (c.body as { max_completion_tokens?: number }).max_completion_tokens !== 1);

describe('azure-openai through the gateway', () => {
  it('should answer the openai client on /v1, non-stream and stream, from the deployment', async () => {
    const before = chatCalls().length;
    const answer = await sdk().chat.completions.create({
      model: 'azure-test',
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 40,
    });
    expect(answer).toMatchObject({ model: 'azure-test', choices: [{ message: { content: 'Hello from Azure!' }, finish_reason: 'stop' }] });
    expect(answer.usage).toMatchObject({ prompt_tokens: 14, completion_tokens: 4 });

    const stream = await sdk().chat.completions.create({
      model: 'azure-test',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish ??= chunk.choices[0]?.finish_reason;
    }
    expect(text).toBe('Hello from Azure!');
    expect(finish).toBe('stop');

    const calls = chatCalls().slice(before);
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.query).toBe(`api-version=${AZURE_API_VERSION}`);
      expect(call.headers['api-key']).toBe(AZURE_TEST_KEY);
      expect(call.body).toMatchObject({ model: 'gpt-4o-prod', stream: true });
    }
  });

  it('should answer GraphQL generate, priced from the usage Azure reported', async () => {
    const generation = expectData(await v.t.run(Generate, { input: { model: 'azure-test', prompt: 'Hi' } })).generate;
    expect(generation).toMatchObject({
      status: 'SUCCEEDED',
      text: 'Hello from Azure!',
      finishReason: 'STOP',
      usage: { inputTokens: 14, outputTokens: 4, estimated: false },
      attempts: [{ modelId: 'azure-test', provider: 'AZURE_OPENAI', outcome: 'SUCCEEDED' }],
    });
    // 14 × $2.50 + 4 × $10 per million tokens.
    expect(generation.costMicroUsd).toBe(75);
  });

  it('should stream GraphQL generateStream over graphql-ws', async () => {
    const client = wsClient(base);
    try {
      const events: ({ __typename: string } & Record<string, unknown>)[] = [];
      for await (const result of subscribe(client, GenerateStream, { input: { model: 'azure-test', prompt: 'Hi' } })) {
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        events.push(result.data?.generateStream as { __typename: string });
      }
      expect(eventKinds(events)).toEqual(['GenerationStarted', 'TokenDelta…', 'GenerationCompleted']);
      expect(events.at(-1)).toMatchObject({ generation: { status: 'SUCCEEDED', text: 'Hello from Azure!', finishReason: 'STOP' } });
    } finally {
      await client.dispose();
    }
  });

  it("should pass on the refusal of Azure's content filter as the gateway's upstream error (502), with Azure's message, not retried", async () => {
    v.azure.respond(`POST ${DEPLOYMENT_PATH}`, { type: 'json', status: 400, body: fixtureJson('azure/error-400-content-filter.json') });
    try {
      const before = chatCalls().length;
      const refusal = await sdk()
        .chat.completions.create({ model: 'azure-test', messages: [{ role: 'user', content: 'Hi' }] })
        .catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(APIError);
      expect((refusal as APIError).status).toBe(502);
      expect((refusal as APIError).message).toContain(
        "azure-openai answered 400: The response was filtered due to the prompt triggering Azure OpenAI's content management policy",
      );
      expect(chatCalls().length - before).toBe(1);
    } finally {
      v.azure.respond(`POST ${DEPLOYMENT_PATH}`, { type: 'sse', body: fixture('azure/chat-text.sse') });
    }
  });

  it('should register an Azure model over GraphQL, and refuse an apiVersion without a deployment naming it', async () => {
    const refused = expectError(
      await v.t.run(RegisterModel, {
        input: { id: 'azure-bad', provider: 'AZURE_OPENAI', baseUrl: v.azure.url, apiVersion: AZURE_API_VERSION },
      }),
    );
    expect(refused.message).toBe(
      `input.deployment: is required with apiVersion ${AZURE_API_VERSION} (the /openai/deployments/{deployment} URL form): expected the deployment name, or leave apiVersion out for the /openai/v1 form`,
    );
    expectData(
      await v.t.run(RegisterModel, {
        input: { id: 'azure-v1', provider: 'AZURE_OPENAI', baseUrl: v.azure.url, deployment: 'gpt-4o-prod' },
      }),
    );
    const model = expectData(await v.t.run(ModelsQuery, {})).models.find((m) => m.id === 'azure-v1');
    expect(model).toMatchObject({ provider: 'AZURE_OPENAI' });
    const generation = expectData(await v.t.run(Generate, { input: { model: 'azure-v1', prompt: 'Hi' } })).generate;
    expect(generation).toMatchObject({ status: 'SUCCEEDED', text: 'Hello from Azure!' });
    expect(v.azure.calls.at(-1)).toMatchObject({ path: '/openai/v1/chat/completions', query: '', body: { model: 'gpt-4o-prod' } });
  });
});
