"""A page a brand hides leaves no broken link behind: a passage about it goes (`rf:if-page`), and an inline link
to it keeps its words and loses the link (sitekit.content.unlink_hidden), in every language's page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitekit.content import unlink_hidden

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize(
    ("source", "markdown", "expected"),
    [
        (
            "channels/b2b-platforms.zh.md",
            "[计算器](../unit-economics.md#b2b)演示了算法",
            "计算器演示了算法",
        ),
        ("metrics.md", "see the [calculator](unit-economics.md#calculator).", "see the calculator."),
        ("metrics.md", "see [ROAS](metrics.md#roas) and [LTV](#ltv)", "see [ROAS](metrics.md#roas) and [LTV](#ltv)"),
        ("pillars/traffic.md", "![chart](../unit-economics.md)", "![chart](../unit-economics.md)"),
        (
            "pillars/traffic.md",
            "[a page of the same name](unit-economics.md)",
            "[a page of the same name](unit-economics.md)",
        ),
    ],
)
def test_a_link_to_a_hidden_page_keeps_its_words(source: str, markdown: str, expected: str) -> None:
    assert unlink_hidden(markdown, source, {"unit-economics.md"}) == expected


def test_nothing_changes_when_the_brand_hides_nothing() -> None:
    text = "the [calculator](../unit-economics.md#calculator)"
    assert unlink_hidden(text, "pillars/traffic.md", ()) == text


def test_every_page_linking_to_the_calculator_reads_without_it() -> None:
    """The calculator is the page a fork hides most often (tests/forkbrand.py): no link to it survives its hiding."""
    for page in sorted(DOCS.rglob("*.md")):
        source = page.relative_to(DOCS).as_posix()
        if source.startswith("unit-economics"):
            continue
        left = unlink_hidden(page.read_text("utf-8"), source, {"unit-economics.md"})
        assert not re.search(r"\]\([^)]*unit-economics\.md", left), source
