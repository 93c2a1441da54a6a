import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelsQuery, RegisterModel } from '../helpers/documents.js';
import { execute, expectData, expectError } from '../helpers/graphql.js';
import { killStartedProcesses, startProcess } from '../helpers/gateway-process.js';

afterEach(killStartedProcesses);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sy-e2e-'));
}

describe('the switchyard process', () => {
  it('should exit 1 naming all three mistakes of a bad config', async () => {
    const dir = tempDir();
    const path = join(dir, 'bad.yml');
    writeFileSync(
      path,
      'models:\n  - id: a\n    provider: mock\n    pricing: { input: abc, output: 1 }\n  - id: b\n    provider: nope\n  - id: c\n    provider: mock\n    contextWindow: 0\n',
    );
    const started = startProcess(['--config', path], { DATABASE_URL: join(dir, 'db.sqlite') });
    expect(await started.exited).toBe(1);
    const lines = started.output().trim().split('\n');
    expect(lines).toEqual([
      `${path}: models[0].pricing.input: expected a number ≥ 0, got "abc"`,
      `${path}: models[1].provider: expected one of openai, anthropic, openai-compatible, dashscope, qianfan, gemini, vertex-ai, bedrock, azure-openai, mock, got "nope"`,
      `${path}: models[2].contextWindow: expected a whole number from 1 to 100000000, got 0`,
      'switchyard: the configuration has 3 problems; not started',
    ]);
  });

  it('should start in local mode on loopback with the bundled config, serve the catalog and stop cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const started = startProcess([], { PORT: '0', DATABASE_URL: join(dir, 'db.sqlite') });
    const url = await started.ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.output()).toContain('local mode: SWITCHYARD_ADMIN_KEY is not set');
    const { models } = expectData(await execute(fetch, ModelsQuery, undefined, { url: `${url}/graphql` }));
    expect(models.length).toBeGreaterThanOrEqual(15);
    expect(models.find((m) => m.id === 'mock-fast')?.status).toBe('HEALTHY');
    expect(models.find((m) => m.id === 'gpt-4')).toMatchObject({
      status: 'UNHEALTHY',
      lastHealthCheck: { ok: false, message: 'OPENAI_API_KEY is not set' },
    });
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.output()).toContain('"msg":"stopped"');
  });

  it('should require keys when SWITCHYARD_ADMIN_KEY is set', async () => {
    const dir = tempDir();
    const adminKey = 'e2e-admin-key-0123456789';
    const started = startProcess([], {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: join(dir, 'db.sqlite'),
      SWITCHYARD_ADMIN_KEY: adminKey,
    });
    const url = await started.ready;
    expect(started.output()).not.toContain('local mode');
    expect(expectError(await execute(fetch, ModelsQuery, undefined, { url: `${url}/graphql` })).code).toBe('UNAUTHENTICATED');
    const registered = await execute(
      fetch,
      RegisterModel,
      { input: { id: 'mock-e2e', provider: 'MOCK' } },
      { url: `${url}/graphql`, key: adminKey },
    );
    expect(expectData(registered).registerModel.model.status).toBe('HEALTHY');
    started.child.kill('SIGINT');
    expect(await started.exited).toBe(0);
  });
});
