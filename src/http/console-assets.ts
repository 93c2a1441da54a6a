import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * What the browser may do on a console page: load and connect only to this gateway (no CDN, no
 * font host), nothing inlined but styles (the chart sets style attributes), no framing.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

interface Asset {
  readonly type: string;
  readonly body: Buffer;
  readonly gzipped: Buffer;
  readonly etag: string;
}

/**
 * Serves the web console's built files (Vite's output in `dir`): the page at `/` (and `/console`,
 * redirected), its hashed files under `/assets/` with a year of caching. Files are read on their
 * first request and kept, gzipped once, in memory (a few hundred kB): an idle gateway holds none.
 * Only names Vite wrote are served; nothing outside `dir` is reachable.
 */
export class ConsoleAssets {
  readonly #dir: string;
  #assets: Promise<Map<string, Asset> | null> | null = null;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Whether the path is the console's: `/`, `/index.html`, `/console`, `/assets/…`. */
  serves(path: string): boolean {
    return path === '/' || path === '/index.html' || path === '/console' || path === '/console/' || path.startsWith('/assets/');
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      res.end('The console accepts GET and HEAD only.\n');
      return;
    }
    if (path === '/console' || path === '/console/') {
      res.writeHead(301, { location: '/' });
      res.end();
      return;
    }
    const assets = await this.#load();
    if (!assets) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
      res.end(
        `The web console is not built in ${this.#dir}: run \`npm run build:console\` (\`npm start\` builds it when it is missing or stale; \`npm run build\` builds it with the server).\n`,
      );
      return;
    }
    const name = path === '/' || path === '/index.html' ? 'index.html' : `assets/${basename(path)}`;
    const asset = path.startsWith('/assets/') && basename(path) !== path.slice('/assets/'.length) ? undefined : assets.get(name);
    if (!asset) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`No console file ${path}.\n`);
      return;
    }
    const headers: Record<string, string> = {
      'content-type': asset.type,
      etag: asset.etag,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
      'cache-control': name === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    };
    if (name === 'index.html') {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      headers['referrer-policy'] = 'no-referrer';
    }
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? asset.gzipped : asset.body;
    if (gzip) headers['content-encoding'] = 'gzip';
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** Reads index.html and assets/ once; null (and read again next time) when there is no build. */
  #load(): Promise<Map<string, Asset> | null> {
    this.#assets ??= readBuild(this.#dir).then(
      (assets) => {
        if (!assets) this.#assets = null;
        return assets;
      },
      () => {
        // A build being rewritten as it was read (or unreadable): answer "not built" now, read again next time.
        this.#assets = null;
        return null;
      },
    );
    return this.#assets;
  }
}

async function readBuild(dir: string): Promise<Map<string, Asset> | null> {
  const index = await readFile(join(dir, 'index.html')).catch(() => null);
  if (!index) return null;
  const assets = new Map<string, Asset>([['index.html', toAsset('index.html', index)]]);
  const entries = await readdir(join(dir, 'assets'), { withFileTypes: true }).catch(() => []);
  for (const entry of entries)
    if (entry.isFile()) assets.set(`assets/${entry.name}`, toAsset(entry.name, await readFile(join(dir, 'assets', entry.name))));
  return assets;
}

function toAsset(name: string, body: Buffer): Asset {
  return {
    type: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
    body,
    gzipped: gzipSync(body, { level: 9 }),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  };
}
