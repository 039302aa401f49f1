"""The shipped question bank: coverage of the method, both languages, links into the docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assessment import assess, get_bank, load_questionnaire
from assessment.model import PILLAR_IDS

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")
bank = get_bank()


def all_texts(lang: str) -> list[str]:
    texts = []
    for q in bank.questions:
        texts += [q.text[lang], q.guidance[lang], q.area[lang]]
        texts += [o.label[lang] for o in q.options]
    for a in bank.actions:
        texts += [a.title[lang], a.why[lang], a.metric[lang], *a.steps[lang]]
    texts += [w.text[lang] for w in bank.warnings]
    return texts


@pytest.mark.parametrize("pillar", PILLAR_IDS)
def test_each_pillar_has_at_least_eight_questions_each_with_guidance_and_an_action(pillar: str) -> None:
    questions = [q for q in bank.questions if q.pillar == pillar]
    assert len(questions) >= 8
    for q in questions:
        assert q.guidance["en"] and q.guidance["zh"]
        assert any(a.question == q.id for a in bank.actions)


def test_every_chinese_text_is_actually_chinese() -> None:
    untranslated = [t for t in all_texts("zh") if not CJK.search(t)]
    assert untranslated == []


def test_chinese_and_english_texts_differ() -> None:
    assert [e for e, z in zip(all_texts("en"), all_texts("zh"), strict=True) if e == z] == []


def test_not_applicable_is_offered_only_on_a_few_questions() -> None:
    flagged = [q.id for q in bank.questions if q.not_applicable]
    assert 1 <= len(flagged) <= len(bank.questions) // 4


def test_every_action_links_to_an_existing_docs_page_and_anchor() -> None:
    for action in bank.actions:
        page, _, anchor = action.link.partition("#")
        for suffix in (".md", ".zh.md"):
            path = ROOT / "docs" / page.replace(".md", suffix)
            assert path.is_file(), f"{action.id}: {path} missing"
            assert re.search(rf"\{{\s*#{re.escape(anchor)}\b", path.read_text("utf-8")), (
                f"{action.id}: #{anchor} missing in {path}"
            )


def test_both_languages_score_identically() -> None:
    answers = {q["id"]: q["options"][1]["value"] for q in load_questionnaire()["questions"] if q["kind"] == "choice"}
    english, chinese = assess(answers, "en"), assess(answers, "zh")
    assert [p["score"] for p in english["pillars"]] == [p["score"] for p in chinese["pillars"]]
    assert [a["id"] for a in english["plan"]] == [a["id"] for a in chinese["plan"]]
    assert english["root"] == chinese["root"]
    assert english["plan"][0]["title"] != chinese["plan"][0]["title"]
