import { InvalidInputError } from '../../core/errors.js';
import type { ModelKind, ModelRecord } from '../../core/records/model.js';
import type { RouteTarget } from '../../routing/resolve-target.js';

const ASKED: Record<ModelKind, string> = { chat: 'chat', embedding: 'embed' };
const IS: Record<ModelKind, string> = { chat: 'a chat model', embedding: 'an embedding model' };

/**
 * Refuses a target that cannot serve a request of `kind` (BAD_USER_INPUT on the caller's field): a
 * model of the other kind, or a pool none of whose members is of this kind. A pool's members of
 * the other kind are left out of its candidates by `ofKind`.
 */
export function requireKind(target: RouteTarget, kind: ModelKind, field: string, find: (id: string) => ModelRecord | undefined): void {
  if (target.kind === 'model') {
    const { model } = target;
    if (model.kind !== kind)
      throw InvalidInputError.forField(
        field,
        `model "${model.id}" is ${IS[model.kind]} and cannot ${ASKED[kind]}: ask ${IS[kind]} (models list each one's kind)`,
      );
    return;
  }
  const members = target.pool.members.flatMap((m) => find(m.modelId) ?? []);
  if (!members.some((m) => m.kind === kind))
    throw InvalidInputError.forField(
      field,
      `pool "${target.pool.name}" has no ${kind} model (its members are ${members.map((m) => `${m.id}: ${m.kind}`).join(', ') || 'none'}), so it cannot ${ASKED[kind]}`,
    );
}

/** Candidates of one kind (a fallback or pool member of the other kind is not tried). */
export const ofKind = (kind: ModelKind) => (model: ModelRecord) => model.kind === kind;
