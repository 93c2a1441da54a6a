import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../fakes/fake-upstream.js';
import { fixture, fixtureJson } from '../fakes/vendors.js';
import { CreateCredential, RegisterCredentialModel, RotateCredential } from '../helpers/credential-documents.js';
import { Generate, ModelQuery } from '../helpers/documents.js';
import { killStartedProcesses, startProcess } from '../helpers/gateway-process.js';
import { execute, expectData } from '../helpers/graphql.js';
import { freshPostgres, postgresReachable } from '../helpers/postgres.js';
import { REDIS_URL, redisPrefix, redisReachable } from '../helpers/redis.js';
import { waitFor } from '../helpers/ws.js';

/**
 * Two gateway processes sharing one PostgreSQL database and one Redis: a credential rotated on
 * one is what the other sends from its next request, with no restart.
 */
const ready = (await postgresReachable()) && (await redisReachable());
const ADMIN = 'credential-instances-admin-0123456789';
const FIRST = `sk-first-${randomBytes(12).toString('hex')}`;
const SECOND = `sk-second-${randomBytes(12).toString('hex')}`;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  killStartedProcesses();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe.skipIf(!ready)('credentials across instances (PostgreSQL and Redis)', () => {
  it('should send the rotated key from instance B’s next request after A rotated it', async () => {
    const accepted = new Set([FIRST]);
    const vendor: FakeUpstream = await startFakeUpstream({
      auth: (headers) =>
        [...accepted].some((k) => headers.authorization === `Bearer ${k}`)
          ? undefined
          : { type: 'json', status: 401, body: fixtureJson('openai/error-401.json') },
    });
    vendor.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse') });
    vendor.respond('GET /v1/models', { type: 'json', body: fixtureJson('openai/models.json') });
    cleanups.push(() => vendor.dispose());
    const dir = mkdtempSync(join(tmpdir(), 'sy-credential-instances-'));
    const configPath = join(dir, 'switchyard.yml');
    writeFileSync(
      configPath,
      [
        'security: { allowPrivateEndpoints: true }',
        'models:',
        '  - { id: mock-fast, provider: mock, pricing: { input: 1, output: 1 } }',
      ].join('\n'),
    );
    const fresh = await freshPostgres();
    cleanups.push(fresh.drop);
    const env = {
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: fresh.url,
      REDIS_URL,
      REDIS_PREFIX: redisPrefix(),
      SWITCHYARD_ADMIN_KEY: ADMIN,
      SWITCHYARD_MASTER_KEY: randomBytes(32).toString('base64'),
    };
    const [a, b] = await Promise.all([
      startProcess(['--config', configPath], env).ready,
      startProcess(['--config', configPath], env).ready,
    ]);
    const on =
      (base: string) =>
      <T, V>(document: Parameters<typeof execute<T, V>>[1], variables?: V) =>
        execute<T, V>(fetch, document, variables, { url: `${base}/graphql`, key: ADMIN });
    const [onA, onB] = [on(a), on(b)];

    expectData(await onA(CreateCredential, { input: { name: 'vendor-key', secret: FIRST } }));
    const { model } = expectData(
      await onA(RegisterCredentialModel, {
        input: {
          id: 'vendor',
          provider: 'OPENAI_COMPATIBLE',
          baseUrl: `${vendor.url}/v1`,
          upstreamModel: 'gpt-4o-mini',
          credential: 'vendor-key',
        },
      }),
    ).registerModel;
    expect(model.status).toBe('HEALTHY');
    await waitFor(async () => expectData(await onB(ModelQuery, { id: 'vendor' })).model?.status === 'HEALTHY', 'B to know the model');
    expect(expectData(await onB(Generate, { input: { model: 'vendor', prompt: 'Hi' } })).generate.status).toBe('SUCCEEDED');
    expect(vendor.calls.at(-1)?.headers.authorization).toBe(`Bearer ${FIRST}`);

    accepted.clear();
    accepted.add(SECOND);
    expectData(await onA(RotateCredential, { name: 'vendor-key', secret: SECOND }));
    const calls = vendor.calls.length;
    expect(expectData(await onB(Generate, { input: { model: 'vendor', prompt: 'Hi' } })).generate.status).toBe('SUCCEEDED');
    expect(vendor.calls.slice(calls).map((c) => c.headers.authorization)).toEqual([`Bearer ${SECOND}`]);
  }, 60_000);
});
