import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ModelRecord } from '../core/records/model.js';

/**
 * The gateway's metrics, on a Registry of its own (never prom-client's global one, so several
 * apps can live in one process). Names carry the `switchyard_` prefix; labels are low-cardinality
 * (provider, status, outcome; model ids are bounded by the registry's size).
 */
export function createMetrics(models: () => readonly ModelRecord[]) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  new Gauge({
    name: 'switchyard_models',
    help: 'Registered models by provider and status',
    labelNames: ['provider', 'status'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const { provider, status } of models()) this.inc({ provider, status });
    },
  });

  new Gauge({
    name: 'switchyard_model_health',
    help: 'Model health: 1 when HEALTHY, 0 otherwise (retired models are not exported)',
    labelNames: ['model', 'provider', 'status'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const model of models()) {
        if (model.status === 'RETIRED') continue;
        this.set({ model: model.id, provider: model.provider, status: model.status }, model.status === 'HEALTHY' ? 1 : 0);
      }
    },
  });

  const healthChecks = new Counter({
    name: 'switchyard_model_health_checks_total',
    help: 'Health probes run against models, by provider and outcome (ok, failed)',
    labelNames: ['provider', 'outcome'] as const,
    registers: [registry],
  });

  const activeSubscriptions = new Gauge({
    name: 'switchyard_active_subscriptions',
    help: 'GraphQL subscriptions currently open over WebSocket',
    registers: [registry],
  });
  const sseSubscriptions = new Gauge({
    name: 'switchyard_sse_subscriptions',
    help: 'GraphQL subscriptions currently open over SSE (POST /graphql, Accept: text/event-stream)',
    registers: [registry],
  });
  const redisConnected = new Gauge({
    name: 'switchyard_redis_connected',
    help: 'Whether this instance reaches the Redis it shares with the other instances (1 yes, 0 no; absent without REDIS_URL)',
    registers: [],
  });
  const eventsNotShared = new Counter({
    name: 'switchyard_events_not_shared_total',
    help: 'Events this instance could not publish to the other instances (Redis unreachable)',
    registers: [],
  });
  const limitsUnchecked = new Counter({
    name: 'switchyard_rate_limits_unchecked_total',
    help: 'Rate-limit checks Redis did not answer, by what was done (allowed: failOpen, refused)',
    labelNames: ['outcome'] as const,
    registers: [],
  });
  const broadcastExecutions = new Gauge({
    name: 'switchyard_broadcast_executions',
    help: 'Executions of broadcast subscriptions (modelSwitched, modelEvents, usageUpdated) running, each shared by every subscriber asking the same way',
    registers: [registry],
  });

  const authFailures = new Counter({
    name: 'switchyard_auth_failures_total',
    help: 'Requests refused by authentication or authorization, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });

  const connectionsRefused = new Counter({
    name: 'switchyard_connections_refused_total',
    help: 'Connections and streams refused at a cap, by limit (per_key: limits.maxConnectionsPerKey, per_address: limits.maxConnectionsPerAddress) and transport (websocket, sse, http)',
    labelNames: ['limit', 'transport'] as const,
    registers: [registry],
  });

  /** Where the open connection counts come from (set by the app once its counters exist). */
  let openConnections: () => { perKey: number; perAddress: number } = () => ({ perKey: 0, perAddress: 0 });
  new Gauge({
    name: 'switchyard_connections_open',
    help: 'What the connection caps count now, by limit (per_key: WebSocket connections and running SSE and /v1 streams of API keys; per_address: open TCP connections)',
    labelNames: ['limit'] as const,
    registers: [registry],
    collect() {
      const { perKey, perAddress } = openConnections();
      this.set({ limit: 'per_key' }, perKey);
      this.set({ limit: 'per_address' }, perAddress);
    },
  });
  const countOpenConnections = (source: typeof openConnections) => {
    openConnections = source;
  };

  const crossOriginRefused = new Counter({
    name: 'switchyard_cross_origin_refused_total',
    help: 'Requests and WebSocket handshakes refused by the origin policy, by reason (origin: a foreign Origin; cross-site: a browser request from another site; host: a Host a local-mode gateway does not answer to)',
    labelNames: ['reason'] as const,
    registers: [registry],
  });

  const generationRequests = new Counter({
    name: 'switchyard_generation_requests_total',
    help: 'Generation requests by model, provider and outcome (succeeded, failed, cancelled)',
    labelNames: ['model', 'provider', 'outcome'] as const,
    registers: [registry],
  });

  const generationDuration = new Histogram({
    name: 'switchyard_generation_duration_seconds',
    help: 'Time from request to the last token, by provider',
    labelNames: ['provider'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [registry],
  });

  const timeToFirstToken = new Histogram({
    name: 'switchyard_time_to_first_token_seconds',
    help: 'Time from request to the first token, by provider',
    labelNames: ['provider'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const tokens = new Counter({
    name: 'switchyard_tokens_total',
    help: 'Tokens by direction, model and provider: input and output (all of them), and the parts of those: cached_input (read from the vendor prompt cache), cache_write (written to it), reasoning (part of output)',
    labelNames: ['direction', 'model', 'provider'] as const,
    registers: [registry],
  });

  const cost = new Counter({
    name: 'switchyard_cost_micro_usd_total',
    help: 'Cost of generations in micro-USD (1e-6 USD), by model and provider',
    labelNames: ['model', 'provider'] as const,
    registers: [registry],
  });

  const unpriced = new Counter({
    name: 'switchyard_unpriced_generations_total',
    help: 'Generations whose cost is unknown (a name a wildcard model serves with no price in the config or the catalog): not in switchyard_cost_micro_usd_total, by model (the wildcard) and provider',
    labelNames: ['model', 'provider'] as const,
    registers: [registry],
  });

  const switchDuration = new Histogram({
    name: 'switchyard_model_switch_duration_seconds',
    help: 'Model switch latency: switchModel received to modelSwitched published',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });

  const retries = new Counter({
    name: 'switchyard_retries_total',
    help: 'Attempts after the first, by the model tried',
    labelNames: ['model'] as const,
    registers: [registry],
  });

  const fallbacks = new Counter({
    name: 'switchyard_fallbacks_total',
    help: 'Retries that moved to another model, by the model left and the model tried',
    labelNames: ['from', 'to'] as const,
    registers: [registry],
  });

  const rateLimited = new Counter({
    name: 'switchyard_rate_limited_total',
    help: "Refusals by a gateway rate limit, by scope: api_key (a request over its key's requests per minute), model (a model over its requests or tokens per minute, skipped for the next candidate or, with none left, the request refused)",
    labelNames: ['scope'] as const,
    registers: [registry],
  });

  const cacheLookups = new Counter({
    name: 'switchyard_cache_lookups_total',
    help: 'Response cache lookups, by result: hit (answered from the cache, nothing sent upstream) or miss',
    labelNames: ['result'] as const,
    registers: [registry],
  });

  return {
    cacheLookups,
    retries,
    fallbacks,
    rateLimited,
    switchDuration,
    registry,
    healthChecks,
    activeSubscriptions,
    sseSubscriptions,
    redisConnected,
    eventsNotShared,
    limitsUnchecked,
    broadcastExecutions,
    authFailures,
    connectionsRefused,
    countOpenConnections,
    crossOriginRefused,
    generationRequests,
    generationDuration,
    timeToFirstToken,
    tokens,
    cost,
    unpriced,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
