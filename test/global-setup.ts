import { execFileSync } from 'node:child_process';

/** Before any test: the web console built (only when its sources changed), as `npm start` does. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-console.mjs', '--if-stale'], {
    cwd: new URL('..', import.meta.url).pathname,
    stdio: 'inherit',
  });
}
