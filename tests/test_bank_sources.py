"""Every number the bank judges by has a source: a published one it cites, or this site's default with its
reasoning. The check runs in the test command over the bank the site is built with (upstream's)."""

from __future__ import annotations

import dataclasses

import pytest

from assessment import get_bank
from sitekit.sourcing import states_a_threshold, unsourced


def test_no_number_bearing_text_of_the_bank_has_an_empty_source() -> None:
    missing = unsourced(get_bank())
    assert missing == [], "\n".join(missing)


def test_an_empty_source_on_a_scale_or_a_threshold_option_is_reported() -> None:
    bank = get_bank()
    number = next(q for q in bank.questions if q.kind == "number" and q.scales)
    bare_scale = dataclasses.replace(number.scales[0], source={"en": "", "zh": "  "})
    broken = dataclasses.replace(number, scales=(bare_scale, *number.scales[1:]))
    choice = next(q for q in bank.questions if q.kind == "choice" and q.role == "outcome" and states_a_threshold(q))
    silent = dataclasses.replace(choice, source={"en": "Because we say so.", "zh": ""})
    questions = tuple(broken if q is number else silent if q is choice else q for q in bank.questions)
    found = unsourced(dataclasses.replace(bank, questions=questions))
    assert f"{number.id}, scale 1: no source in en, zh" in found
    assert any(line.startswith(f"{choice.id}: ") and line.endswith("no source in zh") for line in found)


@pytest.mark.parametrize(
    ("label", "threshold"),
    [
        ("Most cases closed within 48 hours", True),
        ("We track transit damage (under 1% of orders)", True),
        ("98%+ on time", True),
        ("Well below: under about 70% of the benchmark", True),
        ("We have a rough picture (e.g. 'office workers, 25-35')", False),
        ("names the 2-3 alternatives they compare us with", False),
        ("B2B buyers are offered samples", False),
    ],
)
def test_what_counts_as_a_stated_threshold(label: str, threshold: bool) -> None:
    bank = get_bank()
    choice = next(q for q in bank.questions if q.kind == "choice")
    option = dataclasses.replace(choice.options[0], label={"en": label, "zh": label})
    assert states_a_threshold(dataclasses.replace(choice, options=(option,))) is threshold


CASE_STUDY = ("cases/", "case study", "case studies", "our case", "本站案例", "案例研究", "我们的案例")


def leans_on_a_case_study(text: str) -> bool:
    return any(phrase in text.lower() for phrase in CASE_STUDY)


def test_no_threshold_is_justified_by_one_of_this_sites_own_case_studies() -> None:
    bank = get_bank()
    texts = [(q.id, q.source) for q in bank.questions] + [
        (f"{q.id}, scale {i + 1}", s.source) for q in bank.questions for i, s in enumerate(q.scales)
    ]
    found = [
        f"{where} ({lang})" for where, source in texts for lang, text in source.items() if leans_on_a_case_study(text)
    ]
    assert found == []


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("As the short-video FMCG case study shows, 30% is healthy.", True),
        ("See cases/factory-inquiries.md: under 2% is failing.", True),
        ("本站案例显示，30% 以上算健康。", True),
        ("This site's default: under 15% of orders is failing.", False),
        ("Baymard Institute's average of 49 studies puts cart abandonment at about 70%.", False),
    ],
)
def test_what_counts_as_leaning_on_a_case_study(text: str, leans: bool) -> None:
    assert leans_on_a_case_study(text) is leans
