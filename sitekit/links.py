"""Read a built site from disk: pages, the links and resources they reference, their element ids.

`broken_links` is the link check that runs before a site is published
(scripts/check_links.py, the Pages workflow) and in the tests: every internal
link and anchor, in every language, must resolve to a file and an id.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes through which a page makes the browser fetch something.
RESOURCE_ATTRIBUTES = {
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("use", "href"),
    ("image", "href"),
}
FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon", "prefetch"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


@dataclass
class Page:
    path: Path
    url: str  # site-relative, e.g. "zh/pillars/product/"
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    inline_css: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name"):
            if values.get(name) and (name == "id" or tag == "a"):
                self.page.ids.add(values[name])
        if tag == "a" and "href" in values:
            self.page.links.append(values["href"])
        if tag == "link" and set(values.get("rel", "").lower().split()) & FETCHING_LINK_RELS:
            self.page.resources.append(values.get("href", ""))
        for element, attribute in RESOURCE_ATTRIBUTES:
            if tag == element and values.get(attribute):
                self.page.resources += [part.split()[0] for part in values[attribute].split(",") if part.strip()]
        if "style" in values:
            self.page.inline_css.append(values["style"])
        self.in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.in_style = False

    def handle_data(self, data: str) -> None:
        if self.in_style:
            self.page.inline_css.append(data)


def read_pages(site: Path) -> dict[str, Page]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        url = relative.removesuffix("index.html")
        page = Page(path, url)
        _Parser(page).feed(path.read_text("utf-8"))
        pages[url] = page
    return pages


def is_external(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") or url.startswith("//")


def resolve(site: Path, page: Page, href: str, base: str = "/") -> tuple[Path, str] | None:
    """The file an internal link points at and its fragment; None for external or non-page links.

    `base` is the path the site is served under (the path of its site_url, e.g. '/diagnosis/'):
    a link such as '/diagnosis/zh/' (the language switcher writes them) is a page of this site.
    """
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return None
    here = "https://site.invalid" + base + page.url
    target = urljoin(here, parts.path) if parts.path else here
    path = unquote(urlsplit(target).path)
    path = path[len(base) :] if path.startswith(base) else "../" + path.lstrip("/")  # outside the site: never a file
    file = site / path
    if file.is_dir() or path == "" or path.endswith("/"):
        file = file / "index.html"
    return file, unquote(parts.fragment)


def css_urls(text: str) -> list[str]:
    return [u.strip() for u in CSS_URL.findall(text) if not u.strip().startswith("data:")]


SHARE_STATE = ("s=", "answers=")
"""Fragments the assessment page reads answers from (assessment/answers/sharelink.py), not anchors."""


def broken_links(site: Path, base: str = "/") -> tuple[int, list[str]]:
    """(links checked, the broken ones as 'page: href (why)') for every internal link of a built site.

    `base`: the path the site is served under (see `resolve`).
    """
    pages = read_pages(site)
    by_file = {page.path.resolve(): page for page in pages.values()}
    broken = []
    checked = 0
    for page in pages.values():
        for href in page.links:
            target = resolve(site, page, href, base)
            if target is None:
                continue
            file, fragment = target
            checked += 1
            if not file.resolve().is_relative_to(site.resolve()) or not file.exists():
                broken.append(f"{page.url}: {href} (no {os.path.relpath(file, site)})")
            elif fragment.startswith(SHARE_STATE):
                # a case study's "run this case" link: the fragment is answers for the assessment, not an anchor
                if file.parent.name != "assessment":
                    broken.append(f"{page.url}: {href} (answers for a page that is not the assessment)")
            elif fragment and file.suffix == ".html" and fragment not in by_file[file.resolve()].ids:
                broken.append(f"{page.url}: {href} (no #{fragment})")
    return checked, broken


def served_under(site_url: str | None) -> str:
    """The path a site is served under: '/diagnosis/' for https://example.com/diagnosis/, else '/'."""
    path = urlsplit(site_url).path if site_url else "/"
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"
