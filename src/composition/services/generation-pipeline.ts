import { AnswerCache } from '../../cache/answer-cache.js';
import { effectiveSettings, strictestSettings } from '../../cache/cache-policy.js';
import type { ResponseCache } from '../../core/ports/response-cache.js';
import type { Clock } from '../../core/ports/clock.js';
import type { BudgetStore, RateStore } from '../../core/ports/stores.js';
import type { EventBus } from '../../core/ports/event-bus.js';
import type { Orm } from '../../db/orm.js';
import { CostRepository } from '../../modules/costs/cost-repository.js';
import { CostService } from '../../modules/costs/cost-service.js';
import { Admission } from '../../modules/generations/admission.js';
import { GenerationRecorder } from '../../modules/generations/generation-recorder.js';
import type { GenerationRepository } from '../../modules/generations/generation-repository.js';
import { GenerationService } from '../../modules/generations/generation-service.js';
import { EmbeddingService } from '../../modules/embeddings/embedding-service.js';
import type { ProviderAdapters } from '../../providers/providers.js';
import type { VendorKeys } from '../../providers/upstream-target.js';
import type { ModelRegistry } from '../../modules/models/model-registry.js';
import { SessionRepository } from '../../modules/sessions/session-repository.js';
import { SessionService } from '../../modules/sessions/session-service.js';
import type { ConfigReloader } from '../../modules/config/config-reloader.js';
import { registerBudgetGauge } from '../../observability/budget-gauge.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Tracing } from '../../observability/tracing.js';
import type { RouteTarget, TargetResolver } from '../../routing/resolve-target.js';
import type { Router } from '../../routing/router.js';

export interface GenerationPipeline {
  readonly sessions: SessionService;
  readonly generations: GenerationService;
  readonly costs: CostService;
  readonly embeddings: EmbeddingService;
}

/**
 * From a request to a stored generation: sessions (the history a turn reads), admission (target,
 * rate and budget checks), the router's run, the recorder (record, spend, usage events); and the
 * cost reports read from what was recorded.
 */
export function createGenerationPipeline(deps: {
  orm: Orm;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  bus: EventBus;
  random: () => number;
  targets: TargetResolver;
  models: ModelRegistry;
  router: Router;
  rates: RateStore;
  budgets: BudgetStore;
  generationRepository: GenerationRepository;
  configReloader: ConfigReloader;
  adapters: ProviderAdapters;
  vendorKeys: VendorKeys;
  tracing: Tracing;
  responseCache: ResponseCache;
}): GenerationPipeline {
  const { orm, clock, logger, metrics, bus, random, targets, models, router, rates, budgets, generationRepository, configReloader } = deps;
  const defaultModel = () => configReloader.current.defaultModel;
  const sessions = new SessionService({
    repository: new SessionRepository(orm),
    targets,
    bus,
    metrics,
    clock,
    defaultModel,
    historyBounds: () => configReloader.current.sessions,
  });
  registerBudgetGauge(metrics.registry, budgets);
  const recorder = new GenerationRecorder({
    store: generationRepository,
    budgets,
    bus,
    metrics,
    logger,
    clock,
    requestLog: () => configReloader.current.requestLog,
  });
  const chatBounds = () => configReloader.current.limits.chat;
  // One answer takes at most 1/16 of cache.maxBytes (4 MiB of the default 64), in Redis as in process.
  const cache = new AnswerCache({
    store: deps.responseCache,
    metrics,
    logger,
    maxEntryChars: Math.floor(configReloader.current.cache.maxBytes / 16),
  });
  const cacheSettings = (target: RouteTarget) =>
    target.kind === 'model'
      ? effectiveSettings(configReloader.current.cache, target.model.cache)
      : strictestSettings(
          configReloader.current.cache,
          target.pool.members.map((member) => models.find(member.modelId)?.cache),
        );
  const admission = new Admission({
    sessions,
    targets,
    models,
    router,
    rates,
    budgets,
    recorder,
    metrics,
    clock,
    random,
    defaultModel,
    chatBounds,
    unknownPrice: () => configReloader.current.budgets.unknownPrice,
    cacheSettings,
  });
  const generations = new GenerationService({
    admission,
    router,
    sessions,
    store: generationRepository,
    recorder,
    models,
    cache,
    tracing: deps.tracing,
  });
  const embeddings = new EmbeddingService({
    unknownPrice: () => configReloader.current.budgets.unknownPrice,
    targets,
    models,
    router,
    adapters: deps.adapters,
    vendorKeys: deps.vendorKeys,
    rates,
    budgets,
    recorder,
    metrics,
    clock,
    random,
    tracing: deps.tracing,
    cache,
    cacheSettings,
  });
  return { sessions, generations, costs: new CostService(new CostRepository(orm)), embeddings };
}
