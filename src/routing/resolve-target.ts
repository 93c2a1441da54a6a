import { InvalidInputError, ModelUnavailableError, NotFoundError } from '../core/errors.js';
import type { ModelRecord } from '../core/records/model.js';
import { isWildcardId } from '../core/records/model-id.js';
import type { PoolRecord } from '../core/records/pool.js';
import type { CircuitSnapshot } from '../core/ports/stores.js';
import { mayUse, modelNotAllowedError } from './model-access.js';

/** What a request or session targets: one model (with its fallbacks) or a pool. */
export type RouteTarget = { readonly kind: 'model'; readonly model: ModelRecord } | { readonly kind: 'pool'; readonly pool: PoolRecord };

export interface TargetRef {
  readonly modelId?: string | null | undefined;
  readonly poolName?: string | null | undefined;
}

/** The input fields a target came from, so every error names the caller's own field. */
export interface TargetFields {
  readonly model: string;
  readonly pool: string;
}

/** What resolving a target reads: the registries and which models could take a request now. */
export interface TargetLookup {
  /** The model of this id, or the record a wildcard model resolves for it (`openai/gpt-4o` under `openai/*`). */
  findModel(id: string): ModelRecord | undefined;
  findPool(name: string): PoolRecord | undefined;
  /** Whether any of the target's models could take a request now. */
  hasCandidate(target: RouteTarget): boolean;
  circuit(modelId: string): Pick<CircuitSnapshot, 'state'> & Partial<Pick<CircuitSnapshot, 'reopensAt'>>;
  /** Why the model cannot serve until an operator acts (its vendor key is not set), or undefined. */
  operatorProblem?(model: ModelRecord): string | undefined;
  /** Now, in epoch milliseconds (when a circuit reopens). */
  now?(): number;
}

/** How long a transient outage (a circuit open, every pool member down) asks a caller to wait when nothing says better. */
export const UNAVAILABLE_RETRY_AFTER_MS = 5_000;

/**
 * The one place a request's or a session's target is resolved: a pool when `poolName` is given,
 * else a model. Refuses one the caller's key may not use (FORBIDDEN), a missing one (BAD_USER_INPUT on the caller's model field), one that does
 * not exist (NOT_FOUND, naming the field in `details.field`) or one with no candidate that can take
 * a request now (MODEL_UNAVAILABLE, saying why).
 */
export class TargetResolver {
  constructor(private readonly lookup: TargetLookup) {}

  /** `find`, then `requireAvailable` (`operator`: whether the caller may read an operator's reasons). */
  resolve(ref: TargetRef, fields: TargetFields, allowed: readonly string[] | null, operator: boolean): RouteTarget {
    const target = this.find(ref, fields, allowed);
    this.requireAvailable(target, fields, operator);
    return target;
  }

  /**
   * The target the reference names, whether or not it can take requests (BAD_USER_INPUT or
   * NOT_FOUND otherwise). `allowed`: the caller's key's `models` (null: no limit); a name outside
   * it is FORBIDDEN. The name asked for is what is checked: a pool's members and a model's
   * fallbacks, reached by routing, come with it.
   */
  find(ref: TargetRef, fields: TargetFields, allowed: readonly string[] | null): RouteTarget {
    if (ref.poolName) {
      if (!mayUse(allowed, ref.poolName)) throw modelNotAllowedError('pool', ref.poolName, fields.pool);
      const pool = this.lookup.findPool(ref.poolName);
      if (!pool) throw new NotFoundError('pool', ref.poolName).withDetails({ field: fields.pool });
      return { kind: 'pool', pool };
    }
    if (!ref.modelId) throw InvalidInputError.forField(fields.model, 'is required: no model given and the config names no defaultModel');
    if (!mayUse(allowed, ref.modelId)) throw modelNotAllowedError('model', ref.modelId, fields.model);
    if (isWildcardId(ref.modelId))
      throw InvalidInputError.forField(
        fields.model,
        `names the wildcard model "${ref.modelId}", which serves the names under its prefix: ask for one of them, e.g. "${ref.modelId.slice(0, -1)}<vendor model>"`,
      );
    const model = this.lookup.findModel(ref.modelId);
    if (!model) throw new NotFoundError('model', ref.modelId).withDetails({ field: fields.model });
    return { kind: 'model', model };
  }

  /**
   * Throws MODEL_UNAVAILABLE, saying why, when none of the target's models can take a request now.
   * `details.notReady`: the model cannot serve until an operator acts (DISABLED, RETIRED, or its
   * vendor key is not set) — not worth retrying; else the outage is transient (a circuit open, a
   * failed probe, every pool member down) and `retryAfterMs` says when to try again.
   * `operator`: whether the caller may read why — the failed probe's message and what an operator
   * must do (a key variable's name, a credential's, a master key's id); a client key is told only
   * that an administrator must act.
   */
  requireAvailable(target: RouteTarget, fields: TargetFields, operator: boolean): void {
    if (this.lookup.hasCandidate(target)) return;
    if (target.kind === 'pool')
      throw new ModelUnavailableError(`no member of pool "${target.pool.name}" can take requests now`, {
        details: { field: fields.pool, retryAfterMs: UNAVAILABLE_RETRY_AFTER_MS },
      });
    const { model } = target;
    const snapshot = this.lookup.circuit(model.id);
    const circuit = snapshot.state;
    const probe = operator && model.lastHealthCheck && !model.lastHealthCheck.ok ? `: ${model.lastHealthCheck.message}` : '';
    const reason = model.status !== 'HEALTHY' ? `${model.status}${probe}` : `HEALTHY but its circuit is ${circuit}`;
    const action =
      model.status === 'DISABLED'
        ? 'enable it (enableModel)'
        : model.status === 'RETIRED'
          ? 'register it again, or use another model'
          : model.status === 'UNHEALTHY'
            ? this.lookup.operatorProblem?.(model)
            : undefined;
    if (action !== undefined)
      throw new ModelUnavailableError(
        `model "${model.id}" is ${reason}; it cannot serve until an operator acts${operator ? `: ${action}` : ''}`,
        {
          details: { field: fields.model, status: model.status, circuit, notReady: true },
        },
      );
    const now = this.lookup.now?.() ?? Date.now();
    const retryAfterMs = snapshot.reopensAt != null && snapshot.reopensAt > now ? snapshot.reopensAt - now : UNAVAILABLE_RETRY_AFTER_MS;
    throw new ModelUnavailableError(`model "${model.id}" is ${reason}`, {
      details: { field: fields.model, status: model.status, circuit, retryAfterMs },
    });
  }
}
