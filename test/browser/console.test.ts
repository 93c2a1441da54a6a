import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, elsewhere, launchBrowser, recordRequests, screenshot } from '../helpers/browser.js';
import { killStartedProcesses, startProcess } from '../helpers/gateway-process.js';

/**
 * The web console in a real browser (see helpers/browser.ts) against a gateway process started as
 * `npm start` starts it (the console built by the global setup, as `npm start` builds it), with
 * the network cable out. Every wait is on a condition in the page, never a sleep.
 */
let browser: Browser;
let url: string;
const requested: string[] = [];

beforeAll(async () => {
  if (!browserAvailable) return;
  const started = startProcess([], {
    PORT: '0',
    DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'sy-console-')), 'db.sqlite'),
    SWITCHYARD_MASTER_KEY: randomBytes(32).toString('base64'),
  });
  url = await started.ready;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  killStartedProcesses();
});

async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  key?: string,
  base = url,
): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  recordRequests(page, requested);
  await page.goto(`${url}/${path}`);
  return page;
}

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();

describe.skipIf(!browserAvailable)('the web console in Chromium, offline', () => {
  it('should show the registry live: a model registered elsewhere appears without a reload', async () => {
    const page = await open('#/models');
    await page.locator('tr[data-model="mock-fast"]').getByText('HEALTHY').waitFor();
    await gql('mutation { registerModel(input: { id: "mock-live", provider: MOCK, pricing: { input: 1, output: 2 } }) { model { id } } }');
    await page.locator('tr[data-model="mock-live"]').getByText('HEALTHY').waitFor();
    // Edit: a new price, saved with updateModel and shown in the row.
    const row = page.locator('tr[data-model="mock-live"]');
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByTestId('model-form').locator('input[name=priceOut]').fill('2.5');
    await page.getByTestId('model-form').getByRole('button', { name: 'Save' }).click();
    await row.getByText('$1 / $2.5').waitFor();
    const { model } = await gql<{ model: { pricing: { output: number } } }>('{ model(id: "mock-live") { pricing { output } } }');
    expect(model.pricing.output).toBe(2.5);
    // Check now runs a probe; Disable takes it out of service (and a change made elsewhere shows too).
    await row.getByRole('button', { name: 'Check now' }).click();
    await row.getByRole('button', { name: 'Disable' }).click();
    await row.getByText('DISABLED').waitFor();
    await gql('mutation { enableModel(id: "mock-live") { model { id } } }');
    await row.getByText('HEALTHY').waitFor();
    await gql('mutation { disableModel(id: "mock-live") { id } }');
    await row.getByText('DISABLED').waitFor();
    await screenshot(page, 'models');
    await page.close();
  });

  it("should show the catalog's view of each model: context window, modalities, tool support, status, and where its price comes from", async () => {
    const page = await open('#/models');
    const row = page.locator('tr[data-model="gpt-4.1"]');
    await row.getByTestId('model-modalities').waitFor();
    const { model } = await gql<{
      model: { contextWindow: number; modalities: { input: string[]; output: string[] }; pricing: { input: number; output: number } };
    }>('{ model(id: "gpt-4.1") { contextWindow modalities { input output } pricing { input output } } }');
    expect(await row.getByTestId('model-context').textContent()).toBe(`${model.contextWindow.toLocaleString('en-US')} ctx`);
    expect(await row.getByTestId('model-modalities').textContent()).toBe(
      `${model.modalities.input.join(', ')} → ${model.modalities.output.join(', ')}`,
    );
    expect(await row.getByTestId('model-abilities').textContent()).toContain('tools');
    expect(await row.getByTestId('model-price').textContent()).toBe(`$${model.pricing.input} / $${model.pricing.output}from the catalog`);
    // A model the catalog does not list says so; a mock model's own price is not marked as the catalog's.
    await page.locator('tr[data-model="ernie-4.5"]').getByText('UNLISTED').waitFor();
    expect(await page.locator('tr[data-model="mock-fast"]').getByTestId('model-price').textContent()).toBe('$0.5 / $1.5');
    await screenshot(page, 'models-catalog');
    await page.close();
  });

  it('should show each field error of a bad registration at its field, and register nothing', async () => {
    const page = await open('#/models');
    await page.getByRole('button', { name: 'Register a model' }).click();
    const form = page.getByTestId('model-form');
    await form.locator('input[name=id]').fill('bad one');
    await form.locator('select[name=provider]').selectOption('OPENAI');
    await form.locator('input[name=baseUrl]').fill('ftp://x');
    await form.locator('input[name=priceIn]').fill('-1');
    await form.locator('input[name=priceOut]').fill('2');
    await form.getByRole('button', { name: 'Register' }).click();
    const errorOf = (name: string) => form.locator(`label.field:has([name=${name}]) .field-error`);
    await errorOf('baseUrl').waitFor();
    expect(await errorOf('baseUrl').textContent()).toBe('expected an absolute http(s) URL, got "ftp://x"');
    expect(await errorOf('id').textContent()).toMatch(/^expected a model id: letters, digits/);
    expect(await errorOf('priceIn').textContent()).toBe('expected a number ≥ 0, got -1');
    await screenshot(page, 'register-errors');
    // Text in a number field: GraphQL's own check, shown at its field too.
    await form.locator('input[name=priceIn]').fill('abc');
    await form.getByRole('button', { name: 'Register' }).click();
    await form.locator('label.field:has([name=priceIn]) .field-error', { hasText: 'Float cannot represent non numeric value' }).waitFor();
    const { models } = await gql<{ models: { id: string }[] }>('{ models(filter: { includeRetired: true }) { id } }');
    expect(models.map((m) => m.id)).not.toContain('bad one');
    await page.close();
  });

  it('should follow a switch made in one tab in a second tab on the same session, then stream an answer and stop another', async () => {
    await gql(
      'mutation { registerModel(input: { id: "mock-long", provider: MOCK, pricing: { input: 1, output: 2 }, mock: { tokens: 400, tokenDelayMs: 25 } }) { model { id } } }',
    );
    const { createSession } = await gql<{ createSession: { id: string } }>(
      'mutation { createSession(input: { modelId: "mock-fast" }) { id } }',
    );
    const a = await open(`#/playground?session=${createSession.id}`);
    const b = await open(`#/playground?session=${createSession.id}`);
    for (const tab of [a, b]) await tab.getByTestId('current-model').getByText('mock-fast').waitFor();

    await a.locator('select[name=switch-target]').selectOption('model:mock-slow');
    await a.getByRole('button', { name: 'Switch' }).click();
    expect(await a.getByTestId('switch-confirmation').textContent()).toMatch(
      /^Switched from mock-fast to mock-slow in [\d.,<]+\s?\d*\.?\d* ms \(revision 2\)\.$/,
    );
    await b.getByTestId('current-model').getByText('mock-slow').waitFor();
    expect(await text(b, 'revision')).toContain('revision 2');
    await b.getByTestId('switch-log').getByText('mock-fast → mock-slow').waitFor();
    await b.getByTestId('session-list').getByText('mock-slow').waitFor(); // the list follows too

    // A stream: tokens show while it runs, with the running cost; it completes on the model that answered.
    await a.locator('textarea[name=prompt]').fill('Tell me a story');
    await a.getByRole('button', { name: 'Send' }).click();
    await a.waitForFunction(() => {
      const turn = document.querySelector('[data-testid=live-turn]');
      return (
        turn?.getAttribute('data-state') === 'streaming' && (turn.querySelector('[data-testid=live-text]')?.textContent ?? '').length > 0
      );
    });
    // Completed: the stored turn replaces the live one, naming the model that answered.
    await a.locator('.transcript .turn.assistant:not(.live)', { hasText: 'mock-slow' }).waitFor({ timeout: 15_000 });
    const { generations } = await gql<{
      generations: { edges: { node: { status: string; modelId: string; text: string; costUsd: number } }[] };
    }>('query($id: ID!) { generations(filter: { sessionId: $id }) { edges { node { status modelId text costUsd } } } }', {
      id: createSession.id,
    });
    expect(generations.edges.map((e) => [e.node.status, e.node.modelId])).toEqual([['SUCCEEDED', 'mock-slow']]);
    expect(await a.locator('.transcript .turn.assistant .text').last().textContent()).toBe(generations.edges[0]?.node.text);
    // Tab B shows the stored turn too (usageUpdated names its session).
    await b.locator('.transcript .turn.assistant:not(.live)', { hasText: 'mock-slow' }).waitFor();

    // Another, stopped while it streams: stored CANCELLED.
    await a.locator('select[name=switch-target]').selectOption('model:mock-long');
    await a.getByRole('button', { name: 'Switch' }).click();
    await b.getByTestId('current-model').getByText('mock-long').waitFor();
    await a.locator('textarea[name=prompt]').fill('A long one, please');
    await a.getByRole('button', { name: 'Send' }).click();
    await a.waitForFunction(() => (document.querySelector('[data-testid=live-text]')?.textContent ?? '').length > 0);
    await screenshot(a, 'playground');
    await a.getByRole('button', { name: 'Stop' }).click();
    await a
      .getByTestId('turn-outcome')
      .getByText(/^CANCELLED · stored CANCELLED/)
      .waitFor();
    // Stopped at once (400 tokens 25 ms apart would take 10 s), not when the stream ran out.
    expect(Number(/· (\d+) tokens billed/.exec((await text(a, 'turn-outcome')) ?? '')?.[1])).toBeLessThan(100);
    const stopped = await gql<{ generations: { edges: { node: { status: string; modelId: string; finishReason: string } }[] } }>(
      'query($id: ID!) { generations(filter: { sessionId: $id, status: [CANCELLED] }) { edges { node { status modelId finishReason } } } }',
      { id: createSession.id },
    );
    expect(stopped.generations.edges.map((e) => e.node)).toEqual([
      { status: 'CANCELLED', modelId: 'mock-long', finishReason: 'CANCELLED' },
    ]);
    await a.close();
    await b.close();
  }, 60_000);

  it('should show dashboard totals equal to the costs query, and update them live as generations are stored', async () => {
    for (const model of ['mock-fast', 'mock-slow', 'mock-fast'])
      await gql('mutation($m: ID!) { generate(input: { model: $m, prompt: "Hi there" }) { id } }', { m: model });
    const page = await open('#/costs');
    const range = page.getByTestId('cost-range');
    await range.waitFor({ state: 'attached' });
    const filter = { since: await range.getAttribute('data-since'), until: await range.getAttribute('data-until') };
    const totalsNow = async () =>
      (
        await gql<{
          costs: { totals: { requests: number; costMicroUsd: number; failures: number; inputTokens: number; outputTokens: number } };
        }>(
          'query($f: CostFilter) { costs(filter: $f, groupBy: MODEL) { totals { requests costMicroUsd failures inputTokens outputTokens } } }',
          { f: filter },
        )
      ).costs.totals;
    const shows = (testId: string, value: number) =>
      page.waitForFunction(([id, v]) => document.querySelector(`[data-testid=${id}]`)?.getAttribute('data-value') === String(v), [
        testId,
        value,
      ] as const);
    const expectTotals = async () => {
      const totals = await totalsNow();
      await shows('total-requests', totals.requests);
      await shows('total-spend', totals.costMicroUsd);
      await shows('total-errors', totals.failures);
      await shows('total-input', totals.inputTokens);
      await shows('total-output', totals.outputTokens);
      return totals;
    };
    const before = await expectTotals();
    expect(before.requests).toBeGreaterThanOrEqual(3);
    await page.getByTestId('cost-table').locator('tr[data-key="mock-slow"]').waitFor();

    // Live: a generation stored elsewhere moves the totals without a reload.
    await gql('mutation { generate(input: { model: "mock-slow", prompt: "One more" }) { id } }');
    const after = await expectTotals();
    expect(after.requests).toBe(before.requests + 1);
    await page.getByTestId('cost-chart').locator('canvas').waitFor();
    await screenshot(page, 'costs');
    // A date being edited (empty) asks nothing and breaks nothing.
    await page.locator('input[name=from]').fill('');
    await page.getByText('Choose two dates').waitFor();
    expect(await page.locator('nav.sidebar a').count()).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Today' }).click();
    await shows('total-requests', after.requests);

    // CSV export: the table's rows and the total, as the page shows them.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await (await (await download).createReadStream()).toArray();
    const lines = Buffer.concat(csv).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('group,key,requests,errors,input_tokens,output_tokens,cost_usd');
    expect(lines.at(-1)?.startsWith(`total,,${after.requests},${after.failures},${after.inputTokens},${after.outputTokens},`)).toBe(true);
    await page.close();
  }, 60_000);

  it('should create a pool through its form (field errors first), then a key (limited to two models) whose secret shows once, revoke it, and store, rotate and delete a vendor credential', async () => {
    const page = await open('#/pools');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByText('mock-pool').first().waitFor();
    await page.getByRole('button', { name: 'New pool' }).click();
    const form = page.getByTestId('pool-form');
    await form.locator('input[name=name]').fill('bad name!');
    await form.locator('select[name=member-0]').selectOption('mock-fast');
    await form.locator('input[name=weight-0]').fill('-1');
    await form.getByRole('button', { name: 'Save' }).click();
    const errorOf = (name: string) => form.locator(`label.field:has([name=${name}]) .field-error`);
    await errorOf('weight-0').waitFor();
    expect(await errorOf('weight-0').textContent()).toBe('expected a number from 0 to 1000000, got -1');
    expect(await errorOf('name').textContent()).toMatch(/^expected a pool name/);
    await screenshot(page, 'pool-errors');
    await form.locator('input[name=name]').fill('console-pool');
    await form.locator('input[name=weight-0]').fill('2');
    await form.getByRole('button', { name: 'Add a member' }).click();
    await form.locator('select[name=member-1]').selectOption('mock-slow');
    await form.locator('select[name=strategy]').selectOption('ROUND_ROBIN');
    await form.locator('input[name=sticky]').check();
    await form.locator('input[name=stickyTtlSeconds]').fill('600');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.locator('td', { hasText: 'console-pool' }).waitFor();
    const { pools } = await gql<{
      pools: {
        name: string;
        strategy: string;
        sticky: boolean;
        stickyTtlSeconds: number | null;
        members: { modelId: string; weight: number }[];
      }[];
    }>('{ pools { name strategy sticky stickyTtlSeconds members { modelId weight } } }');
    expect(pools.find((p) => p.name === 'console-pool')).toEqual({
      name: 'console-pool',
      strategy: 'ROUND_ROBIN',
      sticky: true,
      stickyTtlSeconds: 600,
      members: [
        { modelId: 'mock-fast', weight: 2 },
        { modelId: 'mock-slow', weight: 1 },
      ],
    });
    await screenshot(page, 'pools');

    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('button', { name: 'Create a key' }).click();
    await page.locator('input[name=name]').fill('from-the-console');
    await page.locator('input[name=daily]').fill('1.5');
    await page.locator('input[name=models]').fill('mock-fast, mock-pool');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const secret = await page.getByTestId('new-key-secret').inputValue();
    expect(secret).toMatch(/^sy_/);
    const { viewer } = await gql<{ viewer: { apiKeyId: string | null; scopes: string[] } }>('{ viewer { apiKeyId scopes } }', {}, secret);
    expect(viewer).toMatchObject({ scopes: ['CLIENT'] });
    const row = page.getByTestId('keys-table').locator('tr', { hasText: 'from-the-console' });
    await row.getByText('$1.50').first().waitFor();
    await row.getByText('mock-fast, mock-pool').waitFor();
    await screenshot(page, 'keys');
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.getByTestId('new-key-secret').count()).toBe(0); // shown once: gone for good
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText(/^revoked/).waitFor();
    await expect(gql('{ viewer { apiKeyId } }', {}, secret)).rejects.toThrow(/UNAUTHENTICATED/);

    // Vendor credentials: stored, listed by mask only, rotated, deleted.
    const vendorKey = 'sk-console-test-0123456789wxyz';
    await page.getByRole('button', { name: 'Add a credential' }).click();
    await page.locator('input[name=credentialName]').fill('console-cred');
    await page.locator('input[name=credentialSecret]').fill(vendorKey);
    await page.getByRole('button', { name: 'Store' }).click();
    const credential = page.getByTestId('credentials-table').locator('tr', { hasText: 'console-cred' });
    await credential.getByText('…wxyz').waitFor();
    expect(await page.content()).not.toContain(vendorKey);
    await credential.getByRole('button', { name: 'Rotate' }).click();
    await page.locator('input[name=credentialSecret]').fill('sk-console-rotated-00000009876');
    await page.getByRole('button', { name: 'Save the new key' }).click();
    await credential.getByText('…9876').waitFor();
    await screenshot(page, 'credentials');
    await credential.getByRole('button', { name: 'Delete' }).click();
    await credential.waitFor({ state: 'detached' });
    expect(await gql<{ credentials: unknown[] }>('{ credentials { name } }')).toEqual({ credentials: [] });

    await page.getByRole('link', { name: 'Config' }).click();
    await page.getByRole('button', { name: 'Reload the file now' }).click();
    await page.getByTestId('config-status').getByText('applied').waitFor();
    expect(await page.getByTestId('config-status').textContent()).toContain('switchyard.config.yml');
    await screenshot(page, 'config');
    await page.close();
  }, 60_000);

  it('should list requests live under filters (status, key) and open one with what the gateway kept of it', async () => {
    const { createApiKey } = await gql<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      'mutation { createApiKey(input: { name: "requests-key", scopes: [CLIENT] }) { key apiKey { id } } }',
    );
    const generate = async (model: string, key?: string) =>
      (
        await gql<{ generate: { id: string } }>(
          'mutation($m: ID!) { generate(input: { model: $m, prompt: "Hello requests" }) { id } }',
          { m: model },
          key,
        )
      ).generate.id;
    const keyed = await generate('mock-fast', createApiKey.key);
    // No OPENAI_API_KEY in the gateway's environment: refused before any call, stored FAILED.
    await expect(generate('gpt-4.1')).rejects.toThrow(/MODEL_UNAVAILABLE/);
    const page = await open('#/requests');
    const row = (id: string) => page.locator(`tr[data-request="${id}"]`);
    await row(keyed).waitFor();
    // Live: one stored elsewhere appears on top, fetched by id, without a reload.
    const later = await generate('mock-fast');
    await row(later).and(page.locator('[data-live=true]')).waitFor();
    expect(await page.locator('tr[data-request]').first().getAttribute('data-request')).toBe(later);
    // A burst (fetched as the newest page rather than one by one) shows whole too.
    const burst = await Promise.all([1, 2, 3, 4, 5].map(() => generate('mock-fast')));
    for (const id of burst) await row(id).waitFor();

    // Status FAILED: the rows are the failed generations the query lists.
    const shown = () => page.locator('tr[data-request]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-request')));
    const failed = await gql<{ generations: { edges: { node: { id: string } }[] } }>(
      '{ generations(first: 50, filter: { status: [FAILED] }) { edges { node { id } } } }',
    );
    await page.locator('select[name=status]').selectOption('FAILED');
    const failedIds = failed.generations.edges.map((e) => e.node.id);
    expect(failedIds.length).toBeGreaterThan(0);
    await page.waitForFunction((n) => document.querySelectorAll('tr[data-request]').length === n, failedIds.length);
    expect(await shown()).toEqual(failedIds);
    await row(failedIds[0] ?? '')
      .getByRole('button')
      .click();
    const detail = page.getByTestId('request-detail');
    expect(await detail.getByTestId('request-error').textContent()).toMatch(/^MODEL_UNAVAILABLE: model "gpt-4.1" is UNHEALTHY/);
    await detail.getByTestId('request-not-logged').waitFor();
    await screenshot(page, 'request-failed');

    // One key: only its requests, and only its new ones arrive live (the subscription is the key's).
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.locator('select[name=key]').selectOption({ label: 'requests-key' });
    await page.waitForFunction(
      (id) => [...document.querySelectorAll('tr[data-request]')].map((r) => r.getAttribute('data-request')).join() === id,
      keyed,
    );
    await generate('mock-fast');
    const keyedLater = await generate('mock-fast', createApiKey.key);
    await row(keyedLater).waitFor();
    expect(await shown()).toEqual([keyedLater, keyed]);

    // Opened: the figures are the generation's.
    await row(keyed).getByRole('button').click();
    await page.locator(`[data-testid=request-detail][data-request="${keyed}"] [data-testid=request-facts]`).waitFor();
    const { generation } = await gql<{
      generation: {
        text: string;
        createdAt: string;
        completedAt: string;
        latencyMs: number;
        costMicroUsd: number;
        usage: { inputTokens: number };
      };
    }>('query($id: ID!) { generation(id: $id) { text createdAt completedAt latencyMs costMicroUsd usage { inputTokens } } }', {
      id: keyed,
    });
    const shownValue = (testId: string) => detail.getByTestId(testId).getAttribute('data-value');
    expect(await shownValue('request-cost')).toBe(String(generation.costMicroUsd));
    const admission = new Date(generation.completedAt).getTime() - new Date(generation.createdAt).getTime() - generation.latencyMs;
    expect(await shownValue('request-admission')).toBe(String(Math.max(0, admission)));
    expect(await detail.getByTestId('request-usage').locator('td').first().textContent()).toBe(String(generation.usage.inputTokens));
    expect(await detail.getByTestId('request-answer').locator('.text').textContent()).toBe(generation.text);
    expect(await detail.getByTestId('request-attempts').locator('tbody tr').count()).toBe(1);
    expect(await detail.getByTestId('request-not-logged').textContent()).toContain('key requests-key: inherits');

    // The key's request log set to full in the keys view: its next request keeps its messages, and the search finds it, live too.
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.locator(`select[name="requestLog-${createApiKey.apiKey.id}"]`).selectOption('FULL');
    const keyMode = async () =>
      (await gql<{ apiKeys: { id: string; requestLog: string | null }[] }>('{ apiKeys { id requestLog } }')).apiKeys.find(
        (k) => k.id === createApiKey.apiKey.id,
      )?.requestLog;
    await expect.poll(keyMode).toBe('FULL');
    const ask = async (prompt: string) =>
      (
        await gql<{ generate: { id: string } }>(
          'mutation($p: String!) { generate(input: { model: "mock-fast", prompt: $p }) { id } }',
          { p: prompt },
          createApiKey.key,
        )
      ).generate.id;
    const logged = await ask('Where stood the Lighthouse of Alexandria?');
    await page.getByRole('link', { name: 'Requests' }).click();
    await page.locator('input[name=search]').fill('lighthouse OF alex');
    await page.waitForFunction(
      (id) => [...document.querySelectorAll('tr[data-request]')].map((r) => r.getAttribute('data-request')).join() === id,
      logged,
    );
    const loggedLater = await ask('And who built the lighthouse of Alexandria?');
    await row(loggedLater).waitFor();
    expect(await shown()).toEqual([loggedLater, logged]);
    await row(logged).getByRole('button').click();
    const messages = page.locator(`[data-testid=request-detail][data-request="${logged}"] [data-testid=request-messages]`);
    await messages.waitFor();
    expect(await messages.locator('.turn .text').allTextContents()).toEqual(['Where stood the Lighthouse of Alexandria?']);
    await screenshot(page, 'requests');

    // A model's mode, set in its form.
    await page.getByRole('link', { name: 'Models' }).click();
    await page.locator('tr[data-model="mock-slow"]').getByRole('button', { name: 'Edit' }).click();
    await page.getByTestId('model-form').locator('select[name=requestLog]').selectOption('OFF');
    await page.getByTestId('model-form').getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('model-form').waitFor({ state: 'detached' });
    const { model } = await gql<{ model: { requestLog: string | null } }>('{ model(id: "mock-slow") { requestLog } }');
    expect(model.requestLog).toBe('OFF');
    await page.close();
  }, 60_000);

  it('should have requested nothing from a host other than the gateway', () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(elsewhere(requested, url)).toEqual([]);
    expect(requested.some((address) => address.startsWith(`ws://${new URL(url).host}/graphql`))).toBe(true);
  });
});

