"""Worked numbers on the method's pages: computed from each page's own inputs, checked at build time.

A page's figures file (sitekit/data/figures/<page>.toml) holds its inputs and formulas; the page
states only tokens, in both languages, so the arithmetic cannot be typed wrong, and the claims
the text makes about the figures ("every ad-driven order loses money") are held at every build.
Worked examples written out in code spans (`75,000 ÷ 500 = ¥150`) are worked out again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitepages import published

from sitekit.arithmetic import WorkedExampleError, check, problems
from sitekit.figures import FigureError
from sitekit.pagefigures import FOLDER, compute, figure_tokens, page_key
from sitekit.source_article import source_values

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
FILES = sorted(FOLDER.glob("*.toml"))
TOKEN = re.compile(r"\{rf:fig:([a-z0-9-]+)(?:\.[a-z]+)?\}")


def pages_of(figures_file: Path) -> list[str]:
    stem = figures_file.stem
    return [
        p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if page_key(p.relative_to(DOCS).as_posix()) == stem
    ]


def write(folder: Path, text: str, name: str = "demo.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, "utf-8")
    return folder


@pytest.mark.parametrize("figures_file", FILES, ids=lambda p: p.name)
def test_every_figures_file_belongs_to_a_page_in_both_languages(figures_file: Path) -> None:
    pages = pages_of(figures_file)
    assert len(pages) == 2, f"{figures_file.name}: pages {pages}"


@pytest.mark.parametrize("figures_file", FILES, ids=lambda p: p.name)
def test_both_languages_state_the_same_figures(figures_file: Path) -> None:
    used = {page: set(TOKEN.findall((DOCS / page).read_text("utf-8"))) for page in pages_of(figures_file)}
    english, chinese = (used[p] for p in sorted(used, key=lambda p: ".zh." in p))
    assert english == chinese, f"only in one language: {sorted(english ^ chinese)}"
    names = {
        name.replace("_", "-") for name in compute(__import__("tomllib").loads(figures_file.read_text("utf-8")), "")
    }
    assert english <= names


@pytest.mark.parametrize("source", ["pillars/traffic.md", "pillars/traffic.zh.md", "loop.md", "loop.zh.md"])
def test_the_published_page_states_no_token_and_its_claims_hold(source: str) -> None:
    text = published(source, "zh" if ".zh." in source else "en")
    assert "{rf:" not in text
    assert problems(text) == []


def test_the_snack_brands_add_up() -> None:
    """The paid-traffic page's two brands: Brand X pays back within the year but is far from LTV:CAC 3."""
    tokens = figure_tokens("pillars/traffic.md", "en")
    assert tokens["fig:gross-profit"] == "3.5 yuan"  # 9.9 × 35% = 3.465
    assert tokens["fig:x-orders"] == "2.5"  # 1 + 30% × 5
    assert tokens["fig:x-ltv"] == "8.7 yuan"  # 2.5 × 3.465 = 8.66
    assert tokens["fig:x-ltv-cac"] == "1.1"  # 8.66 ÷ 8
    assert tokens["fig:x-target-cac"] == "2.9 yuan"  # 8.66 ÷ 3
    assert tokens["fig:payback-orders"] == "2.3"  # 8 ÷ 3.465: paid back on the third order
    assert tokens["fig:y-month-loss"] == "17,000 yuan"  # 3,750 × (8 − 3.465)


def test_the_air_fryer_stops_losing_money_in_the_first_month() -> None:
    """The loop page's plan pauses the spend below break-even instead of holding a loss-making budget flat."""
    tokens = figure_tokens("loop.md", "en")
    assert tokens["fig:monthly-loss"] == "¥103,300"  # 200,000 − 924 × 299 × 35%
    assert tokens["fig:roas"] == "1.64" and tokens["fig:break-even-roas"] == "2.86"
    assert tokens["fig:kept-result"] == "¥2,300"  # 40,000 × 3.6 × 84% × 35% − 40,000
    en, zh = (published(page, lang) for page, lang in (("loop.md", "en"), ("loop.zh.md", "zh")))
    assert "Hold ad spend flat" not in en and "广告预算保持不变；" not in zh
    assert "¥103,300 a month" in en and "10.3 万元" in zh


