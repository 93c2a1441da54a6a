import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/core/chat/chat-request.js';
import type { ProviderKind } from '../../src/core/records/model.js';
import { createOpenAICompatibleAdapter } from '../../src/providers/openai/openai-adapter.js';
import { OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import { collect, loopbackHttp, signal, targetFor, track } from './helpers.js';

const WEATHER_SCHEMA = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false };

/** A second turn after a tool call: every message kind, part kind and option the surface has. */
const SURFACE: ChatRequest = {
  messages: [
    { role: 'developer', content: 'Answer in French.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is the weather where this was taken?' },
        { type: 'image', url: 'https://example.com/paris.jpg', detail: 'low' },
        { type: 'audio', data: 'UklGRiQAAABXQVZF', format: 'wav' },
        { type: 'file', data: 'data:application/pdf;base64,JVBERi0xLjQ=', filename: 'trip.pdf' },
      ],
    },
    {
      role: 'assistant',
      content: '',
      toolCalls: [{ id: 'call_paris', name: 'get_weather', arguments: '{"city":"Paris"}' }],
      reasoning: [{ text: 'The photo shows Paris; look the weather up.', signature: 'sig-1' }],
    },
    { role: 'tool', toolCallId: 'call_paris', content: '{"temperature":21}' },
  ],
  params: { maxTokens: 300, temperature: 0.2 },
  tools: [{ name: 'get_weather', description: 'Current weather of a city', parameters: WEATHER_SCHEMA, strict: true }],
  toolChoice: { name: 'get_weather' },
  parallelToolCalls: false,
  responseFormat: { type: 'json_schema', name: 'weather_report', schema: WEATHER_SCHEMA, strict: true },
  reasoning: { effort: 'low' },
};

/** What DashScope and Qianfan carry (no file parts; Qianfan no audio) with a thinking budget. */
const THINKING: ChatRequest = {
  messages: [
    { role: 'developer', content: 'Be brief.' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Describe ' },
        { type: 'text', text: 'the weather.' },
      ],
    },
    { role: 'user', content: [{ type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'high' }] },
  ],
  params: { maxTokens: 500 },
  tools: [{ name: 'get_weather', parameters: WEATHER_SCHEMA, strict: true }],
  toolChoice: 'required',
  responseFormat: { type: 'json_object' },
  reasoning: { budgetTokens: 1024 },
};

async function bodySent(kind: ProviderKind, request: ChatRequest, upstreamModel = 'gpt-4o-mini') {
  const fake = track(await startOpenAIFake());
  const adapter = createOpenAICompatibleAdapter(kind, loopbackHttp());
  const parts = await collect(
    await adapter.stream(request, targetFor(fake, { apiKey: OPENAI_TEST_KEY, upstreamModel }), { signal: signal() }),
  );
  expect(parts.at(-1)?.type).toBe('finish'); // the fake's validator (OpenAI's 400s) let the body through
  return fake.calls[0]?.body;
}

/** The body matches, byte for byte, the one kept in test/fixtures/openai/ (`vitest -u` rewrites it; review the diff). */
async function expectBody(kind: ProviderKind, request: ChatRequest, upstreamModel: string, file: string) {
  const body = await bodySent(kind, request, upstreamModel);
  await expect(`${JSON.stringify(body, null, 2)}\n`).toMatchFileSnapshot(`../fixtures/openai/${file}`);
}

describe('openai adapter request bodies', () => {
  it('should send OpenAI the whole surface: developer role, parts, tool turns, tools, forced choice, json_schema, effort', async () => {
    await expectBody('openai', SURFACE, 'o4-mini', 'request-openai.json');
  });

  it('should send an OpenAI-compatible server system for developer, max_tokens, and the same parts and tools', async () => {
    await expectBody('openai-compatible', SURFACE, 'gpt-4o-mini', 'request-openai-compatible.json');
  });

  it('should send DashScope its dialect: enable_thinking with thinking_budget, max_completion_tokens, text parts as a string, base64 audio as a data URL', async () => {
    const request: ChatRequest = {
      ...THINKING,
      messages: [...THINKING.messages, { role: 'user', content: [{ type: 'audio', data: 'UklGRiQAAABXQVZF', format: 'wav' }] }],
    };
    await expectBody('dashscope', request, 'qwen-plus', 'request-dashscope.json');
  });

  it('should send Qianfan its dialect: enable_thinking with thinking_budget or reasoning_effort, max_tokens', async () => {
    await expectBody('qianfan', THINKING, 'ernie-4.5-turbo-vl', 'request-qianfan.json');
    expect(await bodySent('qianfan', { ...THINKING, reasoning: { effort: 'high' } }, 'ernie-x1.1')).toMatchObject({
      enable_thinking: true,
      reasoning_effort: 'high',
    });
  });

  it('should leave out tool_choice and parallel_tool_calls without tools, and send text-only parts to OpenAI as parts', async () => {
    const body = await bodySent('openai', {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      params: { maxTokens: 10 },
      tools: [],
      toolChoice: 'auto',
      parallelToolCalls: true,
    });
    expect(body).toEqual({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      max_completion_tokens: 10,
      stream: true,
      stream_options: { include_usage: true },
    });
  });
});
