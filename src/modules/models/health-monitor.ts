import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../observability/logger.js';
import type { ProviderAdapters } from '../../providers/providers.js';
import type { Router } from '../../routing/router.js';
import { forEachConcurrently } from '../../util/concurrency.js';
import { PROBE_CONCURRENCY, probeModel } from './model-health.js';
import type { VendorKeys } from '../../providers/upstream-target.js';
import type { ModelRegistry } from './model-registry.js';

export interface HealthMonitorDeps {
  readonly models: Pick<ModelRegistry, 'checkHealth' | 'list'>;
  readonly router: Pick<Router, 'circuit' | 'takeProbe' | 'recordOutcome'>;
  readonly clock: Pick<Clock, 'every'>;
  readonly adapters: ProviderAdapters;
  /** Vendor keys by variable name, as the key-variable policy allows. */
  readonly vendorKeys: VendorKeys;
  readonly logger: Logger;
}

/**
 * Active health monitoring: every interval, probes the models that are UNHEALTHY (a good probe
 * makes them HEALTHY and routable again) and those whose circuit is open past its cool-down (the
 * probe takes the half-open slot: success closes the circuit, failure opens it again). Probes are
 * each provider's cheapest check (a model list, at most a 1-token completion), PROBE_CONCURRENCY
 * at a time. Passive health is the circuit breaker, fed by live traffic.
 */
export class HealthMonitor {
  #timer: { stop(): void } | undefined;
  #running: Promise<void> | undefined;

  constructor(private readonly deps: HealthMonitorDeps) {}

  start(intervalMs: number): void {
    this.stop();
    this.#timer = this.deps.clock.every(intervalMs, () => void this.tick());
  }

  stop(): void {
    this.#timer?.stop();
    this.#timer = undefined;
  }

  /** One round of probes (also callable directly); overlapping rounds are folded into one. */
  tick(): Promise<void> {
    this.#running ??= this.#round().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #round(): Promise<void> {
    const { router, models } = this.deps;
    await forEachConcurrently(models.list({ includeRetired: false }), PROBE_CONCURRENCY, async (model) => {
      try {
        if (model.status === 'UNHEALTHY') {
          await models.checkHealth(model.id);
        } else if (model.status === 'HEALTHY' && router.circuit(model.id).state === 'OPEN' && (await router.takeProbe(model.id))) {
          const probe = await probeModel(model, this.deps.adapters, this.deps.vendorKeys);
          router.recordOutcome(model.id, probe.ok, probe.latencyMs);
        }
      } catch (error) {
        this.deps.logger.warn({ model: model.id, err: error }, 'health probe failed');
      }
    });
  }
}
