"""Every number the bank judges by says where it comes from.

A number-bearing `source` of the bank belongs to a numeric question's scale (its thresholds are
numbers) or to a choice *outcome* whose levels state a threshold ("under about 70% of the
benchmark"). Each must be filled in every language of the bank: a published source it cites, or
this site's default with its reasoning (issue 22). `unsourced` lists the ones that are empty, so a
check in the test command (tests/test_bank_sources.py) fails on an empty source. Practices are not
judged by a number of their own but against what is usual for the business (usual.toml, with its
reasons), so their option texts are not held to a `source`.
"""

from __future__ import annotations

import re

from assessment.bank.model import Bank, Question, Text

THRESHOLD = re.compile(
    r"(?:\b(?:under|over|within|above|below|at least|at most|more than|less than|up to)\s+(?:about\s+)?\d)"
    r"|(?:\d[\d.,]*\s*(?:%|×|x\b|seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|months?\b|stars?\b))",
    re.I,
)
"""A number stated as a line: a bound word before it, or a unit after it. "25-35" (an age) or "2-3
alternatives" are not thresholds; "within 48 hours" and "under 1%" are."""


def states_a_threshold(question: Question, lang: str = "en") -> bool:
    return any(THRESHOLD.search(option.label.get(lang, "")) for option in question.options)


def _empty(text: Text, languages: tuple[str, ...]) -> list[str]:
    return [lang for lang in languages if not text.get(lang, "").strip()]


def unsourced(bank: Bank) -> list[str]:
    """'<question id>[, scale N]: no source in <languages>' for every number-bearing text without one."""
    languages = tuple(bank.languages)
    found = []
    for question in bank.questions:
        if question.kind == "number":
            for index, scale in enumerate(question.scales):
                missing = _empty(scale.source, languages)
                if missing:
                    found.append(f"{question.id}, scale {index + 1}: no source in {', '.join(missing)}")
        elif question.role == "outcome" and states_a_threshold(question):
            missing = _empty(question.source, languages)
            if missing:
                found.append(f"{question.id}: its levels state thresholds but it has no source in {', '.join(missing)}")
    return found
