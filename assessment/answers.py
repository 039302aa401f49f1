"""Check answers against the bank before scoring: unknown ids and bad values are errors."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .errors import AnswerError
from .model import NOT_APPLICABLE, Bank, Question

Answer = str | int | float
"""An option value, a number for a numeric question, or "na"."""

MAX_ANSWERS = 1000
"""More entries than any bank could hold: refuse early instead of looping over junk."""


def answers_from_document(document: Any) -> dict[str, Any]:
    """Take the answers out of `{"answers": {question_id: value, ...}}`, the CLI's and the browser's format."""
    if not isinstance(document, dict) or "answers" not in document:
        raise AnswerError('expected a JSON object of the form {"answers": {"question-id": "option", ...}}')
    extra = sorted(set(document) - {"answers", "bank_version", "lang"})
    if extra:
        raise AnswerError(f"unexpected field {extra[0]!r} beside 'answers'")
    answers = document["answers"]
    if not isinstance(answers, dict):
        raise AnswerError("'answers' must be an object mapping question ids to answers")
    return answers


def check_answers(bank: Bank, answers: Any) -> dict[str, Answer]:
    """Return the given answers, validated; unanswered questions are simply absent (or null)."""
    if not isinstance(answers, Mapping):
        raise AnswerError("answers must be an object mapping question ids to answers")
    if len(answers) > MAX_ANSWERS:
        raise AnswerError(f"too many answers ({len(answers)}); the bank has {len(bank.questions)} questions")
    checked: dict[str, Answer] = {}
    for qid, value in answers.items():
        if not isinstance(qid, str):
            raise AnswerError(f"question ids must be strings, got {qid!r}")
        question = bank.question(qid)
        if question is None:
            raise AnswerError(f"unknown question id {_short(qid)}")
        if value is None:
            continue
        checked[qid] = _check_value(question, value)
    return checked


def _check_value(question: Question, value: Any) -> Answer:
    if value == NOT_APPLICABLE:
        if not question.not_applicable:
            raise AnswerError(f"question {question.id!r} cannot be answered 'not applicable'")
        return NOT_APPLICABLE
    if question.kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise AnswerError(f"question {question.id!r} expects a number, got {_short(value)}")
        if not question.min <= value <= question.max:
            raise AnswerError(
                f"question {question.id!r}: {value:g} is outside the allowed range {question.min:g}-{question.max:g}"
            )
        return value
    values = [o.value for o in question.options]
    if value not in values:
        raise AnswerError(
            f"question {question.id!r}: invalid option {_short(value)} (expected one of: {', '.join(values)})"
        )
    return str(value)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
