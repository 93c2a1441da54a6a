import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

/** A raw request, path sent as written (fetch would normalise it and undo the gzip). */
function get(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function build(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sy-console-build-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/app-1.js"></script>');
  writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log("console");'.repeat(100));
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  return dir;
}

describe('the web console files', () => {
  it('should serve the page at / (not cached, CSP to self) and hashed files for a year, gzipped when asked', async () => {
    t = await startTestApp({ overrides: { consoleDir: build() } });
    const base = await t.listen();
    const page = await get(base, '/', { 'accept-encoding': 'gzip, br' });
    expect(page.status).toBe(200);
    expect(page.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-encoding': 'gzip',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(gunzipSync(page.body).toString()).toContain('/assets/app-1.js');

    const script = await get(base, '/assets/app-1.js');
    expect(script.status).toBe(200);
    expect(script.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(script.headers['content-encoding']).toBeUndefined();
    expect(script.body.toString()).toBe('console.log("console");'.repeat(100));
    const again = await get(base, '/assets/app-1.js', { 'if-none-match': String(script.headers.etag) });
    expect([again.status, again.body.length]).toEqual([304, 0]);
    const head = await get(base, '/', {}, 'HEAD');
    expect([head.status, head.body.length, Number(head.headers['content-length'])]).toEqual([200, 0, gunzipSync(page.body).length]);

    expect((await get(base, '/console')).headers.location).toBe('/');
    expect((await get(base, '/assets/nothing.js')).status).toBe(404);
    // Nothing but Vite's own output: no other file of the folder, nothing above it.
    for (const path of ['/assets/../secret.txt', '/assets/..%2fsecret.txt', '/assets/%2e%2e/index.html', '/secret.txt'])
      expect([path, (await get(base, path)).status]).toEqual([path, 404]);
    expect((await get(base, '/', {}, 'POST')).status).toBe(405);
  });

  it('should say how to build the console when it is not built, and serve it once it is, without a restart', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sy-console-none-')), 'console');
    t = await startTestApp({ overrides: { consoleDir: dir } });
    const base = await t.listen();
    const missing = await get(base, '/');
    expect(missing.status).toBe(503);
    expect(missing.body.toString()).toMatch(/^The web console is not built in .*: run `npm run build:console`/);
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<p>built</p>');
    expect((await get(base, '/')).body.toString()).toBe('<p>built</p>');
  });
});

describe('the built console (dist/console, built by the global setup as npm start builds it)', () => {
  it("should be React's production build, within the first-load budget of 300 kB gzip", () => {
    const dir = new URL('../../dist/console/', import.meta.url).pathname;
    const files = ['index.html', ...readdirSync(join(dir, 'assets')).map((name) => `assets/${name}`)].map((name) =>
      readFileSync(join(dir, name)),
    );
    const script = files.map((f) => f.toString()).join('\n');
    expect(script).not.toContain('Download the React DevTools'); // a line only React's development build has
    expect(script).toContain('/graphql');
    expect(files.reduce((sum, f) => sum + gzipSync(f, { level: 9 }).length, 0)).toBeLessThan(300_000);
  });
});
