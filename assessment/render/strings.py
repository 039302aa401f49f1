"""The interface's words in every language, from one file: strings.json.

One home for what the engine and the site say around the bank's own texts: the
terminal report (`report.*`), the assessment page (keys without a section),
the navigation (`nav.<English title>`), the theme's palette toggle (`theme.*`),
each language's own name (`language.name`) and the credit for the method
(`credit`). A language missing a key falls back to English.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

STRINGS = Path(__file__).parent / "strings.json"


@cache
def _all(path: Path = STRINGS) -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(path.read_text("utf-8"))
    return data


def languages() -> tuple[str, ...]:
    """The languages the interface is written in (the bank's settings.toml names the same; a test holds them equal)."""
    return tuple(_all())


def strings(lang: str, section: str | None = None) -> dict[str, str]:
    """One language's strings: those of `section` without its prefix, or, with no section, the page's own."""
    everything = _all()
    merged = {**everything["en"], **everything.get(lang, {})}
    if section is None:
        return {key: value for key, value in merged.items() if "." not in key}
    prefix = section + "."
    return {key[len(prefix) :]: value for key, value in merged.items() if key.startswith(prefix)}
