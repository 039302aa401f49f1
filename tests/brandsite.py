"""The brand being built, as tests of its site need it: which languages, in which order, and which pages.

The session builds upstream's brand, or a fork's own (brand/ or $BRAND_DIR). A test that opens or reads a
page asks here for its address instead of assuming upstream's site (English at the root, Chinese under
/zh/, every page published): the brand's first language is at the root and each other one under
/<code>/, and a page the brand hides skips the test that needs it, saying so. tests/test_brand_neutral.py
fails on a test that names upstream's brand, its order of languages or its pages any other way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit import languages as site_languages
from sitekit.brand import Brand, load_brand, pages_for_url

BRAND = load_brand()
"""The brand the session builds."""
LANGUAGES = site_languages.codes()
"""Every language the method is written in (the bank's list): tests run per language and skip one the brand leaves
out."""
STORAGE_KEY = BRAND.storage_key
"""Where the built brand's assessment saves answers."""


def published(url: str, brand: Brand = BRAND) -> bool:
    """Whether the brand publishes the page at `url` (a site-relative URL of upstream's, such as 'unit-economics/')."""
    return not any(page in brand.hide for page in pages_for_url(url))


def prefix(lang: str, brand: Brand = BRAND) -> str:
    """Where `lang` is in the brand's site: at the root for its first language, under '<code>/' for the others."""
    return "" if lang == brand.languages[0] else f"{lang}/"


def at(url: str = "", lang: str = "en", brand: Brand = BRAND) -> str:
    """The site-relative address of upstream's page `url` in `lang`, as the brand publishes it.

    Skips the test, saying why, when the brand hides the page or does not publish the language.
    """
    if lang not in brand.languages:
        pytest.skip(f"the brand does not publish {lang} (languages: {', '.join(brand.languages)})")
    if not published(url, brand):
        pytest.skip(f"the brand hides {url or 'the home page'} (hide: {', '.join(brand.hide)})")
    return prefix(lang, brand) + url


def page_file(site: Path, url: str = "", lang: str = "en", brand: Brand = BRAND) -> Path:
    """The HTML file of upstream's page `url` in `lang` in a built site (skips as `at` does)."""
    path, _, _ = at(url, lang, brand).partition("#")
    return site / path / "index.html"
