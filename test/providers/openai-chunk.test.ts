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
    expect(read.choices.map((c) => [c.delta?.content, c.finish_reason])).toEqual(
      parsed.data.choices.map((c) => [c.delta?.content, c.finish_reason]),
    );
    expect([read.usage?.prompt_tokens, read.usage?.completion_tokens]).toEqual([
      parsed.data.usage?.prompt_tokens,
      parsed.data.usage?.completion_tokens,
    ]);
  });
});
