import { afterEach, describe, expect, it } from 'vitest';
import { CreateApiKey, GenerationsQuery, RegisterModel, RevokeApiKey } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { TEST_ADMIN_KEY } from '../helpers/test-config.js';
import { waitFor } from '../helpers/ws.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

/** An SSE response read event by event: the data lines of each `event: next`, and whether it completed. */
async function* sseEvents(response: Response): AsyncGenerator<{ event: string; data: string }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += value;
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
      if (event) yield { event, data }; // keep-alive comments carry no event
    }
  }
}

async function revocableSetup() {
  t = await startTestApp({ env: { SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY } });
  const url = await t.listen();
  const { createApiKey } = expectData(await t.run(CreateApiKey, { input: { name: 'sse', scopes: ['CLIENT'] } }, TEST_ADMIN_KEY));
  const bystander = expectData(await t.run(CreateApiKey, { input: { name: 'other', scopes: ['CLIENT'] } }, TEST_ADMIN_KEY)).createApiKey;
  expectData(
    await t.run(RegisterModel, { input: { id: 'mock-slow', provider: 'MOCK', mock: { tokens: 200, tokenDelayMs: 10 } } }, TEST_ADMIN_KEY),
  );
  const post = (key: string, query: string, accept = 'text/event-stream') =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${key}` },
      body: JSON.stringify({ query }),
    });
  return { app: t, key: createApiKey.key, keyId: createApiKey.apiKey.id, bystanderKey: bystander.key, post };
}

describe('revoking a key ends its open operations on every transport', () => {
  it('should end an SSE generateStream (stored CANCELLED) and an SSE modelEvents, and leave another key’s stream alone', async () => {
    const { app, key, keyId, bystanderKey, post } = await revocableSetup();
    const stream = sseEvents(await post(key, 'subscription { generateStream(input: {model: "mock-slow", prompt: "go"}) { __typename } }'));
    const feed = sseEvents(await post(key, 'subscription { modelEvents { type } }'));
    const other = sseEvents(
      await post(bystanderKey, 'subscription { generateStream(input: {model: "mock-slow", prompt: "go"}) { __typename } }'),
    );
    expect((await stream.next()).value?.data).toContain('GenerationStarted');
    expect((await other.next()).value?.data).toContain('GenerationStarted');
    await waitFor(() => app.app.services.openOperations.size === 3, 'the three operations to be open');

    expectData(await app.run(RevokeApiKey, { id: keyId }, TEST_ADMIN_KEY));

    const rest: Array<{ event: string; data: string }> = [];
    for await (const e of stream) rest.push(e);
    const last = rest.filter((e) => e.event === 'next').at(-1);
    expect(JSON.parse(last!.data)).toMatchObject({ errors: [{ message: 'the API key was revoked', extensions: { code: 'FORBIDDEN' } }] });
    expect(rest.at(-1)?.event).toBe('complete');
    const feedRest: string[] = [];
    for await (const e of feed) feedRest.push(e.data);
    expect(feedRest.join('\n')).toContain('the API key was revoked');

    await waitFor(
      async () =>
        expectData(await app.run(GenerationsQuery, { filter: { status: ['CANCELLED'] } }, TEST_ADMIN_KEY)).generations.edges.length === 1,
      'the cut stream stored CANCELLED',
    );
    // The other key's stream runs on to its end.
    const types: string[] = [];
    for await (const e of other) if (e.event === 'next') types.push(JSON.parse(e.data).data.generateStream.__typename);
    expect(types.at(-1)).toBe('GenerationCompleted');
    expect(app.app.services.openOperations.size).toBe(0);
  });

  it('should abort a running generate over HTTP (answered FORBIDDEN, stored CANCELLED)', async () => {
    const { app, key, keyId, post } = await revocableSetup();
    const pending = post(key, 'mutation { generate(input: {model: "mock-slow", prompt: "go"}) { id status } }', 'application/json');
    await waitFor(() => app.app.services.openOperations.size === 1, 'the generate to be running');
    expectData(await app.run(RevokeApiKey, { id: keyId }, TEST_ADMIN_KEY));
    const body = (await (await pending).json()) as { errors?: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors?.[0]).toMatchObject({
      message: 'the API key was revoked',
      extensions: { code: 'FORBIDDEN', generationId: expect.any(String) },
    });
    const cancelled = expectData(await app.run(GenerationsQuery, { filter: { status: ['CANCELLED'] } }, TEST_ADMIN_KEY)).generations.edges;
    expect(cancelled).toHaveLength(1);
  });
});
