import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, elsewhere, launchBrowser, recordRequests, screenshot } from '../helpers/browser.js';
import { killStartedProcesses, startProcess } from '../helpers/gateway-process.js';

/**
 * The Playground's chat surface in a real browser (see helpers/browser.ts) against a gateway
 * process started as `npm start` starts it, offline: the mock provider calls tools, thinks when
 * asked to, answers a tool result and follows a JSON schema, deterministically.
 */
let browser: Browser;
let url: string;
let files: string;
const requested: string[] = [];

beforeAll(async () => {
  if (!browserAvailable) return;
  files = mkdtempSync(join(tmpdir(), 'sy-playground-'));
  const started = startProcess([], { PORT: '0', DATABASE_URL: join(files, 'db.sqlite') });
  url = await started.ready;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  killStartedProcesses();
});

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A PNG of `size`×`size` pixels, a colour gradient: a picture the thumbnail visibly shows. */
function png(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = Array.from({ length: size }, (_, y) =>
    Buffer.from([0, ...Array.from({ length: size }, (_, x) => [(x * 255) / size, (y * 255) / size, 160]).flat()]),
  );
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

interface StoredGeneration {
  status: string;
  maxTokens: number;
  finishReason: string;
  text: string;
  costUsd: number;
  toolCalls: { id: string; name: string; arguments: string }[];
  usage: { inputTokens: number; outputTokens: number; reasoningTokens: number };
}

const generationsOf = async (sessionId: string) =>
  (
    await gql<{ generations: { edges: { node: StoredGeneration }[] } }>(
      `query($id: ID!) { generations(filter: { sessionId: $id }) { edges { node {
        status maxTokens finishReason text costUsd toolCalls { id name arguments } usage { inputTokens outputTokens reasoningTokens } } } } }`,
      { id: sessionId },
    )
  ).generations.edges.map((e) => e.node);

const WEATHER_SCHEMA = JSON.stringify(
  {
    type: 'object',
    properties: {
      city: { type: 'string' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      days: { type: 'integer', minimum: 1 },
    },
    required: ['city', 'unit', 'days'],
  },
  null,
  2,
);

const lastStoredAssistant = (page: Page) => page.locator('.transcript .turn.assistant:not(.live)').last();

/** The input of every generateStream the page started, as sent over its WebSockets. */
function recordGenerateInputs(page: Page): Record<string, unknown>[] {
  const inputs: Record<string, unknown>[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const message = JSON.parse(String(payload)) as {
        type: string;
        payload?: { query: string; variables?: { input?: Record<string, unknown> } };
      };
      if (message.type === 'subscribe' && message.payload?.query.includes('generateStream') && message.payload.variables?.input)
        inputs.push(message.payload.variables.input);
    }),
  );
  return inputs;
}

