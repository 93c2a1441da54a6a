import { describe, expect, it } from 'vitest';
import type { UpstreamError } from '../../src/core/errors.js';
import { createOpenAICompatibleAdapter } from '../../src/providers/openai/openai-adapter.js';
import { OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import { HELLO, loopbackHttp, signal, targetFor, track } from './helpers.js';

const TOOLS = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }];
const CALL = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } };

async function post(body: unknown) {
  const fake = track(await startOpenAIFake());
  const response = await fetch(`${fake.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${OPENAI_TEST_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', stream: true, ...(body as object) }),
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => undefined)) as { error?: { message: string; param: string } },
  };
}

// The OpenAI fake refuses the bodies the real API refuses (test/fakes/openai-validator.ts), so
// that the adapter tests, which all go through it, would fail on a body OpenAI answers with a 400.
describe('the OpenAI fake', () => {
  it.each([
    [
      'a tool message answering no call',
      [
        { role: 'user', content: 'hi' },
        { role: 'tool', tool_call_id: 'call_1', content: '1' },
      ],
      {},
      'messages.[1].role',
    ],
    [
      'a tool message answering a call of an older turn',
      [
        { role: 'assistant', content: null, tool_calls: [CALL] },
        { role: 'tool', tool_call_id: 'call_1', content: '1' },
        { role: 'user', content: 'again' },
        { role: 'tool', tool_call_id: 'call_1', content: '1' },
      ],
      { tools: TOOLS },
      'messages.[3].role',
    ],
    [
      'a call left unanswered',
      [
        { role: 'assistant', content: null, tool_calls: [CALL] },
        { role: 'user', content: 'hi' },
      ],
      { tools: TOOLS },
      'messages.[0].role',
    ],
    ['tool_choice without tools', [{ role: 'user', content: 'hi' }], { tool_choice: 'auto' }, 'tool_choice'],
    ['parallel_tool_calls without tools', [{ role: 'user', content: 'hi' }], { parallel_tool_calls: false }, 'parallel_tool_calls'],
    [
      'tool_choice naming a function not in tools',
      [{ role: 'user', content: 'hi' }],
      { tools: TOOLS, tool_choice: { type: 'function', function: { name: 'get_time' } } },
      'tool_choice',
    ],
    [
      'a json_schema without a name',
      [{ role: 'user', content: 'hi' }],
      { response_format: { type: 'json_schema', json_schema: { schema: {} } } },
      'response_format.json_schema.name',
    ],
    ['max_tokens to a reasoning model', [{ role: 'user', content: 'hi' }], { model: 'o3-mini', max_tokens: 5 }, 'max_tokens'],
    ['no messages', [], {}, 'messages'],
  ])('should refuse %s with 400 and OpenAI error body', async (_what, messages, extra, param) => {
    const { status, body } = await post({ messages, ...extra });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ param, type: 'invalid_request_error' });
  });

  it('should accept a tool turn answered in any order', async () => {
    const second = { ...CALL, id: 'call_2' };
    const { status } = await post({
      tools: TOOLS,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: null, tool_calls: [CALL, second] },
        { role: 'tool', tool_call_id: 'call_2', content: '2' },
        { role: 'tool', tool_call_id: 'call_1', content: '1' },
      ],
    });
    expect(status).toBe(200);
  });

  it("should turn the adapter's request into OpenAI's 400 when the conversation is not one OpenAI takes", async () => {
    const fake = track(await startOpenAIFake());
    const adapter = createOpenAICompatibleAdapter('openai', loopbackHttp());
    const request = { ...HELLO, messages: [...HELLO.messages, { role: 'tool' as const, toolCallId: 'call_x', content: '1' }] };
    const error = (await adapter
      .stream(request, targetFor(fake, { apiKey: OPENAI_TEST_KEY }), { signal: signal() })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(error.status).toBe(400);
    expect(error.message).toContain("messages with role 'tool' must be a response to a preceeding message with 'tool_calls'");
  });
});
