"""The shipped question bank: coverage of the method, both languages, links into the docs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assessment import assess, get_bank, load_questionnaire
from assessment.bank.model import PILLAR_IDS

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")
bank = get_bank()


def all_texts(lang: str) -> list[str]:
    texts = []
    for d in bank.dimensions:
        texts += [d.text[lang], d.guidance[lang]]
    for q in bank.questions:
        texts += [q.text[lang], q.guidance[lang], q.area[lang]]
        texts += [o.label[lang] for o in q.options]
        texts += [s.source[lang] for s in q.scales]
    for a in bank.actions:
        texts += [a.title[lang], a.why[lang], a.unlocks[lang], a.metric[lang], *a.steps[lang]]
        texts += [step for v in a.variants for step in v.steps[lang]]
        texts += [a.goal[lang]] if a.goal else []
    texts += [w.text[lang] for w in bank.warnings]
    return texts


@pytest.mark.parametrize("pillar", PILLAR_IDS)
def test_each_pillar_has_practices_and_outcomes_each_with_guidance_and_an_action(pillar: str) -> None:
    questions = [q for q in bank.questions if q.pillar == pillar]
    assert sum(q.role == "practice" for q in questions) >= 5
    assert sum(q.role == "outcome" for q in questions) >= 2
    for q in questions:
        assert q.guidance["en"] and q.guidance["zh"]
        if q.role == "context":  # not scored: it points at the practice whose actions come first
            assert q.explains and any(o.points_to for o in q.options)
        else:
            assert any(a.question == q.id for a in bank.actions)


def test_the_source_names_every_part_of_the_product_and_each_has_a_question() -> None:
    # 定位、功能设计、质量控制、供应链管理、包装体验、品牌调性、售后服务体系 (the source's list)
    areas = {q.id.split(".")[1] for q in bank.questions if q.pillar == "product"}
    assert {"positioning", "function-design", "quality", "supply", "packaging", "brand-tone", "after-sales"} <= areas


def test_one_question_one_place_no_topic_is_asked_in_two_pillars() -> None:
    slugs = [q.id.split(".")[1] for q in bank.questions]
    assert len(slugs) == len(set(slugs))
    retired = {r.id for r in bank.retired}
    assert {
        "inquiry.pre-inquiry-info",
        "closing.after-sales",
        "inquiry.faq-feedback",
        "traffic.organic-share",
    } <= retired


def test_every_figure_says_where_its_thresholds_come_from() -> None:
    for q in bank.questions:
        if q.role == "outcome":
            sources = [s.source for s in q.scales] if q.kind == "number" else [q.source]
            assert sources and all(src["en"] and src["zh"] for src in sources), q.id


def test_option_lists_run_from_weakest_to_strongest_with_distinct_levels() -> None:
    for q in bank.questions:
        levels = [o.level for o in q.options]
        assert levels == sorted(set(levels)), q.id


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


def test_every_channel_playbook_is_linked_from_the_profile_choices_it_serves() -> None:
    linked = {o.link for d in bank.dimensions for o in d.options if o.link}
    for link in linked:
        for suffix in (".md", ".zh.md"):
            assert (ROOT / "docs" / link.replace(".md", suffix)).is_file(), link
    playbooks = {f"channels/{p.name}" for p in (ROOT / "docs" / "channels").glob("*.md")}
    playbooks = {p for p in playbooks if not p.endswith((".zh.md", "index.md"))}
    assert playbooks <= linked, f"not linked from any profile choice: {sorted(playbooks - linked)}"


def test_both_languages_score_identically() -> None:
    answers: dict[str, object] = {
        q["id"]: q["options"][1]["value"] for q in load_questionnaire()["questions"] if q["kind"] == "choice"
    }
    answers |= {"traffic.margin": 40, "traffic.roas": 1.5, "inquiry.response-time": 120}
    english, chinese = assess(answers, "en"), assess(answers, "zh")
    assert [p["score"] for p in english["pillars"]] == [p["score"] for p in chinese["pillars"]]
    assert [a["id"] for a in english["plan"]] == [a["id"] for a in chinese["plan"]]
    assert english["root"] == chinese["root"]
    assert english["plan"][0]["title"] != chinese["plan"][0]["title"]
