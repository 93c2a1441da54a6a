import { usdToMicro } from '../../pricing/money.js';
import type { ModelDefinition, ModelPatch } from '../../config/model-definition.js';
import type { ModelEntity } from './model.entity.js';

/** Sets every field of the entity from a full definition (absent optional fields are cleared). */
export function applyDefinition(entity: ModelEntity, definition: ModelDefinition): void {
  entity.provider = definition.provider;
  entity.kind = definition.kind ?? 'chat';
  entity.upstreamModel = definition.upstreamModel ?? null;
  entity.preset = definition.preset ?? null;
  entity.baseUrl = definition.baseUrl ?? null;
  entity.apiKeyEnv = definition.apiKeyEnv ?? null;
  entity.credential = definition.credential ?? null;
  entity.region = definition.region ?? null;
  entity.deployment = definition.deployment ?? null;
  entity.apiVersion = definition.apiVersion ?? null;
  entity.version = definition.version ?? null;
  entity.sourceUrl = definition.sourceUrl ?? null;
  entity.contextWindow = definition.contextWindow ?? null;
  entity.capabilities = [...(definition.capabilities ?? ['chat', 'streaming'])];
  entity.defaults = { ...definition.defaults };
  entity.limits = { ...definition.limits };
  applyPricing(entity, definition.pricing);
  entity.mock = definition.mock ? { ...definition.mock } : null;
  entity.timeouts = definition.timeouts ? { ...definition.timeouts } : null;
  entity.quirks = definition.quirks ? { ...definition.quirks } : null;
  entity.fallbacks = definition.fallbacks ? [...definition.fallbacks] : null;
  entity.retry = definition.retry ? { ...definition.retry } : null;
  entity.cache = definition.cache ? { ...definition.cache } : null;
  entity.requestLog = definition.requestLog ?? null;
}

/**
 * Applies the fields a patch names; `null` clears one. Answers whether anything that decides how
 * the upstream is reached changed (then the model must be probed again).
 */
export function applyPatch(entity: ModelEntity, patch: ModelPatch): boolean {
  const before = connectionKey(entity);
  if (patch.upstreamModel !== undefined) entity.upstreamModel = patch.upstreamModel;
  if (patch.baseUrl !== undefined) entity.baseUrl = patch.baseUrl;
  if (patch.apiKeyEnv !== undefined) entity.apiKeyEnv = patch.apiKeyEnv;
  if (patch.preset !== undefined) entity.preset = patch.preset;
  if (patch.credential !== undefined) entity.credential = patch.credential;
  if (patch.region !== undefined) entity.region = patch.region;
  if (patch.deployment !== undefined) entity.deployment = patch.deployment;
  if (patch.apiVersion !== undefined) entity.apiVersion = patch.apiVersion;
  if (patch.version !== undefined) entity.version = patch.version;
  if (patch.sourceUrl !== undefined) entity.sourceUrl = patch.sourceUrl;
  if (patch.contextWindow !== undefined) entity.contextWindow = patch.contextWindow;
  if (patch.capabilities !== undefined) entity.capabilities = [...(patch.capabilities ?? [])];
  if (patch.defaults !== undefined) entity.defaults = { ...patch.defaults };
  if (patch.limits !== undefined) entity.limits = { ...patch.limits };
  if (patch.pricing !== undefined) applyPricing(entity, patch.pricing);
  if (patch.mock !== undefined) entity.mock = patch.mock ? { ...patch.mock } : null;
  if (patch.timeouts !== undefined) entity.timeouts = patch.timeouts ? { ...patch.timeouts } : null;
  if (patch.quirks !== undefined) entity.quirks = patch.quirks ? { ...patch.quirks } : null;
  if (patch.fallbacks !== undefined) entity.fallbacks = patch.fallbacks ? [...patch.fallbacks] : null;
  if (patch.retry !== undefined) entity.retry = patch.retry ? { ...patch.retry } : null;
  if (patch.cache !== undefined) entity.cache = patch.cache ? { ...patch.cache } : null;
  if (patch.requestLog !== undefined) entity.requestLog = patch.requestLog;
  return connectionKey(entity) !== before;
}

/** Sets the four prices (micro-USD per million tokens) from a definition's `pricing`, or clears them. */
function applyPricing(entity: ModelEntity, pricing: ModelDefinition['pricing'] | null): void {
  const micro = (usd: number | undefined) => (usd === undefined || !pricing ? null : usdToMicro(usd));
  entity.inputPriceMicroUsd = micro(pricing?.input);
  entity.outputPriceMicroUsd = micro(pricing?.output);
  entity.cachedInputPriceMicroUsd = micro(pricing?.cachedInput);
  entity.cacheWritePriceMicroUsd = micro(pricing?.cacheWrite);
}

function connectionKey(entity: ModelEntity): string {
  return JSON.stringify([
    entity.upstreamModel,
    entity.preset,
    entity.baseUrl,
    entity.apiKeyEnv,
    entity.credential,
    entity.region,
    entity.deployment,
    entity.apiVersion,
    entity.mock,
    entity.quirks,
  ]);
}
