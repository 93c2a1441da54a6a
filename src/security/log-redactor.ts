import { RE2JS } from 're2js';

/** What a redacted match is replaced with. */
export const REDACTED = '[redacted]';

/**
 * Secrets the request log never keeps, whatever the config says: vendor keys (OpenAI `sk-…`,
 * Anthropic `sk-ant-…`, Google `AIza…`, AWS access key ids `AKIA…`/`ASIA…`), bearer tokens and
 * Switchyard's own keys (`sy_` and 32 base64url characters). Ours, and written to run in linear
 * time on V8's engine (no nested or overlapping quantifiers), so they run as native RegExps.
 */
const BUILT_IN = new RegExp(
  [
    String.raw`\bsk-ant-[A-Za-z0-9_-]{16,}`,
    String.raw`\bsk-[A-Za-z0-9_-]{20,}`,
    String.raw`\bAIza[0-9A-Za-z_-]{35}`,
    String.raw`\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`,
    String.raw`\bsy_[A-Za-z0-9_-]{32}`,
  ].join('|'),
  'g',
);

/** `Bearer <token>`: the word stays, the token goes. */
const BEARER = /\b(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi;

/** The longest user pattern accepted (characters), and the most patterns. */
export const MAX_REDACT_PATTERN_CHARS = 500;
export const MAX_REDACT_PATTERNS = 100;

/**
 * Why `pattern` cannot be a redaction rule, or undefined when it can. User patterns run on RE2's
 * linear-time engine (re2js): no backreferences or lookaround, so no pattern can stall the
 * gateway however it is written (ReDoS); one that needs those is refused when the config loads.
 */
export function redactPatternProblem(pattern: string): string | undefined {
  try {
    const compiled = RE2JS.compile(pattern);
    if (compiled.matches('')) return 'expected a pattern that cannot match the empty string';
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return `expected a regular expression in RE2 syntax (no backreferences or lookaround, which could stall the gateway): ${reason}`;
  }
}

/**
 * Replaces secrets in logged text with `[redacted]`: the built-in patterns, then the config's
 * own (`requestLog.redact`, checked at load by redactPatternProblem). Time is linear in the text's
 * length for every rule.
 */
export class Redactor {
  readonly #custom: readonly RE2JS[];

  constructor(patterns: readonly string[]) {
    this.#custom = patterns.map((pattern) => RE2JS.compile(pattern));
  }

  redact(text: string): string {
    if (text.length === 0) return text;
    let out = text.replace(BUILT_IN, REDACTED).replace(BEARER, `$1${REDACTED}`);
    for (const pattern of this.#custom) {
      const matcher = pattern.matcher(out);
      if (matcher.find()) out = pattern.matcher(out).replaceAll(REDACTED);
    }
    return out;
  }
}

const redactors = new WeakMap<readonly string[], Redactor>();

/** The redactor of a config's pattern list, compiled once per list (a reload brings a new list). */
export function redactorFor(patterns: readonly string[]): Redactor {
  let redactor = redactors.get(patterns);
  if (!redactor) {
    redactor = new Redactor(patterns);
    redactors.set(patterns, redactor);
  }
  return redactor;
}
