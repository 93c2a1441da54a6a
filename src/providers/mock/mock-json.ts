import type { JsonObject, JsonValue } from '../../core/chat/chat-request.js';

/** Deeper than this, objects and arrays are empty: a recursive schema still makes a small value. */
const MAX_DEPTH = 5;
/** Optional properties added after the required ones, up to this many properties in all. */
const MAX_PROPERTIES = 8;
/** The most items an array gets (its `minItems`, at least one). */
const MAX_ITEMS = 4;
/** The longest string padded up to a `minLength`. */
const MAX_STRING = 256;

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema's type: the first of a list that is not "null" (a nullable value is given a value); else guessed from its keywords. */
function typeOf(schema: JsonObject): string | undefined {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null') ?? 'null';
  if (isObject(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function numberFor(schema: JsonObject, integer: boolean): number {
  const { minimum, exclusiveMinimum, maximum } = schema;
  let value = typeof minimum === 'number' ? minimum : typeof exclusiveMinimum === 'number' ? exclusiveMinimum + 1 : 1;
  if (typeof maximum === 'number' && value > maximum) value = maximum;
  return integer ? Math.ceil(value) : value;
}

function stringFor(schema: JsonObject, word: () => string): string {
  let text = word() || 'x';
  const { minLength, maxLength } = schema;
  const min = typeof minLength === 'number' ? Math.min(minLength, MAX_STRING) : 0;
  while (text.length < min) text += text;
  return typeof maxLength === 'number' ? text.slice(0, Math.max(0, maxLength)) : text;
}

function objectFor(schema: JsonObject, word: () => string, depth: number): JsonObject {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((k): k is string => typeof k === 'string') : [];
  const keys = [...new Set([...required, ...Object.keys(properties)])];
  const value: Record<string, JsonValue> = {};
  for (const key of keys) {
    if (!required.includes(key) && Object.keys(value).length >= MAX_PROPERTIES) break;
    value[key] = depth >= MAX_DEPTH ? null : mockValueForSchema(properties[key] ?? {}, word, depth + 1);
  }
  return value;
}

function arrayFor(schema: JsonObject, word: () => string, depth: number): JsonValue[] {
  if (depth >= MAX_DEPTH) return [];
  const items = Array.isArray(schema.items) ? schema.items[0] : schema.items;
  const count = Math.max(1, Math.min(typeof schema.minItems === 'number' ? schema.minItems : 1, MAX_ITEMS));
  return Array.from({ length: count }, () => mockValueForSchema(items ?? {}, word, depth + 1));
}

/**
 * A small value of a JSON Schema, deterministic in the schema and the words drawn: `const` or the
 * first `enum` value when given; objects with their required properties (and optional ones up to
 * MAX_PROPERTIES); strings a drawn word; numbers their minimum, else 1; booleans true; arrays one
 * item (or `minItems`); the first branch of `anyOf`/`oneOf`/`allOf`. A `$ref` is not followed
 * (its value is `{}`), and depth is bounded, so any schema makes a value quickly.
 */
export function mockValueForSchema(schema: JsonValue, word: () => string, depth = 0): JsonValue {
  if (!isObject(schema)) return schema === false ? null : word();
  if (schema.$ref !== undefined) return {};
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0] ?? null;
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length > 0) {
      const branch = branches.find((b) => !(isObject(b) && b.type === 'null')) ?? branches[0];
      return mockValueForSchema(branch ?? {}, word, depth);
    }
  }
  switch (typeOf(schema)) {
    case 'object':
      return objectFor(schema, word, depth);
    case 'array':
      return arrayFor(schema, word, depth);
    case 'integer':
      return numberFor(schema, true);
    case 'number':
      return numberFor(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return stringFor(schema, word);
  }
}