describe.skipIf(!browserAvailable)('the Playground in Chromium, offline', () => {
  it('should call a tool as it streams, take its result, attach an image, answer JSON of a schema, and show each usage with its cost', async () => {
    // A mock that takes its time, so that the tool call is seen while it streams.
    await gql(
      'mutation { registerModel(input: { id: "mock-stepwise", provider: MOCK, pricing: { input: 1, output: 4 }, mock: { tokens: 8, tokenDelayMs: 250 } }) { model { id } } }',
    );
    const { createSession } = await gql<{ createSession: { id: string } }>(
      'mutation { createSession(input: { modelId: "mock-stepwise" }) { id } }',
    );
    const sessionId = createSession.id;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    recordRequests(page, requested);
    const sent = recordGenerateInputs(page);
    await page.goto(`${url}/#/playground?session=${sessionId}`);
    await page.getByTestId('current-model').getByText('mock-stepwise').waitFor();

    // The settings: a system prompt, sampling parameters (folded until opened), a tool.
    const settings = page.getByTestId('settings');
    await settings.locator('textarea[name=system]').fill('You are a weather assistant.');
    await page.getByTestId('section-sampling').locator('summary').click();
    await settings.locator('input[name=maxTokens]').fill('300');
    await settings.locator('input[name=temperature]').fill('0.3');
    await settings.locator('select[name=reasoningEffort]').selectOption('LOW');
    await page.getByTestId('section-sampling').locator('summary').click(); // folded again, its summary tells what is set
    expect(await page.getByTestId('section-sampling').locator('summary').textContent()).toBe('Sampling max 300 · temp 0.3 · effort low');
    await settings.getByRole('button', { name: 'Add a tool' }).click();
    await settings.locator('input[name=tool-name-0]').fill('get_weather');
    await settings.locator('input[name=tool-description-0]').fill('The forecast for a city');
    // A schema that does not parse is marked at its field and keeps the turn from being sent.
    await settings.locator('textarea[name=tool-parameters-0]').fill('{ "type": "object", ');
    const parametersError = settings.locator('label.field:has([name=tool-parameters-0]) .field-error');
    await parametersError.getByText(/^not valid JSON/).waitFor();
    await page.locator('textarea[name=prompt]').fill('What will the weather be in Paris?');
    expect(await page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByTestId('send-blocked').textContent()).toContain('Fix the settings marked in red');
    await settings.locator('textarea[name=tool-parameters-0]').fill('[1, 2]');
    await parametersError.getByText('expected a JSON object ({ … })').waitFor();
    await settings.locator('textarea[name=tool-parameters-0]').fill(WEATHER_SCHEMA);
    await parametersError.waitFor({ state: 'detached' });
    // What only the gateway checks comes back at its field too.
    await settings.locator('input[name=tool-name-0]').fill('get weather');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await settings
      .locator('label.field:has([name=tool-name-0]) .field-error')
      .getByText(/^expected a function name of letters, digits/)
      .waitFor();
    await settings.locator('input[name=tool-name-0]').fill('get_weather');
    await settings.locator('select[name=tool-choice]').selectOption('tool:get_weather');

    // Sent: the thinking, then the call, its arguments growing while it streams.
    await page.locator('textarea[name=prompt]').fill('What will the weather be in Paris?');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const live = page.locator('[data-testid=live-turn][data-state=streaming]');
    await live.getByTestId('thinking').waitFor();
    await live.getByTestId('tool-call-name').getByText('get_weather').waitFor();
    const argumentsSoFar = async () => (await live.getByTestId('tool-call-arguments').textContent())?.replace('▍', '') ?? '';
    const first = await argumentsSoFar();
    await page.waitForFunction((n) => {
      const args = document.querySelector('[data-testid=live-turn][data-state=streaming] [data-testid=tool-call-arguments]');
      return (args?.textContent?.replace('▍', '').length ?? 0) > n;
    }, first.length);
    // Stored: the call with its arguments, the results form, and the usage with its cost.
    const results = page.getByTestId('tool-results');
    await results.waitFor();
    const [asked] = await generationsOf(sessionId);
    expect(asked).toMatchObject({ status: 'SUCCEEDED', finishReason: 'TOOL_CALLS', maxTokens: 300 });
    const call = asked!.toolCalls[0]!;
    expect(JSON.parse(call.arguments)).toMatchObject({ city: expect.any(String), unit: 'celsius', days: 1 });
    const storedCall = lastStoredAssistant(page).getByTestId('tool-call');
    expect(await storedCall.getByTestId('tool-call-name').textContent()).toBe('get_weather');
    expect(JSON.parse((await storedCall.getByTestId('tool-call-arguments').textContent()) ?? '')).toEqual(JSON.parse(call.arguments));
    expect(asked!.usage.reasoningTokens).toBeGreaterThan(0);
    const usage = lastStoredAssistant(page).getByTestId('usage');
    expect(await usage.getByTestId('usage-input').textContent()).toBe(`in ${asked!.usage.inputTokens} (cached 0, cache write 0)`);
    expect(await usage.getByTestId('usage-output').textContent()).toBe(
      `out ${asked!.usage.outputTokens} (reasoning ${asked!.usage.reasoningTokens})`,
    );
    expect(await usage.getByTestId('usage-cost').textContent()).toBe(`$${asked!.costUsd.toFixed(6)}`);
    expect(await usage.getByText('estimated').count()).toBe(0);
    // What went out: the system prompt first, the parameters, the tool with its schema, the forced choice.
    expect(sent.at(-1)).toEqual({
      sessionId,
      messages: [
        { role: 'SYSTEM', content: 'You are a weather assistant.' },
        { role: 'USER', content: 'What will the weather be in Paris?' },
      ],
      params: { maxTokens: 300, temperature: 0.3 },
      tools: [{ name: 'get_weather', description: 'The forecast for a city', parameters: JSON.parse(WEATHER_SCHEMA) }],
      toolChoice: { name: 'get_weather' },
      reasoningEffort: 'LOW',
    });
    await lastStoredAssistant(page).getByTestId('thinking').waitFor(); // folded, kept for the stored turn
    expect(await page.getByRole('button', { name: 'Send', exact: true }).isDisabled()).toBe(true); // the calls come first

    // Answered: the results go out as TOOL messages after the stored call; the model answers in text.
    await results.locator('textarea[name=tool-result-0]').fill('{"forecast": "sunny", "high": 24}');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'playground-tools');
    await results.getByRole('button', { name: 'Send results' }).click();
    await lastStoredAssistant(page)
      .getByText('The get_weather tool answered: {"forecast": "sunny", "high": 24}')
      .waitFor({ timeout: 15_000 });
    const { session } = await gql<{ session: { messages: { role: string; content: string }[] } }>(
      'query($id: ID!) { session(id: $id) { messages { role content } } }',
      { id: sessionId },
    );
    expect(session.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant']);
    expect(session.messages[3]?.content).toBe('{"forecast": "sunny", "high": 24}');
    expect(await results.count()).toBe(0);
    expect(sent.at(-1)?.messages).toEqual([{ role: 'TOOL', toolCallId: call.id, content: '{"forecast": "sunny", "high": 24}' }]);

    // An image: too large a file is refused at once; a small one is shown, sent and answered.
    writeFileSync(join(files, 'large.png'), Buffer.concat([png(8), Buffer.alloc(800 * 1024)]));
    await page.locator('input[name=image]').setInputFiles(join(files, 'large.png'));
    expect(await page.getByTestId('image-error').textContent()).toMatch(/^large\.png is 8\d\d KB: attach an image of at most 700 KB/);
    writeFileSync(join(files, 'gradient.png'), png(48));
    await page.locator('input[name=image]').setInputFiles(join(files, 'gradient.png'));
    await page.getByTestId('attachment').getByText('gradient.png').waitFor();
    expect(await page.getByTestId('image-error').count()).toBe(0);
    await settings.locator('select[name=tool-choice]').selectOption('NONE');
    await page.locator('textarea[name=prompt]').fill('And what is in this picture?');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.locator('.transcript .turn.user', { hasText: 'And what is in this picture?' }).getByTestId('sent-image').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.transcript .turn.assistant:not(.live)').length === 3, null, {
      timeout: 15_000,
    });
    expect((await generationsOf(sessionId))[0]).toMatchObject({ status: 'SUCCEEDED', finishReason: 'STOP', toolCalls: [] });
    expect(sent.at(-1)?.messages).toEqual([
      {
        role: 'USER',
        parts: [{ text: 'And what is in this picture?' }, { imageUrl: { url: `data:image/png;base64,${png(48).toString('base64')}` } }],
      },
    ]);
    expect(sent.at(-1)?.toolChoice).toEqual({ mode: 'NONE' });
    // Stored, the user turn keeps its thumbnail on this page.
    await page
      .locator('.transcript .turn.user:not(.live)', { hasText: 'And what is in this picture?' })
      .getByTestId('sent-image')
      .waitFor();

    // A JSON answer of a schema (tools removed).
    await settings.getByTestId('tool-0').getByRole('button', { name: 'remove' }).click();
    await page.getByTestId('section-format').locator('summary').click();
    await settings.locator('select[name=format]').selectOption('JSON_SCHEMA');
    await settings.locator('textarea[name=formatSchema]').fill(WEATHER_SCHEMA);
    await page.locator('textarea[name=prompt]').fill('The forecast as JSON, please');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('.transcript .turn.assistant:not(.live)').length === 4, null, {
      timeout: 15_000,
    });
    const answer = JSON.parse((await lastStoredAssistant(page).locator('.text').textContent()) ?? '') as Record<string, unknown>;
    expect(answer).toMatchObject({ city: expect.any(String), unit: 'celsius', days: 1 });
    expect(sent.at(-1)).toMatchObject({ responseFormat: { type: 'JSON_SCHEMA', schema: JSON.parse(WEATHER_SCHEMA) } });
    expect(sent.at(-1)?.tools).toBeUndefined();
    const [json] = await generationsOf(sessionId);
    expect(await lastStoredAssistant(page).getByTestId('usage-cost').textContent()).toBe(`$${json!.costUsd.toFixed(6)}`);
    await screenshot(page, 'playground-json');

    expect(elsewhere(requested, url)).toEqual([]);
    await page.close();
  }, 90_000);
});
