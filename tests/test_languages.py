"""One language list, and any of its languages may be the default at the site's root.

The languages come from the bank (assessment/bank/settings.toml) and their
interface words from assessment/render/strings.json; a brand picks which to publish
and puts its default first. A Chinese-first brand gets Chinese at the root and
English under /en/, with its own search index, menus and assessment.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assessment.bank.loader import load_bank
from assessment.render.strings import languages as string_languages
from assessment.render.strings import strings
from sitekit import languages as site_languages
from sitekit.navigation import read_nav

ROOT = Path(__file__).resolve().parents[1]


def test_the_bank_and_the_interface_speak_the_same_languages() -> None:
    assert site_languages.codes() == load_bank().languages == string_languages()


@pytest.mark.parametrize("code", site_languages.codes())
def test_every_language_has_its_name_its_toggle_and_every_interface_string(code: str) -> None:
    language = site_languages.language(code)
    assert language.name and all(language.toggle)
    english = json.loads((ROOT / "assessment" / "render" / "strings.json").read_text("utf-8"))["en"]
    own = json.loads((ROOT / "assessment" / "render" / "strings.json").read_text("utf-8"))[code]
    assert set(english) - set(own) <= {k for k in english if k.startswith("nav.")}, "every string translated"
    assert strings(code, "report")["title"]


def titles(nav: list[Any]) -> set[str]:
    found = set()
    for item in nav:
        if isinstance(item, dict):
            title, value = next(iter(item.items()))
            found.add(title)
            if isinstance(value, list):
                found |= titles(value)
    return found


def test_navigation_titles_are_translated_for_every_english_title_in_mkdocs_yml() -> None:
    english = titles(read_nav(ROOT / "mkdocs.yml"))
    assert {"Home", "Case studies", "For consultants"} <= english
    for code in site_languages.codes():
        if code != "en":
            assert english <= set(site_languages.language(code).nav), code


@pytest.fixture(scope="module")
def chinese_first(fork_site: Path) -> Path:
    """The fork-shaped brand's site (tests/forkbrand.py): the example brand with `languages: [zh, en]`."""
    return fork_site


def test_chinese_first_puts_chinese_at_the_root_and_english_under_en(chinese_first: Path) -> None:
    home, english = (
        (chinese_first / "index.html").read_text("utf-8"),
        (chinese_first / "en/index.html").read_text("utf-8"),
    )
    assert '<html lang="zh"' in home and "<title>北风增长实验室</title>" in home
    assert '<html lang="en"' in english and "Northwind Growth Lab" in english
    assert not (chinese_first / "zh").exists()
    assert "首页" in home and ">Home<" not in home, "Chinese menus at the root"
    assert (chinese_first / "assessment/index.html").read_text("utf-8").count('id="rf-contract"') == 1
    assert (chinese_first / "en/assessment/index.html").is_file()


def test_chinese_first_searches_each_language_from_its_own_home(chinese_first: Path) -> None:
    root = json.loads((chinese_first / "search/search_index.json").read_text("utf-8"))["docs"]
    english = json.loads((chinese_first / "en/search/search_index.json").read_text("utf-8"))["docs"]
    assert root and english and not any(d["location"].startswith("en/") for d in root)
    assert '"base": "../../en/"' in (chinese_first / "en/loop/index.html").read_text("utf-8")
