import type { ModelRecord } from '../core/records/model.js';
import { isWildcardId, matchWildcard } from '../core/records/model-id.js';

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
 * writer is the model registry; circuit state is not kept here but in the CircuitStore. Keeps the
 * ids of its wildcard models (`openai/*`) apart, to find the one that serves a name.
 */
export class RoutingTable implements ModelCatalog {
  readonly #models = new Map<string, ModelRecord>();
  readonly #wildcards = new Set<string>();

  replaceAll(models: Iterable<ModelRecord>): void {
    this.#models.clear();
    this.#wildcards.clear();
    for (const model of models) this.set(model);
  }

  set(model: ModelRecord): void {
    this.#models.set(model.id, model);
    if (isWildcardId(model.id)) this.#wildcards.add(model.id);
  }

  /**
   * The wildcard model that serves `name` when no model has that exact id: the one with the
   * longest prefix (`openai/azure/*` over `openai/*`); undefined when none does.
   */
  wildcardFor(name: string): ModelRecord | undefined {
    if (this.#models.has(name) || this.#wildcards.size === 0) return undefined;
    const id = matchWildcard(name, this.#wildcards);
    return id === undefined ? undefined : this.#models.get(id);
  }

  get(id: string): ModelRecord | undefined {
    return this.#models.get(id);
  }

  /** Every model, sorted by id. */
  all(): ModelRecord[] {
    return [...this.#models.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
