import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * Debian's Chromium (`.ci/run` installs it when missing; CHROMIUM_PATH for another), driven by
 * playwright-core, with every host name but 127.0.0.1 unresolvable: a machine with the network
 * cable out. Outside CI a machine without Chromium skips the browser tests with a warning.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!existsSync(CHROMIUM) && !process.env.CI)
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, as .ci/run does)`);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

/** Every address a page asked for (requests and WebSockets), to check that none left the gateway's host. */
export function recordRequests(page: Page, into: string[]): void {
  page.on('request', (request) => into.push(request.url()));
  page.on('websocket', (socket) => into.push(socket.url()));
}

/** Addresses other than the gateway's own host (blob: and data: URLs are the page's own). */
export function elsewhere(requested: readonly string[], base: string): string[] {
  const local = new URL(base).host;
  return requested.filter((address) => !address.startsWith('blob:') && !address.startsWith('data:') && new URL(address).host !== local);
}

/**
 * Saves a screenshot when SWITCHYARD_SCREENSHOTS names a folder (`npm run screenshots` writes the
 * README's into docs/screenshots); otherwise does nothing.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SWITCHYARD_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}
