import { describe, expect, it } from 'vitest';
import { Redactor, redactorFor, redactPatternProblem } from '../../src/security/log-redactor.js';

describe('the request log redactor', () => {
  const none = new Redactor([]);

  it('should redact the built-in secret shapes and leave ordinary text alone', () => {
    const secrets = {
      openai: `sk-proj-${'Ab1_'.repeat(10)}`,
      openaiLegacy: `sk-${'Z9'.repeat(24)}`,
      anthropic: `sk-ant-api03-${'x-Y_'.repeat(8)}`,
      google: `AIza${'B'.repeat(35)}`,
      aws: 'AKIAIOSFODNN7EXAMPLE',
      switchyard: `sy_${'q'.repeat(32)}`,
    };
    for (const [kind, secret] of Object.entries(secrets)) expect(none.redact(`${kind}: ${secret}.`), kind).toBe(`${kind}: [redacted].`);
    expect(none.redact('Authorization: Bearer eyJhbGciOi.J9-x_y')).toBe('Authorization: Bearer [redacted]');
    const ordinary = 'the task-force asked: is sk-short a key? AKIA alone is not; nor is sy_abc or a bearer of news.';
    expect(none.redact(ordinary)).toBe(ordinary);
  });

  it("should apply the config's patterns (RE2 syntax, inline flags) after the built-in ones", () => {
    const redactor = new Redactor([String.raw`(?i)acct-\d{4,}`, String.raw`\b\d{3}-\d{2}-\d{4}\b`]);
    expect(redactor.redact('ACCT-12345 and acct-9999, ssn 123-45-6789, order 12-3')).toBe(
      '[redacted] and [redacted], ssn [redacted], order 12-3',
    );
    // One compiled redactor per pattern list.
    const patterns = ['x{3}'];
    expect(redactorFor(patterns)).toBe(redactorFor(patterns));
  });

  it('should run patterns that stall a backtracking engine in linear time, and refuse what RE2 cannot run', () => {
    // On V8's RegExp, (a+)+$ over 50,000 "a"s and a "b" backtracks for longer than any test would wait; RE2 does not backtrack.
    expect(redactPatternProblem('(a+)+$')).toBeUndefined();
    const evil = new Redactor(['(a+)+$', '(x+x+)+y']);
    const text = `${'a'.repeat(50_000)}b ${'x'.repeat(50_000)}`;
    expect(evil.redact(text)).toBe(text);
    expect(evil.redact('caaa')).toBe('c[redacted]');
    expect(redactPatternProblem(String.raw`(\w+)\1`)).toMatch(/RE2 syntax.*invalid escape sequence/);
    expect(redactPatternProblem('(?<!x)y')).toMatch(/RE2 syntax/);
    expect(redactPatternProblem('a|')).toMatch(/cannot match the empty string/);
  });
});

describe("the config patterns' budget", () => {
  it("should stop logging a record's strings once the config's patterns have read 256 Ki characters of it", () => {
    const redact = new Redactor(['acct-\\d+']).forRecord();
    expect(redact('acct-1 '.repeat(10))).toBe('[redacted] '.repeat(10));
    const big = 'x'.repeat(256 * 1024);
    expect(redact(big)).toBe('[not logged: 262144 characters past the redaction budget]');
    expect(redact('acct-2 and sk-short')).toBe('[redacted] and sk-short');
    // Without config patterns nothing is cut: the built-in ones are cheap.
    expect(new Redactor([]).forRecord()(big)).toBe(big);
  });
});
