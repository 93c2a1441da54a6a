import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const PEER_DIR = new URL('./peer/', import.meta.url).pathname;
const PEER_ENTRY = `${PEER_DIR}node_modules/@portkey-ai/gateway/build/start-server.js`;

export interface RunningPeer {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Installs the pinned peer (bench/peer/package.json) when it is not there yet. */
export function installPeer(): void {
  if (!existsSync(PEER_ENTRY)) execSync('npm ci --no-audit --no-fund', { cwd: PEER_DIR, stdio: 'ignore' });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts Portkey's gateway (its Node build, headless, production) as its own process. */
export async function startPeer(): Promise<RunningPeer> {
  installPeer();
  const port = await freePort();
  // The preload works around Portkey 1.15.2 on Node 20 failing every stream (see mutable-fetch.mjs).
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', `${PEER_DIR}mutable-fetch.mjs`, PEER_ENTRY, `--port=${port}`, '--headless'],
    {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
