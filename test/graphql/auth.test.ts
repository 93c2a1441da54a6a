import { afterEach, describe, expect, it } from 'vitest';
import { ApiKeys, CreateApiKey, ModelsQuery, RegisterModel, RevokeApiKey, ViewerQuery } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';
import { TEST_ADMIN_KEY } from '../helpers/test-config.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

async function secured(): Promise<TestApp> {
  t = await startTestApp({ env: { SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY } });
  return t;
}

async function createKey(app: TestApp, scopes: ('ADMIN' | 'CLIENT')[], name = 'app'): Promise<{ key: string; id: string }> {
  const { createApiKey } = expectData(await app.run(CreateApiKey, { input: { name, scopes } }, TEST_ADMIN_KEY));
  return { key: createApiKey.key, id: createApiKey.apiKey.id };
}

const register = { input: { id: 'mock-z', provider: 'MOCK' as const } };

describe('authentication with an admin key configured', () => {
  it('should refuse a request without a key with UNAUTHENTICATED and HTTP 401', async () => {
    const app = await secured();
    const result = await app.run(ModelsQuery);
    expect(result.status).toBe(401);
    expect(expectError(result)).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'an API key is required: send Authorization: Bearer <key>',
    });
  });

  it('should refuse an unknown key', async () => {
    const app = await secured();
    expect(expectError(await app.run(ModelsQuery, undefined, 'sy_not-a-real-key'))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'the API key is not valid',
    });
  });

  it('should accept the bootstrap admin key for admin operations', async () => {
    const app = await secured();
    expect(expectData(await app.run(RegisterModel, register, TEST_ADMIN_KEY)).registerModel.model.status).toBe('HEALTHY');
    expect(expectData(await app.run(ViewerQuery, undefined, TEST_ADMIN_KEY)).viewer).toEqual({
      localMode: false,
      apiKeyId: 'bootstrap-admin',
      scopes: ['ADMIN'],
    });
  });

  it('should show a new key once and store only its hash', async () => {
    const app = await secured();
    const { createApiKey } = expectData(await app.run(CreateApiKey, { input: { name: 'ci', scopes: ['CLIENT'] } }, TEST_ADMIN_KEY));
    expect(createApiKey.key).toMatch(/^sy_[A-Za-z0-9_-]{32}$/);
    expect(createApiKey.apiKey).toMatchObject({ name: 'ci', scopes: ['CLIENT'], revoked: false, prefix: createApiKey.key.slice(0, 9) });
    const { apiKeys } = expectData(await app.run(ApiKeys, undefined, TEST_ADMIN_KEY));
    expect(apiKeys.map((k) => k.name)).toEqual(['bootstrap admin (SWITCHYARD_ADMIN_KEY)', 'ci']);
    expect(JSON.stringify(apiKeys)).not.toContain(createApiKey.key);
    const rows = await app.app.services.orm.em
      .fork()
      .getConnection()
      .execute<{ secret_hash: string }[]>('select secret_hash from api_keys');
    expect(rows.map((r) => r.secret_hash)).not.toContain(createApiKey.key);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.secret_hash))).toBe(true);
  });

  it('should let a client key read models but not register one (FORBIDDEN), and change nothing', async () => {
    const app = await secured();
    const { key } = await createKey(app, ['CLIENT']);
    expect(expectData(await app.run(ModelsQuery, undefined, key)).models.map((m) => m.id)).toEqual(['mock-a']);
    const result = await app.run(RegisterModel, register, key);
    expect(expectError(result)).toMatchObject({ code: 'FORBIDDEN', message: 'registerModel needs an API key with the admin scope' });
    expect(app.app.services.models.find('mock-z')).toBeUndefined();
    expect(expectError(await app.run(ApiKeys, undefined, key)).code).toBe('FORBIDDEN');
    expect(expectError(await app.run(CreateApiKey, { input: { name: 'x', scopes: ['ADMIN'] } }, key)).code).toBe('FORBIDDEN');
  });

  it('should let a created admin key do admin operations', async () => {
    const app = await secured();
    const { key } = await createKey(app, ['ADMIN']);
    expect(expectData(await app.run(RegisterModel, register, key)).registerModel.model.id).toBe('mock-z');
  });

  it('should show baseUrl and apiKeyEnv to admins only (a client key sees null)', async () => {
    t = await startTestApp({
      env: { SWITCHYARD_ADMIN_KEY: TEST_ADMIN_KEY },
      file: {
        models: [
          { id: 'mock-a', provider: 'mock' },
          { id: 'gpt-internal', provider: 'openai', baseUrl: 'https://llm.corp.example/v1' },
        ],
      },
    });
    const client = await createKey(t, ['CLIENT']);
    const seen = (models: ReadonlyArray<{ id: string; baseUrl?: string | null; apiKeyEnv?: string | null }>) =>
      models.find((m) => m.id === 'gpt-internal');
    expect(seen(expectData(await t.run(ModelsQuery, undefined, TEST_ADMIN_KEY)).models)).toMatchObject({
      baseUrl: 'https://llm.corp.example/v1',
      apiKeyEnv: 'OPENAI_API_KEY',
    });
    expect(seen(expectData(await t.run(ModelsQuery, undefined, client.key)).models)).toMatchObject({ baseUrl: null, apiKeyEnv: null });
  });

  it('should refuse a revoked key at once', async () => {
    const app = await secured();
    const { key, id } = await createKey(app, ['CLIENT']);
    expectData(await app.run(ModelsQuery, undefined, key));
    const { revokeApiKey } = expectData(await app.run(RevokeApiKey, { id }, TEST_ADMIN_KEY));
    expect(revokeApiKey.revoked).toBe(true);
    expect(expectError(await app.run(ModelsQuery, undefined, key))).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'this API key has been revoked',
    });
  });

  it('should refuse to revoke the bootstrap key and answer NOT_FOUND for an unknown key id', async () => {
    const app = await secured();
    expect(expectError(await app.run(RevokeApiKey, { id: 'bootstrap-admin' }, TEST_ADMIN_KEY)).message).toBe(
      'id: the bootstrap admin key comes from SWITCHYARD_ADMIN_KEY; change or unset the variable and restart to rotate it',
    );
    expect(expectError(await app.run(RevokeApiKey, { id: 'nope' }, TEST_ADMIN_KEY))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'API key "nope" does not exist',
    });
  });

  it('should validate createApiKey input', async () => {
    const app = await secured();
    expect(expectError(await app.run(CreateApiKey, { input: { name: '', scopes: [] } }, TEST_ADMIN_KEY))).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'input.name: expected a name of 1 to 100 characters, got ""; input.scopes: expected at least one scope, got a list of 0',
    });
  });

  it('should count refused requests in the metrics', async () => {
    const app = await secured();
    await app.run(ModelsQuery);
    await app.run(ModelsQuery, undefined, 'sy_wrong');
    const metrics = await app.app.services.metrics.registry.metrics();
    expect(metrics).toContain('switchyard_auth_failures_total{reason="missing"} 1');
    expect(metrics).toContain('switchyard_auth_failures_total{reason="unknown"} 1');
  });
});

describe('local mode (no admin key)', () => {
  it('should serve anonymous callers with every scope', async () => {
    t = await startTestApp();
    expect(expectData(await t.run(ViewerQuery)).viewer).toEqual({ localMode: true, apiKeyId: null, scopes: ['ADMIN', 'CLIENT'] });
    expect(expectData(await t.run(RegisterModel, register)).registerModel.model.id).toBe('mock-z');
  });

  it('should still check a key that is presented', async () => {
    t = await startTestApp();
    expect(expectError(await t.run(ModelsQuery, undefined, 'sy_wrong')).code).toBe('UNAUTHENTICATED');
    const { createApiKey } = expectData(await t.run(CreateApiKey, { input: { name: 'c', scopes: ['CLIENT'] } }));
    expect(expectError(await t.run(RegisterModel, register, createApiKey.key)).code).toBe('FORBIDDEN');
  });
});
