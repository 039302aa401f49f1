"""Compact share links: a whole assessment in about a hundred characters.

`#s=` + base64url of bytes:

    byte 0       format (1)
    bytes 1-4    the bank version the answers were given to (its 8 hex digits)
    profile      per dimension in bank order: one byte (option index + 1, 0 = not given),
                 or for a dimension with several choices a bit mask, one bit per option
    answers      per question in bank order, two per byte (high nibble first):
                 0 unanswered, 1-12 option index + 1, 13 "na", 14 "unknown", 15 a number
    numbers      for each question coded 15, in order: the value in its base unit times
                 1,000,000, rounded, as a zig-zag varint

Positions only mean something against the layout of the bank that made the link,
so `bank/layouts.json` keeps the layout of every released bank version: a link
made with an earlier bank is decoded with its own layout, and its answers then go
through the usual migration (retired ids carried over or set aside). The browser
implements the same format (overrides/assets/javascripts/assessment/sharelink.js);
one table of cases (tests/cases/share-links.json) runs against both.
"""

from __future__ import annotations

import base64
import binascii
import json
from pathlib import Path
from typing import Any

from .errors import AnswerError
from .model import NOT_APPLICABLE, UNKNOWN, Bank

FORMAT = 1
PREFIX = "s="
LAYOUTS = Path(__file__).parent / "bank" / "layouts.json"
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


def encode(bank: Bank, profile: dict[str, tuple[str, ...]], answers: dict[str, Any]) -> str:
    """The fragment (without '#') for checked profile and answers of this bank."""
    data = bytearray([FORMAT])
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
    return PREFIX + base64.urlsafe_b64encode(bytes(data)).decode().rstrip("=")


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
    if len(data) < 5 or data[0] != FORMAT:
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
    if not reader.done():
        raise AnswerError("share link: damaged (extra data)")
    return {"profile": profile, "answers": answers, "bank_version": version}


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

    def done(self) -> bool:
        return self.at == len(self.data)
