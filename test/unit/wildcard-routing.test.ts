import { describe, expect, it } from 'vitest';
import type { ModelCatalog } from '../../src/catalog/model-catalog.js';
import { DEFAULT_TIMEOUTS, type ModelRecord } from '../../src/core/records/model.js';
import { matchWildcard } from '../../src/core/records/model-id.js';
import { resolveWildcard } from '../../src/modules/models/wildcard-model.js';
import { hasUnknownPrice } from '../../src/pricing/unknown-price.js';
import { TargetResolver } from '../../src/routing/resolve-target.js';
import { RoutingTable } from '../../src/routing/routing-table.js';

function model(id: string, extra: Partial<ModelRecord> = {}): ModelRecord {
  return {
    id,
    wildcard: null,
    provider: 'openai',
    kind: 'chat',
    upstreamModel: 'gpt-4o-mini',
    preset: null,
    baseUrl: 'https://api.openai.com/v1',
    apiKeyEnv: 'OPENAI_API_KEY',
    credential: null,
    region: null,
    deployment: null,
    apiVersion: null,
    version: null,
    sourceUrl: null,
    contextWindow: null,
    maxOutputTokens: null,
    modalities: null,
    supportsTools: null,
    supportsReasoning: null,
    catalogStatus: 'UNLISTED',
    capabilities: ['chat', 'streaming'],
    defaults: { maxTokens: 2000 },
    limits: { requestsPerMinute: 60 },
    inputPriceMicroUsd: null,
    outputPriceMicroUsd: null,
    cachedInputPriceMicroUsd: null,
    cacheWritePriceMicroUsd: null,
    pricingSource: 'NONE',
    mock: null,
    timeouts: DEFAULT_TIMEOUTS,
    streamUsage: true,
    fallbacks: [],
    retry: { attempts: 2 },
    cache: null,
    status: 'HEALTHY',
    lastHealthCheck: null,
    source: 'CONFIG',
    createdAt: new Date(0),
    updatedAt: new Date(0),
    retiredAt: null,
    ...extra,
  };
}

/** A catalog of one vendor model (the real one is the catalog package's; this one says what the resolver takes of an entry). */
const catalog: ModelCatalog = {
  source: 'test-catalog@1',
  lookup: (provider, upstreamModel) =>
    provider === 'openai' && upstreamModel === 'gpt-4o-mini'
      ? {
          upstreamModel,
          pricing: { input: 0.15, output: 0.6, cachedInput: 0.075 },
          contextWindow: 128_000,
          inputModalities: ['text', 'image'],
          outputModalities: ['text'],
          tools: true,
          status: 'current',
        }
      : undefined,
};

describe('matchWildcard', () => {
  it('should pick the longest prefix that serves the name, and none for another prefix or a bad name', () => {
    const wildcards = ['openai/*', 'openai/azure/*', 'anthropic/*'];
    expect(matchWildcard('openai/gpt-4o', wildcards)).toBe('openai/*');
    expect(matchWildcard('openai/azure/gpt-4o', wildcards)).toBe('openai/azure/*');
    expect(matchWildcard('bedrock/amazon.nova-lite-v1:0', wildcards)).toBeUndefined();
    expect(matchWildcard('openai/', wildcards)).toBeUndefined();
    expect(matchWildcard('openai/../x', wildcards)).toBeUndefined();
    expect(matchWildcard(`openai/${'x'.repeat(100)}`, wildcards)).toBeUndefined();
  });
});

describe('RoutingTable.wildcardFor', () => {
  const table = new RoutingTable();
  table.replaceAll([model('openai/*'), model('openai/azure/*', { upstreamModel: 'gpt-4o' }), model('openai/gpt-4o')]);

  it('should leave a name a model has exactly to that model (an exact model wins over a wildcard)', () => {
    expect(table.wildcardFor('openai/gpt-4o')).toBeUndefined();
    expect(table.get('openai/gpt-4o')?.id).toBe('openai/gpt-4o');
  });

  it('should answer the wildcard with the longest prefix, and none for an unknown prefix', () => {
    expect(table.wildcardFor('openai/gpt-4.1-mini')?.id).toBe('openai/*');
    expect(table.wildcardFor('openai/azure/gpt-4.1')?.id).toBe('openai/azure/*');
    expect(table.wildcardFor('anthropic/claude-sonnet-4-5')).toBeUndefined();
  });
});

