"""Reading PDFs the way a test checks a printed report: page texts, and whether a text appears on a page."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader


def appears(expected: str, text: str) -> bool:
    """Whether `expected` is in a PDF's text layer, where a CJK font may have put a radical (⻛) for an
    ideograph (风): any ideograph may then read as a radical."""
    expected = unicodedata.normalize("NFKC", expected)  # as the page text is read: full-width （ as (
    pattern = "".join(f"[{re.escape(c)}\u2e80-\u2fdf]" if "\u4e00" <= c <= "\u9fff" else re.escape(c) for c in expected)
    return re.search(pattern, text) is not None


def pdf_pages(pdf: Path | bytes) -> list[str]:
    """The text of each page of a PDF file (or of its bytes)."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    # The CJK font maps some ideographs to Kangxi radicals in its text layer: NFKC folds them back.
    return [unicodedata.normalize("NFKC", page.extract_text()) for page in reader.pages]
