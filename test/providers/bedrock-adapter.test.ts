import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/providers/provider.js';
import { collect, HELLO, signal, textOf } from './helpers.js';
import { bedrockSetup, bodyOf, STREAM_PATH } from './bedrock-helpers.js';
import { textEvents } from '../fakes/bedrock-fake.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('bedrock adapter: Converse bodies and streamed answers', () => {
  it('should send the documented ConverseStream body to /model/{modelId}/converse-stream, the model id percent-encoded', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    const call = fake.calls[0];
    expect(call?.path).toBe(STREAM_PATH);
    expect(call?.headers.accept).toBe('application/vnd.amazon.eventstream');
    expect(call?.body).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Say hello' }] }],
      system: [{ text: 'Be brief.' }],
      inferenceConfig: { maxTokens: 50, temperature: 0.5, topP: 0.9, stopSequences: ['END'] },
    });
    expect(parts[0]).toEqual({ type: 'start', upstreamModel: target.upstreamModel });
    expect(textOf(parts)).toBe('Hello from Bedrock');
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      usage: { inputTokens: 12, outputTokens: 5, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false },
    });
  });

  it('should call an inference profile ARN at its percent-encoded path, signed as sent', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0';
    const parts = await collect(await adapter.stream(HELLO, { ...target, upstreamModel: arn }, { signal: signal() }));
    expect(fake.calls[0]?.path).toBe(`/model/${encodeURIComponent(arn)}/converse-stream`);
    expect(fake.calls[0]?.path).toContain('%2F');
    expect(textOf(parts)).toBe('Hello from Bedrock');
  });

  it('should merge consecutive turns of one role, as Converse requires them to alternate, and drop empty text', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    const request: ChatRequest = {
      messages: [
        { role: 'user', content: 'one' },
        {
          role: 'user',
          content: [
            { type: 'text', text: '' },
            { type: 'text', text: 'two' },
          ],
        },
        { role: 'assistant', content: 'three' },
        { role: 'assistant', content: '' },
        { role: 'user', content: 'four' },
      ],
      params: { maxTokens: 20 },
    };
    await collect(await adapter.stream(request, target, { signal: signal() }));
    expect(bodyOf(fake, 0).messages).toEqual([
      { role: 'user', content: [{ text: 'one' }, { text: 'two' }] },
      { role: 'assistant', content: [{ text: 'three' }] },
      { role: 'user', content: [{ text: 'four' }] },
    ]);
  });

  it('should carry a base64 image as image bytes and a PDF as a document block with a name Converse allows', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    const request: ChatRequest = {
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', url: `data:image/png;base64,${PNG}` },
            { type: 'file', data: 'data:application/pdf;base64,JVBERi0xLjQK', filename: 'q3_report.v2.pdf' },
          ],
        },
      ],
      params: { maxTokens: 20 },
    };
    await collect(await adapter.stream(request, target, { signal: signal() }));
    expect(bodyOf(fake, 0).messages).toEqual([
      {
        role: 'user',
        content: [
          { text: 'What is this?' },
          { image: { format: 'png', source: { bytes: PNG } } },
          { document: { format: 'pdf', name: 'q3-report-v2', source: { bytes: 'JVBERi0xLjQK' } } },
        ],
      },
    ]);
  });

  it('should send tools as toolSpecs, tool calls and results as toolUse / toolResult blocks, and stream a tool call back', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    fake.respond(STREAM_PATH, {
      type: 'events',
      events: [
        { event: 'messageStart', payload: { role: 'assistant' } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { text: 'Checking.' } } },
        { event: 'contentBlockStop', payload: { contentBlockIndex: 0 } },
        { event: 'contentBlockStart', payload: { contentBlockIndex: 1, start: { toolUse: { toolUseId: 'tooluse_2', name: 'weather' } } } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 1, delta: { toolUse: { input: '{"city":' } } } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 1, delta: { toolUse: { input: '"Oslo"}' } } } },
        { event: 'contentBlockStop', payload: { contentBlockIndex: 1 } },
        { event: 'messageStop', payload: { stopReason: 'tool_use' } },
        { event: 'metadata', payload: { usage: { inputTokens: 40, outputTokens: 9, totalTokens: 49 } } },
      ],
    });
    const request: ChatRequest = {
      messages: [
        { role: 'user', content: 'Weather in Paris, then Oslo?' },
        { role: 'assistant', content: '', toolCalls: [{ id: 'tooluse_1', name: 'weather', arguments: '{"city":"Paris"}' }] },
        { role: 'tool', toolCallId: 'tooluse_1', content: '18°C' },
      ],
      params: { maxTokens: 100 },
      tools: [
        { name: 'weather', description: 'The weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
      ],
      toolChoice: 'auto',
    };
    const parts = await collect(await adapter.stream(request, target, { signal: signal() }));
    const body = bodyOf(fake);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'Weather in Paris, then Oslo?' }] },
      { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_1', name: 'weather', input: { city: 'Paris' } } }] },
      { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ text: '18°C' }] } }] },
    ]);
    expect(body.toolConfig).toEqual({
      tools: [
        {
          toolSpec: {
            name: 'weather',
            description: 'The weather of a city',
            inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } } } },
          },
        },
      ],
      toolChoice: { auto: {} },
    });
    expect(textOf(parts)).toBe('Checking.');
    expect(parts.filter((p) => p.type.startsWith('tool-call'))).toEqual([
      { type: 'tool-call-start', index: 0, id: 'tooluse_2', name: 'weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '"Oslo"}' },
      { type: 'tool-call-end', index: 0 },
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
  });

  it('should map required to any and a named tool to tool', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    const tools = [{ name: 'lookup', parameters: { properties: { q: { type: 'string' } } } }];
    const base: ChatRequest = { messages: [{ role: 'user', content: 'hi' }], params: { maxTokens: 20 }, tools };
    await collect(await adapter.stream({ ...base, toolChoice: 'required' }, target, { signal: signal() }));
    await collect(await adapter.stream({ ...base, toolChoice: { name: 'lookup' } }, target, { signal: signal() }));
    const configs = fake.calls.map((call) => (call.body as { toolConfig: unknown }).toolConfig);
    expect(configs).toEqual([
      {
        tools: [{ toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object', properties: { q: { type: 'string' } } } } } }],
        toolChoice: { any: {} },
      },
      {
        tools: [{ toolSpec: { name: 'lookup', inputSchema: { json: { type: 'object', properties: { q: { type: 'string' } } } } } }],
        toolChoice: { tool: { name: 'lookup' } },
      },
    ]);
  });

  it('should report usage with cache reads and writes inside the input, as the gateway counts it', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    fake.respond(STREAM_PATH, {
      type: 'events',
      events: textEvents(['cached'], {
        inputTokens: 10,
        outputTokens: 3,
        totalTokens: 913,
        cacheReadInputTokens: 800,
        cacheWriteInputTokens: 100,
      }),
    });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      usage: { inputTokens: 910, outputTokens: 3, cachedInputTokens: 800, cacheWriteTokens: 100, reasoningTokens: 0, estimated: false },
    });
  });

  it.each([
    ['max_tokens', 'length'],
    ['stop_sequence', 'stop'],
    ['guardrail_intervened', 'content-filter'],
    ['content_filtered', 'content-filter'],
    ['model_context_window_exceeded', 'length'],
    ['something_new', 'other'],
  ])('should map the stop reason %s to %s', async (stopReason, finishReason) => {
    const { fake, adapter, target } = await bedrockSetup();
    fake.respond(STREAM_PATH, { type: 'events', events: textEvents(['x'], undefined, stopReason) });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason });
  });

  it('should send a thinking budget to an Anthropic model and stream its reasoning with the signature, then send it back', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    fake.respond(STREAM_PATH, {
      type: 'events',
      events: [
        { event: 'messageStart', payload: { role: 'assistant' } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'Let me ' } } } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { reasoningContent: { text: 'think.' } } } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { reasoningContent: { signature: 'sig-123' } } } },
        { event: 'contentBlockStop', payload: { contentBlockIndex: 0 } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 1, delta: { text: '42' } } },
        { event: 'contentBlockStop', payload: { contentBlockIndex: 1 } },
        { event: 'messageStop', payload: { stopReason: 'end_turn' } },
        { event: 'metadata', payload: { usage: { inputTokens: 20, outputTokens: 60, totalTokens: 80 } } },
      ],
    });
    const request: ChatRequest = {
      messages: [{ role: 'user', content: 'Answer?' }],
      params: { maxTokens: 4000 },
      reasoning: { budgetTokens: 2048 },
    };
    const parts = await collect(await adapter.stream(request, target, { signal: signal() }));
    expect(bodyOf(fake, 0).additionalModelRequestFields).toEqual({
      thinking: { type: 'enabled', budget_tokens: 2048 },
    });
    expect(parts.filter((p) => p.type.startsWith('reasoning'))).toEqual([
      { type: 'reasoning-delta', text: 'Let me ' },
      { type: 'reasoning-delta', text: 'think.' },
      { type: 'reasoning-end', signature: 'sig-123' },
    ]);
    expect(textOf(parts)).toBe('42');

    const next: ChatRequest = {
      messages: [
        { role: 'user', content: 'Answer?' },
        {
          role: 'assistant',
          content: '42',
          reasoning: [{ text: 'Let me think.', signature: 'sig-123' }, { text: '', redacted: 'ZW5jcnlwdGVk' }, { text: 'unsigned' }],
        },
        { role: 'user', content: 'Sure?' },
      ],
      params: { maxTokens: 4000 },
      reasoning: { budgetTokens: 2048 },
    };
    await collect(await adapter.stream(next, target, { signal: signal() }));
    expect((bodyOf(fake, 1).messages as unknown[])[1]).toEqual({
      role: 'assistant',
      content: [
        { reasoningContent: { reasoningText: { text: 'Let me think.', signature: 'sig-123' } } },
        { reasoningContent: { redactedContent: 'ZW5jcnlwdGVk' } },
        { text: '42' },
      ],
    });
  });

  it('should close a redacted reasoning block with its content', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    fake.respond(STREAM_PATH, {
      type: 'events',
      events: [
        { event: 'messageStart', payload: { role: 'assistant' } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: 'c2VjcmV0' } } } },
        { event: 'contentBlockStop', payload: { contentBlockIndex: 0 } },
        ...textEvents(['ok'])
          .slice(1)
          .map((e) =>
            'event' in e && e.event === 'contentBlockDelta' ? { ...e, payload: { contentBlockIndex: 1, delta: { text: 'ok' } } } : e,
          ),
      ],
    });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(parts).toContainEqual({ type: 'reasoning-end', redacted: 'c2VjcmV0' });
    expect(textOf(parts)).toBe('ok');
  });

  it('should finish without usage when the stream ends after messageStop with no metadata', async () => {
    const { fake, adapter, target } = await bedrockSetup();
    fake.respond(STREAM_PATH, { type: 'events', events: textEvents(['short']).slice(0, -1) });
    const parts = await collect(await adapter.stream(HELLO, target, { signal: signal() }));
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop', usage: { estimated: true } });
  });
});
