import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MergingQueue } from '../../src/util/merging-queue.js';

type Item = { kind: 'text'; text: string; count: number } | { kind: 'end' };
const text = (t: string): Item => ({ kind: 'text', text: t, count: 1 });
const mergeText = (a: Item, b: Item): Item | undefined =>
  a.kind === 'text' && b.kind === 'text' ? { kind: 'text', text: a.text + b.text, count: a.count + b.count } : undefined;

describe('MergingQueue', () => {
  it('should merge what is pushed before the reader takes it, and keep unmergeable items apart and in order', async () => {
    const queue = new MergingQueue<Item>(mergeText);
    queue.push(text('a'));
    queue.push(text('b'));
    queue.push({ kind: 'end' });
    queue.push(text('c'));
    queue.end();
    const read: Item[] = [];
    for await (const item of queue) read.push(item);
    expect(read).toEqual([{ kind: 'text', text: 'ab', count: 2 }, { kind: 'end' }, { kind: 'text', text: 'c', count: 1 }]);
  });

  it('should answer a waiting reader at the end of the turn that pushed, with everything that turn pushed', async () => {
    const queue = new MergingQueue<Item>(mergeText);
    const first = queue.next();
    queue.push(text('x'));
    queue.push(text('y'));
    expect(await first).toEqual({ done: false, value: { kind: 'text', text: 'xy', count: 2 } });
    // Pushed in separate turns while the reader waits each time: one item each.
    const second = queue.next();
    await nextTurn();
    queue.push(text('z'));
    expect(await second).toEqual({ done: false, value: { kind: 'text', text: 'z', count: 1 } });
  });

  it('should give the queued items, then the failure', async () => {
    const queue = new MergingQueue<Item>(mergeText);
    queue.push(text('a'));
    queue.fail(new Error('upstream broke'));
    expect(await queue.next()).toEqual({ done: false, value: text('a') });
    await expect(queue.next()).rejects.toThrow('upstream broke');
    expect(await queue.next()).toEqual({ done: true, value: undefined });
  });

  it('should reject a waiting reader with a failure', async () => {
    const queue = new MergingQueue<Item>(mergeText);
    const waiting = queue.next();
    queue.fail(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
  });

  it('should call onClose once when the reader stops before the end, and not after the end', async () => {
    let closes = 0;
    const early = new MergingQueue<Item>(mergeText, () => void closes++);
    const waiting = early.next();
    await early.return();
    expect(await waiting).toEqual({ done: true, value: undefined });
    await early.return();
    early.push(text('late'));
    expect(await early.next()).toEqual({ done: true, value: undefined });
    expect(closes).toBe(1);

    const finished = new MergingQueue<Item>(mergeText, () => void closes++);
    finished.end();
    await finished.return();
    expect(closes).toBe(1);
  });
});
