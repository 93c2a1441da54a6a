import type { z } from 'zod';
import type { FieldProblem } from '../core/errors.js';

/** `['models', 3, 'pricing', 'input']` → `models[3].pricing.input` (with an optional leading name). */
export function formatPath(path: ReadonlyArray<PropertyKey>, prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** A short, safe rendering of a value found where something else was expected. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !(key in current)) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

/**
 * Turns zod issues into one problem per field, each naming the path, what was expected and what
 * was found. `root` is the raw input the schema parsed, read to report the found value.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], root: unknown, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ path: formatPath([...issue.path, key], prefix), message: 'is not a known field' });
      }
      continue;
    }
    const { found, value } = valueAt(root, issue.path);
    const path = formatPath(issue.path, prefix);
    const message = issue.message.startsWith('expected') ? issue.message : `expected ${issue.message}`;
    if (issue.code === 'custom') problems.push({ path, message: issue.message });
    else if (!found || value === undefined) problems.push({ path, message: `is required: ${message}` });
    else problems.push({ path, message: `${message}, got ${describeValue(value)}` });
  }
  return problems;
}
