"""The navigation, as the plain data mkdocs.yml (and Zensical, which reads the same file) declares it.

`nav` is a list whose items are a page ("about.md"), a titled page
({"About": "about.md"}) or a titled section ({"Case studies": [...]}). Titles
are English; each language's titles come from assessment/render/strings.json
(`nav.<English title>`) and from the brand's own entries.
"""

from __future__ import annotations

import copy
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from .brand import NavEntry

Nav = list[Any]


class _Tolerant(yaml.SafeLoader):  # type: ignore[misc]
    """Reads mkdocs.yml without running its Python tags (e.g. !!python/name: for emoji) or reading the
    environment (!ENV), which `nav` never uses."""


_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Tolerant.add_constructor("!ENV", lambda loader, node: None)


def read_nav(config: Path) -> Nav:
    """The `nav` of a generator's configuration file (mkdocs.yml), as plain data."""
    data = yaml.load(config.read_text("utf-8"), Loader=_Tolerant)
    nav: Nav = data.get("nav", []) if isinstance(data, dict) else []
    return nav


def pages_of(nav: Nav) -> list[str]:
    """Every page the navigation names, in order."""
    found: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            found += pages_of(value)
        elif isinstance(value, str):
            found.append(value)
    return found


def section(nav: Nav, title: str) -> Nav | None:
    """The items of the section titled `title` (at any depth), or None."""
    for item in nav:
        if isinstance(item, dict):
            value = next(iter(item.values()))
            if next(iter(item)) == title and isinstance(value, list):
                return value
            if isinstance(value, list) and (found := section(value, title)) is not None:
                return found
    return None


def without(nav: Nav, hidden: Collection[str]) -> Nav:
    """The navigation without the hidden pages; a section left empty goes too."""
    kept: Nav = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            inner = without(value, hidden)
            if inner:
                kept.append({next(iter(item)): inner})
        elif value not in hidden:
            kept.append(item)
    return kept


def entry_key(entry: NavEntry) -> str:
    """The title a brand entry is listed under in mkdocs.yml terms: English where given, as upstream's are."""
    return entry.title.get("en") or next(iter(entry.title.values()))


def with_entries(nav: Nav, entries: Collection[NavEntry]) -> Nav:
    """The navigation with the brand's pages added inside their named section, or at the end."""
    result = copy.deepcopy(nav)
    for entry in entries:
        item = {entry_key(entry): entry.file}
        target = section(result, entry.section) if entry.section else None
        (target if target is not None else result).append(item)
    return result


def translations(lang: str, upstream: dict[str, str], entries: Collection[NavEntry]) -> dict[str, str]:
    """English title -> title in `lang`, for upstream's sections and pages and the brand's entries."""
    titles = dict(upstream)
    for entry in entries:
        if lang in entry.title and entry.title[lang] != entry_key(entry):
            titles[entry_key(entry)] = entry.title[lang]
    return titles
