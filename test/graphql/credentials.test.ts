import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.js';
import { startFakeUpstream, type FakeUpstream } from '../fakes/fake-upstream.js';
import { fixture, fixtureJson } from '../fakes/vendors.js';
import {
  CreateCredential,
  CreateLimitedKey,
  CredentialsQuery,
  DeleteCredential,
  RegisterCredentialModel,
  RotateCredential,
} from '../helpers/credential-documents.js';
import { Generate, ModelsQuery, RetireModel, UpdateModel } from '../helpers/documents.js';
import { expectData, expectError, type GraphQLResponse } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { testConfig } from '../helpers/test-config.js';

const ADMIN = 'credentials-admin-key-0123456789';
const MASTER_KEY = randomBytes(32).toString('base64');
const FIRST = `sk-first-${randomBytes(12).toString('hex')}`;
const SECOND = `sk-second-${randomBytes(12).toString('hex')}`;

const apps: TestApp[] = [];
const fakes: FakeUpstream[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
  for (const fake of fakes.splice(0)) await fake.dispose();
});

/** An OpenAI-format vendor whose valid keys the test sets, like a vendor console issuing and revoking keys. */
async function vendorAccepting(keys: Set<string>): Promise<FakeUpstream> {
  const fake = await startFakeUpstream({
    auth: (headers) =>
      [...keys].some((k) => headers.authorization === `Bearer ${k}`)
        ? undefined
        : { type: 'json', status: 401, body: fixtureJson('openai/error-401.json') },
  });
  fake.respond('POST /v1/chat/completions', { type: 'sse', body: fixture('openai/chat-text.sse') });
  fake.respond('GET /v1/models', { type: 'json', body: fixtureJson('openai/models.json') });
  fakes.push(fake);
  return fake;
}

