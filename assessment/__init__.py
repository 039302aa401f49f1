"""Four-pillar self-assessment: score answers and plan "fix the root first".

The same code runs under pytest, on the command line and in the browser (Pyodide):
it uses the standard library only, and reads its question bank with `tomllib`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .answers import _short, check_submission, read_document
from .errors import AnswerError, AssessmentError, BankError
from .export import export_bank
from .loader import load_bank
from .model import Bank
from .result import build_result

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

OVERLAY_ENV = "ASSESSMENT_OVERLAY"
"""Environment variable naming a brand overlay (TOML) applied when none is passed."""


def get_bank(overlay: str | Path | None = None) -> Bank:
    """The validated bank, with the overlay (or the one named by $ASSESSMENT_OVERLAY) applied."""
    chosen = overlay if overlay is not None else os.environ.get(OVERLAY_ENV) or None
    return load_bank(None, str(chosen) if chosen else None)


def _language(bank: Bank, lang: str) -> str:
    if lang not in bank.languages:
        raise AnswerError(f"unknown language {_short(lang)} (available: {', '.join(bank.languages)})")
    return lang


def load_questionnaire(lang: str = "en", overlay: str | Path | None = None) -> dict[str, Any]:
    """The question bank in one language: the profile, pillars in loop order, questions with options weakest first."""
    bank = get_bank(overlay)
    return export_bank(bank, _language(bank, lang))


def assess(answers: Any, lang: str = "en", profile: Any = None, overlay: str | Path | None = None) -> dict[str, Any]:
    """Score answers (question id -> option value, number, "na" or "unknown") for a business profile.

    Raises `AnswerError` for an unknown question id or an invalid answer: a wrong
    input never yields a silently wrong score.
    """
    return assess_bank(get_bank(overlay), answers, lang, profile)


def assess_document(document: Any, lang: str = "en", overlay: str | Path | None = None) -> dict[str, Any]:
    """Score `{"profile": {...}, "answers": {...}, "bank_version": ...}`, the format of exports and share links.

    Answers to questions of an earlier bank are migrated or set aside; the result says which.
    """
    bank = get_bank(overlay)
    return build_result(bank, read_document(bank, document), _language(bank, lang))


def assess_bank(bank: Bank, answers: Any, lang: str = "en", profile: Any = None) -> dict[str, Any]:
    """`assess` against a given bank (tests and tools that load their own)."""
    return build_result(bank, check_submission(bank, answers, profile), _language(bank, lang))
