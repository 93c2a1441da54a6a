import type { LookupFunction } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RegisterModel, UpdateModel } from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** `vendor.internal` resolves to a private address; every other name does not resolve (no traffic leaves). */
const lookedUp: string[] = [];
const lookup: LookupFunction = (hostname, options, callback) => {
  lookedUp.push(hostname);
  if (hostname !== 'vendor.internal')
    return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
  if (options.all)
    return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '10.0.0.5', family: 4 }]);
  return callback(null, '10.0.0.5', 4);
};

let t: TestApp;
afterEach(() => t.dispose());

describe('endpoint policy at registration', () => {
  it('should refuse a baseUrl whose host name resolves to a private address, and change nothing', async () => {
    t = await startTestApp({ overrides: { lookup } });
    const error = expectError(
      await t.run(RegisterModel, { input: { id: 'sneaky', provider: 'OPENAI_COMPATIBLE', baseUrl: 'https://vendor.internal/v1' } }),
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      message:
        'input.baseUrl: vendor.internal resolves to 10.0.0.5, a private address; set security.allowPrivateEndpoints: true in the config to allow it',
    });
    expect(t.app.services.models.find('sneaky')).toBeUndefined();
    const updated = expectError(await t.run(UpdateModel, { input: { id: 'mock-a', baseUrl: 'https://vendor.internal/v1' } }));
    expect(updated.message).toContain('vendor.internal resolves to 10.0.0.5');
    expect(t.app.services.models.find('mock-a')?.baseUrl).toBeNull();
  });

  it('should accept a name that does not resolve (the connect-time check still guards it) and report it unhealthy', async () => {
    t = await startTestApp({ overrides: { lookup } });
    const { registerModel } = expectData(
      await t.run(RegisterModel, { input: { id: 'offline', provider: 'OPENAI_COMPATIBLE', baseUrl: 'https://nowhere.example/v1' } }),
    );
    expect(registerModel.model.status).toBe('UNHEALTHY');
    expect(registerModel.healthCheck?.message).toContain('could not reach nowhere.example: ENOTFOUND');
  });

  it('should allow private resolutions when the config allows private endpoints', async () => {
    t = await startTestApp({ overrides: { lookup }, file: { security: { allowPrivateEndpoints: true }, models: [] } });
    lookedUp.length = 0;
    // The same host the first test is refused: it resolves to 10.0.0.5, and here that is allowed.
    const result = await t.run(RegisterModel, {
      input: { id: 'ollama', provider: 'OPENAI_COMPATIBLE', baseUrl: 'http://vendor.internal:11434/v1' },
    });
    expect(expectData(result).registerModel.model).toMatchObject({ id: 'ollama', baseUrl: 'http://vendor.internal:11434/v1' });
    expect(lookedUp).toContain('vendor.internal'); // the name was resolved, to the private address
    expect(t.app.services.models.find('ollama')?.baseUrl).toBe('http://vendor.internal:11434/v1');
  });
});
