// @ts-check
// Text a company writes itself (evidence notes, respondent and company labels):
// plain, visible, bounded. The same rule as the engine's assessment/answers/plaintext.py
// (read its docstring for why); tests/cases/plaintext.json holds both to it.

const LINE_BREAKS = /\r\n|[\r\u2028\u2029]/g;
const HIDDEN = /[\p{Cc}\p{Cs}]/u;
const FORMAT = /\p{Cf}/u;
const KEPT_FORMAT = new Set(["\u200c", "\u200d"]); // ZWNJ, ZWJ

export function clean(value, multiline) {
  const text = value.normalize("NFC").replace(LINE_BREAKS, "\n");
  let kept = "";
  for (const char of text) {
    if (char === "\n") kept += multiline ? "\n" : " ";
    else if (char === "\t") kept += " ";
    else if (HIDDEN.test(char) || (FORMAT.test(char) && !KEPT_FORMAT.has(char))) continue;
    else kept += char;
  }
  kept = multiline ? kept.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n") : kept.replace(/ {2,}/g, " ");
  return kept.trim();
}

// Length as the limit counts it: code points, not UTF-16 units.
export function length(text) {
  return [...text].length;
}
