import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, elsewhere, launchBrowser, recordRequests, screenshot } from '../helpers/browser.js';
import { killStartedProcesses, startProcess } from '../helpers/gateway-process.js';

/**
 * GraphiQL in a real browser (see helpers/browser.ts), against a gateway process started as
 * `npm start` starts it, with the network cable out.
 */
let browser: Browser;
let url: string;
beforeAll(async () => {
  if (!browserAvailable) return;
  const started = startProcess([], { PORT: '0', DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'sy-browser-')), 'db.sqlite') });
  url = await started.ready;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  killStartedProcesses();
});

describe.skipIf(!browserAvailable)('GraphiQL in Chromium, offline', () => {
  it('should render from the gateway alone, run a query over HTTP and a subscription over graphql-ws', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    recordRequests(page, requested);
    const open = async (query: string) => {
      await page.goto(`${url}/graphql?query=${encodeURIComponent(query)}`);
      await page.click('.graphiql-execute-button');
    };
    const responseShows = (text: string) =>
      page.waitForFunction((t) => document.querySelector('.graphiql-response')?.textContent?.includes(t) === true, text, {
        timeout: 20_000,
      });

    await open('{ model(id: "mock-fast") { id status } }');
    await responseShows('"HEALTHY"');
    await open('subscription { generateStream(input: { model: "mock-slow", prompt: "Hi" }) { __typename } }');
    await responseShows('GenerationCompleted');
    await screenshot(page, 'graphiql');

    const local = new URL(url).host;
    expect(elsewhere(requested, url)).toEqual([]);
    expect(requested.some((address) => address.startsWith(`ws://${local}/graphql`))).toBe(true);
    await page.close();
  }, 60_000);
});
