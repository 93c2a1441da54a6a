import { Repeater } from '@repeaterjs/repeater';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { deliverDirectly } from '../../src/http/broadcast-delivery.js';

/** A socket that records what is sent to it. */
function fakeSocket() {
  const sent: string[] = [];
  const socket = { OPEN: 1, readyState: 1, send: (data: string) => sent.push(data) };
  return { socket: socket as unknown as WebSocket, sent, close: () => (socket.readyState = 3) };
}

function source() {
  let push: (r: ExecutionResult) => void = () => undefined;
  let stop: (e?: unknown) => void = () => undefined;
  const results = new Repeater<ExecutionResult>(async (p, s) => {
    push = (r) => void p(r);
    stop = s;
    await s;
  });
  return { results, push: (r: ExecutionResult) => push(r), end: () => stop(), fail: (e: unknown) => stop(e) };
}

/** Lets every pending continuation run (no I/O involved): the next turn of the event loop, not a timer. */
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('deliverDirectly', () => {
  it('should write graphql-transport-ws next messages with the subscription id, then end when the source ends', async () => {
    const { socket, sent } = fakeSocket();
    const src = source();
    let holds = 0;
    const delivery = deliverDirectly(src.results, socket, 'sub"1', () => holds++);
    const ended = delivery.next();
    await tick();
    src.push({ data: { modelSwitched: { revision: 2 } } });
    src.push({ data: null, errors: [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL' } })] });
    await tick();
    expect(sent.map((m) => JSON.parse(m))).toEqual([
      { id: 'sub"1', type: 'next', payload: { data: { modelSwitched: { revision: 2 } } } },
      { id: 'sub"1', type: 'next', payload: { data: null, errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL' } }] } },
    ]);
    expect(holds).toBe(2);
    src.end();
    expect(await ended).toEqual({ done: true, value: undefined });
  });

  it('should hand a failing source to graphql-ws through next(), and stop writing once closed or the socket is gone', async () => {
    const failing = source();
    const first = fakeSocket();
    const failed = deliverDirectly(failing.results, first.socket, '1', () => undefined).next();
    await tick();
    failing.fail(new Error('bus gone'));
    await expect(failed).rejects.toThrow('bus gone');

    const src = source();
    const second = fakeSocket();
    const delivery = deliverDirectly(src.results, second.socket, '2', () => undefined);
    const ended = delivery.next();
    await tick();
    second.close();
    src.push({ data: { x: 1 } });
    await tick();
    expect(second.sent).toEqual([]);
    await delivery.return?.();
    expect(await ended).toEqual({ done: true, value: undefined });
  });
});
