import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

const ROOT = new URL('..', import.meta.url).pathname;

export interface RunningGateway {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts Switchyard as its own process — the compiled build (`npm run start:dist`) or the sources
 * under tsx (`npm start`) — with a config that points `bench-model` at the bench upstream; local mode.
 */
export async function startGateway(
  upstreamUrl: string,
  options: {
    dbPath?: string;
    extraModels?: unknown[];
    /** extra node flags, e.g. --cpu-prof */
    nodeArgs?: string[];
    /** Run the compiled build (dist/main.js, as `npm run start:dist` does) rather than the sources under tsx. */
    compiled?: boolean;
    /** Extra environment for the gateway process (e.g. SWITCHYARD_ADMIN_KEY). */
    env?: Record<string, string>;
    /** Extra top-level config sections (e.g. requestLog). */
    config?: Record<string, unknown>;
  } = {},
): Promise<RunningGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'sy-bench-'));
  const config = join(dir, 'switchyard.config.yml');
  writeFileSync(
    config,
    stringify({
      database: { url: options.dbPath ?? join(dir, 'bench.db') },
      security: { allowPrivateEndpoints: true },
      logging: { level: 'info' }, // the gateway logs nothing per request at info; the start line carries its URL
      routing: { retry: { attempts: 1 }, healthCheckIntervalMs: 3_600_000 },
      defaultModel: 'bench',
      models: [
        {
          id: 'bench',
          provider: 'openai-compatible',
          upstreamModel: 'bench-model',
          baseUrl: `${upstreamUrl}/v1`,
          pricing: { input: 1, output: 2 },
          timeouts: { firstTokenMs: 60_000 },
        },
        { id: 'bench-mock', provider: 'mock', pricing: { input: 1, output: 2 }, mock: { tokens: 16 } },
        ...(options.extraModels ?? []),
      ],
      ...options.config,
    }),
  );
  const entry = options.compiled ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry, '--config', config], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${output}`)), 60_000);
    child.stdout?.on('data', () => {
      const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`gateway exited with ${code}: ${output}`)));
  });
  return {
    url,
    pid: child.pid as number,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** CPU time (user + system) a process has used, in ms (Linux /proc; 10 ms ticks). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident set size of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
