import { isWhitespace } from '../../util/whitespace.js';

const WORDS = [
  'switch',
  'yard',
  'token',
  'model',
  'route',
  'pool',
  'stream',
  'signal',
  'gateway',
  'answer',
  'latency',
  'budget',
  'vendor',
  'circuit',
  'retry',
  'fallback',
  'weight',
  'session',
  'history',
  'prompt',
  'cost',
  'metric',
  'health',
  'probe',
  'queue',
  'batch',
  'cache',
  'event',
  'socket',
  'schema',
  'field',
  'query',
  'the',
  'a',
  'of',
  'and',
  'to',
  'in',
  'is',
  'on',
  'with',
  'for',
  'every',
  'each',
  'quick',
  'steady',
  'bright',
  'calm',
  'clear',
  'brisk',
  'green',
  'amber',
  'red',
  'blue',
  'north',
  'south',
  'east',
  'west',
  'engine',
  'signal',
  'track',
  'train',
];

/** FNV-1a: a stable 32-bit hash, so the same prompt always gets the same answer. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a tiny seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The mock's answer as tokens: deterministic in (model, prompt), `count` words, spaces leading. */
export function mockTokens(seedText: string, count: number): string[] {
  const random = seededRandom(fnv1a(seedText));
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = WORDS[Math.floor(random() * WORDS.length)] ?? 'token';
    tokens.push(i === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : ` ${word}`);
  }
  if (tokens.length > 0) tokens[tokens.length - 1] += '.';
  return tokens;
}

/** Draws words of the mock's vocabulary, deterministic in `seedText` (for JSON values and tool arguments). */
export function mockWords(seedText: string): () => string {
  const random = seededRandom(fnv1a(`words\n${seedText}`));
  return () => WORDS[Math.floor(random() * WORDS.length)] ?? 'token';
}

/** The mock's own tokenizer: one token per whitespace-separated word (counted in one pass, no array of words). */
export function countMockTokens(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isWhitespace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
