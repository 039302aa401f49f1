"""Four-pillar self-assessment: score answers and plan "fix the root first".

The same code runs under pytest, on the command line and in the browser (Pyodide):
it uses the standard library only, and reads its question bank with `tomllib`.
"""

from __future__ import annotations

from typing import Any

from .answers.document import check_submission, read_document
from .answers.shown import _short
from .bank.loader import load_bank
from .bank.model import Bank
from .errors import AnswerError, AssessmentError, BankError
from .render.export import export_bank
from .scoring.result import build_result

__all__ = [
    "AnswerError",
    "AssessmentError",
    "BankError",
    "assess",
    "assess_bank",
    "assess_document",
    "get_bank",
    "load_questionnaire",
]

__version__ = "0.2.0"


def get_bank() -> Bank:
    """The validated bank this package carries: upstream's in the repository, a site's merged bank in its engine.

    A brand overlay is merged by whoever builds: the site build (sitekit) or the
    CLI (`--overlay`, `$ASSESSMENT_OVERLAY`), with `loader.load_bank(None, overlay)`.
    """
    return load_bank()


def _language(bank: Bank, lang: str) -> str:
    if lang not in bank.languages:
        raise AnswerError(f"unknown language {_short(lang)} (available: {', '.join(bank.languages)})")
    return lang


def load_questionnaire(lang: str = "en", bank: Bank | None = None) -> dict[str, Any]:
    """The question bank in one language: the profile, pillars in loop order, questions with options weakest first."""
    chosen = bank or get_bank()
    return export_bank(chosen, _language(chosen, lang))


def assess(answers: Any, lang: str = "en", profile: Any = None) -> dict[str, Any]:
    """Score answers (question id -> option value, number, "na" or "unknown") for a business profile.

    Raises `AnswerError` for an unknown question id or an invalid answer: a wrong
    input never yields a silently wrong score.
    """
    return assess_bank(get_bank(), answers, lang, profile)


def assess_document(document: Any, lang: str = "en", bank: Bank | None = None) -> dict[str, Any]:
    """Score `{"profile": {...}, "answers": {...}, "bank_version": ...}`, the format of exports and share links.

    Answers to questions of an earlier bank are migrated or set aside; the result says which.
    """
    chosen = bank or get_bank()
    return build_result(chosen, read_document(chosen, document), _language(chosen, lang))


def assess_bank(bank: Bank, answers: Any, lang: str = "en", profile: Any = None) -> dict[str, Any]:
    """`assess` against a given bank (tests and tools that load their own)."""
    return build_result(bank, check_submission(bank, answers, profile), _language(bank, lang))
