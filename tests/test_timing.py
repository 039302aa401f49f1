"""The times the site states come from a reading model held to a measured walk (sitekit/data/timing.toml).

Reading at published rates plus minutes per figure looked up; the owner's timed walk (Chinese, on a
phone) fixed the minutes per figure. The walk is recorded with what its bank asked, so the model is held
to it whatever the bank has become, and the pages state the model's estimate for the bank being built.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitepages import published

from assessment import get_bank
from assessment.bank.quick import load_quick
from sitekit.timing import estimate, load, minutes, reading_units, stated, workload


def overlaps(span: tuple[int, int], measured: list[int]) -> bool:
    return span[0] <= measured[1] and measured[0] <= span[1]


@pytest.mark.parametrize("part", ["quick", "full"])
def test_the_model_agrees_with_the_measured_walk(part: str) -> None:
    walk = load()["measured"]
    timed = walk[part]
    span = estimate(timed["reading_units"], timed["figures"], walk["lang"])
    assert overlaps(span, timed["minutes"]), (part, span, timed["minutes"])


def test_the_pages_state_the_estimate_for_the_bank_being_built() -> None:
    bank = get_bank()
    assert minutes(bank, "zh") == estimate(*workload(bank, "zh"), "zh")
    assert minutes(bank, "zh")[1] >= minutes(bank, "zh", only=next(iter(load_quick(bank).sets.values())))[1]


def test_more_to_read_or_look_up_takes_longer(tmp_path: Path) -> None:
    bank = get_bank()
    settings = tmp_path / "timing.toml"
    text = (Path(__file__).resolve().parents[1] / "sitekit" / "data" / "timing.toml").read_text("utf-8")
    settings.write_text(text.replace("reading_rate.zh = 260", "reading_rate.zh = 130"), "utf-8")
    assert minutes(bank, "zh", settings)[1] > minutes(bank, "zh")[1]
    quick = next(iter(load_quick(bank).sets.values()))
    assert workload(bank, "zh", quick)[0] < workload(bank, "zh")[0]


def test_reading_units_count_characters_in_chinese_and_words_in_english() -> None:
    assert reading_units("最近 30 天的 ROAS", "zh") == 4 + 2  # 最近天的 + "30" + "ROAS"
    assert reading_units("Over the last 30 days", "en") == 5


@pytest.mark.parametrize(("span", "text"), [((35, 40), "35–40"), ((10, 10), "10")])
def test_a_range_is_stated_as_one_figure_when_its_ends_agree(span: tuple[int, int], text: str) -> None:
    assert stated(span) == text


@pytest.mark.parametrize(("source", "lang"), [("assessment/reference.md", "en"), ("assessment/reference.zh.md", "zh")])
def test_the_reference_page_documents_the_model_with_its_numbers(source: str, lang: str) -> None:
    text = published(source, lang, reference=False)
    section = text.split("{#timing}")[1].split("\n## ")[0]
    rate = load()["reading_rate"][lang]
    assert str(rate) in section and "Brysbaert" in section
    assert stated(minutes(get_bank(), lang)) in section
