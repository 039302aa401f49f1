"""The case-study index, built from the case pages themselves: upstream's and the brand's alike.

Each case page carries its row of the index in its front matter:

    ---
    case:
      title: "Early Xiaomi"         # the link text
      type: "B2C"
      ticket: "High"
      root: "None; the weakest pillar is product"
      lesson: "Traffic pays off when the product already gives it something to amplify."
    ---

`{rf:case-index}` on cases/index.md becomes the table of every case page the
site publishes, in navigation order, so a brand's own case study joins the
index as soon as it is in the navigation, and a hidden one leaves it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from assessment.render.strings import strings

COLUMNS = ("type", "ticket", "root", "lesson")
FOLDER = "cases/"


def front_matter(path: Path) -> dict[str, Any]:
    """The YAML block at the top of a Markdown page ({} when there is none)."""
    text = path.read_text("utf-8")
    if not text.startswith("---\n"):
        return {}
    block = text[4:].split("\n---", 1)[0]
    data = yaml.safe_load(block)
    return data if isinstance(data, dict) else {}


def title_of(path: Path) -> str:
    """The page's first heading, the fallback link text."""
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def case_index(files: Iterable[tuple[str, Path]], lang: str) -> str:
    """The index table for `lang`: one row per (page, file) given, a case page and its file in that language."""
    words = strings(lang, "cases")
    lines = [
        "| " + " | ".join(words[c] for c in ("case", *COLUMNS)) + " |",
        "|---|---|---|---|---|",
    ]
    for page, path in files:
        case = front_matter(path).get("case") or {}
        link = f"[{cell(case.get('title') or title_of(path))}]({page.removeprefix(FOLDER)})"
        lines.append("| " + " | ".join([link, *(cell(case.get(c, "–")) for c in COLUMNS)]) + " |")
    return "\n".join(lines)
