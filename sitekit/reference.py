"""The "How scoring works" page, generated from the bank: every rule, threshold, question and action.

A page writes the marker `<!-- assessment:reference -->`; the build replaces it
with sitekit/data/reference.md.j2 rendered from the site's bank (upstream's with
the brand's overlay merged), so the page can never disagree with the engine.
Plain Jinja: no generator's template environment is needed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from assessment.bank.markup import to_markdown
from assessment.bank.model import Bank
from assessment.bank.sources import load_sources
from assessment.render.export import export_bank
from assessment.render.strings import strings

from .quick import quick_reference
from .realcases import assessable, load_cases, rates, score

MARKER = "<!-- assessment:reference -->"
TEMPLATE = Path(__file__).parent / "data" / "reference.md.j2"


@cache
def _template(path: Path = TEMPLATE) -> jinja2.Template:
    environment = jinja2.Environment(autoescape=False, keep_trailing_newline=True)
    environment.filters["rf_markdown"] = lambda text: to_markdown(str(text))
    return environment.from_string(path.read_text("utf-8"))


def fill_reference(markdown: str, bank: Bank, lang: str) -> str:
    """The page with the marker replaced by the reference in `lang`; a page without it is returned as it is."""
    if MARKER not in markdown:
        return markdown
    words = strings(lang, "reference")
    exported = export_bank(bank, lang)
    rendered = _template().render(
        bank=exported,
        lang=lang,
        t=words,
        quick=quick_reference(bank, lang),
        **_sources(bank, exported, lang),
        **_real_cases(bank, lang),
    )
    return markdown.replace(MARKER, rendered)


def _sources(bank: Bank, exported: dict[str, Any], lang: str) -> dict[str, Any]:
    """The published sources the bank's thresholds cite, numbered in the order they are first cited."""
    registry = load_sources(bank.languages)
    order: list[str] = []
    for question in exported["questions"]:
        for cited in [*question.get("cites", []), *(c for scale in question.get("scales", []) for c in scale["cites"])]:
            if cited not in order and cited in registry:
                order.append(cited)
    numbered = {}
    for index, sid in enumerate(order, start=1):
        source = registry[sid]
        numbered[sid] = {
            "index": index,
            "id": sid,
            "publisher": source.publisher[lang],
            "title": source.title.removeprefix("[descriptive] "),
            "url": source.url,
            "published": source.published,
            "states": source.states[lang],
        }
    return {"sources": numbered, "cited": list(numbered.values())}


def _real_cases(bank: Bank, lang: str) -> dict[str, Any]:
    """How often the assessment agrees with outside experts on the real cases, counted now on this bank."""
    names = {p.id: p.name[lang] for p in bank.pillars}
    none = strings(lang, "reference")["real_none"]
    rows = []
    for case in load_cases():
        counted = assessable(bank, case)
        outcomes = {o.variant: o for o in score(bank, case)} if counted else {}
        rows.append(
            {
                "title": case.title[lang],
                "url": case.url,
                "published": case.published,
                "family": case.family,
                "expert": names[case.pillar],
                "assessed": counted,
                **{v: names.get(o.root or "", none) for v, o in outcomes.items()},
            }
        )
    return {"real": rates(bank), "real_rows": rows}
