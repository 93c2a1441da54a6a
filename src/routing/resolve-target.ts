import { ModelUnavailableError, NotFoundError } from '../core/errors.js';
import type { ModelRegistry } from '../modules/models/model-registry.js';
import type { PoolRegistry } from '../modules/pools/pool-registry.js';
import type { RouteTarget, Router } from './router.js';

export interface TargetRef {
  readonly modelId?: string | null | undefined;
  readonly poolName?: string | null | undefined;
}

/**
 * The target a request or session names — a pool when `poolName` is given, else a model —
 * refusing one that does not exist (NOT_FOUND) or has no candidate that can take a request now
 * (MODEL_UNAVAILABLE, saying why).
 */
export function resolveTarget(deps: { models: ModelRegistry; pools: PoolRegistry; router: Router }, ref: TargetRef): RouteTarget {
  if (ref.poolName) {
    const pool = deps.pools.find(ref.poolName);
    if (!pool) throw new NotFoundError('pool', ref.poolName);
    const target: RouteTarget = { kind: 'pool', pool };
    if (deps.router.candidates(target).length === 0) throw new ModelUnavailableError(`no member of pool "${pool.name}" can take requests now`);
    return target;
  }
  const model = ref.modelId ? deps.models.find(ref.modelId) : undefined;
  if (!model) throw new NotFoundError('model', ref.modelId ?? '');
  const target: RouteTarget = { kind: 'model', model };
  if (deps.router.candidates(target).length === 0) {
    const reason =
      model.status !== 'HEALTHY'
        ? `${model.status}${model.lastHealthCheck && !model.lastHealthCheck.ok ? `: ${model.lastHealthCheck.message}` : ''}`
        : `HEALTHY but its circuit is ${model.circuitState}`;
    throw new ModelUnavailableError(`model "${model.id}" is ${reason}`, { details: { status: model.status, circuit: model.circuitState } });
  }
  return target;
}
