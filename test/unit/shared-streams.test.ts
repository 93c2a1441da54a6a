import { Repeater } from '@repeaterjs/repeater';
import { describe, expect, it } from 'vitest';
import { SharedStreams } from '../../src/http/shared-streams.js';

/** A source whose values the test pushes; counts how often it was started and closed. */
function controlledSource() {
  let push: (value: number) => void = () => undefined;
  let stop: (error?: unknown) => void = () => undefined;
  const state = { starts: 0, closes: 0 };
  const start = async () => {
    state.starts++;
    return new Repeater<number>(async (p, s) => {
      push = (v) => void p(v);
      stop = s;
      await s;
      state.closes++;
    });
  };
  return { start, state, push: (v: number) => push(v), end: () => stop(), fail: (e: unknown) => stop(e) };
}

/** Lets every pending continuation run (no I/O involved): the next turn of the event loop, not a timer. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SharedStreams', () => {
  it('should start one source for readers of a key and give each every value after it joined', async () => {
    const sizes: number[] = [];
    const shared = new SharedStreams<number>((n) => sizes.push(n));
    const src = controlledSource();
    const [a, b] = (await Promise.all([shared.join('k', src.start), shared.join('k', src.start)])) as AsyncIterableIterator<number>[];
    await tick();
    src.push(1);
    await tick();
    const c = (await shared.join('k', src.start)) as AsyncIterableIterator<number>;
    src.push(2);
    expect(src.state.starts).toBe(1);
    expect(shared.size).toBe(1);
    expect([(await a?.next())?.value, (await a?.next())?.value]).toEqual([1, 2]);
    expect([(await b?.next())?.value, (await b?.next())?.value]).toEqual([1, 2]);
    expect((await c.next()).value).toBe(2);
    expect(sizes).toEqual([1]);
  });

  it('should keep separate keys apart and close a source when its last reader leaves', async () => {
    const shared = new SharedStreams<number>();
    const one = controlledSource();
    const two = controlledSource();
    const a = (await shared.join('one', one.start)) as AsyncIterableIterator<number>;
    const b = (await shared.join('one', one.start)) as AsyncIterableIterator<number>;
    const c = (await shared.join('two', two.start)) as AsyncIterableIterator<number>;
    expect(shared.size).toBe(2);
    await a.return?.();
    await tick();
    expect(one.state.closes).toBe(0);
    one.push(7);
    expect((await b.next()).value).toBe(7);
    await b.return?.();
    await tick();
    expect(one.state.closes).toBe(1);
    expect(shared.size).toBe(1);
    // A later reader of the closed key starts a new source.
    await shared.join('one', one.start);
    expect(one.state.starts).toBe(2);
    await c.return?.();
  });

  it('should not let a slow reader hold back the others', async () => {
    const shared = new SharedStreams<number>();
    const src = controlledSource();
    const slow = (await shared.join('k', src.start)) as AsyncIterableIterator<number>;
    const fast = (await shared.join('k', src.start)) as AsyncIterableIterator<number>;
    await tick();
    for (let i = 0; i < 5; i++) src.push(i);
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push((await fast.next()).value);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect((await slow.next()).value).toBe(0); // its own queue kept everything
  });

  it('should end or fail every reader with its source, and start afresh after', async () => {
    const shared = new SharedStreams<number>();
    const src = controlledSource();
    const a = (await shared.join('k', src.start)) as AsyncIterableIterator<number>;
    const b = (await shared.join('k', src.start)) as AsyncIterableIterator<number>;
    await tick();
    src.push(1);
    src.end();
    expect(await a.next()).toEqual({ value: 1, done: false });
    expect(await a.next()).toEqual({ value: undefined, done: true });
    expect((await b.next()).value).toBe(1);
    expect((await b.next()).done).toBe(true);
    expect(shared.size).toBe(0);

    const c = (await shared.join('k', src.start)) as AsyncIterableIterator<number>;
    await tick();
    src.fail(new Error('bus gone'));
    await expect(c.next()).rejects.toThrow('bus gone');
    expect((await c.next()).done).toBe(true);
    expect(src.state.starts).toBe(2);
  });

  it('should hand a refused start to every reader that waited on it, and share nothing', async () => {
    const shared = new SharedStreams<number>();
    let starts = 0;
    const refuse = async () => {
      starts++;
      await tick();
      return { errors: ['NOT_FOUND'] };
    };
    const answers = await Promise.all([shared.join('k', refuse), shared.join('k', refuse)]);
    expect(answers).toEqual([{ errors: ['NOT_FOUND'] }, { errors: ['NOT_FOUND'] }]);
    expect(starts).toBe(1);
    expect(shared.size).toBe(0);
    await shared.join('k', refuse);
    expect(starts).toBe(2);
    const failing = async (): Promise<AsyncIterable<number>> => {
      throw new Error('no context');
    };
    await expect(shared.join('x', failing)).rejects.toThrow('no context');
    expect(shared.size).toBe(0);
  });
});
