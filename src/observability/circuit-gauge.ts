import { Gauge, type Registry } from 'prom-client';
import type { CircuitState, ModelRecord } from '../core/records/model.js';

const STATE_VALUE = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 } as const;

/** `switchyard_circuit_state{model}`: 0 closed, 1 half-open, 2 open — read from the circuit store at scrape time. */
export function registerCircuitGauge(
  registry: Registry,
  models: () => readonly ModelRecord[],
  circuit: (modelId: string) => CircuitState,
): void {
  new Gauge({
    name: 'switchyard_circuit_state',
    help: 'Circuit breaker state per model: 0 closed, 1 half-open, 2 open',
    labelNames: ['model'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const model of models()) if (model.status !== 'RETIRED') this.set({ model: model.id }, STATE_VALUE[circuit(model.id)]);
    },
  });
}