def test_a_claim_that_no_longer_holds_stops_the_build(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        '[figures]\nroas = { value = 3.2, unit = "" }\nbreak_even = { formula = "100 / 35", unit = "", step = 0.01 }\n'
        '[[checks]]\nclaim = "roas < break_even"\nsays = "every order loses money"\n',
    )
    with pytest.raises(FigureError, match=r"every order loses money.*3.2 vs 2.857"):
        figure_tokens("demo.md", "en", folder)


def test_figures_are_worked_out_in_dependency_order_and_rounded_as_a_reader_rounds(tmp_path: Path) -> None:
    folder = write(
        tmp_path,
        '[figures]\nc = { formula = "b * 3", unit = "count", step = 1 }\n'
        'b = { formula = "a / 2", unit = "count", step = 1 }\na = { value = 91, unit = "count" }\n'
        'sum = { value = 103300, unit = "cny" }\n',
    )
    tokens = figure_tokens("demo.zh.md", "zh", folder)
    assert tokens["fig:b"] == "46" and tokens["fig:c"] == "137"  # 45.5 → 46; 136.5 → 137
    assert tokens["fig:sum"] == "¥103,300" and tokens["fig:sum.wan"] == "10.3" and tokens["fig:sum.n"] == "103,300"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            '[figures]\na = { formula = "b + 1", unit = "", step = 1 }\n'
            'b = { formula = "a + 1", unit = "", step = 1 }\n',
            "itself",
        ),
        ('[figures]\na = { formula = "nope + 1", unit = "", step = 1 }\n', "no figure named 'nope'"),
        ('[figures]\na = { value = 1, unit = "parsecs" }\n', "unknown unit 'parsecs'"),
        ('[figures]\na = { value = 1, unit = "" }\n[[checks]]\nclaim = "a"\n', "not a comparison"),
    ],
)
def test_a_figures_file_that_cannot_be_worked_out_is_one_clear_error(tmp_path: Path, text: str, error: str) -> None:
    with pytest.raises(FigureError, match=re.escape(error)):
        figure_tokens("demo.md", "en", write(tmp_path, text))


@pytest.mark.parametrize(
    ("markdown", "wrong"),
    [
        ("`CAC = 75,000 ÷ 500 = ¥150`", False),
        ("`1 ÷ 0.35 ≈ 2.86`", False),
        ("`CTR = 3,000 ÷ 200,000 = 1.5%`", False),
        ("`LTV = 300 × 2.4 × 0.40 = ¥288`", False),
        ("`valid share = 140 ÷ 400 = 35%`", False),
        ("`CAC = ad spend ÷ new customers`", False),  # a formula, not a worked example
        ("`ROAS = 3.0`", False),
        ("`1 ÷ 0.35 ≈ 2.9`", False),
        ("`1 ÷ 0.35 = 2.5`", True),
        ("`CAC = 75,000 ÷ 500 = ¥160`", True),
        ("`3,000 ÷ 200,000 = 15%`", True),
        ("`288 ÷ 150 = 1.6`", True),
    ],
)
def test_worked_examples_in_code_are_checked(markdown: str, wrong: bool) -> None:
    assert bool(problems(markdown)) is wrong
    if wrong:
        with pytest.raises(WorkedExampleError, match=r"docs/x\.md"):
            check(markdown, "docs/x.md")


def test_the_source_article_is_cited_by_title_author_and_date_on_the_about_and_loop_pages() -> None:
    for lang, suffix in (("en", ".md"), ("zh", ".zh.md")):
        citation = source_values(lang)["source-article"]
        assert "盟接之桥说制造" in citation and "盟接之桥" in citation
        assert ("9 October 2025" if lang == "en" else "2025 年 10 月 9 日") in citation
        for page in ("about", "loop"):
            assert citation in published(page + suffix, lang), page + suffix
