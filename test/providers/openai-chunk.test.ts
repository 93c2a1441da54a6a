import { describe, expect, it } from 'vitest';
import { chatChunkSchema, readChatChunk } from '../../src/providers/openai/openai-wire.js';

// readChatChunk is the hand-written reader of every streamed chunk; chatChunkSchema (zod) is the
// contract it implements. Both must accept and reject the same chunks, and read the same values.
const CASES: unknown[] = [
  {
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-4o',
    choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
  },
  { id: 'c1', choices: [{ index: 0, delta: { content: 'Hello' }, logprobs: null, finish_reason: null }] },
  { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
  { choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } },
  { choices: [], usage: { prompt_tokens: 10 } },
  { choices: [], usage: null },
  { usage: { prompt_tokens: null, completion_tokens: 3 } },
  {},
  { choices: [{ delta: null }] },
  { choices: [{ delta: { content: null, role: null }, finish_reason: undefined }] },
  { choices: [{ delta: { content: 5 } }] },
  { choices: [{ delta: { role: 7 } }] },
  { choices: [{ delta: 'text' }] },
  { choices: [{ delta: [] }] },
  { choices: [{ index: '0', delta: {} }] },
  { choices: [{ index: Number.POSITIVE_INFINITY, delta: {} }] }, // JSON.parse('1e400')
  { choices: [{ finish_reason: 1 }] },
  { choices: ['x'] },
  { choices: [null] },
  { choices: {} },
  { choices: null },
  { id: null, choices: [] },
  { id: 7 },
  { model: 1 },
  { model: null },
  { usage: { prompt_tokens: -1 } },
  { usage: { completion_tokens: 1.5 } },
  { usage: { completion_tokens: 2 ** 60 } },
  { usage: { completion_tokens: '3' } },
  { usage: 'none' },
  { usage: [] },
  // Tool calls, reasoning, refusals and usage details.
  { choices: [{ delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } }] } }] },
  { choices: [{ delta: { tool_calls: [{ index: 1, function: { arguments: '{"a' } }] } }] },
  { choices: [{ delta: { tool_calls: [{ id: 'call_1', function: { name: 'f', arguments: '{}' } }] } }] },
  { choices: [{ delta: { tool_calls: null, reasoning_content: null, refusal: null } }] },
  { choices: [{ delta: { tool_calls: [] } }] },
  { choices: [{ delta: { tool_calls: [{ index: 0, function: null }] } }] },
  { choices: [{ delta: { tool_calls: [{ index: -1, function: { name: 'f' } }] } }] },
  { choices: [{ delta: { tool_calls: [{ index: 0.5 }] } }] },
  { choices: [{ delta: { tool_calls: [{ index: '0' }] } }] },
  { choices: [{ delta: { tool_calls: [{ index: 0, id: 7 }] } }] },
  { choices: [{ delta: { tool_calls: [{ index: 0, type: {} }] } }] },
  { choices: [{ delta: { tool_calls: [{ index: 0, function: { name: 1 } }] } }] },
  { choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: {} } }] } }] },
  { choices: [{ delta: { tool_calls: [{ index: 0, function: 'f' }] } }] },
  { choices: [{ delta: { tool_calls: ['call'] } }] },
  { choices: [{ delta: { tool_calls: {} } }] },
  { choices: [{ delta: { reasoning_content: 'Let me think' } }] },
  { choices: [{ delta: { reasoning_content: 3 } }] },
  { choices: [{ delta: { refusal: "I can't" } }] },
  { choices: [{ delta: { refusal: false } }] },
  {
    choices: [],
    usage: {
      prompt_tokens: 10,
      completion_tokens: 5,
      prompt_tokens_details: { cached_tokens: 8, cache_write_tokens: 2, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 3, audio_tokens: 0 },
    },
  },
  { usage: { prompt_tokens_details: null, completion_tokens_details: null } },
  { usage: { prompt_tokens_details: { cached_tokens: null, search_tokens: 4 } } },
  { usage: { prompt_tokens_details: { cached_tokens: -1 } } },
  { usage: { prompt_tokens_details: { cache_write_tokens: 1.5 } } },
  { usage: { prompt_tokens_details: [] } },
  { usage: { completion_tokens_details: { reasoning_tokens: '3' } } },
  { usage: { completion_tokens_details: 0 } },
  null,
  'chunk',
  42,
  [],
];

describe('readChatChunk', () => {
  it.each(CASES.map((c) => [JSON.stringify(c) ?? String(c), c]))('should agree with chatChunkSchema on %s', (_name, chunk) => {
    const parsed = chatChunkSchema.safeParse(chunk);
    const read = readChatChunk(chunk);
    expect(read !== undefined).toBe(parsed.success);
    if (!parsed.success || !read) return;
    expect(read.model).toEqual(parsed.data.model);
    const deltaOf = (c: (typeof read.choices)[number]) => [
      c.delta?.content,
      c.delta?.refusal,
      c.delta?.reasoning_content,
      c.delta?.tool_calls?.map((t) => [t.index, t.id, t.function?.name, t.function?.arguments]),
      c.finish_reason,
    ];
    expect(read.choices.map(deltaOf)).toEqual(parsed.data.choices.map(deltaOf));
    const usageOf = (u: typeof read.usage) => [
      u?.prompt_tokens,
      u?.completion_tokens,
      u?.prompt_tokens_details?.cached_tokens,
      u?.prompt_tokens_details?.cache_write_tokens,
      u?.completion_tokens_details?.reasoning_tokens,
    ];
    expect(usageOf(read.usage)).toEqual(usageOf(parsed.data.usage));
  });
});
