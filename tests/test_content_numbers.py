"""Every number the content states from the bank comes from the bank at build time.

A fork that raises the health threshold to 70 (with its levels) and changes
the root step must see 70 wherever a page states the threshold, examples that
still obey the rule, and the question count of its own bank. The case
studies, diagnosed with the method's default rules, state those, and say so.
Pages are rendered as the build renders them (Site.page_markdown), without a
site build.
"""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import pytest
from raised_threshold import LEVELS, THRESHOLD

from sitekit.brand import UPSTREAM_BRAND
from sitekit.navigation import read_nav
from sitekit.root_examples import ExampleError, root_example_values
from sitekit.site import Site, prepare
from sitekit.staging import language_of

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
TYPED = re.compile(r"[0-9]{2} ?/ ?100|below [0-9]{2}\b|低于 ?[0-9]{2}|健康线 ?[0-9]{2}")
NEAR_THRESHOLD = {
    "en": re.compile(r"(?:health threshold|threshold of|the line)\D{0,24}?(\d{2,3})\b", re.I),
    "zh": re.compile(r"健康线[^\d的，。]{0,6}?(?<!满分 )(\d{2,3})"),
}
OVERLAY = f"""\
health_threshold = {THRESHOLD}
hide = ["inquiry.live-qa"]

[scoring]
root_step = 10

{LEVELS}
"""
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))


@cache
def fork() -> Site:
    """Upstream's brand with an overlay that moves the threshold, the levels and the root step."""
    folder = Path(__import__("tempfile").mkdtemp()) / "brand"
    shutil.copytree(UPSTREAM_BRAND, folder)
    (folder / "questions.toml").write_text(OVERLAY, "utf-8")
    with (folder / "brand.yml").open("a", encoding="utf-8") as brand:
        brand.write("\nquestions: questions.toml\n")
    return prepare(ROOT, folder)


def rendered(source: str) -> str:
    site = fork()
    lang = language_of(source, ("en", "zh"))[1]
    return site.page_markdown(
        (site.staged.docs / source).read_text("utf-8"), source, lang, read_nav(ROOT / "mkdocs.yml")
    )


@pytest.mark.parametrize("source", PAGES)
def test_no_page_types_a_threshold(source: str) -> None:
    assert not TYPED.findall((DOCS / source).read_text("utf-8"))


@pytest.mark.parametrize("source", PAGES)
def test_every_threshold_a_page_states_is_the_sites_own(source: str) -> None:
    text, lang = rendered(source), language_of(source, ("en", "zh"))[1]
    stated = set(NEAR_THRESHOLD[lang].findall(text))
    if source.startswith("cases/"):
        # Diagnosed with the method's rules: a case states the method's threshold, and a note this site's.
        assert stated <= {"60", "70"}, stated
        if not source.startswith("cases/index."):
            note = text.split("{#diagnosis}")[1][:600]
            assert "!!! note" in note and "60" in note and "70" in note, "the case's note names both thresholds"
    else:
        assert stated <= {"70"}, f"{source} states {stated}"


def test_the_bank_numbers_follow_the_forks_bank() -> None:
    site = fork()
    assert site.bank.health_threshold == 70 and len(site.bank.questions) == len(site.method.questions) - 1
    assessment = rendered("assessment/index.md")
    assert f"({len(site.bank.dimensions)} questions)" in assessment
    reference = rendered("assessment/reference.md")
    assert (
        "**70** / 100" in reference and "| Solid | 70 – 88 |" in reference and "| Developing | 45 – 70 |" in reference
    )


def test_the_loop_pages_examples_are_worked_out_for_the_forks_rules() -> None:
    text = rendered("loop.md")
    assert "threshold of 70 and step of 10 points" in text
    assert "| 58 | 82 | 65 | 50 | **A Product**" in text  # t - 12, t + 12, t - 5, t - 20
    assert "Suppose Product is now 74." in text


def test_an_example_the_rule_would_contradict_stops_the_build(tmp_path: Path) -> None:
    examples = tmp_path / "root-examples.toml"
    examples.write_text(
        '[[rules]]\nscores = ["t + 5", "t - 1", "t - 3", "t - 40"]\nroot = "traffic"\nwhy = { en = "", zh = "" }\n'
        '[fryer]\nbefore = ["t - 1", "t", "t", "t"]\nbefore_root = "product"\n'
        'after = ["t", "t", "t - 1", "t"]\nafter_root = "inquiry"\n',
        "utf-8",
    )
    with pytest.raises(ExampleError, match=r"rules\[0\].*root 'closing'"):
        root_example_values(fork().bank, "en", examples)
