import Anthropic from '@anthropic-ai/sdk';
import OpenAI, { BadRequestError, NotFoundError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBudgetedKey,
  CreateSession,
  Generate,
  GenerateStreamCost,
  GenerationQuery,
  ModelsQuery,
  RegisterModel,
  SwitchModel,
  UnpricedCostsQuery,
} from '../helpers/documents.js';
import { expectData, expectError } from '../helpers/graphql.js';
import { startVendorApp, type VendorApp } from '../helpers/vendor-app.js';
import { subscribe, wsClient } from '../helpers/ws.js';

/**
 * Wildcard models end to end: the vendor app's `openai/*` (pointed at the OpenAI fake) serves any
 * `openai/<name>` through the real `openai` SDK and GraphQL, prices from the pinned catalog
 * packages (PackagedModelCatalog), and a name the catalog does not list (gpt-next-preview) costs null and is refused on a budgeted key as budgets.unknownPrice says.
 */
const ADMIN = 'wildcard-admin-key-0123456789';

const hi = [{ role: 'user' as const, content: 'Hi' }];

describe('wildcard models (budgets.unknownPrice: refuse, the default)', () => {
  let v: VendorApp;
  let base: string;
  let sdk: OpenAI;
  beforeAll(async () => {
    v = await startVendorApp({ SWITCHYARD_ADMIN_KEY: ADMIN }, { retry: { attempts: 1 } });
    base = await v.t.listen();
    sdk = new OpenAI({ baseURL: `${base}/v1`, apiKey: ADMIN, maxRetries: 0 });
  });
  afterAll(() => v.dispose());

  it('should serve openai/gpt-4o-mini through openai/* with upstreamModel gpt-4o-mini, priced from the catalog', async () => {
    const { data, response } = await sdk.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: hi }).withResponse();
    expect(data.model).toBe('openai/gpt-4o-mini');
    expect(data.choices[0]?.message.content).toBe('Hello there! 你好 😀');
    expect(v.openai.calls.at(-1)).toMatchObject({ path: '/v1/chat/completions', body: { model: 'gpt-4o-mini' } });
    // 12 prompt and 5 completion tokens (the fixture's usage) at the catalog's $0.15 and $0.60 per million: 4.8 micro-USD, rounded half up.
    expect(response.headers.get('x-switchyard-cost-usd')).toBe('0.000005');
    const id = response.headers.get('x-switchyard-generation-id') ?? '';
    expect(expectData(await v.t.run(GenerationQuery, { id }, ADMIN)).generation).toMatchObject({ model: { id: 'openai/gpt-4o-mini' } });
    const costs = expectData(await v.t.run(UnpricedCostsQuery, { groupBy: 'MODEL' }, ADMIN)).costs;
    expect(costs.groups).toContainEqual({ key: 'openai/gpt-4o-mini', requests: 1, costMicroUsd: 5, unpricedRequests: 0 });
  });

  it('should stream through the wildcard too', async () => {
    const stream = await sdk.chat.completions.create({ model: 'openai/gpt-4o-mini', messages: hi, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello there! 你好 😀');
    expect(v.openai.calls.at(-1)?.body).toMatchObject({ model: 'gpt-4o-mini', stream: true });
  });

  it('should record the cost of a name the catalog does not know as unknown (null), not zero, through GraphQL', async () => {
    const before = expectData(await v.t.run(UnpricedCostsQuery, { groupBy: 'MODEL' }, ADMIN)).costs.totals;
    const generation = expectData(
      await v.t.run(Generate, { input: { model: 'openai/gpt-next-preview', messages: [{ role: 'USER', content: 'Hi' }] } }, ADMIN),
    ).generate;
    expect(generation).toMatchObject({ modelId: 'openai/gpt-next-preview', status: 'SUCCEEDED', costUsd: null, costMicroUsd: null });
    expect(v.openai.calls.at(-1)?.body).toMatchObject({ model: 'gpt-next-preview' });
    const costs = expectData(await v.t.run(UnpricedCostsQuery, { groupBy: 'MODEL' }, ADMIN)).costs;
    expect(costs.groups).toContainEqual({ key: 'openai/gpt-next-preview', requests: 1, costMicroUsd: 0, unpricedRequests: 1 });
    expect(costs.totals.unpricedRequests).toBe(before.unpricedRequests + 1);
    expect(costs.totals.costMicroUsd).toBe(before.costMicroUsd);
    // Metrics: the model label is the wildcard (bounded), and an unknown cost is counted apart, never as 0 USD.
    const metrics = await v.t.app.services.metrics.registry.metrics();
    expect(metrics).toMatch(/^switchyard_unpriced_generations_total\{model="openai\/\*",provider="openai"\} 1$/m);
    expect(metrics).toMatch(/^switchyard_cost_micro_usd_total\{model="openai\/\*",provider="openai"\} 10$/m);
    expect(metrics).not.toMatch(/model="openai\/gpt-/);
  });

  it('should stream a running cost of null for such a name, and numbers for a priced one, in generateStream', async () => {
    const client = wsClient(base, ADMIN);
    try {
      const runningCosts = async (model: string) => {
        const costs: unknown[] = [];
        for await (const r of subscribe(client, GenerateStreamCost, { input: { model, prompt: 'Hi' } })) {
          const event = r.data?.generateStream;
          if (event?.__typename === 'TokenDelta') costs.push(event.costUsd);
        }
        return costs;
      };
      const unknown = await runningCosts('openai/gpt-next-stream');
      expect(unknown.length).toBeGreaterThan(0);
      expect(unknown.every((c) => c === null)).toBe(true);
      const priced = await runningCosts('openai/gpt-4o-mini');
      expect(priced.length).toBeGreaterThan(0);
      expect(priced.every((c) => typeof c === 'number' && c > 0)).toBe(true);
    } finally {
      await client.dispose();
    }
  });

  it('should answer cost "unknown" on /v1 for such a name', async () => {
    const { response } = await sdk.chat.completions.create({ model: 'openai/gpt-next-nano', messages: hi }).withResponse();
    expect(response.headers.get('x-switchyard-cost-usd')).toBe('unknown');
  });

  it('should refuse a name of unknown price on a budgeted key, naming the model and budgets.unknownPrice, with nothing sent', async () => {
    const { key } = expectData(
      await v.t.run(CreateBudgetedKey, { input: { name: 'budgeted', scopes: ['CLIENT'], budget: { daily: 1 } } }, ADMIN),
    ).createApiKey;
    const calls = v.openai.calls.length;
    const error = expectError(
      await v.t.run(Generate, { input: { model: 'openai/gpt-next-preview', messages: [{ role: 'USER', content: 'Hi' }] } }, key),
    );
    expect(error.code).toBe('COST_LIMIT_EXCEEDED');
    expect(error.message).toMatch(
      /^the price of openai\/gpt-next-preview is unknown \(neither the wildcard model "openai\/\*" nor the model catalog gives one\) and this API key has a budget.*budgets\.unknownPrice is refuse/,
    );
    const refused = await new OpenAI({ baseURL: `${base}/v1`, apiKey: key, maxRetries: 0 }).chat.completions
      .create({ model: 'openai/gpt-next-preview', messages: hi })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BadRequestError);
    expect(refused).toMatchObject({ status: 400, code: 'unknown_price', param: 'model' });
    expect(v.openai.calls.length).toBe(calls);
    // A name the catalog prices runs on the same key.
    const priced = expectData(
      await v.t.run(Generate, { input: { model: 'openai/gpt-4o-mini', messages: [{ role: 'USER', content: 'Hi' }] } }, key),
    ).generate;
    expect(priced).toMatchObject({ status: 'SUCCEEDED', costMicroUsd: 5 });
  });

  it("should answer the door's model-not-found for a prefix no wildcard serves, and refuse the wildcard itself as a model", async () => {
    const missing = await sdk.chat.completions.create({ model: 'anthropic/claude-sonnet-4-5', messages: hi }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    const notFound = expectError(
      await v.t.run(Generate, { input: { model: 'anthropic/claude-sonnet-4-5', messages: [{ role: 'USER', content: 'Hi' }] } }, ADMIN),
    );
    expect(notFound.code).toBe('NOT_FOUND');
    const itself = expectError(
      await v.t.run(Generate, { input: { model: 'openai/*', messages: [{ role: 'USER', content: 'Hi' }] } }, ADMIN),
    );
    expect(itself.code).toBe('BAD_USER_INPUT');
    expect(itself.message).toMatch(/input\.model: expected a model id, not a wildcard: "openai\/\*" serves the names under its prefix/);
    const viaSdk = await sdk.chat.completions.create({ model: 'openai/*', messages: hi }).catch((e: unknown) => e);
    expect(viaSdk).toBeInstanceOf(BadRequestError);
  });

  it('should let an exact model win over the wildcard, and list the wildcard itself (no names) in models', async () => {
    const registered = expectData(
      await v.t.run(
        RegisterModel,
        {
          input: {
            id: 'openai/gpt-4o',
            provider: 'OPENAI',
            upstreamModel: 'gpt-4',
            baseUrl: `${v.openai.url}/v1`,
            pricing: { input: 30, output: 60 },
          },
        },
        ADMIN,
      ),
    ).registerModel;
    expect(registered.model.status).toBe('HEALTHY');
    await sdk.chat.completions.create({ model: 'openai/gpt-4o', messages: hi });
    expect(v.openai.calls.at(-1)?.body).toMatchObject({ model: 'gpt-4' });
    const ids = expectData(await v.t.run(ModelsQuery, {}, ADMIN)).models.map((m) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['openai/*', 'openai/gpt-4o']));
    expect(ids).not.toContain('openai/gpt-4o-mini');
  });

  it('should serve a name through the wildcard at the Responses and Anthropic Messages doors too', async () => {
    const response = await sdk.responses.create({ model: 'openai/gpt-4o-mini', input: 'Hi' });
    expect(response.model).toBe('openai/gpt-4o-mini');
    expect(response.output_text).toBe('Hello there! 你好 😀');
    expect(v.openai.calls.at(-1)).toMatchObject({ path: '/v1/chat/completions', body: { model: 'gpt-4o-mini' } });

    const anthropic = new Anthropic({ baseURL: base, apiKey: ADMIN, maxRetries: 0 });
    const message = await anthropic.messages.create({ model: 'openai/gpt-4.1-mini', max_tokens: 64, messages: hi });
    expect(message.model).toBe('openai/gpt-4.1-mini');
    expect(message.content).toMatchObject([{ type: 'text', text: 'Hello there! 你好 😀' }]);
    expect(v.openai.calls.at(-1)).toMatchObject({ path: '/v1/chat/completions', body: { model: 'gpt-4.1-mini' } });
  });

  it('should open and switch sessions onto names a wildcard serves', async () => {
    const session = expectData(await v.t.run(CreateSession, { input: { modelId: 'openai/gpt-4o-mini' } }, ADMIN)).createSession;
    expect(session.model?.id).toBe('openai/gpt-4o-mini');
    const switched = expectData(
      await v.t.run(SwitchModel, { input: { sessionId: session.id, modelId: 'openai/gpt-4.1' } }, ADMIN),
    ).switchModel;
    expect(switched).toMatchObject({ previousModel: { id: 'openai/gpt-4o-mini' }, model: { id: 'openai/gpt-4.1' } });
  });
});

