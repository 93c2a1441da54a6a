import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../../src/providers/provider.js';
import { createOpenAICompatibleAdapter } from '../../src/providers/openai/openai-adapter.js';
import { fixture, OPENAI_TEST_KEY, startOpenAIFake } from '../fakes/vendors.js';
import { collect, HELLO, loopbackHttp, signal, targetFor, textOf, track } from './helpers.js';

/** The parts the adapter makes of an SSE body (the fake writes it in odd-sized pieces). */
async function partsOf(body: string): Promise<StreamPart[]> {
  const fake = track(await startOpenAIFake());
  fake.respond('POST /v1/chat/completions', { type: 'sse', body });
  const adapter = createOpenAICompatibleAdapter('openai', loopbackHttp());
  return collect(await adapter.stream(HELLO, targetFor(fake, { apiKey: OPENAI_TEST_KEY }), { signal: signal() }));
}

/** Each call's id, name and joined arguments, by index. */
function callsOf(parts: StreamPart[]) {
  const calls: Record<number, { id: string; name: string; arguments: string; ended: boolean }> = {};
  for (const part of parts) {
    if (part.type === 'tool-call-start') calls[part.index] = { id: part.id, name: part.name, arguments: '', ended: false };
    const call = 'index' in part ? calls[part.index] : undefined;
    if (part.type === 'tool-call-delta' && call) call.arguments += part.argumentsDelta;
    if (part.type === 'tool-call-end' && call) call.ended = true;
  }
  return calls;
}

/** A chunk as OpenAI writes it, with this delta. */
const chunk = (delta: unknown, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'llama3.1', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

describe('openai adapter stream parts', () => {
  it('should stream two parallel tool calls whose fragments interleave, arguments split mid-token, ended at finish', async () => {
    const parts = await partsOf(fixture('openai/chat-tool-calls.sse'));
    expect(callsOf(parts)).toEqual({
      0: { id: 'call_paris', name: 'get_weather', arguments: '{"city": "Paris", "unit": "celsius"}', ended: true },
      1: { id: 'call_tokyo', name: 'get_weather', arguments: '{"city": "Tokyo", "unit": "celsius"}', ended: true },
    });
    const kinds = parts.map((p) => (p.type === 'tool-call-delta' || p.type === 'tool-call-start' ? `${p.type}:${p.index}` : p.type));
    expect(kinds).toEqual([
      'start',
      'tool-call-start:0',
      'tool-call-delta:0',
      'tool-call-start:1',
      'tool-call-delta:1',
      'tool-call-delta:0',
      'tool-call-delta:1',
      'tool-call-delta:0',
      'tool-call-delta:1',
      'tool-call-delta:0',
      'tool-call-end',
      'tool-call-end',
      'finish',
    ]);
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'tool-calls',
      usage: { inputTokens: 1117, outputTokens: 48, cachedInputTokens: 1024, cacheWriteTokens: 0, reasoningTokens: 0, estimated: false },
    });
  });

  it('should stream reasoning_content as reasoning, closed before the answer, with the reasoning tokens', async () => {
    const parts = await partsOf(fixture('openai/chat-reasoning.sse'));
    expect(parts.map((p) => p.type)).toEqual([
      'start',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-end',
      'text-delta',
      'text-delta',
      'finish',
    ]);
    expect(parts.map((p) => (p.type === 'reasoning-delta' ? p.text : '')).join('')).toBe('The user greets me; answer briefly.');
    expect(textOf(parts)).toBe('Hello! How can I help?');
    expect(parts.at(-1)).toMatchObject({
      finishReason: 'stop',
      usage: { inputTokens: 13, outputTokens: 25, reasoningTokens: 17, estimated: false },
    });
  });

  it('should relay a refusal as text', async () => {
    const parts = await partsOf(fixture('openai/chat-refusal.sse'));
    expect(textOf(parts)).toBe("I'm sorry, I can't help with that.");
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('should close reasoning that a tool call follows, and at the end of an answer that is only reasoning', async () => {
    const toolAfterReasoning = await partsOf(
      chunk({ reasoning_content: 'Need the weather.' }) +
        chunk({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] }) +
        chunk({}, 'tool_calls') +
        'data: [DONE]\n\n',
    );
    expect(toolAfterReasoning.map((p) => p.type)).toEqual([
      'start',
      'reasoning-delta',
      'reasoning-end',
      'tool-call-start',
      'tool-call-delta',
      'tool-call-end',
      'finish',
    ]);
    const onlyReasoning = await partsOf(`${chunk({ reasoning_content: 'Hmm' })}${chunk({}, 'length')}data: [DONE]\n\n`);
    expect(onlyReasoning.map((p) => p.type)).toEqual(['start', 'reasoning-delta', 'reasoning-end', 'finish']);
  });

  it("should read Ollama's parallel calls (index 0 reused, a new id and name each), fresh ids on one call's fragments, and calls without an index", async () => {
    const call = (id: string, city: string, index?: number) => ({
      ...(index === undefined ? {} : { index }),
      id,
      type: 'function',
      function: { name: 'get_weather', arguments: `{"city":"${city}"}` },
    });
    const ollama = await partsOf(
      `${chunk({ tool_calls: [call('call_a', 'Paris', 0)] })}${chunk({ tool_calls: [call('call_b', 'Tokyo', 0)] })}${chunk({}, 'tool_calls')}data: [DONE]\n\n`,
    );
    expect(callsOf(ollama)).toEqual({
      0: { id: 'call_a', name: 'get_weather', arguments: '{"city":"Paris"}', ended: true },
      1: { id: 'call_b', name: 'get_weather', arguments: '{"city":"Tokyo"}', ended: true },
    });
    const freshIds = await partsOf(
      `${chunk({ tool_calls: [{ index: 0, id: 'id_1', function: { name: 'get_weather', arguments: '{"ci' } }] })}${chunk({
        tool_calls: [{ index: 0, id: 'id_2', function: { arguments: 'ty":"Rome"}' } }],
      })}${chunk({}, 'tool_calls')}data: [DONE]\n\n`,
    ); // a fresh id on every fragment, no name after the first: one call
    expect(callsOf(freshIds)).toEqual({ 0: { id: 'id_1', name: 'get_weather', arguments: '{"city":"Rome"}', ended: true } });
    const noIndex = await partsOf(
      `${chunk({ tool_calls: [call('call_a', 'Paris'), call('call_b', 'Tokyo')] })}${chunk({}, 'tool_calls')}data: [DONE]\n\n`,
    );
    expect(Object.values(callsOf(noIndex)).map((c) => c.arguments)).toEqual(['{"city":"Paris"}', '{"city":"Tokyo"}']);
  });

  it('should end with a malformed error when a tool call starts without a function name', async () => {
    const parts = await partsOf(
      `${chunk({ content: 'Hi' })}${chunk({ tool_calls: [{ index: 0, function: { arguments: '{}' } }] })}data: [DONE]\n\n`,
    );
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { message: 'openai sent a tool call without a function name' } });
  });
});
