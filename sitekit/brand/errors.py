"""A brand folder's problems: one line naming the file and the field, and how a message shows a path or a value."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class BrandError(Exception):
    """A brand folder problem, naming the file and the field."""

    def __init__(self, file: Path | str, field: str | None, message: str) -> None:
        self.file, self.field = str(file), field
        super().__init__(f"{file}{f', field {field!r}' if field else ''}: {message}")


def shown(path: Path) -> str:
    """A path as a message shows it: relative to the working folder where it can be."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def excerpt(value: Any) -> str:
    """A value quoted in a message: at most 40 printable characters of a text, or what kind of value it is."""
    if isinstance(value, str):
        text = "".join(c if c.isprintable() else "?" for c in value[:40])
        return repr(text + ("..." if len(value) > 40 else ""))
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else "another kind of value"
