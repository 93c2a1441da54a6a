import { z } from 'zod';

/**
 * Field builders whose every failure reads "expected …": the issue formatter appends what was
 * found, so a config or input error reads `pricing.input: expected a number ≥ 0, got "abc"`.
 */
export interface NumberRule {
  min?: number;
  max?: number;
  /** The bound `min` itself is not allowed (e.g. `topP` > 0). */
  minExclusive?: boolean;
  int?: boolean;
}

export function describeNumberRule({ min, max, minExclusive, int }: NumberRule): string {
  const noun = int ? 'a whole number' : 'a number';
  if (min !== undefined && max !== undefined) {
    return minExclusive ? `${noun} > ${min} and ≤ ${max}` : `${noun} from ${min} to ${max}`;
  }
  if (min !== undefined) return `${noun} ${minExclusive ? '>' : '≥'} ${min}`;
  if (max !== undefined) return `${noun} ≤ ${max}`;
  return noun;
}

export function numberField(rule: NumberRule = {}): z.ZodNumber {
  const error = `expected ${describeNumberRule(rule)}`;
  let schema = z.number({ error });
  if (rule.int) schema = schema.int({ error });
  if (rule.min !== undefined) schema = rule.minExclusive ? schema.gt(rule.min, { error }) : schema.min(rule.min, { error });
  if (rule.max !== undefined) schema = schema.max(rule.max, { error });
  return schema;
}

export function stringField(expectation: string, pattern?: RegExp, maxLength = 500): z.ZodString {
  const error = `expected ${expectation}`;
  let schema = z.string({ error }).min(1, { error }).max(maxLength, { error });
  if (pattern) schema = schema.regex(pattern, { error });
  return schema;
}

export function booleanField(): z.ZodBoolean {
  return z.boolean({ error: 'expected true or false' });
}

export function enumField<const T extends readonly [string, ...string[]]>(values: T): z.ZodEnum<{ [K in T[number]]: K }> {
  return z.enum(values, { error: `expected one of ${values.join(', ')}` });
}

export function listOf<T extends z.ZodType>(item: T, what: string, max = 100): z.ZodArray<T> {
  const error = `expected a list of ${what}`;
  return z.array(item, { error }).max(max, { error: `expected at most ${max} ${what}` });
}

/** An object that rejects keys it does not know, so a typo in a config file is reported, not ignored. */
export function objectField<T extends z.ZodRawShape>(shape: T): z.ZodObject<T, z.core.$strict> {
  return z.strictObject(shape, { error: 'expected a mapping of fields' });
}
