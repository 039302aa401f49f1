"""Pages as the build publishes them, without a site build: staged with upstream's brand, tokens filled."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sitekit.brand import UPSTREAM_BRAND
from sitekit.navigation import read_nav
from sitekit.reference import MARKER
from sitekit.site import Site, prepare

ROOT = Path(__file__).resolve().parents[1]


@cache
def upstream_site() -> Site:
    return prepare(ROOT, UPSTREAM_BRAND)


def published(source: str, lang: str, reference: bool = True) -> str:
    """The Markdown of docs/<source> (e.g. 'cases/index.zh.md') as the upstream site publishes it in `lang`.

    `reference=False` leaves the generated scoring reference out (its marker stays).
    """
    site = upstream_site()
    text = (site.staged.docs / source).read_text("utf-8")
    if not reference:
        text = text.replace(MARKER, "<!-- the reference, generated -->")
    return site.page_markdown(text, source, lang, read_nav(ROOT / "mkdocs.yml"))