describe('wildcard models with budgets.unknownPrice: allow', () => {
  let v: VendorApp;
  beforeAll(async () => {
    v = await startVendorApp({ SWITCHYARD_ADMIN_KEY: ADMIN }, { retry: { attempts: 1 } }, undefined, {
      budgets: { unknownPrice: 'allow' },
    });
  });
  afterAll(() => v.dispose());

  it('should run a name of unknown price on a budgeted key, its cost null and charged nothing', async () => {
    const { key, apiKey } = expectData(
      await v.t.run(CreateBudgetedKey, { input: { name: 'budgeted', scopes: ['CLIENT'], budget: { daily: 1 } } }, ADMIN),
    ).createApiKey;
    const generation = expectData(
      await v.t.run(Generate, { input: { model: 'openai/gpt-next-preview', messages: [{ role: 'USER', content: 'Hi' }] } }, key),
    ).generate;
    expect(generation).toMatchObject({ status: 'SUCCEEDED', costUsd: null });
    expect(v.openai.calls.at(-1)?.body).toMatchObject({ model: 'gpt-next-preview' });
    const status = await v.t.app.services.budgets.status(apiKey.id, { dailyMicroUsd: 1_000_000, monthlyMicroUsd: null });
    expect(status).toMatchObject({ remainingMicroUsd: 1_000_000, reservedMicroUsd: 0 });
  });
});
