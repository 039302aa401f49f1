"""Compact share links: a whole assessment in about a hundred characters.

`#s=` + base64url of bytes:

    byte 0       format: 1 answers only, 2 answers then action states and notes
    bytes 1-4    the bank version the answers were given to (its 8 hex digits)
    profile      per dimension in bank order: one byte (option index + 1, 0 = not given),
                 or for a dimension with several choices a bit mask, one bit per option
    answers      per question in bank order, two per byte (high nibble first):
                 0 unanswered, 1-12 option index + 1, 13 "na", 14 "unknown", 15 a number
    numbers      for each question coded 15, in order: the value in its base unit times
                 1,000,000, rounded, as a zig-zag varint
    format 2 only:
    states       a varint count, then per action with a state, in bank order, 4 bytes
                 big-endian: the FNV-1a 32-bit hash of its id (UTF-8) with the lowest
                 bit cleared, or-ed with 1 for "done" (0 for "in-progress")
    notes        a varint count, then per note, in bank order: the question's position
                 (varint), the note's length in bytes (varint), its UTF-8 bytes

A link without notes or action states is format 1, byte for byte what links were
before notes existed; every format-1 link still opens. Action states are keyed by a
hash of the action id, not a position, so they survive a bank that adds or removes
actions (an unknown hash is set aside); 31 bits make a collision between two of a
bank's few hundred actions negligible, and a test checks the bank has none.

Notes make links long (a Chinese character takes 4 characters of a link), so a link
carries as many notes as keep it within `link_chars` (settings.toml, [workshop]),
whole notes in bank order, skipping one that does not fit; `encode_link` says which
were left out, and the person sharing is told to export a file to keep them all.
The respondent and company names never travel in links: they stay on the device and
in exported files.

Positions only mean something against the layout of the bank that made the link,
so `bank/layouts.json` keeps the layout of every released bank version: a link
made with an earlier bank is decoded with its own layout, and its answers then go
through the usual migration (retired ids carried over or set aside). The browser
implements the same format (overrides/assets/javascripts/assessment/sharelink.js):
tests/test_sharelink.py runs the browser's code on the links this module makes and
reads (tests/js/sharelink-parity.mjs), and the answer contract's table
(tests/cases/answer-contract.json, its "links") holds both to the same verdicts.
"""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path
from typing import Any

from ..bank.model import NOT_APPLICABLE, UNKNOWN, Bank
from ..errors import AnswerError

FORMAT = 1
FORMAT_NOTES = 2
PREFIX = "s="
LAYOUTS = Path(__file__).parents[1] / "bank" / "layouts.json"
SCALE = 1_000_000
MAX_CHOICES = 12
NA, UNKNOWN_CODE, NUMBER = 13, 14, 15

Layout = dict[str, Any]
"""{"questions": [[id, kind, [option values]]], "profile": [[dimension, multiple, [values]]]}"""


def layout(bank: Bank) -> Layout:
    return {
        "questions": [[q.id, q.kind, [o.value for o in q.options]] for q in bank.questions],
        "profile": [[d.id, d.multiple, list(d.values())] for d in bank.dimensions],
    }


def known_layouts(path: Path = LAYOUTS) -> dict[str, Layout]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    return {str(k): v for k, v in data.items()}


def _varint(value: int) -> bytes:
    zigzag = value * 2 if value >= 0 else -value * 2 - 1
    out = bytearray()
    while True:
        byte = zigzag & 0x7F
        zigzag >>= 7
        if zigzag:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def action_key(action_id: str) -> int:
    """FNV-1a (32 bits) of the action id's UTF-8 bytes, lowest bit cleared: the bit carries the state."""
    value = 0x811C9DC5
    for byte in action_id.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value & 0xFFFFFFFE


def fragment_length(size: int) -> int:
    """Characters of a fragment 's=' + unpadded base64url of `size` bytes."""
    return len(PREFIX) + (4 * size + 2) // 3


def encode(
    bank: Bank,
    profile: dict[str, tuple[str, ...]],
    answers: dict[str, Any],
    notes: dict[str, str] | None = None,
    actions: dict[str, str] | None = None,
) -> str:
    """The fragment (without '#') for a checked profile, answers, notes and action states of this bank."""
    return encode_link(bank, profile, answers, notes, actions)[0]


