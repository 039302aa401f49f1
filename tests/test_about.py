"""Fidelity to the source article and a contact that leads somewhere (issue 22, items 6 and 7).

The author is described only as the source describes it (a name that signs the article), the
article is cited by title, author and date, and its closing slogan is not paraphrased. Upstream's
call to action leads to how to reach the project, not back to the assessment.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitepages import published

from sitekit.brand import UPSTREAM_BRAND, load_brand

ROOT = Path(__file__).resolve().parents[1]
BEYOND_THE_SOURCE = ["consultancy", "consulting firm", "咨询机构", "咨询公司"]
SLOGAN = ["更安全、更简单", "更安心、更省事", "more safely, more simply", "安全、简单、有底气"]


@pytest.mark.parametrize("page", sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")))
def test_no_page_says_more_about_the_author_than_the_source_does(page: str) -> None:
    text = (ROOT / "docs" / page).read_text("utf-8")
    near_author = [text[max(0, i - 80) : i + 80] for i in range(len(text)) if text.startswith("盟接之桥", i)]
    assert not any(word in snippet for snippet in near_author for word in BEYOND_THE_SOURCE), page
    assert not any(phrase in text for phrase in SLOGAN), page


@pytest.mark.parametrize(("source", "lang"), [("about.md", "en"), ("about.zh.md", "zh")])
def test_the_about_page_offers_a_way_to_ask_report_and_get_help(source: str, lang: str) -> None:
    text = published(source, lang)
    help_section = text.split("{#help}")[1].split("\n## ")[0]
    assert ("issue" in help_section) and ("assessment/index.md" in help_section)


def test_upstreams_contact_leads_to_how_to_reach_the_project() -> None:
    brand = load_brand(UPSTREAM_BRAND)
    assert brand.contact is not None and brand.contact.url == "about/#help"
    assert "assessment" not in brand.contact.label["en"].lower()
