import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeUpstream, startFakeUpstream } from '../fakes/fake-upstream.js';
import { fixture, fixtureJson } from '../fakes/vendors.js';
import { CreateCredential, RegisterCredentialModel, RotateCredential } from '../helpers/credential-documents.js';
import { Generate, ModelQuery } from '../helpers/documents.js';
import { killStartedProcesses } from '../helpers/gateway-process.js';
import { graphqlOn, sharedInstanceEnv, startInstancePair } from '../helpers/instance-pair.js';
import { expectData } from '../helpers/graphql.js';
import { postgresReachable } from '../helpers/postgres.js';
import { redisReachable } from '../helpers/redis.js';
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
    const { env, drop } = await sharedInstanceEnv(ADMIN, { SWITCHYARD_MASTER_KEY: randomBytes(32).toString('base64') });
    cleanups.push(drop);
    const [a, b] = await startInstancePair(['--config', configPath], env);
    const [onA, onB] = [graphqlOn(a, ADMIN), graphqlOn(b, ADMIN)];

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