def encode_link(
    bank: Bank,
    profile: dict[str, tuple[str, ...]],
    answers: dict[str, Any],
    notes: dict[str, str] | None = None,
    actions: dict[str, str] | None = None,
) -> tuple[str, tuple[str, ...]]:
    """The fragment and the question ids whose notes did not fit within `link_chars`."""
    body = _answers_bytes(bank, profile, answers)
    states = bytearray()
    order = {a.id: i for i, a in enumerate(bank.actions)}
    tracked = sorted((aid for aid in (actions or {}) if aid in order), key=order.__getitem__)
    for aid in tracked:
        word = action_key(aid) | (1 if (actions or {})[aid] == "done" else 0)
        states += word.to_bytes(4, "big")
    positions = {q.id: i for i, q in enumerate(bank.questions)}
    given = sorted(((positions[q], text) for q, text in (notes or {}).items() if q in positions and text))
    if not tracked and not given:
        return _fragment(bytes([FORMAT]) + body), ()
    kept: list[bytes] = []
    omitted: list[str] = []
    head = bytes([FORMAT_NOTES]) + body + _varint(len(tracked)) + bytes(states)
    for position, text in given:
        encoded = text.encode("utf-8")
        entry = _varint(position) + _varint(len(encoded)) + encoded
        size = len(head) + len(_varint(len(kept) + 1)) + sum(map(len, kept)) + len(entry)
        if fragment_length(size) <= bank.workshop.link_chars:
            kept.append(entry)
        else:
            omitted.append(bank.questions[position].id)
    if not tracked and not kept:
        return _fragment(bytes([FORMAT]) + body), tuple(omitted)
    return _fragment(head + _varint(len(kept)) + b"".join(kept)), tuple(omitted)


def _fragment(data: bytes) -> str:
    return PREFIX + base64.urlsafe_b64encode(data).decode().rstrip("=")