/** A logger at trace level whose every line is kept, to show what never reaches a log. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, sink), text: () => lines.join('') };
}

async function start(options: { env?: Record<string, string>; dir?: string; logger?: pino.Logger } = {}) {
  const t = await startTestApp({
    env: { SWITCHYARD_ADMIN_KEY: ADMIN, ...options.env },
    file: {
      security: { allowPrivateEndpoints: true },
      models: [{ id: 'mock-a', provider: 'mock', pricing: { input: 1, output: 1 } }],
      ...(options.dir ? { database: { url: join(options.dir, 'gateway.db') } } : {}),
    },
    ...(options.logger ? { overrides: { logger: options.logger } } : {}),
  });
  apps.push(t);
  return t;
}

const registerWith = (t: TestApp, fake: FakeUpstream, credential: string, id = 'vendor') =>
  t.run(
    RegisterCredentialModel,
    { input: { id, provider: 'OPENAI_COMPATIBLE', baseUrl: `${fake.url}/v1`, upstreamModel: 'gpt-4o-mini', credential } },
    ADMIN,
  );

describe('vendor credentials (createCredential, rotateCredential, deleteCredential)', () => {
  it('should store the key encrypted (the database files hold no key text), answer only a mask, send it upstream, and use a rotation at the next request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sy-credentials-'));
    const keys = new Set([FIRST]);
    const fake = await vendorAccepting(keys);
    const log = capturedLogger();
    const t = await start({ env: { SWITCHYARD_MASTER_KEY: MASTER_KEY }, dir, logger: log.logger });

    const created = expectData(await t.run(CreateCredential, { input: { name: 'openai-prod', secret: FIRST } }, ADMIN)).createCredential;
    expect(created).toMatchObject({ name: 'openai-prod', mask: `…${FIRST.slice(-4)}`, rotatedAt: null, models: [] });
    expect(JSON.stringify(created)).not.toContain(FIRST.slice(0, 12));
    const databaseBytes = () =>
      readdirSync(dir)
        .map((f) => readFileSync(join(dir, f)).toString('latin1'))
        .join('');
    expect(databaseBytes()).not.toContain(FIRST);
    expect(databaseBytes()).not.toContain(FIRST.slice(3, 20));
    expect(databaseBytes()).toContain('openai-prod');

    const { model } = expectData(await registerWith(t, fake, 'openai-prod')).registerModel;
    expect(model).toMatchObject({ status: 'HEALTHY', credential: 'openai-prod' });
    expect(expectData(await t.run(CredentialsQuery, {}, ADMIN)).credentials).toEqual([
      expect.objectContaining({ name: 'openai-prod', mask: `…${FIRST.slice(-4)}`, models: ['vendor'] }),
    ]);
    expectData(await t.run(Generate, { input: { model: 'vendor', prompt: 'Hi' } }, ADMIN));
    expect(fake.calls.at(-1)?.headers.authorization).toBe(`Bearer ${FIRST}`);

    // The vendor issues a new key and revokes the old one; the gateway is told once, and the very next request uses it.
    keys.clear();
    keys.add(SECOND);
    const rotated = expectData(await t.run(RotateCredential, { name: 'openai-prod', secret: SECOND }, ADMIN)).rotateCredential;
    expect(rotated).toMatchObject({ mask: `…${SECOND.slice(-4)}`, models: ['vendor'] });
    expect(rotated.rotatedAt).not.toBeNull();
    expect(expectData(await t.run(Generate, { input: { model: 'vendor', prompt: 'Hi' } }, ADMIN)).generate.status).toBe('SUCCEEDED');
    expect(fake.calls.at(-1)?.headers.authorization).toBe(`Bearer ${SECOND}`);
    expect(databaseBytes()).not.toContain(SECOND);

    // A refused operation carrying a secret: neither its answer nor the logs repeat it.
    const refused = expectError(await t.run(RotateCredential, { name: 'nobody', secret: `${SECOND}-x` }, ADMIN));
    expect(refused.code).toBe('NOT_FOUND');
    expect(JSON.stringify(refused)).not.toContain(SECOND);
    expect(JSON.stringify(expectError(await t.run(RotateCredential, { name: 'openai-prod', secret: ` ${SECOND}` }, ADMIN)))).not.toContain(
      SECOND,
    );
    expect(log.text()).toContain('openai-prod');
    expect(log.text()).not.toContain(FIRST);
    expect(log.text()).not.toContain(SECOND);
  });

  it('should refuse client keys every credential operation', async () => {
    const t = await start({ env: { SWITCHYARD_MASTER_KEY: MASTER_KEY } });
    const { key } = expectData(await t.run(CreateLimitedKey, { input: { name: 'app', scopes: ['CLIENT'] } }, ADMIN)).createApiKey;
    const results: GraphQLResponse<unknown>[] = [
      await t.run(CreateCredential, { input: { name: 'x', secret: FIRST } }, key),
      await t.run(RotateCredential, { name: 'x', secret: FIRST }, key),
      await t.run(DeleteCredential, { name: 'x' }, key),
      await t.run(CredentialsQuery, {}, key),
    ];
    for (const result of results) expect(expectError(result).code).toBe('FORBIDDEN');
    expect(await t.app.services.credentials.list()).toEqual([]);
  });

  it('should refuse to store a credential without SWITCHYARD_MASTER_KEY, saying so, and refuse a malformed one at start', async () => {
    const t = await start();
    expect(expectError(await t.run(CreateCredential, { input: { name: 'openai-prod', secret: FIRST } }, ADMIN))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message:
        'cannot store a credential: SWITCHYARD_MASTER_KEY is not set: credentials are encrypted under it; set it to 32 random bytes in base64 (openssl rand -base64 32) and restart',
    });
    expect(() => testConfig({ env: { SWITCHYARD_MASTER_KEY: randomBytes(31).toString('base64') } })).toThrow(ConfigError);
    expect(() => testConfig({ env: { SWITCHYARD_MASTER_KEY: 'short' } })).toThrow(
      'SWITCHYARD_MASTER_KEY: expected 32 bytes in base64 (openssl rand -base64 32), got 3 bytes',
    );
  });

  it('should refuse a model naming an unknown credential, and a delete while models use it, naming them', async () => {
    const fake = await vendorAccepting(new Set([FIRST]));
    const t = await start({ env: { SWITCHYARD_MASTER_KEY: MASTER_KEY } });
    expect(expectError(await registerWith(t, fake, 'missing'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'input.credential: no credential named "missing": create it first with createCredential',
    });
    expectData(await t.run(CreateCredential, { input: { name: 'shared', secret: FIRST } }, ADMIN));
    expect(expectError(await t.run(CreateCredential, { input: { name: 'shared', secret: FIRST } }, ADMIN)).message).toContain(
      'a credential "shared" already exists; use rotateCredential',
    );
    // Two creations racing past the existence check: one stores, the other is told the name is taken (no database error).
    const raced = await Promise.allSettled([0, 1].map(() => t.run(CreateCredential, { input: { name: 'raced', secret: FIRST } }, ADMIN)));
    const answers = raced.map((r) => (r.status === 'fulfilled' ? (r.value.errors?.[0]?.message ?? 'stored') : 'rejected'));
    expect(answers.sort()).toEqual([
      'input.name: a credential "raced" already exists; use rotateCredential to change its secret',
      'stored',
    ]);
    expectData(await t.run(DeleteCredential, { name: 'raced' }, ADMIN));
    expectData(await registerWith(t, fake, 'shared', 'one'));
    expectData(await registerWith(t, fake, 'shared', 'two'));
    expect(expectError(await t.run(UpdateModel, { input: { id: 'one', credential: 'missing' } }, ADMIN)).message).toBe(
      'input.credential: no credential named "missing": create it first with createCredential',
    );
    expect(expectError(await t.run(DeleteCredential, { name: 'shared' }, ADMIN))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message:
        'name: credential shared is used by the models one, two: point them at another credential (updateModel) or retire them first',
    });
    expectData(await t.run(RetireModel, { id: 'one' }, ADMIN));
    expectData(await t.run(UpdateModel, { input: { id: 'two', credential: null } }, ADMIN));
    expect(expectData(await t.run(DeleteCredential, { name: 'shared' }, ADMIN)).deleteCredential).toMatchObject({ name: 'shared' });
    expect(expectData(await t.run(CredentialsQuery, {}, ADMIN)).credentials).toEqual([]);
  });

  it('should say, in the model’s health and its refusal, that the master key is another than the one the credential was stored under', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sy-credentials-'));
    const fake = await vendorAccepting(new Set([FIRST]));
    const first = await start({ env: { SWITCHYARD_MASTER_KEY: MASTER_KEY }, dir });
    expectData(await first.run(CreateCredential, { input: { name: 'openai-prod', secret: FIRST } }, ADMIN));
    expectData(await registerWith(first, fake, 'openai-prod'));
    await first.dispose();

    const other = randomBytes(32).toString('base64');
    const second = await start({ env: { SWITCHYARD_MASTER_KEY: other }, dir });
    const health = await second.app.services.models.checkHealth('vendor');
    expect(health.model.status).toBe('UNHEALTHY');
    expect(health.healthCheck?.message).toMatch(
      /^credential openai-prod was encrypted under another master key \(key id [0-9a-f]{16}; SWITCHYARD_MASTER_KEY has key id [0-9a-f]{16}\)/,
    );
    expect(expectError(await second.run(Generate, { input: { model: 'vendor', prompt: 'Hi' } }, ADMIN))).toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      message: expect.stringContaining(
        'it cannot serve until an operator acts: credential openai-prod was encrypted under another master key',
      ),
    });
    // A client key learns that an administrator must act, not the credential's name or the key ids.
    const { key } = expectData(await second.run(CreateLimitedKey, { input: { name: 'app', scopes: ['CLIENT'] } }, ADMIN)).createApiKey;
    const seen = expectData(await second.run(ModelsQuery, { filter: { status: ['UNHEALTHY'] } }, key)).models;
    expect(seen.map((m) => [m.id, m.lastHealthCheck])).toEqual([
      ['vendor', { ok: false, message: 'the health probe failed; an admin key can read why' }],
    ]);
    const refused = expectError(await second.run(Generate, { input: { model: 'vendor', prompt: 'Hi' } }, key));
    expect(refused).toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      message: 'model "vendor" is UNHEALTHY; it cannot serve until an operator acts',
    });
    const callsBefore = fake.calls.length;
    // Rotating under the new master key makes it usable again, at once.
    expectData(await second.run(RotateCredential, { name: 'openai-prod', secret: FIRST }, ADMIN));
    await expect.poll(() => second.app.services.models.find('vendor')?.status).toBe('HEALTHY');
    expect(expectData(await second.run(Generate, { input: { model: 'vendor', prompt: 'Hi' } }, ADMIN)).generate.status).toBe('SUCCEEDED');
    expect(fake.calls.length).toBeGreaterThan(callsBefore);
  });
});