describe.skipIf(!browserAvailable)('the web console with authentication on', () => {
  const ADMIN = 'console-admin-key-0123456789';
  let authUrl: string;
  beforeAll(async () => {
    const started = startProcess([], {
      PORT: '0',
      HOST: '127.0.0.1',
      SWITCHYARD_ADMIN_KEY: ADMIN,
      DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'sy-console-auth-')), 'db.sqlite'),
    });
    authUrl = await started.ready;
  }, 60_000);

  it('should ask for a key, refuse a bad one, keep a good one in sessionStorage only, and show a client key only its views', async () => {
    const { createApiKey } = await gql<{ createApiKey: { key: string } }>(
      'mutation { createApiKey(input: { name: "browser", scopes: [CLIENT] }) { key } }',
      {},
      ADMIN,
      authUrl,
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    const asked: string[] = [];
    recordRequests(page, asked);
    await page.goto(`${authUrl}/#/models`);
    await page.locator('input[name=apiKey]').fill('sy_not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The gateway does not accept this key').waitFor();
    await screenshot(page, 'sign-in');

    await page.locator('input[name=apiKey]').fill(ADMIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('tr[data-model="mock-fast"]').waitFor();
    await page.getByRole('link', { name: 'API keys' }).waitFor();
    expect(await page.evaluate(() => [sessionStorage.getItem('switchyard.apiKey'), localStorage.length])).toEqual([ADMIN, 0]);
    expect((await context.cookies()).length).toBe(0);
    // Live views authenticate their WebSocket with connectionParams: a change shows up.
    await gql('mutation { disableModel(id: "mock-slow") { id } }', {}, ADMIN, authUrl);
    await page.locator('tr[data-model="mock-slow"]').getByText('DISABLED').waitFor();

    await page.getByRole('button', { name: 'sign out' }).click();
    await page.locator('input[name=apiKey]').fill(createApiKey.key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('tr[data-model="mock-fast"]').waitFor();
    expect(await page.locator('nav.sidebar a').allTextContents()).toEqual(['Models', 'Playground', 'Pools', 'Costs', 'Requests']);
    expect(await page.getByRole('button', { name: 'Register a model' }).count()).toBe(0);
    // What a client key may do works: a session of its own, its own costs.
    await page.getByRole('link', { name: 'Playground' }).click();
    await page.getByRole('button', { name: 'New session' }).click();
    await page.getByTestId('current-model').getByText('mock-fast').waitFor();
    await page.getByRole('link', { name: 'Costs' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid=total-requests]')?.getAttribute('data-value') === '0');
    expect(await page.locator('.error').count()).toBe(0);
    expect(elsewhere(asked, authUrl)).toEqual([]);
    expect(asked.some((address) => address.startsWith(`ws://${new URL(authUrl).host}/graphql`))).toBe(true);
    await context.close();
  }, 60_000);
});
