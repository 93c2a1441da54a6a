/**
 * The web console's first load in headless Chromium on loopback: bytes over the wire (gzip, as
 * the gateway sends them; headers included) and time to interactive — from navigation to the
 * Models view showing the registry fetched over GraphQL with its live subscription open — each
 * with a cold cache (a new browser context per repeat). `consoleLoad()` answers the markdown
 * section `npm run bench` puts in RESULTS.md; `npm run bench:console` runs it alone and replaces
 * that section in RESULTS.md. Needs Debian's Chromium (CHROMIUM_PATH to use another).
 */
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startBenchUpstream } from './fake-upstream.js';
import { startGateway } from './gateway.js';
import { round, summary } from './stats.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIRST_LOAD_GOAL_KB = 300;
export const SECTION_START = '<!-- console-load -->';
export const SECTION_END = '<!-- /console-load -->';

interface Load {
  transferKb: number;
  requests: number;
  domContentLoadedMs: number;
  interactiveMs: number;
}

export async function consoleLoad(options: { repeats: number; log: (message: string) => void }): Promise<string> {
  const started = Date.now();
  const upstream = await startBenchUpstream({ tokens: 16, delayMs: 0 });
  const gw = await startGateway(upstream.url, { compiled: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const loads: Load[] = [];
  try {
    for (let r = 0; r <= options.repeats; r++) {
      const load = await loadOnce(browser, gw.url);
      if (r > 0) loads.push(load); // the first run warms the gateway (it reads and gzips the files on first request)
      options.log(`console first load: ${round(load.transferKb, 1)} kB over the wire, interactive at ${round(load.interactiveMs, 0)} ms`);
    }
  } finally {
    await browser.close();
    await gw.stop();
    await upstream.close();
  }
  const files = builtFiles();
  const transfer = summary(loads.map((l) => l.transferKb));
  const row = (name: string, values: number[], unit: string, goal = '—', verdict = '') => {
    const s = summary(values);
    return `| ${name} | ${round(s.min, 1)} | ${round(s.median, 1)} | ${round(s.max, 1)} | ${unit} | ${goal} | ${verdict} |`;
  };
  return `${SECTION_START}
## The web console's first load

Command: \`npm run bench:console\` (also part of \`npm run bench\`); ${options.repeats} cold loads (a new browser context each, after one warm-up load), ${new Date(started).toISOString()}.
Debian's Chromium ${browserVersion()} headless, on loopback to the compiled gateway (\`npm run start:dist\`'s build), every other host unresolvable.
Interactive: from navigation start to the Models view showing the registry (the \`models\` query answered and its rows rendered; the \`modelEvents\` subscription opens in the same pass).

| figure | min | median | max | unit | goal | median vs goal |
|---|---|---|---|---|---|---|
${row(
  'first load over the wire (gzip, headers included)',
  loads.map((l) => l.transferKb),
  'kB',
  `≤ ${FIRST_LOAD_GOAL_KB} kB`,
  transfer.median <= FIRST_LOAD_GOAL_KB ? 'met' : '**not met**',
)}
${row(
  'requests in the first load (page, script, style, GraphQL, WebSocket)',
  loads.map((l) => l.requests),
  '',
)}
${row(
  'DOMContentLoaded',
  loads.map((l) => l.domContentLoadedMs),
  'ms',
)}
${row(
  'time to interactive',
  loads.map((l) => l.interactiveMs),
  'ms',
)}

The built files (dist/console), as stored and gzipped (level 9, as the gateway sends them):

| file | bytes | gzip |
|---|---|---|
${files.map((f) => `| ${f.name} | ${f.bytes.toLocaleString('en')} | ${f.gzip.toLocaleString('en')} |`).join('\n')}
${SECTION_END}`;
}

async function loadOnce(browser: import('playwright-core').Browser, base: string): Promise<Load> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The moment the first registry row is in the DOM, taken in the page (no polling delay).
  await page.addInitScript(() => {
    new MutationObserver((_m, observer) => {
      if (document.querySelector('tr[data-model]')) {
        (window as unknown as { interactiveAt: number }).interactiveAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    requests++;
  });
  cdp.on('Network.webSocketCreated', () => requests++);
  await page.goto(`${base}/#/models`);
  await page.waitForFunction(() => (window as unknown as { interactiveAt?: number }).interactiveAt !== undefined);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      interactiveMs: (window as unknown as { interactiveAt: number }).interactiveAt,
    };
  });
  await context.close();
  return { transferKb: bytes / 1000, requests, ...timing };
}

function builtFiles(): { name: string; bytes: number; gzip: number }[] {
  const dir = join(ROOT, 'dist', 'console');
  const names = ['index.html', ...readdirSync(join(dir, 'assets')).map((n) => `assets/${n}`)];
  return names.map((name) => {
    const body = readFileSync(join(dir, name));
    return { name, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

function browserVersion(): string {
  try {
    return execSync(`${CHROMIUM} --version 2>/dev/null`, { encoding: 'utf8' })
      .trim()
      .replace(/^Chromium\s*/, '')
      .replace(/ built on .*/, '');
  } catch {
    return '(version unknown)';
  }
}

/** Replaces the section in RESULTS.md (or adds it at the end). */
function spliceIntoResults(section: string): void {
  const file = new URL('./RESULTS.md', import.meta.url);
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(SECTION_START);
  const end = text.indexOf(SECTION_END);
  const next =
    start >= 0 && end > start
      ? `${text.slice(0, start)}${section}${text.slice(end + SECTION_END.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = (message: string) => console.log(`[bench] ${message}`);
  log('building (npm run build): the gateway and the console, as in production');
  execSync('npm run build', { cwd: ROOT, stdio: 'ignore' });
  const section = await consoleLoad({ repeats: Number(process.env.BENCH_REPEATS ?? 5), log });
  spliceIntoResults(section);
  console.log(section);
  log('replaced the console section of bench/RESULTS.md');
  process.exit(0);
}
