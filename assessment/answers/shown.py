"""How a message quotes a value from a file or link that anyone can make: an id-like text, or what kind
of value it is, never a stranger's prose in the site's (or the terminal's) own voice."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

MAX_ID = 40
_ID = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*")


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
