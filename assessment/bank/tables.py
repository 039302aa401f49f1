"""Read TOML tables strictly: every problem names the file, the item and the field.

Reading a key marks it as seen; `finish()` then rejects any key left over, so a
typo such as `guidence` is an error instead of a silently empty text.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BankError
from .files import NotRegularFile, read_limited
from .markup import html_found
from .model import ALWAYS, Condition, Text, TextList

_MISSING: Any = object()
_ITEM = re.compile(r"[a-z0-9][a-z0-9._-]{0,79}")


@dataclass(frozen=True)
class Context:
    """What every table of one bank is read against: its languages and profile dimensions."""

    languages: tuple[str, ...]
    dimensions: dict[str, tuple[str, ...]] = field(default_factory=dict)


class Table:
    """One TOML table being read, knowing how to name itself in an error."""

    def __init__(self, data: Any, file: str, item: str | None, path: str, context: Context) -> None:
        if not isinstance(data, dict):
            raise BankError(file, "expected a table", item, path or None)
        self.data: dict[str, Any] = data
        self.file = file
        self.item = item
        self.path = path
        self.context = context
        self.seen: set[str] = set()

    def field(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def error(self, key: str | None, message: str) -> BankError:
        return BankError(self.file, message, self.item, self.field(key) if key else (self.path or None))

    def has(self, key: str) -> bool:
        return key in self.data

    def raw(self, key: str, default: Any = _MISSING) -> Any:
        self.seen.add(key)
        if key in self.data:
            return self.data[key]
        if default is _MISSING:
            raise self.error(key, "is missing")
        return default

    def string(self, key: str, default: Any = _MISSING) -> str:
        value = self.raw(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.error(key, f"must be a non-empty string, got {_short(value)}")
        return value

    def integer(self, key: str, default: Any = _MISSING) -> int:
        value = self.raw(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"must be a whole number, got {_short(value)}")
        return value

    def number(self, key: str, default: Any = _MISSING, within: tuple[float, float] | None = None) -> float:
        value = self.raw(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise self.error(key, f"must be a finite number, got {_short(value)}")
        if within is not None and not within[0] <= value <= within[1]:
            raise self.error(key, f"must be between {within[0]:g} and {within[1]:g}, got {_short(value)}")
        return float(value)

    def numbers(self, key: str, within: tuple[float, float] | None = None) -> tuple[float, ...]:
        value = self.raw(key)
        if (
            not isinstance(value, list)
            or not value
            or any(isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) for v in value)
        ):
            raise self.error(key, "must be a non-empty list of finite numbers")
        if within is not None and not all(within[0] <= v <= within[1] for v in value):
            raise self.error(key, f"every number must be between {within[0]:g} and {within[1]:g}")
        return tuple(float(v) for v in value)

    def flag(self, key: str, default: Any = _MISSING) -> bool:
        value = self.raw(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, got {_short(value)}")
        return value

    def strings(self, key: str, default: Any = _MISSING) -> tuple[str, ...]:
        value = self.raw(key, default)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(key, "must be a list of non-empty strings")
        return tuple(value)

    def text(self, key: str, allow_empty: bool = False) -> Text:
        value = self.raw(key)
        if allow_empty:
            texts = self._by_language(key, value)
            if all(isinstance(v, str) and not v.strip() for v in texts.values()):
                return {lang: "" for lang in texts}
        return {lang: _nonempty(self, key, lang, v) for lang, v in self._by_language(key, value).items()}

    def optional_text(self, key: str) -> Text:
        return self.text(key) if key in self.data else {}

    def text_list(self, key: str) -> TextList:
        value = self.raw(key)
        result: TextList = {}
        for lang, items in self._by_language(key, value).items():
            if not isinstance(items, list) or not items:
                raise self.error(f"{key}.{lang}", "must be a non-empty list of strings")
            result[lang] = [_nonempty(self, key, lang, item) for item in items]
        if len({len(items) for items in result.values()}) > 1:
            raise self.error(key, "must have as many items in every language")
        return result

    def condition(self, key: str) -> Condition:
        """A profile condition such as `{ model = ["b2b-export"], repeat = ["often"] }`; absent = always."""
        value = self.raw(key, None)
        if value is None:
            return ALWAYS
        if not isinstance(value, dict) or not value:
            raise self.error(key, "must be a table of profile dimension = [values]")
        terms = []
        for dim, values in value.items():
            known = self.context.dimensions.get(dim)
            if known is None:
                choices = ", ".join(self.context.dimensions) or "none"
                raise self.error(f"{key}.{dim}", f"unknown profile dimension (one of: {choices})")
            if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
                raise self.error(f"{key}.{dim}", "must be a non-empty list of profile values")
            for v in values:
                if v not in known:
                    raise self.error(f"{key}.{dim}", f"unknown value {_short(v)} (one of: {', '.join(known)})")
            terms.append((dim, frozenset(values)))
        return Condition(tuple(sorted(terms, key=lambda t: t[0])))

    def _by_language(self, key: str, value: Any) -> dict[str, Any]:
        languages = self.context.languages
        if not isinstance(value, dict):
            raise self.error(key, f"must give a text per language ({', '.join(languages)})")
        for lang in value:
            if lang not in languages:
                raise self.error(f"{key}.{lang}", f"unknown language (the bank has {', '.join(languages)})")
        for lang in languages:
            if lang not in value:
                raise self.error(f"{key}.{lang}", "missing translation")
        return {lang: value[lang] for lang in languages}

    def tables(self, key: str, default: Any = _MISSING, item_key: str | None = "id") -> list[Table]:
        value = self.raw(key, default)
        if not isinstance(value, list):
            raise self.error(key, "must be an array of tables")
        tables = []
        for index, entry in enumerate(value):
            item = self.item
            name = entry.get(item_key) if item_key and isinstance(entry, dict) else None
            if isinstance(name, str) and _ITEM.fullmatch(name):  # a message names an item only by an id-like name
                item = f"{key[:-1] if key.endswith('s') else key} '{name}'"
            path = f"{key}[{index}]" if item == self.item else ""
            if item == self.item and self.path:
                path = f"{self.path}.{path}"
            tables.append(Table(entry, self.file, item, path, self.context))
        return tables

    def table(self, key: str) -> Table:
        return Table(self.raw(key), self.file, self.item, self.field(key), self.context)

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self.seen)
        if unknown:
            raise self.error(unknown[0], "unknown field")


def _nonempty(table: Table, key: str, lang: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise table.error(f"{key}.{lang}", "must be a non-empty string")
    tag = html_found(value)
    if tag is not None:
        raise table.error(
            f"{key}.{lang}",
            f"contains HTML ({tag!r}): texts are plain text; put code such as `<title>` between backticks",
        )
    return value  # kept as written: some texts start with a space on purpose (" (break-even ...)")


def _short(value: Any) -> str:
    """A value quoted in a message: at most 60 printable characters (numbers of any size included)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 50:
        return "a very large number"
    text = "".join(c if c.isprintable() else "?" for c in repr(value)[:200])
    return text if len(text) <= 60 else text[:57] + "..."


MAX_TOML_BYTES = 1024 * 1024
"""Far more than any bank file or overlay (the largest pillar file is about 60 KB)."""


def read_toml(path: Path, shown: str) -> dict[str, Any]:
    try:
        data = read_limited(path, MAX_TOML_BYTES)
    except FileNotFoundError:
        raise BankError(shown, "file not found") from None
    except NotRegularFile as exc:
        raise BankError(shown, str(exc)) from None
    except OSError as exc:
        raise BankError(shown, f"cannot be read ({exc.strerror})") from None
    if len(data) > MAX_TOML_BYTES:
        raise BankError(shown, f"is too large (more than {MAX_TOML_BYTES // 1024} KB)")
    try:
        return tomllib.loads(data.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise BankError(shown, f"is not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise BankError(shown, "is not UTF-8 text") from None
    except RecursionError:
        raise BankError(shown, "is not valid TOML: nested too deeply") from None


def shown_path(path: Path) -> str:
    """A path as people see it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
