/**
 * GraphQL enum values for internal string values: `openai-compatible` → `OPENAI_COMPATIBLE`,
 * each resolving to the internal value, so the schema speaks SCREAMING_SNAKE and the code its own.
 */
export function screamingEnumValues<T extends string>(values: readonly T[]): Record<string, { value: T }> {
  return Object.fromEntries(values.map((value) => [value.toUpperCase().replace(/-/g, '_'), { value }]));
}
