"""The site's terminology, as data (sitekit/data/terms.toml), rendered as the glossary of terms.

`{rf:terms}` is the table on docs/terms.md: preferred Chinese term, English term,
variants not to use, and a note. tests/test_terminology.py holds the pages and the
question bank to it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from assessment.render.strings import strings

TERMS = Path(__file__).parent / "data" / "terms.toml"


def load(path: Path = TERMS) -> list[dict[str, Any]]:
    terms: list[dict[str, Any]] = tomllib.loads(path.read_text("utf-8"))["terms"]
    return terms


def table(lang: str, terms: list[dict[str, Any]]) -> str:
    words = strings(lang, "terms")
    heads = (words["chinese"], words["english"], words["rejected"], words["note"])
    rows = ["| " + " | ".join(heads) + " |", "|---|---|---|---|"]
    separator = strings(lang, "punctuation")["series"]
    for term in terms:
        rejected = separator.join(term["rejected"]) or "–"
        rows.append(f"| **{term['zh']}** | {term['en']} | {rejected} | {term['note'][lang]} |")
    return "\n".join(rows)


def terms_values(lang: str, path: Path = TERMS) -> dict[str, str]:
    return {"terms": table(lang, load(path))}
