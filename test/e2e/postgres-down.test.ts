import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Generate, GenerationsQuery } from '../helpers/documents.js';
import { execute, expectData } from '../helpers/graphql.js';
import { killStartedProcesses, startProcess } from '../helpers/gateway-process.js';
import { waitFor } from '../helpers/ws.js';

/**
 * PostgreSQL going down under a running instance, on a server of the test's own (this machine
 * kind has the binaries; initdb runs as the postgres user), so the shared one stays up for the
 * other tests: /readyz says so, requests fail with a clear error and keep nothing half-written,
 * and the instance serves again when the server is back, without a restart.
 */
const BIN = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .find((d) => existsSync(join(d, 'initdb')))
  : undefined;
const runnable = BIN !== undefined && process.getuid?.() === 0;
if (BIN === undefined && process.env.CI) throw new Error('the PostgreSQL server binaries are required in CI (this machine kind has them)');
if (!runnable && !process.env.CI)
  console.warn('the PostgreSQL-down test is skipped: it needs the PostgreSQL binaries and root (to run them as postgres)');

const servers: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  killStartedProcesses();
  for (const dir of dirs.splice(0)) stopPostgres(dir);
  for (const server of servers.splice(0)) server.kill('SIGKILL');
});

/** Stops the server at once (as a crash would: no shutdown checkpoint). */
function stopPostgres(dir: string): void {
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', join(BIN as string, 'pg_ctl'), 'stop', '-D', dir, '-m', 'immediate'], {
      stdio: 'ignore',
    });
  } catch {
    // not running
  }
}

function startPostgres(dir: string, port: number): ChildProcess {
  const server = spawn(
    'runuser',
    ['-u', 'postgres', '--', join(BIN as string, 'postgres'), '-D', dir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
    { stdio: 'ignore' },
  );
  servers.push(server);
  return server;
}

const answers = (port: number) => {
  try {
    execFileSync(join(BIN as string, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']);
    return true;
  } catch {
    return false;
  }
};

/** How long a PostgreSQL server of the test's own may take to answer: initdb and start are slow on a loaded machine. */
const PG_START_MS = 60_000;

describe.skipIf(!runnable)('PostgreSQL going down under an instance', () => {
  it('should say so in /readyz, answer a clear error with nothing kept, and serve again when it is back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sy-pg-'));
    dirs.push(dir);
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
      Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
    );
    execFileSync(
      'runuser',
      ['-u', 'postgres', '--', join(BIN as string, 'initdb'), '-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync'],
      { stdio: 'ignore' },
    );
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    startPostgres(dir, port);
    await waitFor(() => answers(port), 'the private PostgreSQL', PG_START_MS);
    const url = await startProcess([], { PORT: '0', DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` }).ready;
    const generate = () => execute(fetch, Generate, { input: { model: 'mock-fast', prompt: 'Hi' } }, { url: `${url}/graphql` });
    expectData(await generate());

    stopPostgres(dir);
    await waitFor(async () => (await fetch(`${url}/readyz`)).status === 503, '/readyz to say the database is gone', 10_000);
    expect(((await (await fetch(`${url}/readyz`)).json()) as { checks: { database: string } }).checks.database).toBe('unreachable');
    const failed = await generate();
    expect(failed.errors?.[0]).toMatchObject({
      message: expect.stringMatching(
        /^the database (does not answer: nothing was done|did not store this request's record, so nothing was kept); retry later$/,
      ),
      extensions: { code: 'INTERNAL' },
    });

    startPostgres(dir, port);
    await waitFor(() => answers(port), 'the PostgreSQL to come back', PG_START_MS);
    await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, '/readyz ready again', 15_000);
    expectData(await generate());
    // Two stored: the one before and the one after; nothing of the failed one.
    expect(expectData(await execute(fetch, GenerationsQuery, {}, { url: `${url}/graphql` })).generations.edges).toHaveLength(2);
  }, 240_000);
});
