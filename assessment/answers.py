"""Check a company's profile and answers against the bank before scoring.

An unknown question id or a bad value is an error: a wrong input never yields a
silently wrong score. Ids of earlier banks are the exception: the bank lists
them as retired, so their answers move to the question that took over (values
mapped) or are set aside, and the result says which.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import AnswerError
from .model import NOT_APPLICABLE, UNKNOWN, Bank, Profile, Question

Answer = str | int | float
"""An option value, a number in the question's base unit, "na" or "unknown"."""

MAX_ANSWERS = 1000
"""More entries than any bank could hold: refuse early instead of looping over junk."""

DOCUMENT_FIELDS = {"answers", "profile", "bank_version", "lang"}


@dataclass(frozen=True)
class Submission:
    """Checked input for scoring: the profile, the answers, and what migration did to them."""

    profile: Profile
    answers: dict[str, Answer]
    migrated: tuple[tuple[str, str], ...] = ()  # (earlier id, current id)
    set_aside: tuple[str, ...] = ()  # earlier ids whose answers could not be kept
    hidden: tuple[str, ...] = ()  # ids of questions this site's bank hides: answers set aside, not rejected


def read_document(bank: Bank, document: Any) -> Submission:
    """Check `{"profile": {...}, "answers": {...}, "bank_version": ...}`, the CLI's and the browser's format."""
    if not isinstance(document, dict) or "answers" not in document:
        raise AnswerError('expected a JSON object of the form {"answers": {"question-id": "option", ...}}')
    extra = sorted(set(document) - DOCUMENT_FIELDS)
    if extra:
        raise AnswerError(f"unexpected field {_short(extra[0])} beside 'answers'")
    version = document.get("bank_version")
    return check_submission(
        bank, document["answers"], document.get("profile"), lenient=isinstance(version, str) and version != bank.version
    )


def check_submission(bank: Bank, answers: Any, profile: Any = None, lenient: bool = False) -> Submission:
    """Check answers (and a profile); `lenient` sets aside values the bank no longer accepts instead of failing.

    Answers from an earlier bank version are read leniently: an option removed
    since is set aside, not an error. Ids that no version of the bank ever had
    are always an error.
    """
    if not isinstance(answers, Mapping):
        raise AnswerError("'answers' must be an object mapping question ids to answers")
    if len(answers) > MAX_ANSWERS:
        raise AnswerError(f"too many answers ({len(answers)}); the bank has {len(bank.questions)} questions")
    retired = {r.id: r for r in bank.retired}
    renamed = {r.question: r.values for r in bank.renamed}
    checked: dict[str, Answer] = {}
    migrated: list[tuple[str, str]] = []
    set_aside: list[str] = []
    hidden: list[str] = []
    for qid, value in answers.items():
        if not isinstance(qid, str):
            raise AnswerError(f"question ids must be strings, got {_short(qid)}")
        if value is None:
            continue
        question = bank.question(qid)
        if question is None and qid in retired:
            old = retired[qid]
            target = bank.question(old.moved_to) if old.moved_to else None
            new_value = old.values.get(value) if isinstance(value, str) else None
            if target is None or new_value is None or target.id in answers:
                set_aside.append(qid)
            else:
                checked[target.id] = new_value
                migrated.append((qid, target.id))
            continue
        if question is None and qid in bank.hidden:
            hidden.append(qid)  # e.g. a share link made on the upstream site, opened on a fork that hides it
            continue
        if question is None:
            raise AnswerError(f"unknown question id {_short(qid)}")
        if isinstance(value, str) and value in renamed.get(qid, {}):
            value = renamed[qid][value]
        try:
            checked[qid] = check_value(question, value)
        except AnswerError:
            if not lenient:
                raise
            set_aside.append(qid)
    return Submission(
        profile=check_profile(bank, profile),
        answers=checked,
        migrated=tuple(migrated),
        set_aside=tuple(set_aside),
        hidden=tuple(hidden),
    )


def check_profile(bank: Bank, profile: Any) -> Profile:
    """A profile maps dimension ids to a value (or a list of values where several are allowed)."""
    if profile is None:
        return {}
    if not isinstance(profile, Mapping):
        raise AnswerError("'profile' must be an object mapping profile questions to answers")
    checked: Profile = {}
    for dim_id, value in profile.items():
        dimension = next((d for d in bank.dimensions if d.id == dim_id), None)
        if dimension is None:
            raise AnswerError(f"unknown profile question {_short(dim_id)}")
        if value is None or value == []:
            continue
        values = value if isinstance(value, list) and dimension.multiple else [value]
        if len(values) > len(dimension.options) or not all(isinstance(v, str) for v in values):
            raise AnswerError(f"profile {dim_id!r}: expected {'a list of ' if dimension.multiple else ''}option values")
        for v in values:
            if v not in dimension.values():
                raise AnswerError(
                    f"profile {dim_id!r}: invalid option {_short(v)} (expected one of: {', '.join(dimension.values())})"
                )
        # In the bank's order, whatever order they came in: one profile, one spelling.
        checked[dim_id] = tuple(v for v in dimension.values() if v in values)
    return checked


def check_value(question: Question, value: Any) -> Answer:
    if value == NOT_APPLICABLE:
        if not question.not_applicable:
            raise AnswerError(f"question {question.id!r} cannot be answered 'not applicable'")
        return NOT_APPLICABLE
    if value == UNKNOWN:
        if not question.allows_unknown:
            raise AnswerError(f"question {question.id!r} cannot be answered 'unknown'")
        return UNKNOWN
    if question.kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise AnswerError(f"question {question.id!r} expects a number, got {_short(value)}")
        number = _finite(value)
        if number is None or not question.min <= number <= question.max:
            raise AnswerError(
                f"question {question.id!r}: {_short(value)} is outside the allowed range "
                f"{question.min:g}-{question.max:g}"
            )
        return value
    values = [o.value for o in question.options]
    if value not in values:
        raise AnswerError(
            f"question {question.id!r}: invalid option {_short(value)} (expected one of: {', '.join(values)})"
        )
    return str(value)


def _finite(value: int | float) -> float | None:
    """The value as a float, or None when it is not finite (or an integer too large for a float)."""
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _short(value: Any) -> str:
    """A value quoted for a message: short, and only printable characters (it may come from a stranger)."""
    text = "a very large number" if isinstance(value, int) and abs(value) >= 10**15 else repr(value)
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 60 else text[:57] + "..."
