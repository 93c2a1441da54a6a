/**
 * Drops `null`s from GraphQL input (absent and null mean the same for a new record), recursively;
 * the values of `keep`'s keys (JSON scalars such as a JSON Schema, where null is a value) are left as they are.
 */
export function withoutNulls<T>(value: T, keep: ReadonlySet<string> = NONE): T {
  if (Array.isArray(value)) return value.map((item) => withoutNulls(item, keep)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    if (item !== null && item !== undefined) out[key] = keep.has(key) ? item : withoutNulls(item, keep);
  return out as T;
}

const NONE: ReadonlySet<string> = new Set();

/** Removes top-level keys whose value is undefined (GraphQL omits them; null is kept as "clear"). */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
