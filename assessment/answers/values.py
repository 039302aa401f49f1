"""One answer checked against its question: an option, a number in range, "na" or "unknown"."""

from __future__ import annotations

import math
from typing import Any

from ..bank.model import NOT_APPLICABLE, UNKNOWN, Question
from ..errors import AnswerError
from .shown import _short

Answer = str | int | float
"""An option value, a number in the question's base unit, "na" or "unknown"."""


def check_value(question: Question, value: Any) -> Answer:
    if value == NOT_APPLICABLE:
        if not question.not_applicable:
            raise AnswerError(f"question {question.id!r} cannot be answered 'not applicable'", "bad_value", question.id)
        return NOT_APPLICABLE
    if value == UNKNOWN:
        if not question.allows_unknown:
            raise AnswerError(f"question {question.id!r} cannot be answered 'unknown'", "bad_value", question.id)
        return UNKNOWN
    if question.kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise AnswerError(
                f"question {question.id!r} expects a number, got {_short(value)}", "bad_value", question.id
            )
        number = _finite(value)
        if number is None or not question.min <= number <= question.max:
            raise AnswerError(
                f"question {question.id!r}: {_short(value)} is outside the allowed range "
                f"{question.min:g}-{question.max:g}",
                "bad_value",
                question.id,
            )
        return value
    values = [o.value for o in question.options]
    if value not in values:
        raise AnswerError(
            f"question {question.id!r}: invalid option {_short(value)} (expected one of: {', '.join(values)})",
            "bad_value",
            question.id,
        )
    return str(value)


def _finite(value: int | float) -> float | None:
    """The value as a float, or None when it is not finite (or an integer too large for a float)."""
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None