describe('resolveWildcard', () => {
  it("should serve the name with the wildcard's connection and limits, the name after the prefix upstream, and the catalog's prices", () => {
    const resolved = resolveWildcard(model('openai/*'), 'openai/gpt-4o-mini', catalog);
    expect(resolved).toMatchObject({
      id: 'openai/gpt-4o-mini',
      wildcard: 'openai/*',
      upstreamModel: 'gpt-4o-mini',
      baseUrl: 'https://api.openai.com/v1',
      apiKeyEnv: 'OPENAI_API_KEY',
      limits: { requestsPerMinute: 60 },
      retry: { attempts: 2 },
      inputPriceMicroUsd: 150_000,
      outputPriceMicroUsd: 600_000,
      cachedInputPriceMicroUsd: 75_000,
      cacheWritePriceMicroUsd: null,
      pricingSource: 'CATALOG',
      contextWindow: 128_000,
      catalogStatus: 'CURRENT',
      supportsTools: true,
      capabilities: ['chat', 'streaming', 'tools', 'vision'],
    });
    expect(hasUnknownPrice(resolved)).toBe(false);
  });

  it("should keep the wildcard's own prices and context window over the catalog's", () => {
    const own = model('openai/*', {
      inputPriceMicroUsd: 1_000_000,
      outputPriceMicroUsd: 2_000_000,
      pricingSource: 'CONFIG',
      contextWindow: 8000,
    });
    expect(resolveWildcard(own, 'openai/gpt-4o-mini', catalog)).toMatchObject({
      inputPriceMicroUsd: 1_000_000,
      outputPriceMicroUsd: 2_000_000,
      cachedInputPriceMicroUsd: null,
      contextWindow: 8000,
    });
  });

  it('should leave the price unknown (null) for a name the catalog does not list, unlike a registered model without pricing', () => {
    const resolved = resolveWildcard(model('openai/*'), 'openai/gpt-9-preview', catalog);
    expect(resolved).toMatchObject({ upstreamModel: 'gpt-9-preview', inputPriceMicroUsd: null, outputPriceMicroUsd: null });
    expect(hasUnknownPrice(resolved)).toBe(true);
    expect(hasUnknownPrice(model('local-llama'))).toBe(false);
  });

  it('should resolve a name with slashes after the prefix (an OpenRouter name) to all of it upstream', () => {
    expect(resolveWildcard(model('openrouter/*'), 'openrouter/meta-llama/llama-3.1-8b', undefined).upstreamModel).toBe(
      'meta-llama/llama-3.1-8b',
    );
  });
});

describe('TargetResolver with wildcards', () => {
  const fields = { model: 'input.model', pool: 'input.pool' };
  const table = new RoutingTable();
  table.replaceAll([model('openai/*')]);
  const resolver = new TargetResolver({
    findModel: (id) =>
      table.get(id) ?? (table.wildcardFor(id) ? resolveWildcard(table.wildcardFor(id) as ModelRecord, id, catalog) : undefined),
    findPool: () => undefined,
    hasCandidate: () => true,
    circuit: () => ({ state: 'CLOSED' }),
  });

  it('should resolve a name under the prefix to its own record', () => {
    const target = resolver.find({ modelId: 'openai/gpt-4o-mini' }, fields, null);
    expect(target.kind === 'model' && target.model.upstreamModel).toBe('gpt-4o-mini');
  });

  it('should refuse the wildcard itself as a target, naming the field and what to ask instead', () => {
    expect(() => resolver.find({ modelId: 'openai/*' }, fields, null)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/^input\.model: names the wildcard model "openai\/\*".*e\.g\. "openai\/<vendor model>"/),
      }),
    );
  });

  it('should answer NOT_FOUND on the field for a prefix no wildcard serves', () => {
    expect(() => resolver.find({ modelId: 'anthropic/claude-sonnet-4-5' }, fields, null)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', details: expect.objectContaining({ field: 'input.model' }) }),
    );
  });
});
