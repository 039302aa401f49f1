"""Text a company writes itself (evidence notes, respondent and company labels): plain, visible, bounded.

Such text comes from files and links that anyone can craft, and it is shown in
results, printed reports and other people's team views. The rule:

- normalised to NFC, so one spelling of "é" or "가" counts once;
- line breaks (CR LF, CR, U+2028, U+2029) become one newline in a note and a
  space in a label; a tab becomes a space; at most one blank line in a row;
- removed: control characters (Unicode Cc), lone surrogates (Cs) and format
  characters (Cf) except ZWJ and ZWNJ. That removes bidirectional overrides,
  embeddings and isolates (U+202A-202E, U+2066-2069) and the marks U+200E/F, so
  a note cannot reverse the text around it; and the invisible ones (zero-width
  space U+200B, word joiner U+2060, BOM U+FEFF, soft hyphen U+00AD), so what is
  counted is what is seen. ZWJ (U+200D) and ZWNJ (U+200C) stay: emoji sequences
  and Persian or Indic spelling need them, and they cannot hide or reorder text;
- right-to-left letters (Arabic, Hebrew) are ordinary text and stay; whoever
  displays a note isolates it (HTML `<bdi>` or `dir="auto"`), so it reads in its
  own direction without turning the page's;
- spaces at the ends are trimmed; what is left empty counts as no text.

The length limit applies after cleaning, in code points (Python `len`; in
JavaScript `[...text].length`, not `text.length`).
"""

from __future__ import annotations

import re
import unicodedata

KEPT_FORMAT = frozenset({"\u200c", "\u200d"})  # ZWNJ, ZWJ
LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029]")
BLANK_LINES = re.compile(r"\n{3,}")
TRAILING_SPACE = re.compile(r"[ \t]+\n")
SPACES = re.compile(r" {2,}")


def clean(value: str, multiline: bool) -> str:
    """`value` as plain visible text (see the module's rule); multi-line for notes, one line for labels."""
    text = LINE_BREAKS.sub("\n", unicodedata.normalize("NFC", value))
    kept = []
    for char in text:
        if char == "\n":
            kept.append("\n" if multiline else " ")
        elif char == "\t":
            kept.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cs") or (
            unicodedata.category(char) == "Cf" and char not in KEPT_FORMAT
        ):
            continue
        else:
            kept.append(char)
    text = "".join(kept)
    text = BLANK_LINES.sub("\n\n", TRAILING_SPACE.sub("\n", text)) if multiline else SPACES.sub(" ", text)
    return text.strip()
