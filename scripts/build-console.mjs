#!/usr/bin/env node
/**
 * Builds the web console (console/ → dist/console/) with Vite. With --if-stale, only when its
 * inputs changed since the last build: a hash of every file under console/ (generated documents
 * included), of package-lock.json (the versions bundled) and of this script is kept in
 * dist/console/.build-hash.
 *
 * `npm start` runs it with --if-stale, so a fresh clone serves the console after `npm ci && npm
 * start` and an edited console is rebuilt on the next start (a second or so); the production build
 * (`npm run build`) builds it once and `npm run start:dist` serves what was built.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'console');
const out = join(root, 'dist', 'console');
const stamp = join(out, '.build-hash');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path);
    return [path];
  });
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const path of [...files(source), join(root, 'package-lock.json'), fileURLToPath(import.meta.url)].sort()) {
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

const ifStale = process.argv.includes('--if-stale');
const hash = inputsHash();
if (ifStale && existsSync(join(out, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) process.exit(0);

// Always React's production build: a test runner's NODE_ENV=test would otherwise make Vite bundle
// React's development build (two thirds larger, slower), which a later start would then serve.
process.env.NODE_ENV = 'production';
let build;
try {
  ({ build } = await import('vite'));
} catch {
  // An install without dev dependencies: serve what was built, if anything.
  console.warn(
    existsSync(join(out, 'index.html'))
      ? 'web console: vite is not installed; serving the console built earlier'
      : 'web console: not built and vite is not installed (npm ci installs it); / will say so',
  );
  process.exit(0);
}
console.log(
  ifStale ? 'web console: sources changed since the last build, building it (dist/console)…' : 'web console: building (dist/console)…',
);
await build({ configFile: join(source, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
writeFileSync(stamp, hash);
console.log('web console: built');
