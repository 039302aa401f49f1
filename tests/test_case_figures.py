"""Case figures add up: each derived figure follows from the figures the case states, and both pages state them.

A case's figures are in calibration/<case>.figures.toml. A derived figure is worked
out again here from the *stated* values of the figures its formula names (what a
reader checking the page would use) and must land within half of the step it is
stated to: CAC stated as "¥5,800" (step 100) may be ¥5,750-5,850 once worked out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitepages import published

from sitekit.content import case_values
from sitekit.figures import CALIBRATION, Figure, FigureError, evaluate, figures, load, plain, problems, recomputed

ROOT = Path(__file__).resolve().parents[1]
CASES = sorted(p.name.removesuffix(".md") for p in (ROOT / "docs" / "cases").glob("*.md") if ".zh." not in p.name)
# Cases whose before/after table is qualitative (a reading of public accounts): nothing to add up.
QUALITATIVE = {"early-xiaomi"}
WITH_FIGURES = [c for c in CASES if c not in {"index", *QUALITATIVE}]


def stated(slug: str) -> dict[str, Figure]:
    return figures(load(CALIBRATION / f"{slug}.figures.toml"))


def page(slug: str, lang: str) -> str:
    return published(f"cases/{slug}.md" if lang == "en" else f"cases/{slug}.zh.md", lang)


def spellings(figure: Figure, lang: str) -> list[str]:
    """How a page may write the number: grouped, or in 万 (Chinese) or millions (English) when large."""
    forms = [plain(figure)]
    if lang == "zh" and figure.value >= 10_000:
        forms.append(f"{figure.value / 10_000:g} 万")
    if lang == "en" and figure.value >= 1_000_000:
        forms.append(f"{figure.value / 1_000_000:g} million")
    return forms


def states(text: str, number: str, unit: str = "") -> bool:
    """The number stands alone on the page; a percentage carries its % (or opens a range that ends in %)."""
    after = r"(?:%|%?[-–]\d[\d.,]*%)" if unit == "percent" else r"(?![\d]|[.,]\d)"
    return re.search(rf"(?<![\d.,]){re.escape(number)}{after}", text) is not None


def test_every_case_with_figures_has_a_figures_file() -> None:
    assert WITH_FIGURES, "no case pages found"
    for slug in WITH_FIGURES:
        assert (CALIBRATION / f"{slug}.figures.toml").is_file(), slug


@pytest.mark.parametrize("slug", WITH_FIGURES)
def test_each_derived_figure_adds_up(slug: str) -> None:
    figs = stated(slug)
    derived = [f for f in figs.values() if f.formula]
    assert derived, f"{slug}: no derived figure to check"
    for figure in derived:
        assert figure.step, f"{slug}: {figure.name} needs the step it is stated to"
        worked = recomputed(figure, figs)
        assert abs(worked - figure.value) <= figure.step / 2 + 1e-9, (
            f"{slug}: {figure.name} = {figure.formula} = {worked:.4g}, but the page states {figure.value:g}"
        )
    assert problems(figs) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("slug", WITH_FIGURES)
def test_both_pages_state_every_figure(slug: str, lang: str) -> None:
    text = page(slug, lang)
    figs = stated(slug).values()
    missing = [f.name for f in figs if not any(states(text, s, f.unit) for s in spellings(f, lang))]
    assert missing == [], f"{slug} ({lang}) does not state {missing}"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("slug", WITH_FIGURES)
def test_the_before_after_table_is_rendered_from_the_data(slug: str, lang: str) -> None:
    source = (ROOT / "docs" / "cases" / (f"{slug}.md" if lang == "en" else f"{slug}.zh.md")).read_text("utf-8")
    assert "{rf:figures-table}" in source
    section = source.split("{#what-changed}")[1].split("\n## ")[0]
    assert not any(line.startswith("|") for line in section.splitlines()), "a typed table is left in What changed"
    rows = load(CALIBRATION / f"{slug}.figures.toml")["table"]["rows"]
    rendered = case_values(slug, lang)["figures-table"]
    for row in rows:
        line = next(line for line in rendered.splitlines() if line.startswith("| " + row["label"][lang]))
        assert plain(stated(slug)[row["before"]]) in line and plain(stated(slug)[row["after"]]) in line


def test_a_figure_that_does_not_add_up_is_reported() -> None:
    figs = {
        "spend": Figure("spend", 60000, "cny"),
        "buyers": Figure("buyers", 7, "count"),
        "cac": Figure("cac", 9000, "cny", "spend / buyers", 100),
    }
    assert problems(figs) == ["cac: spend / buyers = 8571, stated 9000"]


def test_formulas_allow_arithmetic_only() -> None:
    assert evaluate("100 * (a - b) / b", {"a": 3, "b": 2}) == 50
    for bad in ("__import__('os')", "a ** 2", "a.real", "missing + 1"):
        with pytest.raises(FigureError):
            evaluate(bad, {"a": 1})
