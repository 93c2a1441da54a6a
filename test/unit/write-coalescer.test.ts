import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteCoalescer } from '../../src/http/write-coalescer.js';
import { waitFor } from '../helpers/ws.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A loopback TCP pair: the sending socket, and the chunks the other end received. */
async function pair(): Promise<{ sender: Socket; chunks: string[] }> {
  const chunks: string[] = [];
  const server = createServer((s) => s.on('data', (d) => chunks.push(String(d))));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const sender = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await once(sender, 'connect');
  cleanups.push(() => {
    sender.destroy();
    server.close();
  });
  return { sender, chunks };
}

describe('WriteCoalescer', () => {
  it("should send one turn's writes to a held socket together, after the turn's promises ran", async () => {
    const { sender, chunks } = await pair();
    const coalescer = new WriteCoalescer();
    for (let i = 0; i < 20; i++) {
      coalescer.hold(sender);
      await Promise.resolve(); // writes made from promise continuations of the same turn
      sender.write(`m${i};`);
    }
    expect(sender.writableLength).toBeGreaterThan(0); // still held in this turn
    const all = Array.from({ length: 20 }, (_, i) => `m${i};`).join('');
    await waitFor(() => chunks.join('') === all, 'every write to arrive');
    expect(chunks).toEqual([Array.from({ length: 20 }, (_, i) => `m${i};`).join('')]);
  });

  it('should leave a socket uncorked after the turn, so later writes go out at once', async () => {
    const { sender, chunks } = await pair();
    const coalescer = new WriteCoalescer();
    coalescer.hold(sender);
    sender.write('held;');
    await waitFor(() => chunks.join('') === 'held;', 'the held write to arrive');
    expect(sender.writableCorked).toBe(0);
    sender.write('free;');
    expect(sender.writableLength).toBe(0); // written straight through
    await waitFor(() => chunks.join('') === 'held;free;', 'the free write to arrive');
  });
});
