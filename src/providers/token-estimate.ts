import { countTokens as countCl100k, setMergeCacheSize } from 'gpt-tokenizer/encoding/cl100k_base';
import { isWhitespace } from '../util/whitespace.js';

// gpt-tokenizer builds cl100k_base when this module is imported (at start, ~0.2 s): no request pays
// for it. Chosen over js-tiktoken for its footprint (~38 MB against ~85 MB resident here) and a
// count about ten times faster on short deltas, with the same counts.
//
// Counting is bounded whatever the text (a request must never hold the event loop):
// - BPE merging is quadratic in the length of one pre-token, and cl100k keeps a run of letters,
//   of symbols or of spaces as one pre-token ("é" × 100,000 took 16 s, 200,000 CJK characters
//   110 s). Texts are cut into pieces whose runs are at most MAX_RUN characters, cutting just
//   before a space so that " word" stays one token: ordinary text counts exactly as before, a run
//   longer than MAX_RUN counts a token or so more per cut.
// - Once one count has spent EXACT_MS (checked between pieces of at most ~2,000 characters), the
//   rest is estimated at the token-per-character rate of what was counted. The budget is CPU time
//   (process.cpuUsage), so that a loaded machine does not make the same text count differently. English runs at about
//   1 ms per 32 KB, so an ordinary prompt up to the 1 MiB body limit is counted exactly; the
//   slowest text measured (random CJK) at about 1 ms per KB, so hostile text costs ~20 ms.
// - The library's merge cache is keyed by pre-token; with pieces this short it is capped lower
//   than its default (100,000) so that hostile text cannot hold much memory in it.

/** The longest run (letters, symbols or spaces) handed to the BPE in one piece. */
export const MAX_RUN = 32;
/** Time one count may spend counting exactly; the rest is estimated at the rate counted so far. */
export const EXACT_MS = 20;
/** A piece is cut at the first space after this many characters. */
const PIECE_CHARS = 2_048;

setMergeCacheSize(20_000);

/** Text that looks like a special token (`<|endoftext|>` in a prompt) is counted as the plain text it is. */
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Calls `visit` with consecutive pieces of `text` (together the whole text): at most about
 * PIECE_CHARS long, cut before a space where one is near, and never holding a run of spaces or of
 * non-spaces longer than MAX_RUN. Never cuts a surrogate pair.
 */
function forEachPiece(text: string, visit: (piece: string) => boolean): void {
  let start = 0;
  let runStart = 0;
  let runIsSpace = text.length > 0 && isWhitespace(text.charCodeAt(0));
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = isWhitespace(code);
    if (space !== runIsSpace) {
      runIsSpace = space;
      runStart = i;
      if (space && i - start >= PIECE_CHARS) {
        if (!visit(text.slice(start, i))) return;
        start = i;
      }
      continue;
    }
    if (i - runStart >= MAX_RUN) {
      const cut = isHighSurrogate(text.charCodeAt(i - 1)) ? i - 1 : i;
      if (cut > start) {
        if (!visit(text.slice(start, cut))) return;
        start = cut;
      }
      runStart = cut;
    }
  }
  if (start < text.length) visit(text.slice(start));
}

/**
 * The process's CPU time in milliseconds: the budget is CPU spent counting, not wall time, so a
 * loaded machine (the process descheduled mid-count) does not turn an exact count into an estimate.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Counts texts with one time budget for exact counting: what is left past the budget is estimated
 * at the rate counted so far. `estimated` tells whether any of it was.
 */
export class TokenCounter {
  readonly #deadline: number;
  #countedChars = 0;
  #countedTokens = 0;
  estimated = false;

  /** `exactMs`: how long this counter may count exactly, over all its calls (0: only the first piece). */
  constructor(exactMs = EXACT_MS) {
    this.#deadline = cpuMs() + exactMs;
  }

  /** Tokens in `text` by cl100k_base (GPT-3.5/4's BPE): exact for OpenAI, a close estimate elsewhere. */
  count(text: string): number {
    if (!text) return 0;
    let tokens = 0;
    let counted = 0;
    forEachPiece(text, (piece) => {
      // The first piece is always counted, so that there is a rate to estimate the rest with.
      if (this.#countedChars > 0 && cpuMs() >= this.#deadline) return false;
      const n = countCl100k(piece, PLAIN_TEXT);
      tokens += n;
      counted += piece.length;
      this.#countedChars += piece.length;
      this.#countedTokens += n;
      return true;
    });
    const rest = text.length - counted;
    if (rest === 0) return tokens;
    this.estimated = true;
    return tokens + Math.ceil((rest * this.#countedTokens) / this.#countedChars);
  }
}

/** Tokens in a text by the cl100k_base BPE, bounded in time (see TokenCounter); short texts' counts are remembered. */
export function countTokens(text: string): number {
  if (!text) return 0;
  if (text.length > SHORT_TEXT) return new TokenCounter().count(text);
  // A stream's chunks are short and repeat (words, punctuation, spaces): their counts are kept.
  let tokens = shortTextTokens.get(text);
  if (tokens === undefined) {
    tokens = new TokenCounter().count(text);
    if (shortTextTokens.size >= SHORT_TEXT_ENTRIES) shortTextTokens.clear();
    shortTextTokens.set(text, tokens);
  }
  return tokens;
}

/** Texts up to this many characters have their counts remembered, up to SHORT_TEXT_ENTRIES of them (about 1 MB at most). */
const SHORT_TEXT = 24;
const SHORT_TEXT_ENTRIES = 8_192;
const shortTextTokens = new Map<string, number>();
