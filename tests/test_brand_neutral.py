"""No test assumes it runs on upstream's brand: the suite passes in a consultant's fork as it does here.

A fork brands the site in brand/ and may put another language first, hide pages and change the bank, and
its own `scripts/test.sh` must still pass. So a test reads the brand being built (tests/brandsite.py: its
languages and their order, its hidden pages, its storage key) instead of naming upstream's. This guard
reads every test file but the fixtures allowed to know upstream (and the fixed example brand) and fails on:

- upstream's brand by name: its folder name, its names, short name and storage key (read from its brand.yml);
- upstream's order of languages: an address under a language's folder written out ("zh/...", "/zh/"), or a
  language told from a URL prefix (`if lang else`);
- upstream's page set: a page opened in the browser (`goto`) other than through `at()`, which skips the test
  when the brand hides the page, or a page of a built site read by its path instead of through `page_file()`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from sitekit import languages as site_languages
from sitekit.brand import UPSTREAM_BRAND, load_brand

TESTS = Path(__file__).resolve().parent
ALLOWED = {
    "brandsite.py": "reads the brand being built: it is where tests ask",
    "browser/helpers.py": "re-exports brandsite",
    "test_brand_neutral.py": "this guard",
}
"""Files that may name what the rules below forbid, and why."""


def upstream_names() -> list[str]:
    brand = load_brand(UPSTREAM_BRAND)
    return sorted({UPSTREAM_BRAND.name, *brand.name.values(), brand.short_name, brand.storage_key})


@cache
def rules() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """The rules, by where they apply: every line; lines of browser tests; lines that read the session's site."""
    codes = "|".join(site_languages.codes())
    names = "|".join(re.escape(name) for name in upstream_names())
    folder = ("writes out a language's folder", re.compile(rf"""(?:["'/]|\{{lang\}})(?:{codes})/"""))
    return {
        "everywhere": [("names upstream's brand", re.compile(names))],
        "browser": [
            folder,
            ("tells the language from a URL prefix", re.compile(r"\bif lang else\b")),
            ("opens a page without at()", re.compile(r"""\.goto\(\s*(?!.*\bat\()(?:f?["']|lang\b)""")),
        ],
        "site_dir": [
            folder,
            (
                "reads a built page by its path",
                re.compile(r"""site_dir\s*/\s*(?:prefix\b|f?["'](?!assets\b|sw\.js|manifest|search/))"""),
            ),
        ],
    }


def offences(source: str, browser: bool = False) -> list[str]:
    """Each line of `source` that breaks a rule, with the rule it breaks (the browser's rules too if `browser`)."""
    found = []
    for number, line in enumerate(source.splitlines(), 1):
        applying = rules()["everywhere"] + (rules()["browser"] if browser else [])
        applying += rules()["site_dir"] if "site_dir" in line else []
        found += [f"line {number} {what}: {line.strip()}" for what, pattern in applying if pattern.search(line)]
    return found


def test_no_test_names_upstreams_brand_its_order_of_languages_or_its_pages() -> None:
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        relative = path.relative_to(TESTS).as_posix()
        if relative not in ALLOWED:
            browser = relative.startswith("browser/")
            found += [f"tests/{relative}, {offence}" for offence in offences(path.read_text("utf-8"), browser)]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    "line",
    [
        'page.goto("assessment/")',
        'page.goto(lang + "assessment/")',
        'page.goto(f"{base}/assessment/")',
        'html = (site_dir / "zh/assessment/index.html").read_text("utf-8")',
        'html = (site_dir / prefix / "cases" / "index.html")',
        'assert (site_dir / "unit-economics/index.html").is_file()',
        'expect(page).to_have_url(re.compile(r"/zh/pillars/inquiry/$"))',
        '@pytest.mark.parametrize("lang", ["", "zh/"])',
        'expect(root).to_have_text("B. 投流" if lang else "B. Paid traffic")',
        'assert page.get_attribute("#assessment", "data-storage-key") == "rf-root-first"',
        'expect(header).to_contain_text("Root First")',
        'expect(header).to_contain_text("以产品为根")',
        'brand = load_brand(ROOT / "brands" / "root-first")',
    ],
)
def test_the_guard_finds_each_way_of_assuming_upstream(line: str) -> None:
    assert offences(line, browser=True), line


@pytest.mark.parametrize(
    "line",
    [
        'page.goto(at("assessment/"))',
        "page.goto(f\"{acme}/{at('assessment/', 'en', ACME)}\")",
        "page.goto(link)",
        'html = page_file(site_dir, "assessment/", lang).read_text("utf-8")',
        'assert (site_dir / "assets/pyodide/pyodide.asm.wasm").stat().st_size > 1_000_000',
        'expect(root).to_have_text("B. 投流" if lang == "zh" else "B. Paid traffic")',
        "brand = load_brand(UPSTREAM_BRAND)",
    ],
)
def test_the_guard_lets_the_brand_neutral_way_pass(line: str) -> None:
    assert offences(line, browser=True) == [], line
