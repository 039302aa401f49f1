"""The registry of published sources a threshold may cite (bank/sources.toml).

A threshold either cites a published source (a platform rule, an official help page,
a report or study with its sample) by id, or says in its own `source` text that it is
this site's default, with its reasoning. The registry is read where it is needed (the
bank's checks and the reference page), not carried in the bank the browser loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .model import Text
from .tables import Context, Table, read_toml, shown_path

SOURCES = Path(__file__).parent / "sources.toml"
KINDS = ("platform-rule", "official-help", "official-announcement", "report", "survey", "study")


@dataclass(frozen=True)
class Source:
    id: str
    kind: str
    publisher: Text
    title: str
    url: str
    published: str  # as the page states it: "2024-06-01", "2024", or "" when it states none
    accessed: str
    states: Text  # what it establishes, in this project's words
    applies_to: tuple[str, ...]
    topics: tuple[str, ...]


DATE = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")


def _date(entry: Table) -> str:
    value = entry.raw("published")
    if not isinstance(value, str) or not DATE.match(value):
        raise entry.error(
            "published", 'must be a date such as "2024-06-01", "2024-06" or "2024", or "" when none is given'
        )
    return value


def load_sources(languages: tuple[str, ...], path: Path = SOURCES) -> dict[str, Source]:
    """Every source by id; `BankError` naming the file, the source and the field for anything malformed."""
    shown = shown_path(path)
    if not path.is_file():
        return {}
    table = Table(read_toml(path, shown), shown, None, "", Context(languages))
    found: dict[str, Source] = {}
    for entry in table.tables("sources"):
        source = Source(
            id=entry.string("id"),
            kind=entry.string("kind"),
            publisher=entry.text("publisher"),
            title=entry.string("title"),
            url=entry.string("url"),
            published=_date(entry),
            accessed=entry.string("accessed"),
            states=entry.text("states"),
            applies_to=entry.strings("applies_to"),
            topics=entry.strings("topics"),
        )
        if source.kind not in KINDS:
            raise entry.error("kind", f"must be one of {', '.join(KINDS)}")
        if not source.url.startswith("https://") and not source.url.startswith("http://"):
            raise entry.error("url", "must be a web address")
        if source.id in found:
            raise entry.error("id", "duplicate source id")
        entry.finish()
        found[source.id] = source
    table.finish()
    return found
