import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killStartedProcesses, startProcess } from '../helpers/gateway-process.js';

/**
 * GraphiQL in a real browser: Debian's Chromium (`.ci/run` installs it when missing; set
 * CHROMIUM_PATH for another) driven by playwright-core, against a gateway process started as
 * `npm start` starts it, with every host name but 127.0.0.1 made unresolvable — a machine with
 * the network cable out. Without Chromium these tests are skipped outside CI and fail in it.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does)`);

let browser: Browser;
let url: string;
beforeAll(async () => {
  if (!available && !process.env.CI) return;
  const started = startProcess([], { PORT: '0', DATABASE_URL: join(mkdtempSync(join(tmpdir(), 'sy-browser-')), 'db.sqlite') });
  url = await started.ready;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  killStartedProcesses();
});

describe.skipIf(!available && !process.env.CI)('GraphiQL in Chromium, offline', () => {
  it('should render from the gateway alone, run a query over HTTP and a subscription over graphql-ws', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('websocket', (socket) => requested.push(socket.url()));
    const open = async (query: string) => {
      await page.goto(`${url}/graphql?query=${encodeURIComponent(query)}`);
      await page.click('.graphiql-execute-button');
    };
    const responseShows = (text: string) => page.waitForFunction((t) => document.querySelector('.graphiql-response')?.textContent?.includes(t) === true, text, { timeout: 20_000 });

    await open('{ model(id: "mock-fast") { id status } }');
    await responseShows('"HEALTHY"');
    await open('subscription { generateStream(input: { model: "mock-slow", prompt: "Hi" }) { __typename } }');
    await responseShows('GenerationCompleted');

    const local = new URL(url).host;
    const elsewhere = requested.filter((address) => !address.startsWith('blob:') && !address.startsWith('data:') && new URL(address).host !== local);
    expect(elsewhere).toEqual([]);
    expect(requested.some((address) => address.startsWith(`ws://${local}/graphql`))).toBe(true);
    await page.close();
  }, 60_000);
});
