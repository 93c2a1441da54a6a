import { ForbiddenError } from '../core/errors.js';

/**
 * An entry of an API key's `models`: a model id or pool name, or a `prefix/*` pattern (every
 * name starting with `prefix/`). No spaces; `*` only as the final `/*`.
 */
export const MODEL_ACCESS_ENTRY = /^[^\s*]+(\/\*)?$/;

/** Whether a key limited to `allowed` (null: no limit) may ask for the model or pool `name`. */
export function mayUse(allowed: readonly string[] | null, name: string): boolean {
  if (allowed === null) return true;
  return allowed.some((entry) => entry === name || (entry.endsWith('/*') && name.startsWith(entry.slice(0, -1))));
}

/**
 * FORBIDDEN naming what was asked for (`details.reason` `model_not_allowed`, `details.field` the
 * caller's field), checked before the name is looked up, so a limited key learns nothing of the
 * models it may not use.
 */
export function modelNotAllowedError(kind: 'model' | 'pool', name: string, field: string): ForbiddenError {
  return new ForbiddenError(`this API key may not use ${kind} "${name}": it is limited to the models of its models list`, {
    details: { reason: 'model_not_allowed', [kind]: name, field },
  });
}
