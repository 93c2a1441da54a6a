import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { GenerateStream, GenerationsQuery } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';
import { subscribe, waitFor, wsClient } from '../helpers/ws.js';
import { fixture } from '../fakes/vendors.js';
import { eventKinds, tokenDeltas } from '../helpers/stream-events.js';

let v: VendorApp;
let client: Client;
let url: string;
beforeEach(async () => {
  v = await startVendorApp();
  url = await v.t.listen();
  client = wsClient(url);
});
afterEach(async () => {
  await client.dispose();
  await v.dispose();
});

type Event = { __typename: string } & Record<string, unknown>;

async function collectEvents(input: Parameters<typeof subscribe<unknown, { input: never }>>[2]): Promise<Event[]> {
  const events: Event[] = [];
  for await (const result of subscribe(client, GenerateStream, input as never)) {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    events.push(result.data?.generateStream as Event);
  }
  return events;
}

describe('generateStream over graphql-ws', () => {
  it('should yield started, one delta per upstream chunk when they arrive apart, then completed with the stored generation', async () => {
    v.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse'), delayMs: 5 });
    const events = await collectEvents({ input: { model: 'gpt-test', prompt: 'Hi' } } as never);
    expect(eventKinds(events)).toEqual(['GenerationStarted', 'TokenDelta…', 'GenerationCompleted']);
    const started = events[0] as Event & { generationId: string };
    expect(started).toMatchObject({ model: { id: 'gpt-test' } });
    expect(tokenDeltas(events)).toMatchObject({ text: 'Hello there! 你好 😀', chunks: 4 });
    for (const delta of events.filter((e) => e.__typename === 'TokenDelta')) expect(delta.generationId).toBe(started.generationId);
    // 5 ms apart, the chunks are read one by one: one delta each (unless this machine stalls for 5 ms).
    const deltas = events.filter((e) => e.__typename === 'TokenDelta').map((e) => [e.text, e.index, e.chunks]);
    if (deltas.length === 4)
      expect(deltas).toEqual([
        ['Hello', 0, 1],
        [' there', 1, 1],
        ['! 你好', 2, 1],
        [' 😀', 3, 1],
      ]);
    expect(events.at(-1)).toMatchObject({
      generation: {
        id: started.generationId,
        status: 'SUCCEEDED',
        text: 'Hello there! 你好 😀',
        finishReason: 'STOP',
        costMicroUsd: 660,
        usage: { inputTokens: 12, outputTokens: 5, estimated: false },
      },
    });
  });

  it('should merge chunks that arrive together into one delta: text, order and index kept', async () => {
    v.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse'), oneWrite: true });
    const events = await collectEvents({ input: { model: 'gpt-test', prompt: 'Hi' } } as never);
    expect(eventKinds(events)).toEqual(['GenerationStarted', 'TokenDelta…', 'GenerationCompleted']);
    const deltas = tokenDeltas(events);
    expect(deltas).toMatchObject({ text: 'Hello there! 你好 😀', chunks: 4 });
    expect(deltas.deltas).toBeLessThan(4);
    expect(events.at(-1)).toMatchObject({ generation: { status: 'SUCCEEDED', text: 'Hello there! 你好 😀' } });
  });

  it('should end with GenerationFailed carrying the partial text when the upstream fails after tokens', async () => {
    v.anthropic.respond('POST /v1/messages', { type: 'sse', body: fixture('anthropic/messages-overloaded-midstream.sse') });
    const events = await collectEvents({ input: { model: 'claude-test', prompt: 'Hi' } } as never);
    expect(eventKinds(events)).toEqual(['GenerationStarted', 'TokenDelta…', 'GenerationFailed']);
    expect(events.at(-1)).toMatchObject({
      code: 'UPSTREAM_ERROR',
      message: 'anthropic failed mid-stream: overloaded_error: Overloaded',
      partialText: 'Partial answer',
      generation: { status: 'FAILED', errorCode: 'UPSTREAM_ERROR' },
    });
  });

  it('should abort the upstream and store CANCELLED with partial usage when the subscription closes', async () => {
    v.openai.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse'), delayMs: 15 });
    const events = subscribe(client, GenerateStream, { input: { model: 'gpt-test', prompt: 'Hi' } });
    for await (const result of events) {
      if (result.data?.generateStream.__typename === 'TokenDelta') break; // closes the subscription
    }
    await v.openai.calls.at(-1)?.closedEarly;
    const app = v.t;
    await waitFor(
      async () => expectData(await app.run(GenerationsQuery, { filter: { status: ['CANCELLED'] } })).generations.edges.length === 1,
      'the CANCELLED record',
    );
    const { generations } = expectData(await app.run(GenerationsQuery, { filter: { status: ['CANCELLED'] } }));
    expect(generations.edges[0]?.node).toMatchObject({
      modelId: 'gpt-test',
      stream: true,
      text: 'Hello',
      usage: { outputTokens: 1, estimated: true },
    });
    expect(generations.edges[0]?.node.costMicroUsd).toBeGreaterThan(0);
  });

  it('should refuse a stream on an unknown model with a coded error', async () => {
    const error = await collectEvents({ input: { model: 'ghost', prompt: 'Hi' } } as never).catch((e: unknown) => e);
    expect(String(error)).toContain('NOT_FOUND');
  });

  it('should stream over SSE too (Yoga serves subscriptions as text/event-stream)', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query:
          'subscription { generateStream(input: {model: "claude-test", prompt: "Hi"}) { __typename ... on TokenDelta { text index chunks } } }',
      }),
    });
    const body = await response.text();
    const events = [...body.matchAll(/^data: (.*)$/gm)].map(
      (m) => (JSON.parse(m[1] as string) as { data: { generateStream: Event } }).data.generateStream,
    );
    expect(eventKinds(events)).toEqual(['GenerationStarted', 'TokenDelta…', 'GenerationCompleted']);
    expect(tokenDeltas(events)).toMatchObject({ text: 'Hello from Claude — ünïcödé', chunks: 4 });
  });
});
