import type { HealthCheckRecord, ModelRecord } from '../../core/records/model.js';
import type { ModelWithHealth } from '../../modules/models/model-registry.js';
import { pricingOf } from '../../pricing/money.js';

/** A health check as the REST routes answer it. */
export const healthAnswer = (h: Omit<HealthCheckRecord, 'checkedAt'> & { checkedAt?: Date }) => ({
  ok: h.ok,
  latencyMs: h.latencyMs,
  message: h.message,
  ...(h.checkedAt ? { checkedAt: h.checkedAt.toISOString() } : {}),
});

/**
 * A model on the REST routes: the fields GraphQL's `Model` shows that a client acts on, with the
 * config file's spellings (`provider: openai-compatible`) and prices in USD per million tokens.
 */
export const modelAnswer = (m: ModelRecord) => ({
  id: m.id,
  provider: m.provider,
  kind: m.kind,
  status: m.status,
  upstreamModel: m.upstreamModel,
  preset: m.preset,
  baseUrl: m.baseUrl,
  apiKeyEnv: m.apiKeyEnv,
  credential: m.credential,
  version: m.version,
  sourceUrl: m.sourceUrl,
  contextWindow: m.contextWindow,
  capabilities: [...m.capabilities],
  defaults: m.defaults,
  limits: m.limits,
  pricing: pricingOf(m),
  pricingSource: m.pricingSource,
  fallbacks: [...m.fallbacks],
  retry: m.retry,
  timeouts: m.timeouts,
  lastHealthCheck: m.lastHealthCheck ? healthAnswer(m.lastHealthCheck) : null,
  source: m.source,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
  retiredAt: m.retiredAt?.toISOString() ?? null,
});

/** What registerModel and updateModel answer: the model and the probe the change ran (null when none ran). */
export const modelPayloadAnswer = (p: ModelWithHealth) => ({
  model: modelAnswer(p.model),
  healthCheck: p.healthCheck ? healthAnswer(p.healthCheck) : null,
});
