"""The URLs a brand may give: addresses (https, mailto, tel) and pages of this site, checked before a build."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .. import languages as site_languages

ROOT = Path(__file__).resolve().parents[2]
URL_SCHEMES = ("mailto:", "tel:", "https://", "http://")
# Characters no brand URL needs and an attribute or a path trick does: white space, quotes, angle
# brackets, backslashes (browsers read "/\\host" as "//host"), backticks, control characters.
URL_FORBIDDEN = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")
HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$")
MAILTO = re.compile(r"^mailto:[a-z0-9.!#$%&*+/=?^_{|}~-]+@[a-z0-9.-]+(?:\?[a-z0-9=&%._~+-]*)?$", re.I)
TEL = re.compile(r"^tel:\+?[0-9][0-9().-]*$", re.I)
SITE_PAGE = re.compile(r"^(?:[a-z0-9_~-][a-z0-9._~-]*/)*(?:[a-z0-9_~-][a-z0-9._~-]*)?(?:#[a-z0-9_-]+)?$", re.I)


def url_problem(url: Any, site_pages: bool = True) -> str | None:
    """Why a URL from the brand file is refused, or None.

    Allowed: https:// and http:// with a host name (no user name), mailto: with an
    address, tel: with a number, and (where `site_pages`) a page of this site as a
    relative path such as 'assessment/'. Refused: every other scheme, scheme-relative
    '//host' and '/\\host' forms, '..' and a leading '/', and any character an
    attribute or a path trick needs (quotes, angle brackets, backslashes, spaces).
    """
    if not isinstance(url, str) or not url:
        return "must be a non-empty text"
    if URL_FORBIDDEN.search(url):
        return "may not contain spaces, quotes, angle brackets, backslashes, backticks or control characters"
    if url.startswith("/"):
        return "a page of this site is written without a leading '/' (e.g. 'assessment/'); '//' leads off the site"
    lowered = url.lower()
    if lowered.startswith(("https://", "http://")):
        parts = urlsplit(url)
        try:
            parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
        except ValueError:
            return "has a port that is not a number"
        if "@" in parts.netloc or not parts.hostname or not HOST.match(parts.hostname):
            return "must name a host, like https://example.com/ (and no user name)"
        return None
    if lowered.startswith("mailto:"):
        return None if MAILTO.match(url) else "must be mailto: and an address, like mailto:hello@example.com"
    if lowered.startswith("tel:"):
        return None if TEL.match(url) else "must be tel: and a number, like tel:+86-10-5555-0100"
    if site_pages and SITE_PAGE.match(url):
        return None
    allowed = ", ".join(URL_SCHEMES) + (" or a page of this site (e.g. 'assessment/')" if site_pages else "")
    return f"must start with {allowed}"


def upstream_pages(docs: Path = ROOT / "docs") -> frozenset[str]:
    """Upstream's pages as a brand names them: docs/ paths of the English files (page.md, not page.zh.md)."""
    codes = site_languages.codes()
    found = set()
    for page in docs.rglob("*.md"):
        relative = page.relative_to(docs).as_posix()
        parts = relative.split(".")
        if len(parts) >= 3 and parts[-2] in codes:
            relative = ".".join(parts[:-2]) + ".md"
        found.add(relative)
    return frozenset(found)


def pages_for_url(url: str) -> tuple[str, ...]:
    """The page files a site-relative URL such as 'assessment/' or 'about/#licence' can be built from."""
    path = url.split("#", 1)[0].split("?", 1)[0].strip("/")
    if not path:
        return ("index.md",)
    return (f"{path}.md", f"{path}/index.md")


def contact_url_problem(url: Any, published: Collection[str]) -> str | None:
    """Why a contact URL would break the call-to-action, or None.

    It must be an address (mailto:, tel:, http(s)://) or a page this site
    publishes, written as its URL ('assessment/', 'about/#licence'): anything
    else ('hello@example.com', 'www.example.com', text) would become a link to
    a page that does not exist, on every page of the site.
    """
    problem = url_problem(url)
    if problem or str(url).lower().startswith(URL_SCHEMES):
        return problem
    if any(page in published for page in pages_for_url(str(url))):
        return None
    return (
        f"is neither an address ({', '.join(URL_SCHEMES)}) nor a page of this site "
        "(a page is written as its address, e.g. 'assessment/')"
    )
