import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/providers/provider.js';
import { countPromptTokens } from '../../src/providers/prompt-tokens.js';
import { fitHistory } from '../../src/modules/sessions/session-history.js';
import { KeyedMutex } from '../../src/util/keyed-mutex.js';

const system: ChatMessage = { role: 'system', content: 'You are terse.' };
const turn = (i: number): ChatMessage[] => [
  { role: 'user', content: `question number ${i} about trains and signals` },
  { role: 'assistant', content: `answer number ${i} about tracks` },
];
const history = [system, ...turn(1), ...turn(2), ...turn(3)];
const fresh: ChatMessage[] = [{ role: 'user', content: 'and now?' }];

describe('fitHistory', () => {
  it('should send everything when the model has no context window or it all fits', () => {
    expect(fitHistory(history, fresh, null, 100)).toEqual({
      messages: [...history, ...fresh],
      dropped: 0,
      promptTokens: countPromptTokens({ messages: [...history, ...fresh] }),
    });
    expect(fitHistory(history, fresh, 10_000, 100).dropped).toBe(0);
  });

  it('should drop the oldest non-system messages until prompt plus maxTokens fit', () => {
    const window = countPromptTokens({ messages: [system, ...turn(3), ...fresh] }) + 50;
    const fitted = fitHistory(history, fresh, window, 50);
    expect(fitted.dropped).toBe(4);
    expect(fitted.messages).toEqual([system, ...turn(3), ...fresh]);
    expect(countPromptTokens({ messages: fitted.messages }) + 50).toBeLessThanOrEqual(window);
    expect(fitted.promptTokens).toBe(countPromptTokens({ messages: fitted.messages }));
  });

  it('should keep system messages and the new messages even when nothing else fits', () => {
    const fitted = fitHistory(history, fresh, 10, 5);
    expect(fitted.messages).toEqual([system, ...fresh]);
    expect(fitted.dropped).toBe(6);
  });
});

describe('KeyedMutex', () => {
  it('should run tasks of one key in arrival order and tasks of other keys at once', async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    const slow = (label: string, ms: number) => () =>
      new Promise<string>((resolve) =>
        setTimeout(() => {
          order.push(label);
          resolve(label);
        }, ms),
      );
    const results = await Promise.all([mutex.run('a', slow('a1', 30)), mutex.run('a', slow('a2', 1)), mutex.run('b', slow('b1', 5))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(order).toEqual(['b1', 'a1', 'a2']);
  });

  it('should go on after a failed task', async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(mutex.run('k', () => Promise.resolve(1))).resolves.toBe(1);
  });
});
