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


class AnswerError(AssessmentError, ValueError):
    """The answers given for scoring are not valid for this bank."""
