"""The MkDocs events that must run after every other plugin: the CSP on the final HTML, the search split.

A second hook file because MkDocs calls one function per event and hook file;
both files share the build's `Site` through sitekit.adapters.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

import sitekit.adapters as state  # noqa: E402
from sitekit import csp, search_index  # noqa: E402


@event_priority(-200)  # last, so the hashes match the HTML as it is written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return csp.add_policy(output)


@event_priority(-150)  # after mkdocs-static-i18n has built every language and rebuilt the index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # an inner per-language build: the index is not final yet
    site = state.site()
    others = [lang for lang in site.languages if lang != site.brand.default_language]
    search_index.split_index(search_index.find_index(Path(config.site_dir)), others)
