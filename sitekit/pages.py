"""Every value a page may state, assembled in one place for the build hook and the tests.

The hook (overrides/hooks/assessment_site.py) fills a page's `{rf:...}` tokens
from `page_values`; tests that read pages as a reader sees them use the same.
"""

from __future__ import annotations

from pathlib import Path

from assessment.model import Bank

from .content import bank_values, case_values
from .economics import economics_values
from .templates import template_values
from .terms import terms_values
from .worked_example import example_values


def page_values(bank: Bank, source: str, lang: str) -> dict[str, str]:
    """The values for the page at `source` (its path under docs/, e.g. "cases/review-loop.zh.md")."""
    values = bank_values(bank, lang) | economics_values(lang) | terms_values(lang)
    values |= template_values(lang, "../" * source.count("/"))
    if source.startswith("cases/"):
        values |= case_values(Path(source).name.split(".")[0], lang)
    if source.startswith("assessment/worked-example."):
        values |= example_values(lang)
    return values
