"""Check a company's profile and answers against the bank before scoring.

An unknown question id or a bad value is an error: a wrong input never yields a
silently wrong score. Ids of earlier banks are the exception: the bank lists
them as retired, so their answers move to the question that took over (values
mapped) or are set aside, and the result says which.
"""

from __future__ import annotations

import json
import math
import re
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

MAX_FILE_BYTES = 100 * 1024
"""The largest answers file read (the browser's import has the same limit); a complete one is about 3 KB."""

_LONG_INTEGER = 15
"""Digits beyond which an integer is read as a float, as JavaScript reads every number (2**53 has 16)."""

MAX_DEPTH = 20
"""Deepest nesting of arrays and objects read; a valid file needs 3 ({"profile": {"channels": [...]}})."""

BOM = b"\xef\xbb\xbf"

MAX_ID = 40
_ID = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*")


@dataclass(frozen=True)
class Submission:
    """Checked input for scoring: the profile, the answers, and what migration did to them."""

    profile: Profile
    answers: dict[str, Answer]
    migrated: tuple[tuple[str, str], ...] = ()  # (earlier id, current id)
    set_aside: tuple[str, ...] = ()  # earlier ids whose answers could not be kept


def parse_document(data: bytes) -> Any:
    """An answers file's bytes as JSON data; `AnswerError` for anything that is not a readable JSON text.

    The file contract the browser's import shares (tests/cases/answer-contract.json):
    at most 100 KB; UTF-8, with or without a byte-order mark; UTF-16 and other
    encodings are refused, and so is text holding U+0000 or U+FFFD (what a UTF-16
    or broken file turns into when the browser reads it as UTF-8); strict JSON
    (no NaN or Infinity), nested at most MAX_DEPTH deep. Numbers are read as
    JavaScript reads them: an integer of thousands of digits becomes a float (and
    then fails the range check) instead of raising ValueError.
    """
    if len(data) > MAX_FILE_BYTES:
        raise AnswerError(f"too large (more than {MAX_FILE_BYTES // 1024} KB)", "too_large")
    try:
        text = data.removeprefix(BOM).decode("utf-8")
    except UnicodeDecodeError:
        raise AnswerError("not UTF-8 text (save the file as UTF-8)", "encoding") from None
    return parse_text(text)


def parse_text(text: str) -> Any:
    """JSON text as the browser reads it (see parse_document)."""
    text = text.removeprefix("\ufeff")
    if "\x00" in text or "\ufffd" in text:
        raise AnswerError("not UTF-8 text (save the file as UTF-8)", "encoding")
    if _too_deep(text):
        raise AnswerError(f"malformed JSON (nested more than {MAX_DEPTH} deep)", "json")
    try:
        return json.loads(text, parse_int=_integer, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise AnswerError(f"malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})", "json") from None
    except (RecursionError, ValueError):
        raise AnswerError("malformed JSON (a value JSON does not allow)", "json") from None


def _too_deep(text: str) -> bool:
    """One pass, no regular expression: a text of 100 KB of quotes and backslashes stays linear."""
    depth = 0
    in_string = escaped = False
    for c in text:
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif c in "]}":
            depth -= 1
    return False


def _integer(digits: str) -> int | float:
    return int(digits) if len(digits) <= _LONG_INTEGER else float(digits)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def read_document(bank: Bank, document: Any) -> Submission:
    """Check `{"profile": {...}, "answers": {...}, "bank_version": ...}`, the CLI's and the browser's format.

    Any other field is refused: a misspelt "profil" would otherwise be dropped
    without a word and the answers scored for the wrong business.
    """
    if not isinstance(document, dict) or "answers" not in document:
        raise AnswerError('expected a JSON object of the form {"answers": {"question-id": "option", ...}}', "shape")
    extra = sorted(str(key) for key in set(document) - DOCUMENT_FIELDS)
    if extra:
        raise AnswerError(
            f"unexpected field {_short(extra[0])} beside 'answers' (allowed: {', '.join(sorted(DOCUMENT_FIELDS))})",
            "shape",
        )
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
        raise AnswerError("'answers' must be an object mapping question ids to answers", "shape")
    checked_profile = check_profile(bank, profile)  # first, as the browser does: the same file, the same message
    if len(answers) > MAX_ANSWERS:
        raise AnswerError(
            f"too many answers ({len(answers)}); the bank has {len(bank.questions)} questions", "too_large"
        )
    retired = {r.id: r for r in bank.retired}
    renamed = {r.question: r.values for r in bank.renamed}
    checked: dict[str, Answer] = {}
    migrated: list[tuple[str, str]] = []
    set_aside: list[str] = []
    for qid, value in answers.items():
        if not isinstance(qid, str):
            raise AnswerError(f"question ids must be strings, got {_short(qid)}", "shape")
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
        if question is None:
            raise AnswerError(f"unknown question id {_short(qid)}", "unknown_question", shown_id(qid))
        if isinstance(value, str) and value in renamed.get(qid, {}):
            value = renamed[qid][value]
        try:
            checked[qid] = check_value(question, value)
        except AnswerError:
            if not lenient:
                raise
            set_aside.append(qid)
    return Submission(
        profile=checked_profile,
        answers=checked,
        migrated=tuple(migrated),
        set_aside=tuple(set_aside),
    )


def check_profile(bank: Bank, profile: Any) -> Profile:
    """A profile maps dimension ids to a value (or a list of values where several are allowed)."""
    if profile is None:
        return {}
    if not isinstance(profile, Mapping):
        raise AnswerError("'profile' must be an object mapping profile questions to answers", "shape")
    checked: Profile = {}
    for dim_id, value in profile.items():
        dimension = next((d for d in bank.dimensions if d.id == dim_id), None)
        if dimension is None:
            raise AnswerError(f"unknown profile question {_short(dim_id)}", "unknown_profile", shown_id(dim_id))
        if value is None or value == []:
            continue
        values = value if isinstance(value, list) and dimension.multiple else [value]
        if len(values) > len(dimension.options) or not all(isinstance(v, str) for v in values):
            raise AnswerError(
                f"profile {dim_id!r}: expected {'a list of ' if dimension.multiple else ''}option values",
                "bad_profile",
                dim_id,
            )
        for v in values:
            if v not in dimension.values():
                expected = ", ".join(dimension.values())
                raise AnswerError(
                    f"profile {dim_id!r}: invalid option {_short(v)} (expected one of: {expected})",
                    "bad_profile",
                    dim_id,
                )
        # In the bank's order, whatever order they came in: one profile, one spelling.
        checked[dim_id] = tuple(v for v in dimension.values() if v in values)
    return checked


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


def shown_id(value: Any) -> str | None:
    """The value if it looks like an id (lower-case words joined by . - _, at most MAX_ID long), else None.

    Ids come from files and links made by anyone: a message may name one, but
    never repeats prose such as "YOUR ANSWERS WERE DELETED, call ...", markup or
    right-to-left overrides in the site's (or the terminal's) own voice.
    """
    return value if isinstance(value, str) and len(value) <= MAX_ID and _ID.fullmatch(value) else None


def _short(value: Any) -> str:
    """A value quoted in a message: an id-like text, a number or a short description, never a stranger's prose."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return str(value) if value.bit_length() <= 50 else "a very large number"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return repr(value) if shown_id(value) else f"(a text of {len(value)} characters, not shown)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return "a value of another kind"
