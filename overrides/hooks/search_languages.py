"""MkDocs hook: one search index per language.

mkdocs-static-i18n stacks every language's pages into the root search index,
so an English query lists Chinese pages too. After the last language is built,
this splits that index: the default language keeps search/search_index.json,
each other language gets <lang>/search/search_index.json with locations
relative to its own home (the theme's "base" points there, see main.html).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(-150)  # after the i18n plugin has built every language and rebuilt the index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # no i18n, or an inner per-language build: the index is not final yet
    root = Path(config.site_dir)
    while not (root / "search" / "search_index.json").exists() and root != root.parent:
        root = root.parent  # site_dir still names the last language's folder
    path = root / "search" / "search_index.json"
    index = json.loads(path.read_text("utf-8"))
    others = [lang.locale for lang in i18n.config.languages if not lang.default and lang.build]
    for locale in others:
        prefix = f"{locale}/"
        mine = [
            dict(doc, location=doc["location"][len(prefix) :])
            for doc in index["docs"]
            if doc["location"].startswith(prefix)
        ]
        target = root / locale / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, "docs": mine}, ensure_ascii=False, separators=(",", ":")), "utf-8")
    default_docs = [doc for doc in index["docs"] if not doc["location"].startswith(tuple(f"{o}/" for o in others))]
    path.write_text(json.dumps({**index, "docs": default_docs}, ensure_ascii=False, separators=(",", ":")), "utf-8")