def _answers_bytes(bank: Bank, profile: dict[str, tuple[str, ...]], answers: dict[str, Any]) -> bytes:
    """Everything after the format byte of a format-1 link: bank version, profile, answers, numbers."""
    data = bytearray()
    data += bytes.fromhex(bank.version)
    for dimension in bank.dimensions:
        chosen = profile.get(dimension.id, ())
        values = dimension.values()
        if dimension.multiple:
            mask = sum(1 << values.index(v) for v in chosen)
            data += mask.to_bytes((len(values) + 7) // 8, "big")
        else:
            data.append(values.index(chosen[0]) + 1 if chosen else 0)
    codes: list[int] = []
    numbers = bytearray()
    for question in bank.questions:
        value = answers.get(question.id)
        if value is None:
            codes.append(0)
        elif value == NOT_APPLICABLE:
            codes.append(NA)
        elif value == UNKNOWN:
            codes.append(UNKNOWN_CODE)
        elif question.kind == "number":
            codes.append(NUMBER)
            numbers += _varint(round(float(value) * SCALE))
        else:
            index = [o.value for o in question.options].index(value)
            if index >= MAX_CHOICES:
                raise AnswerError(f"question {question.id!r} has more options than a share link can hold")
            codes.append(index + 1)
    if len(codes) % 2:
        codes.append(0)
    data += bytes(codes[i] << 4 | codes[i + 1] for i in range(0, len(codes), 2))
    data += numbers
    return bytes(data)


def decode(fragment: str, bank: Bank, layouts: dict[str, Layout] | None = None) -> dict[str, Any]:
    """A share-link fragment ('s=...') as a document {"profile", "answers", "bank_version"}.

    Decoded with the layout of the bank version that made it (this bank's, or one
    kept in layouts.json); the document is then checked like any other.
    """
    text = fragment.removeprefix("#").removeprefix(PREFIX)
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise AnswerError("share link: not correctly encoded") from None
    if len(data) < 5 or data[0] not in (FORMAT, FORMAT_NOTES):
        raise AnswerError("share link: not a link this site makes")
    version = data[1:5].hex()
    chosen = layout(bank) if version == bank.version else (layouts or known_layouts()).get(version)
    if chosen is None:
        raise AnswerError("share link: made with a version of the questionnaire this site does not know")
    reader = _Reader(data, 5)
    profile: dict[str, Any] = {}
    for dimension_id, multiple, values in chosen["profile"]:
        if multiple:
            mask = int.from_bytes(reader.take((len(values) + 7) // 8), "big")
            picked = [v for i, v in enumerate(values) if mask >> i & 1]
            if mask >> len(values):
                raise AnswerError("share link: damaged (profile)")
            if picked:
                profile[dimension_id] = picked
        else:
            index = reader.take(1)[0]
            if index > len(values):
                raise AnswerError("share link: damaged (profile)")
            if index:
                profile[dimension_id] = values[index - 1]
    questions = chosen["questions"]
    packed = reader.take((len(questions) + 1) // 2)
    codes = [nibble for byte in packed for nibble in (byte >> 4, byte & 0x0F)]
    answers: dict[str, Any] = {}
    for (qid, kind, values), code in zip(questions, codes, strict=False):
        if code == 0:
            continue
        if code == NA:
            answers[qid] = NOT_APPLICABLE
        elif code == UNKNOWN_CODE:
            answers[qid] = UNKNOWN
        elif code == NUMBER:
            if kind != "number":
                raise AnswerError("share link: damaged (a number for a choice)")
            answers[qid] = _tidy(reader.varint() / SCALE)
        elif kind == "choice" and code <= len(values):
            answers[qid] = values[code - 1]
        else:
            raise AnswerError("share link: damaged (an option that does not exist)")
    if len(codes) > len(questions) and any(codes[len(questions) :]):
        raise AnswerError("share link: damaged (answers)")
    document: dict[str, Any] = {"profile": profile, "answers": answers, "bank_version": version}
    if data[0] == FORMAT_NOTES:
        document.update(_read_extension(reader, bank, [q[0] for q in questions]))
    if not reader.done():
        raise AnswerError("share link: damaged (extra data)")
    return document


MAX_LINK_CHARS = 8192
"""Longer than any link this site makes (the browser refuses the same)."""


def read_link(text: str, bank: Bank, layouts: dict[str, Layout] | None = None) -> dict[str, Any]:
    """A share link as a document: a whole address, '#s=...' or 's=...', or an older '#answers=' link.

    '#answers=' links carried the document itself as base64url JSON; the browser
    still opens them, and so does the command line.
    """
    text = text.strip()
    if len(text) > MAX_LINK_CHARS:
        raise AnswerError("share link: too long to be a link this site makes")
    fragment = text.partition("#")[2] if "#" in text else text
    if fragment.startswith(PREFIX):
        return decode(fragment, bank, layouts)
    if fragment.startswith("answers="):
        encoded = fragment.removeprefix("answers=")
        try:
            raw = base64.b64decode(encoded + "=" * (-len(encoded) % 4), altchars=b"-_", validate=True)
            document = json.loads(raw.decode("utf-8"))
        except (binascii.Error, ValueError, RecursionError):
            raise AnswerError("share link: not correctly encoded") from None
        if not isinstance(document, dict):
            raise AnswerError("share link: not a link this site makes")
        return document
    raise AnswerError("not a share link of this site (expected '#s=...')")


def _read_extension(reader: _Reader, bank: Bank, question_ids: list[str]) -> dict[str, Any]:
    """Action states (by the hash of their id; an unknown one is set aside) and notes (by position)."""
    by_key = {action_key(a.id): a.id for a in bank.actions}
    actions: dict[str, str] = {}
    for _ in range(reader.count()):
        word = int.from_bytes(reader.take(4), "big")
        action_id = by_key.get(word & 0xFFFFFFFE)
        if action_id is not None:
            actions[action_id] = "done" if word & 1 else "in-progress"
    notes: dict[str, str] = {}
    for _ in range(reader.count()):
        position, size = reader.count(), reader.count()
        if position >= len(question_ids) or question_ids[position] in notes:
            raise AnswerError("share link: damaged (a note on a question that does not exist)")
        try:
            notes[question_ids[position]] = reader.take(size).decode("utf-8")
        except UnicodeDecodeError:
            raise AnswerError("share link: damaged (a note that is not text)") from None
    extension: dict[str, Any] = {}
    if actions:
        extension["actions"] = actions
    if notes:
        extension["notes"] = notes
    return extension


def _tidy(value: float) -> int | float:
    return int(value) if value == int(value) else value


class _Reader:
    def __init__(self, data: bytes, at: int) -> None:
        self.data, self.at = data, at

    def take(self, count: int) -> bytes:
        if self.at + count > len(self.data):
            raise AnswerError("share link: damaged (too short)")
        chunk = self.data[self.at : self.at + count]
        self.at += count
        return chunk

    def varint(self) -> int:
        value, shift = 0, 0
        while True:
            byte = self.take(1)[0]
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
            if shift > 63:
                raise AnswerError("share link: damaged (number too long)")
        return value // 2 if value % 2 == 0 else -(value + 1) // 2

    def count(self) -> int:
        """A varint that must be a count, a position or a length: never negative, never past the data."""
        value = self.varint()
        if not 0 <= value <= len(self.data):
            raise AnswerError("share link: damaged (a count out of range)")
        return value

    def done(self) -> bool:
        return self.at == len(self.data)
