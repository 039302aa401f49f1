"""Every value a page may state, assembled in one place for the build and the tests.

The adapter fills a page's `{rf:...}` tokens from `page_values`; tests that read
pages as a reader sees them use the same. Pages outside cases/ state the site's
bank (upstream's with the brand's overlay). The case studies are calibrated
against the method's own bank: their pages state its rules, and say so when
this site's differ.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from assessment import get_bank
from assessment.bank.model import Bank
from assessment.render.strings import strings

from .content import bank_values, case_values
from .economics import economics_values
from .pagefigures import figure_tokens
from .root_examples import root_example_values
from .source_article import source_values
from .templates import template_values
from .terms import terms_values
from .worked_example import example_values

CASE_RULES = ("threshold", "root-step", "failing-cap")
"""The rules a case study's diagnosis was made with: the method's, on a case page."""


def case_note(site: Bank, method: Bank, lang: str) -> str:
    """An admonition for case pages when this site judges by other rules than the cases were diagnosed with."""
    if (site.scoring, site.levels) == (method.scoring, method.levels):
        return ""
    text = strings(lang, "cases")["note"].format(
        site=f"{site.health_threshold:g}", method=f"{method.health_threshold:g}"
    )
    return f'!!! note "{strings(lang, "cases")["note_title"]}"\n    {text}\n\n'


def page_values(
    bank: Bank, source: str, lang: str, method: Bank | None = None, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The values for the page at `source` (its path under docs/, e.g. "cases/review-loop.zh.md")."""
    values = bank_values(bank, lang) | economics_values(lang) | terms_values(lang) | figure_tokens(source, lang)
    values |= source_values(lang)
    values |= template_values(lang, "../" * source.count("/"))
    if source.startswith("cases/"):
        method = method or get_bank()
        values |= {key: value for key, value in bank_values(method, lang).items() if key in CASE_RULES}
        values["case-note"] = case_note(bank, method, lang)
        values |= case_values(Path(source).name.split(".")[0], lang, bank=method)
    if source.split(".")[0] == "loop":
        values |= root_example_values(bank, lang)
    if source.startswith("assessment/worked-example."):
        values |= example_values(lang, bank=bank)
    return values | dict(extra or {})
