import OpenAI, { BadRequestError, InternalServerError, NotFoundError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostsQuery, RegisterModel } from '../helpers/documents.js';
import { expectData } from '../helpers/graphql.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';
import { fixtureJson } from '../fakes/vendors.js';

/** The door's answers a client acts on: which failures its SDK retries (503) and which it must not (400, 404). */
let v: VendorApp;
let base: string;
const requests: string[] = [];
beforeAll(async () => {
  v = await startVendorApp();
  base = await v.t.listen();
});
afterAll(() => v.dispose());

/** The SDK with `maxRetries` (its default is 2), counting every HTTP request it makes. */
const sdk = (maxRetries = 2) =>
  new OpenAI({
    baseURL: `${base}/v1`,
    apiKey: 'local',
    maxRetries,
    fetch: (url, init) => {
      requests.push(String(url));
      return fetch(url, init);
    },
  });
const hi = [{ role: 'user' as const, content: 'Hi' }];

describe('/v1 errors that clients handle right', () => {
  it('should answer an unknown /v1 route 404 in OpenAI’s error shape, which the SDK raises as NotFoundError', async () => {
    const error = await sdk()
      .completions.create({ model: 'mock-a', prompt: 'Hi' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).error).toEqual({
      message: 'Invalid URL (POST /v1/completions)',
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
  });

  it('should answer a model that cannot serve until an operator acts (no vendor key) 400 model_not_ready, not retried', async () => {
    expectData(await v.t.run(RegisterModel, { input: { id: 'gpt-keyless', provider: 'OPENAI', apiKeyEnv: 'UNSET_NOT_READY' } }));
    requests.length = 0;
    const error = await sdk()
      .chat.completions.create({ model: 'gpt-keyless', messages: hi })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, code: 'model_not_ready', param: 'model' });
    expect((error as BadRequestError).message).toMatch(/UNSET_NOT_READY is not set.*until an operator acts: set UNSET_NOT_READY/);
    expect(requests).toHaveLength(1);
  });

  it('should answer a transient outage (a failed probe) 503 with Retry-After, which the SDK retries', async () => {
    const flaky = await startVendorAppUpstreamDown();
    requests.length = 0;
    const error = await sdk(1)
      .chat.completions.create({ model: flaky, messages: hi })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, code: 'model_unavailable' });
    expect((error as InternalServerError).headers?.get('retry-after')).toBe('5');
    expect(requests).toHaveLength(2); // the first try and the SDK's one retry, after the 5 s it was told
    // Every answered request is stored (refused ones included): the costs count them.
    expect(expectData(await v.t.run(CostsQuery, { groupBy: 'MODEL' })).costs.totals.requests).toBeGreaterThan(0);
  }, 30_000);
});

/** A model whose upstream fails its health probe (500 on GET /v1/models): UNHEALTHY, but nothing an operator must fix. */
async function startVendorAppUpstreamDown(): Promise<string> {
  v.openai.respond('GET /v1/models', { type: 'json', status: 500, body: fixtureJson('openai/error-500.json') });
  const { registerModel } = expectData(
    await v.t.run(RegisterModel, { input: { id: 'gpt-down', provider: 'OPENAI', upstreamModel: 'gpt-4', baseUrl: `${v.openai.url}/v1` } }),
  );
  expect(registerModel.model.status).toBe('UNHEALTHY');
  return 'gpt-down';
}
