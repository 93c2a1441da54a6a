import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { MOCK_MODEL } from '../helpers/test-config.js';

const LIMIT = 2 * 1024 * 1024;
let t: TestApp;
let base: string;

beforeAll(async () => {
  t = await startTestApp({
    file: { models: [MOCK_MODEL], defaultModel: 'mock-a', limits: { maxBodyBytes: LIMIT, maxImageUrlChars: LIMIT } },
  });
  base = await t.listen();
});
afterAll(() => t.dispose());

/** A base64 PNG data URL of about `bytes` characters (a real PNG header, then filler the gateway never decodes). */
const image = (bytes: number) => `data:image/png;base64,iVBORw0KGgo${'A'.repeat(bytes)}`;

const chat = (url: string) =>
  fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'mock-a',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url } },
          ],
        },
      ],
    }),
  });

describe('limits.maxBodyBytes', () => {
  it('should take a body up to the configured size on /v1 (a 1.5 MiB image) and refuse one past it with 413 naming the limit', async () => {
    const taken = await chat(image(1536 * 1024));
    expect(taken.status).toBe(200);
    const refused = await chat(image(LIMIT + 1024));
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain(String(LIMIT));
  });

  it('should hold GraphQL and WebSocket messages to the same limit', async () => {
    const query = `mutation { generate(input: { prompt: "${'x'.repeat(1536 * 1024)}" }) { id } }`;
    const taken = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(taken.status).toBe(200);
    const tooLarge = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(LIMIT)}` }),
    });
    expect(tooLarge.status).toBe(413);
    // A message under the limit (but past the default 1 MiB) is read: not a graphql-ws message, it closes with 4400.
    // One past the limit is refused on its frame header: 1009.
    const closeCode = async (size: number) => {
      const socket = new WebSocket(`${base.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      await new Promise((resolve) => socket.once('open', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send('x'.repeat(size));
      return closed;
    };
    expect(await closeCode(1536 * 1024)).toBe(4400);
    expect(await closeCode(LIMIT + 1)).toBe(1009);
  });
});
