"""One search index per language.

mkdocs-static-i18n stacks every language's pages into the root search index,
so an English query lists Chinese pages too. After the last language is built,
`split_index` splits that index: the default language keeps
search/search_index.json, each other language gets <lang>/search/search_index.json
with locations relative to its own home (the theme's "base" points there, see
theme.py), and with its own language's word separator and search pipeline: the
stacked index carries the default language's, and Chinese settings rank English
pages badly (a Chinese-first site found "inquiry" on its fifth result).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any


def find_index(site_dir: Path) -> Path:
    """The root search index, from the site folder or from a language's folder below it."""
    root = site_dir
    while not (root / "search" / "search_index.json").exists() and root != root.parent:
        root = root.parent  # site_dir still names the last language's folder
    return root / "search" / "search_index.json"


def split_index(path: Path, others: Iterable[str], settings: Mapping[str, Mapping[str, Any]] | None = None) -> None:
    """Give each language in `others` its own index under <code>/search/; the root keeps the default's pages.

    `settings` holds, per language, what its index's config takes instead of the default language's
    (the theme's separator and pipeline for that language).
    """
    root = path.parent.parent
    index = json.loads(path.read_text("utf-8"))
    others = list(others)
    for locale in others:
        prefix = f"{locale}/"
        mine = [
            dict(doc, location=doc["location"][len(prefix) :])
            for doc in index["docs"]
            if doc["location"].startswith(prefix)
        ]
        target = root / locale / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        config = {**index.get("config", {}), **(settings or {}).get(locale, {})}
        own = {**index, "config": config, "docs": mine}
        target.write_text(json.dumps(own, ensure_ascii=False, separators=(",", ":")), "utf-8")
    default_docs = [doc for doc in index["docs"] if not doc["location"].startswith(tuple(f"{o}/" for o in others))]
    path.write_text(json.dumps({**index, "docs": default_docs}, ensure_ascii=False, separators=(",", ":")), "utf-8")
