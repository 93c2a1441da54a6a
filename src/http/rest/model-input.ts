import { badInput } from './rest-errors.js';

/** Enum fields whose values GraphQL spells SCREAMING_SNAKE (OPENAI_COMPATIBLE) and the config file kebab-case. */
const ENUM_FIELDS = ['provider', 'kind', 'preset'] as const;

const fromScreaming = (value: unknown) =>
  typeof value === 'string' && /^[A-Z][A-Z0-9_]*$/.test(value) ? value.toLowerCase().replace(/_/g, '-') : value;

/**
 * A REST model body as the registry validates it: a JSON object with `registerModel`'s fields,
 * enum values in either GraphQL's spelling (`OPENAI_COMPATIBLE`) or the config file's
 * (`openai-compatible`). Everything else is left to the registry's own checks.
 */
export function modelBody(body: unknown, expected: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badInput('body', `expected a JSON object ${expected}`);
  const input: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of ENUM_FIELDS) if (field in input) input[field] = fromScreaming(input[field]);
  if (Array.isArray(input.capabilities)) input.capabilities = input.capabilities.map(fromScreaming);
  return input;
}
