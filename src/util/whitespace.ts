/**
 * Whether a UTF-16 code unit is whitespace as JavaScript's `\s` (and so cl100k's pre-tokenizer)
 * sees it: tab, line feed, vertical tab, form feed, carriage return, space, and the Unicode spaces
 * (no-break, ogham, en/em and the other U+2000–U+200A spaces, line and paragraph separators,
 * narrow no-break, medium mathematical, ideographic, BOM).
 */
export function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
