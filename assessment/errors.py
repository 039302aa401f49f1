"""Errors the engine reports to people: each names where the problem is."""

from __future__ import annotations


class AssessmentError(Exception):
    """Base class: a problem with the bank or with the answers, never a bug."""


class BankError(AssessmentError):
    """The question bank (or a brand overlay) is malformed.

    The message names the file, the item (question or action id) and the field,
    so a consultant editing TOML can go straight to the line.
    """

    def __init__(self, file: str, message: str, item: str | None = None, field: str | None = None) -> None:
        self.file = file
        self.item = item
        self.field = field
        self.message = message
        where = file
        if item:
            where += f": {item}"
        if field:
            where += f", field '{field}'"
        super().__init__(f"{where}: {message}")


REASONS = (
    "too_large",
    "encoding",
    "json",
    "shape",
    "unknown_question",
    "bad_value",
    "unknown_profile",
    "bad_profile",
    "bad_note",
    "bad_action",
    "bad_label",
    "bad_date",
    "invalid",
)
"""Why answers were refused: the codes the browser uses too (its `reason_*` strings).

See tests/cases/answer-contract.json."""


class AnswerError(AssessmentError, ValueError):
    """The answers given for scoring are not valid for this bank.

    `reason` is one of REASONS; `item` is the question or profile id the message
    names, when it names one (only ever an id-like text, never a stranger's prose).
    """

    def __init__(self, message: str, reason: str = "invalid", item: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.item = item
