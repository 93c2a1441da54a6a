import { NotFoundError } from '../core/errors.js';
import { mayUse, modelNotAllowedError } from '../routing/model-access.js';

/** The registry's lookups a door needs to tell a model from a pool. */
export interface TargetLookup {
  readonly models: { find(id: string): unknown };
  readonly pools: { find(name: string): unknown };
}

/**
 * What a door's `model` parameter names: a model (or a name a wildcard serves), else a pool, else
 * NOT_FOUND. The caller's key's model list (`allowed`; null: no limit) is checked first, so a
 * limited key is refused alike for names that exist and names that do not: it learns nothing of
 * models outside its list.
 */
export function doorTarget(
  lookup: TargetLookup,
  name: string,
  allowed: readonly string[] | null,
): { model: string; pool?: undefined } | { pool: string; model?: undefined } {
  if (!mayUse(allowed, name)) throw modelNotAllowedError('model', name, 'model');
  if (lookup.models.find(name)) return { model: name };
  if (lookup.pools.find(name)) return { pool: name };
  throw new NotFoundError('model', name);
}
