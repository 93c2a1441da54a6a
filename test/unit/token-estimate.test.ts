import { countTokens as countWhole } from 'gpt-tokenizer/encoding/cl100k_base';
import { describe, expect, it } from 'vitest';
import { countMessageTokens, countPromptTokens } from '../../src/providers/prompt-tokens.js';
import { countTokens, TokenCounter } from '../../src/providers/token-estimate.js';

/** 100,000 distinct-looking CJK characters with no space: one pre-token for cl100k, minutes of BPE when counted whole. */
const cjkRun = (length: number) => Array.from({ length }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join('');
const prose =
  'The quick brown fox jumps over the lazy dog, then 12345 more things happened.\n\n  Indented   text, a URL https://example.com/a/b?c=d and a tab\there. ';

describe('countTokens', () => {
  it('should count ordinary text exactly as the whole-text BPE does, across the pieces it is cut into', () => {
    const text = prose.repeat(200); // ~30 KB: many pieces
    expect(new TokenCounter(60_000).count(text)).toBe(countWhole(text)); // a budget no loaded machine runs out of
    expect(countTokens('')).toBe(0);
    expect(countTokens('<|endoftext|> is text here')).toBe(countWhole('<|endoftext|> is text here', { disallowedSpecial: new Set() }));
  });

  it('should count the hostile texts of the hardening report in bounded time (whole, they took 13 s to minutes)', () => {
    expect(countTokens('é'.repeat(100_000))).toBe(100_000);
    expect(countTokens('😀'.repeat(50_000))).toBeGreaterThanOrEqual(50_000);
    expect(countTokens('a'.repeat(1_000_000))).toBeGreaterThan(100_000);
    expect(countTokens(' '.repeat(1_000_000))).toBeGreaterThan(0);
    expect(countTokens(cjkRun(200_000))).toBeGreaterThan(200_000);
  });

  it('should estimate what is left past its time budget at the rate it counted, and say so', () => {
    const text = prose.repeat(200);
    const counter = new TokenCounter(0); // only the first piece is counted exactly
    const estimate = counter.count(text);
    expect(counter.estimated).toBe(true);
    const exact = countWhole(text);
    expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.05);
    const roomy = new TokenCounter(60_000);
    expect(roomy.count(text)).toBe(exact);
    expect(roomy.estimated).toBe(false);
  });

  it('should share one budget over the messages of a prompt', () => {
    const messages = [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'user' as const, content: prose },
    ];
    expect(countMessageTokens(messages)).toEqual([countWhole('Be brief.') + 3, countWhole(prose) + 3]);
    expect(countPromptTokens({ messages })).toBe(countWhole('Be brief.') + countWhole(prose) + 9);
  });
});

describe('countTokens with Unicode spaces', () => {
  it('should cut runs of any whitespace cl100k sees as one, so they stay bounded too', () => {
    const text = ' \u00a0'.repeat(200_000);
    const counter = new TokenCounter();
    expect(counter.count(text)).toBeGreaterThan(0);
    // 200 characters of one whitespace run: counted as six pieces of 32 and one of 8.
    expect(new TokenCounter(60_000).count(' \u00a0'.repeat(100))).toBe(
      6 * countWhole(' \u00a0'.repeat(16)) + countWhole(' \u00a0'.repeat(4)),
    );
  });
});
