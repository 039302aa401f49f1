"""Check a company's profile and answers against the bank before scoring.

An unknown question id or a bad value is an error: a wrong input never yields a
silently wrong score. Ids of earlier banks are the exception: the bank lists
them as retired, so their answers move to the question that took over (values
mapped) or are set aside, and the result says which.

Beside the answers, a document may carry what a workshop records (all optional):

    "respondent": "Ops lead"            who answered (a name or a role), one line
    "company":    "Acme Audio"          whose answers these are, one line
    "date":       "2026-03-01"          when (ISO 8601 date, or date and time)
    "notes":      {"question-id": "based on last quarter's return report", ...}
    "actions":    {"action-id": "in-progress" | "done", ...}

Labels and notes are plain text, cleaned and bounded as `plaintext` says (limits
in settings.toml, [workshop]); a longer one is refused, naming the field. A note
may sit on any question, answered or not; a note on a retired question moves with
its answer or is set aside with it. Action states are kept as recorded: marking
an action done changes neither the scores nor the plan (answer its question again
when the change shows); the result marks it done.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..bank.model import ACTION_STATES, Bank, Profile, Question
from ..errors import AnswerError
from . import plaintext
from .profile import check_profile, profile_migrations
from .shown import _short, shown_id
from .values import Answer, check_value

MAX_ANSWERS = 1000
"""More entries than any bank could hold: refuse early instead of looping over junk."""

DOCUMENT_FIELDS = {"answers", "profile", "bank_version", "lang", "respondent", "company", "date", "notes", "actions"}
MAX_DATE_CHARS = 40

MAX_FILE_BYTES = 100 * 1024
"""The largest answers file read (the browser's import has the same limit); a complete one is about 3 KB."""

_LONG_INTEGER = 15
"""Digits beyond which an integer is read as a float, as JavaScript reads every number (2**53 has 16)."""

MAX_DEPTH = 20
"""Deepest nesting of arrays and objects read; a valid file needs 3 ({"profile": {"channels": [...]}})."""

BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Submission:
    """Checked input for scoring: the profile, the answers, and what migration did to them.

    With what a workshop records beside them: notes per question, action states,
    who answered, for which company, and when.
    """

    profile: Profile
    answers: dict[str, Answer]
    migrated: tuple[tuple[str, str], ...] = ()  # (earlier id, current id)
    set_aside: tuple[str, ...] = ()  # earlier ids whose answers could not be kept
    hidden: tuple[str, ...] = ()  # ids of questions this site's bank hides: answers set aside, not rejected
    # Answered, but the profile makes the question not applicable: set aside (not scored) and kept for export.
    off_profile: dict[str, Answer] = field(default_factory=dict)
    profile_migrated: tuple[tuple[str, str, str], ...] = ()  # (dimension, earlier value, value now)
    notes: dict[str, str] = field(default_factory=dict)  # question id -> evidence note, in bank order
    actions: dict[str, str] = field(default_factory=dict)  # action id -> "in-progress" | "done", in bank order
    respondent: str | None = None
    company: str | None = None
    date: str | None = None  # as given: "2026-03-01" or "2026-03-01T09:30:00Z"


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
    # In the browser's order (answers.js): the answers, then what a workshop records beside them.
    submission = check_submission(
        bank,
        document["answers"],
        document.get("profile"),
        lenient=isinstance(version, str) and version != bank.version,
        notes=document.get("notes"),
        actions=document.get("actions"),
    )
    return replace(
        submission,
        respondent=check_label(bank, "respondent", document.get("respondent")),
        company=check_label(bank, "company", document.get("company")),
        date=check_date(document.get("date")),
    )


def check_submission(
    bank: Bank,
    answers: Any,
    profile: Any = None,
    lenient: bool = False,
    notes: Any = None,
    actions: Any = None,
    respondent: str | None = None,
    company: str | None = None,
    date: str | None = None,
) -> Submission:
    """Check answers (and a profile); `lenient` sets aside values the bank no longer accepts instead of failing.

    Answers from an earlier bank version are read leniently: an option removed
    since is set aside, not an error. Ids that no version of the bank ever had
    are always an error. Notes and action states are checked the same way.
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
    hidden: list[str] = []
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
        if question is None and qid in bank.hidden:
            hidden.append(qid)  # e.g. a share link made on the upstream site, opened on a fork that hides it
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
    # A file or a link may carry answers to questions the profile rules out (made before the profile
    # changed, or by hand): they are set aside and named, never scored for a business they do not fit.
    off_profile = {qid: v for qid, v in checked.items() if not _question(bank, qid).applies_to(checked_profile)}
    return Submission(
        profile=checked_profile,
        answers={qid: value for qid, value in checked.items() if qid not in off_profile},
        off_profile=off_profile,
        profile_migrated=tuple(profile_migrations(bank, profile)),
        migrated=tuple(migrated),
        set_aside=tuple(set_aside),
        notes=check_notes(bank, notes, dict(migrated), set(set_aside)),
        actions=check_actions(bank, actions, lenient),
        respondent=respondent,
        company=company,
        date=date,
        hidden=tuple(hidden),
    )


def _question(bank: Bank, qid: str) -> Question:
    question = bank.question(qid)
    assert question is not None
    return question


def check_label(bank: Bank, name: str, value: Any) -> str | None:
    """The respondent or company label: one line of plain text, at most `label_chars`; empty is none."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise AnswerError(f"{name}: must be text, got {_short(value)}", "bad_label", name)
    text = plaintext.clean(value, multiline=False)
    limit = bank.workshop.label_chars
    if len(text) > limit:
        raise AnswerError(f"{name}: {len(text)} characters long; at most {limit} are allowed", "bad_label", name)
    return text or None


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?")
"""The one ISO 8601 form read, here and in the browser: a date, or a date and time (with an offset or Z)."""


def check_date(value: Any) -> str | None:
    """An ISO 8601 date ("2026-03-01") or date and time ("2026-03-01T09:30:00Z") that exists, kept as given."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) <= MAX_DATE_CHARS:
        text = value.strip()
        if ISO_DATE.fullmatch(text):
            try:
                dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
                return text
            except ValueError:
                pass
    raise AnswerError(f'date: must be an ISO date such as "2026-03-01", got {_short(value)}', "bad_date", "date")


def check_notes(bank: Bank, notes: Any, migrated: dict[str, str], set_aside: set[str]) -> dict[str, str]:
    """Evidence notes by question id: plain text, at most `note_chars` each.

    A note on a retired question goes where its answer went (or to the question
    that replaced it), unless that question has its own note; otherwise it is
    set aside with the answer.
    """
    if notes is None:
        return {}
    if not isinstance(notes, Mapping):
        raise AnswerError("'notes' must be an object mapping question ids to text", "shape")
    if len(notes) > MAX_ANSWERS:
        raise AnswerError(f"too many notes ({len(notes)}); the bank has {len(bank.questions)} questions", "too_large")
    retired = {r.id: r for r in bank.retired}
    limit = bank.workshop.note_chars
    kept: dict[str, str] = {}
    for qid, value in notes.items():
        if value is None:
            continue
        if not isinstance(qid, str):
            raise AnswerError(f"notes: question ids must be strings, got {_short(qid)}", "shape")
        if not isinstance(value, str):
            raise AnswerError(f"notes[{_short(qid)}]: must be text, got {_short(value)}", "bad_note", shown_id(qid))
        text = plaintext.clean(value, multiline=True)
        if len(text) > limit:
            message = f"notes[{_short(qid)}]: {len(text)} characters long; at most {limit} are allowed"
            raise AnswerError(message, "bad_note", shown_id(qid))
        target: str | None = qid
        if bank.question(qid) is None:
            if qid in bank.hidden:
                continue  # a question this site hides: its note is set aside with its answer
            if qid not in retired:
                raise AnswerError(f"notes: unknown question id {_short(qid)}", "unknown_question", shown_id(qid))
            target = migrated.get(qid) or (None if qid in set_aside else retired[qid].moved_to)
            if target is None or target in notes or bank.question(target) is None:
                continue
        if text and target is not None:
            kept[target] = text
    order = {q.id: i for i, q in enumerate(bank.questions)}
    return dict(sorted(kept.items(), key=lambda item: order[item[0]]))


def check_actions(bank: Bank, actions: Any, lenient: bool) -> dict[str, str]:
    """Action states by action id: "in-progress" or "done" (null: not started).

    An action this bank does not have is an error, unless the document was made
    with an earlier bank (`lenient`): then its state is set aside.
    """
    if actions is None:
        return {}
    if not isinstance(actions, Mapping):
        raise AnswerError('\'actions\' must be an object mapping action ids to "in-progress" or "done"', "shape")
    if len(actions) > MAX_ANSWERS:
        raise AnswerError(
            f"too many action states ({len(actions)}); the bank has {len(bank.actions)} actions", "too_large"
        )
    kept: dict[str, str] = {}
    for aid, state in actions.items():
        if state is None:
            continue
        if not isinstance(aid, str):
            raise AnswerError(f"actions: action ids must be strings, got {_short(aid)}", "shape")
        if state not in ACTION_STATES:
            raise AnswerError(
                f"actions[{_short(aid)}]: invalid state {_short(state)} (expected one of: {', '.join(ACTION_STATES)})",
                "bad_action",
                shown_id(aid),
            )
        if bank.action(aid) is None:
            if lenient:
                continue
            raise AnswerError(f"actions: unknown action id {_short(aid)}", "bad_action", shown_id(aid))
        kept[aid] = str(state)
    order = {a.id: i for i, a in enumerate(bank.actions)}
    return dict(sorted(kept.items(), key=lambda item: order[item[0]]))


def document_of(submission: Submission, bank: Bank) -> dict[str, Any]:
    """A checked submission as a document again (the format of exports): what `read_document` reads back."""
    multiple = {d.id for d in bank.dimensions if d.multiple}
    document: dict[str, Any] = {
        "profile": {k: list(v) if k in multiple else v[0] for k, v in submission.profile.items()},
        "answers": {**submission.answers, **submission.off_profile},
        "bank_version": bank.version,
    }
    for key in ("respondent", "company", "date"):
        if getattr(submission, key) is not None:
            document[key] = getattr(submission, key)
    if submission.notes:
        document["notes"] = dict(submission.notes)
    if submission.actions:
        document["actions"] = dict(submission.actions)
    return document
