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
 * The most characters of one record the config's patterns read. RE2's engine in JavaScript
 * reads about 3 MB a second, and the record is redacted on the request's own path: past this
 * budget a string is not logged (see TRUNCATED). Only with `requestLog.redact` patterns set.
 */
export const CUSTOM_REDACT_BUDGET_CHARS = 256 * 1024;

/** What stands in the log for text past the custom patterns' budget. */
const TRUNCATED = (chars: number) => `[not logged: ${chars} characters past the redaction budget]`;

/**
 * Replaces secrets in logged text with `[redacted]`: the built-in patterns, then the config's
 * own (`requestLog.redact`, checked at load by redactPatternProblem) as one RE2 alternation, so
 * many patterns cost one pass. Time is linear in the text's length for every rule, and bounded
 * per record by CUSTOM_REDACT_BUDGET_CHARS (see forRecord).
 */
export class Redactor {
  readonly #custom: RE2JS | undefined;

  constructor(patterns: readonly string[]) {
    this.#custom = patterns.length === 0 ? undefined : RE2JS.compile(patterns.map((pattern) => `(?:${pattern})`).join('|'));
  }

  /** Redacts one text, without a budget (the built-in patterns are native and fast; use forRecord for a record). */
  redact(text: string): string {
    return this.#customRedact(this.#builtIn(text));
  }

  /**
   * A redact function for the strings of one record: the config's patterns read at most
   * CUSTOM_REDACT_BUDGET_CHARS of them in all; a string past the budget is replaced by a note of its length.
   */
  forRecord(): (text: string) => string {
    if (!this.#custom) return (text) => this.#builtIn(text);
    let left = CUSTOM_REDACT_BUDGET_CHARS;
    return (text) => {
      if (text.length > left) return text.length === 0 ? text : TRUNCATED(text.length);
      left -= text.length;
      return this.#customRedact(this.#builtIn(text));
    };
  }

  #builtIn(text: string): string {
    if (text.length === 0) return text;
    return text.replace(BUILT_IN, REDACTED).replace(BEARER, `$1${REDACTED}`);
  }

  #customRedact(text: string): string {
    const custom = this.#custom;
    if (!custom || text.length === 0 || !custom.matcher(text).find()) return text;
    return custom.matcher(text).replaceAll(REDACTED);
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
