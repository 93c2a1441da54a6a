import type { ModelRecord } from '../core/records/model.js';

/** Read access to the registry's models, as the request path sees them. */
export interface ModelCatalog {
  get(id: string): ModelRecord | undefined;
  /** Every model, sorted by id. */
  all(): ModelRecord[];
}

/**
 * The in-memory copy of the registry that the request path reads: loaded at start and replaced
 * entry by entry on every registry write, so routing never queries the database for model
 * metadata. Holds every model, retired ones included (their history stays addressable). Its one
 * writer is the model registry; circuit state is not kept here but in the CircuitStore.
 */
export class RoutingTable implements ModelCatalog {
  readonly #models = new Map<string, ModelRecord>();

  replaceAll(models: Iterable<ModelRecord>): void {
    this.#models.clear();
    for (const model of models) this.#models.set(model.id, model);
  }

  set(model: ModelRecord): void {
    this.#models.set(model.id, model);
  }

  get(id: string): ModelRecord | undefined {
    return this.#models.get(id);
  }

  /** Every model, sorted by id. */
  all(): ModelRecord[] {
    return [...this.#models.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
