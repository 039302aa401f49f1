"""The build's side of the workshop's two views: which pages the assessment links to, and the words they use."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitepages import upstream_site

from assessment import get_bank
from assessment.render.export import workshop_texts
from sitekit.brand import UPSTREAM_BRAND
from sitekit.site import prepare

ROOT = Path(__file__).resolve().parents[1]


def test_the_assessment_links_the_team_view_and_the_comparison_as_published() -> None:
    assert upstream_site().workshop_links() == {
        "assessment": "assessment/",
        "team": "assessment/team/",
        "compare": "assessment/compare/",
    }


def test_a_brand_that_hides_the_team_view_leaves_no_link_to_it(tmp_path: Path) -> None:
    folder = tmp_path / "brand"
    shutil.copytree(UPSTREAM_BRAND, folder)
    with (folder / "brand.yml").open("a", encoding="utf-8") as brand:
        brand.write("\nhide: [assessment/team.md]\n")
    site = prepare(ROOT, folder)
    try:
        assert site.workshop_links() == {"assessment": "assessment/", "team": None, "compare": "assessment/compare/"}
    finally:
        site.close()


@pytest.mark.parametrize("lang", get_bank().languages)
def test_the_views_say_what_merge_and_compare_print(lang: str) -> None:
    """The team view and the comparison take the report's texts from the bank, as the terminal reports do."""
    bank = get_bank()
    texts = workshop_texts(bank, lang)
    for key, text in bank.texts.items():
        if key.startswith(("team_", "compare_")) or key in ("link_n", "colon", "aside"):
            assert texts[key] == text[lang]
    assert not any(key.startswith("report_") for key in texts)
    assert texts["list_separator"] == bank.messages["list_separator"][lang]
