"""The quick check: the profile and at most a handful of questions, chosen from data, giving a provisional root.

The questions per business model are chosen by scripts/choose_quick.py from how
often each answer decides the root in a synthetic population, and stored in
assessment/bank/quick.toml. These tests hold that file to its promises.
"""

from __future__ import annotations

import random
import sys
import tomllib
from pathlib import Path

import pytest

from assessment import assess, get_bank
from assessment.bank.quick import QUICK_FILE, load_quick
from assessment.errors import BankError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from choose_quick import choose, draw_company, known_companies, root_of  # noqa: E402

BANK = get_bank()
QUICK = load_quick(BANK)
MODELS = next(d for d in BANK.dimensions if d.id == QUICK.by).values()


def test_every_business_model_has_a_set_within_the_limit_with_the_profile() -> None:
    stored = tomllib.loads(QUICK_FILE.read_text("utf-8"))["questions"]
    assert set(stored) == set(MODELS)
    for model, ids in stored.items():
        assert [q for q in ids if BANK.question(q) is None] == [], model
        assert len(ids) + len(BANK.dimensions) <= QUICK.limit == 12, model


@pytest.mark.parametrize("model", MODELS)
def test_each_set_asks_about_all_four_pillars_and_only_what_applies(model: str) -> None:
    profile = {QUICK.by: (model,)}
    questions = [BANK.question(q) for q in QUICK.questions_for(profile)]
    assert all(q is not None and q.applies_to(profile) for q in questions)
    assert {q.pillar for q in questions if q and q.scored} == {p.id for p in BANK.pillars}
    asked = QUICK.questions_for(profile)
    for q in questions:  # a figure judged against an input brings the input, and an input only comes with it
        assert q is not None
        if q.break_even_from:
            assert q.break_even_from in asked
        if q.role == "input":
            assert any(other.break_even_from == q.id for other in BANK.questions if other.id in asked), q.id


def test_the_quick_root_agrees_with_the_full_root_on_most_known_companies() -> None:
    """The calibrated case studies and the test companies, answered as stated."""
    known = known_companies()
    agree = [slug for slug, c in known.items() if root_of(BANK, c) == root_of(BANK, c, QUICK.questions_for(c.profile))]
    assert len(agree) >= 0.8 * len(known), sorted(set(known) - set(agree))


def test_a_quick_result_is_marked_provisional() -> None:
    company = known_companies()["douyin-snacks"]
    quick = {q: company.answers[q] for q in QUICK.questions_for(company.profile) if q in company.answers}
    multiple = {d.id for d in BANK.dimensions if d.multiple}
    profile = {k: list(v) if k in multiple else v[0] for k, v in company.profile.items()}
    result = assess(quick, "en", profile=profile)
    assert result["root"] == "traffic"
    assert result["confidence"] == "low" and "provisional" in " ".join(w["text"] for w in result["warnings"])


def test_the_chooser_is_repeatable_stays_in_budget_and_brings_inputs_along() -> None:
    def run() -> list[str]:
        rng = random.Random("test")
        companies = [draw_company(BANK, rng, {"model": ("b2b-export",)}) for _ in range(60)]
        return choose(BANK, companies, budget=4)

    first = run()
    assert first == run() and len(first) <= 4
    for qid in first:
        question = BANK.question(qid)
        assert question is not None
        if question.break_even_from:
            assert question.break_even_from in first


def test_a_set_for_a_model_the_profile_has_not_chosen_yet_falls_back_to_the_first() -> None:
    assert QUICK.questions_for({}) == next(iter(QUICK.sets.values()))
    assert QUICK.questions_for({"model": ("b2b-export",)}) == QUICK.sets["b2b-export"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('limit = 5\nby = "model"\n[questions]\n', "field 'limit'"),
        ('limit = 12\nby = "colour"\n[questions]\n', "field 'by'"),
        ('limit = 12\nby = "model"\n[questions]\nshop = []\n', "field 'questions.shop'"),
        ('limit = 7\nby = "model"\n[questions]\ndtc = ["a", "b", "c"]\n', "exceed the limit of 7"),
        ("limit = ", "quick.toml"),
    ],
)
def test_a_broken_quick_file_names_its_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "quick.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(BankError, match=message):
        load_quick(BANK, path)


def test_a_question_a_fork_hides_is_skipped_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "quick.toml"
    path.write_text('limit = 12\nby = "model"\n[questions]\ndtc = ["product.quality", "gone.question"]\n', "utf-8")
    assert load_quick(BANK, path).sets["dtc"] == ("product.quality",)
