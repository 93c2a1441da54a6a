import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../fakes/vendors.js';
import { graphql } from '../gql/index.js';
import { expectData } from '../helpers/graphql.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';

const StartSession = graphql(`
  mutation StartChatSession($input: CreateSessionInput!) { createSession(input: $input) { id } }
`);

const GenerateWithTools = graphql(`
  mutation GenerateWithTools($input: GenerateInput!) {
    generate(input: $input) {
      id text finishReason toolCalls { id name arguments }
      usage { inputTokens outputTokens cachedInputTokens cacheWriteTokens reasoningTokens }
      costMicroUsd
    }
  }
`);

const SetPricing = graphql(`
  mutation SetChatPricing($input: UpdateModelInput!) { updateModel(input: $input) { model { pricing { input output cachedInput cacheWrite } } } }
`);

const SessionMessages = graphql(`
  query ChatSessionMessages($id: ID!) { session(id: $id) { messages { role content toolCalls { id name } toolCallId imageUrls } } }
`);

const WEATHER = { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

let v: VendorApp;
beforeAll(async () => {
  v = await startVendorApp();
});
afterAll(() => v.dispose());

describe('a session keeps the chat surface across turns', () => {
  it('should send an Anthropic model its signed thinking blocks and tool call back with the tool result, and list them in the history', async () => {
    const { id } = expectData(await v.t.run(StartSession, { input: { modelId: 'claude-test' } })).createSession;
    v.anthropic.respond(
      'POST /v1/messages',
      { type: 'sse', body: fixture('anthropic/messages-thinking-tool-use.sse') },
      { type: 'sse', body: fixture('anthropic/messages-text.sse') },
    );
    const first = expectData(
      await v.t.run(GenerateWithTools, {
        input: {
          sessionId: id,
          messages: [
            {
              role: 'USER',
              parts: [{ text: 'Weather here?' }, { imageUrl: { url: 'https://example.com/street.png' } }],
            },
          ],
          tools: [WEATHER],
          reasoningBudgetTokens: 1024,
          params: { maxTokens: 2048 },
        },
      }),
    ).generate;
    expect(first).toMatchObject({ finishReason: 'TOOL_CALLS', toolCalls: [{ id: 'toolu_01ThinkCall', name: 'get_weather' }] });
    expect(JSON.parse(first.toolCalls[0]?.arguments ?? '')).toEqual({ city: 'Paris' });
    expect(v.anthropic.calls.at(-1)?.body).toMatchObject({
      thinking: { type: 'enabled', budget_tokens: 1024 },
      tools: [{ name: 'get_weather', input_schema: WEATHER.parameters }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Weather here?' },
            { type: 'image', source: { type: 'url', url: 'https://example.com/street.png' } },
          ],
        },
      ],
    });

    // The next turn sends only the tool result: the session holds the rest, signatures included.
    const second = expectData(
      await v.t.run(GenerateWithTools, {
        input: {
          sessionId: id,
          messages: [{ role: 'TOOL', toolCallId: 'toolu_01ThinkCall', content: '{"celsius": 18}' }],
          tools: [WEATHER],
          reasoningBudgetTokens: 1024,
          params: { maxTokens: 2048 },
        },
      }),
    ).generate;
    expect(second.finishReason).toBe('STOP');
    const sent = v.anthropic.calls.at(-1)?.body as { messages: Array<{ role: string; content: Array<Record<string, unknown>> }> };
    expect(sent.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(sent.messages[1]?.content).toEqual([
      { type: 'thinking', thinking: 'The user wants the weather; I should call get_weather.', signature: 'EuYBCkQYAiJAsig-signature-1' },
      { type: 'redacted_thinking', data: expect.stringMatching(/^EmwK/) },
      { type: 'tool_use', id: 'toolu_01ThinkCall', name: 'get_weather', input: { city: 'Paris' } },
    ]);
    expect(sent.messages[2]?.content).toEqual([{ type: 'tool_result', tool_use_id: 'toolu_01ThinkCall', content: '{"celsius": 18}' }]);

    const history = expectData(await v.t.run(SessionMessages, { id })).session?.messages;
    expect(history?.map((m) => [m.role, m.toolCalls.map((c) => c.id), m.toolCallId, m.imageUrls])).toEqual([
      ['user', [], null, ['https://example.com/street.png']],
      ['assistant', ['toolu_01ThinkCall'], null, []],
      ['tool', [], 'toolu_01ThinkCall', []],
      ['assistant', [], null, []],
    ]);
  });

  it('should price cache reads and writes at their own prices, and count them apart in the usage', async () => {
    v.anthropic.respond('POST /v1/messages', { type: 'sse', body: fixture('anthropic/messages-cache-usage.sse') });
    const ask = async () =>
      expectData(await v.t.run(GenerateWithTools, { input: { model: 'claude-test', prompt: 'Again, with the long context' } })).generate;
    // Anthropic's input_tokens 21, cache_read 1800, cache_creation 188, output 5: OpenAI's convention adds them up.
    const plain = await ask();
    expect(plain.usage).toEqual({ inputTokens: 2009, outputTokens: 5, cachedInputTokens: 1800, cacheWriteTokens: 188, reasoningTokens: 0 });
    // Without cache prices every input token costs the input price (0.25 USD per million), output 1.25.
    expect(plain.costMicroUsd).toBe(Math.round(2009 * 0.25 + 5 * 1.25));
    const { updateModel } = expectData(
      await v.t.run(SetPricing, { input: { id: 'claude-test', pricing: { input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25 } } }),
    );
    expect(updateModel.model.pricing).toEqual({ input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25 });
    const priced = await ask();
    // 21 uncached at 1, 1800 cache reads at 0.1, 188 cache writes at 1.25, 5 output at 5 (micro-USD per token).
    expect(priced.costMicroUsd).toBe(Math.round(21 * 1 + 1800 * 0.1 + 188 * 1.25 + 5 * 5));
  });
});
