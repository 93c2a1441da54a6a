/**
 * Model ids and wildcard ids (SPEC §16). A model id is one or more `/`-separated segments of
 * letters, digits and `. _ : -`, each starting with a letter or digit (`gpt-4o`, `openai/gpt-4o`,
 * `openrouter/meta-llama/llama-3.1-8b`). A wildcard id is a prefix followed by `/*` (`openai/*`):
 * the model it names serves every id under that prefix.
 */

/** Ids are stored in 100-character columns (models, generations, sessions). */
export const MODEL_ID_MAX = 100;

const SEGMENT = '[A-Za-z0-9][A-Za-z0-9._:-]*';

/** An id a request, pool, fallback or default may name: no wildcard. */
export const MODEL_REF_PATTERN = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`);

/** An id a model definition may take: a plain id, or a wildcard `prefix/*`. */
export const MODEL_ID_PATTERN = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*(?:/\\*)?$`);

export const WILDCARD_SUFFIX = '/*';

/** Whether the id is a wildcard (`openai/*`). */
export function isWildcardId(id: string): boolean {
  return id.endsWith(WILDCARD_SUFFIX);
}

/** The prefix a wildcard serves, with its slash: `openai/*` → `openai/`. */
export function wildcardPrefix(id: string): string {
  return id.slice(0, -1);
}

/**
 * The wildcard among `wildcards` that serves `name`: the one with the longest prefix, or
 * undefined when none does (or `name` is not a valid model id: nothing resolves to it).
 */
export function matchWildcard(name: string, wildcards: Iterable<string>): string | undefined {
  if (name.length > MODEL_ID_MAX || !MODEL_REF_PATTERN.test(name)) return undefined;
  let best: string | undefined;
  for (const wildcard of wildcards) {
    const prefix = wildcardPrefix(wildcard);
    if (name.startsWith(prefix) && name.length > prefix.length && (best === undefined || wildcard.length > best.length)) best = wildcard;
  }
  return best;
}

/**
 * The id of the definition a record comes from: the wildcard for a name it serves, else the
 * model's own id. Rate limits and metric labels are kept by it, so a wildcard's limits bound all
 * of its names together and the model label's values stay as many as the definitions.
 */
export function definitionId(model: { readonly id: string; readonly wildcard: string | null }): string {
  return model.wildcard ?? model.id;
}
