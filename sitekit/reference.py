"""The "How scoring works" page, generated from the bank: every rule, threshold, question and action.

A page writes the marker `<!-- assessment:reference -->`; the build replaces it
with sitekit/data/reference.md.j2 rendered from the site's bank (upstream's with
the brand's overlay merged), so the page can never disagree with the engine.
Plain Jinja: no generator's template environment is needed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from assessment.export import export_bank
from assessment.markup import to_markdown
from assessment.model import Bank
from assessment.strings import strings

from .quick import quick_reference

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
    rendered = _template().render(bank=export_bank(bank, lang), lang=lang, t=words, quick=quick_reference(bank, lang))
    return markdown.replace(MARKER, rendered)
