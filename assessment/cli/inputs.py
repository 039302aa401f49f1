"""What the command line reads: answers files (or stdin) without trusting what they are, and share links.

A bad input is an `InputError`, printed as one line naming the file and exit status 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..answers.document import MAX_FILE_BYTES, parse_document
from ..bank.files import NotRegularFile, read_limited
from ..errors import AssessmentError


class InputError(Exception):
    """A file given on the command line cannot be used; the message names it."""


def shown_name(path: str) -> str:
    """A file name as it can be printed anywhere: undecodable bytes as U+FFFD, control characters as '?'."""
    text = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(c if c.isprintable() else "?" for c in text)


def _read_bytes(path: str) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes of a regular file (or stdin); never blocks on a FIFO or reads a device."""
    name = "stdin" if path == "-" else shown_name(path)
    if path == "-":
        stream = sys.stdin
        if stream is None:
            raise InputError("stdin: closed, nothing to read")
        try:
            buffer = getattr(stream, "buffer", None)
            if buffer is not None:
                return bytes(buffer.read(MAX_FILE_BYTES + 1))
            return str(stream.read(MAX_FILE_BYTES + 1)).encode("utf-8", "surrogateescape")
        except (OSError, ValueError) as exc:
            raise InputError(f"stdin: cannot be read ({getattr(exc, 'strerror', None) or 'closed'})") from None
    try:
        return read_limited(path, MAX_FILE_BYTES)
    except NotRegularFile as exc:
        raise InputError(f"{name}: {exc}") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read file ({exc.strerror or 'error'})") from None


def _read_json(path: str) -> Any:
    try:
        return parse_document(_read_bytes(path))
    except AssessmentError as exc:
        raise InputError(f"{'stdin' if path == '-' else shown_name(path)}: {exc}") from None


LINK_MARKS = ("#s=", "#answers=")


def _is_link(argument: str) -> bool:
    """A share link (a whole address or its fragment), unless a file of that name exists."""
    looks = any(mark in argument for mark in LINK_MARKS) or argument.startswith(("s=", "answers="))
    return looks and not Path(argument).exists()
