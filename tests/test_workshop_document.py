"""What a workshop records beside the answers: who answered, for which company and when, an evidence note
per answer, and the state of plan actions. All optional, all checked like answers (a bad value is an error
naming the field), notes and labels kept as plain, visible, bounded text, and carried into the result."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from bankfactory import edit, make_bank
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment import AnswerError, BankError, assess_document, get_bank
from assessment.answers.document import document_of, read_document
from assessment.answers.plaintext import clean
from assessment.bank.loader import load_bank

ROOT = Path(__file__).resolve().parents[1]
bank = get_bank()
EXPORTER = json.loads((ROOT / "tests" / "companies" / "audio-exporter.json").read_text("utf-8"))
NOTE_LIMIT = bank.workshop.note_chars
LABEL_LIMIT = bank.workshop.label_chars


def document(**extra: Any) -> dict[str, Any]:
    return {"profile": EXPORTER["profile"], "answers": EXPORTER["answers"], **extra}


def test_a_document_may_say_who_answered_for_which_company_and_when() -> None:
    result = assess_document(document(respondent="Ops lead", company="Acme Audio", date="2026-03-01"))
    assert (result["respondent"], result["company"], result["date"]) == ("Ops lead", "Acme Audio", "2026-03-01")
    plain = assess_document(document())
    assert (plain["respondent"], plain["company"], plain["date"]) == (None, None, None)


def test_notes_reach_the_result_beside_their_answers_figures_and_actions() -> None:
    notes = {
        "inquiry.response-time": "from the Alibaba.com dashboard, last 30 days",
        "product.positioning": "the one-pager from March",
    }
    result = assess_document(document(notes=notes))
    assert result["notes"] == {"product.positioning": notes["product.positioning"], **notes}
    rows = {r["question"]: r for r in result["answers"]}
    assert rows["inquiry.response-time"]["note"] == notes["inquiry.response-time"]
    assert rows["inquiry.response-time"]["value"] == "18 working hours"
    assert rows["product.positioning"]["level"] == 2 and rows["product.positioning"]["max_level"] == 3
    figure = next(o for p in result["pillars"] for o in p["outcomes"] if o["question"] == "inquiry.response-time")
    assert figure["note"] == notes["inquiry.response-time"]
    action = next(a for a in result["plan"] if a["question"] == "inquiry.response-time")
    assert action["note"] == notes["inquiry.response-time"]


def test_a_note_may_sit_on_a_question_nobody_answered() -> None:
    result = assess_document({"answers": {}, "notes": {"product.quality": "ask the QC lead"}})
    assert result["answers"] == [
        {
            "question": "product.quality",
            "pillar": "product",
            "area": "Quality stability",
            "answer": None,
            "value": "Not answered",
            "level": None,
            "max_level": 3,
            "note": "ask the QC lead",
        }
    ]


def test_action_states_are_kept_and_shown_in_the_plan_without_changing_it() -> None:
    before = assess_document(document())
    first, second = before["plan"][0]["id"], before["plan"][1]["id"]
    after = assess_document(document(actions={first: "done", second: "in-progress"}))
    assert [a["id"] for a in after["plan"]] == [a["id"] for a in before["plan"]]
    assert [p["score"] for p in after["pillars"]] == [p["score"] for p in before["pillars"]]
    states = {a["id"]: a["state"] for a in after["plan"]}
    assert states[first] == "done" and states[second] == "in-progress"
    assert all(state is None for aid, state in states.items() if aid not in (first, second))
    assert after["action_states"] == {first: "done", second: "in-progress"}
    assert after["plan"][0]["state_label"] == "Done" and after["plan"][1]["state_label"] == "In progress"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"notes": ["a list"]}, "'notes' must be an object"),
        ({"notes": {"product.positioning": 42}}, "notes['product.positioning']: must be text"),
        ({"notes": {"product.no-such": "x"}}, "notes: unknown question id 'product.no-such'"),
        ({"notes": {"product.positioning": "x" * (NOTE_LIMIT + 1)}}, f"at most {NOTE_LIMIT} are allowed"),
        ({"actions": {"product.positioning.one-pager": "finished"}}, "invalid state 'finished'"),
        ({"actions": {"product.no-such.action": "done"}}, "actions: unknown action id 'product.no-such.action'"),
        ({"actions": "done"}, "'actions' must be an object"),
        ({"respondent": ["Ops"]}, "respondent: must be text"),
        ({"company": "A" * (LABEL_LIMIT + 1)}, f"company: {LABEL_LIMIT + 1} characters long"),
        ({"date": "last Tuesday"}, "date: must be an ISO date"),
        ({"date": 20260301}, "date: must be an ISO date"),
        ({"owner": "me"}, "unexpected field 'owner'"),
    ],
)
def test_a_bad_value_is_an_error_that_names_the_field(extra: dict[str, Any], message: str) -> None:
    with pytest.raises(AnswerError) as error:
        read_document(bank, document(**extra))
    assert message in str(error.value)


def test_the_limit_counts_what_is_seen_not_invisible_characters() -> None:
    padded = "\u200b" * 5000 + "ok"
    assert read_document(bank, document(notes={"product.positioning": padded})).notes == {"product.positioning": "ok"}


def test_hostile_notes_become_plain_visible_text() -> None:
    notes = {
        "product.positioning": "<img src=x onerror=alert(1)>",  # kept as text: shown escaped, never as markup
        "product.quality": "abc\u202edcba\u2066x\u2069 \u200bzero\u2060width\ufeff",  # overrides and invisibles go
        "product.supply": "שלום עולם and مرحبا",  # right-to-left letters are text and stay
        "product.packaging": "family 👨\u200d👩\u200d👧 ok",  # ZWJ joins the emoji and stays
        "product.information": "line one\r\nline two\r\n\r\n\r\n\r\nline three\x00\x07\t end  ",
    }
    kept = read_document(bank, document(notes=notes)).notes
    assert kept["product.positioning"] == "<img src=x onerror=alert(1)>"
    assert kept["product.quality"] == "abcdcbax zerowidth"
    assert kept["product.supply"] == notes["product.supply"]
    assert kept["product.packaging"] == notes["product.packaging"]
    assert kept["product.information"] == "line one\nline two\n\nline three  end"


def test_labels_are_one_line() -> None:
    submission = read_document(bank, document(respondent="  Ops\nlead \u202e ", company="\t"))
    assert submission.respondent == "Ops lead" and submission.company is None


def test_a_note_on_a_retired_question_moves_with_its_answer() -> None:
    old = {
        "bank_version": "0a1b2c3d",
        "answers": {"inquiry.pre-inquiry-info": "faq", "traffic.bounce-rate": 62},
        "notes": {"inquiry.pre-inquiry-info": "FAQ page since May", "traffic.bounce-rate": "GA4"},
        "actions": {"inquiry.pre-inquiry-info.write-faq": "done"},  # an action of that bank: set aside
    }
    submission = read_document(bank, old)
    assert submission.answers == {"product.information": "complete"}
    assert submission.notes == {"product.information": "FAQ page since May"}
    assert submission.actions == {}


def test_an_export_reads_back_to_the_same_submission() -> None:
    first = read_document(
        bank,
        document(
            respondent="Owner",
            company="Acme",
            date="2026-03-01T09:30:00Z",
            notes={"traffic.roas": "Alibaba P4P report"},
            actions={"inquiry.response-time.cover-inboxes": "done"},
        ),
    )
    again = read_document(bank, json.loads(json.dumps(document_of(first, bank))))
    assert again == first


note_text = st.text(st.characters(codec="utf-8"), max_size=400) | st.text(max_size=50)


@settings(max_examples=200, deadline=None)
@given(text=note_text)
def test_any_text_is_either_kept_clean_and_bounded_or_refused_for_its_length(text: str) -> None:
    try:
        kept = read_document(bank, {"answers": {}, "notes": {"product.positioning": text}}).notes
    except AnswerError as error:
        assert "at most" in str(error) and len(clean(text, multiline=True)) > NOTE_LIMIT
        return
    note = kept.get("product.positioning", "")
    assert len(note) <= NOTE_LIMIT and note == note.strip()
    for char in note:
        category = unicodedata.category(char)
        assert category not in ("Cc", "Cs") or char == "\n"
        assert category != "Cf" or char in "\u200c\u200d"
    assert clean(note, multiline=True) == note  # cleaning twice changes nothing


def test_the_cli_names_the_field_of_a_bad_note(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(document(notes={"product.positioning": "x" * 1000})), "utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "assessment", "score", str(path)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "notes.json: notes['product.positioning']: 1000 characters" in run.stderr


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("note_chars = 300", "note_chars = 0", "workshop.note_chars"),
        ("link_chars = 2000", "link_chars = 50", "workshop.link_chars"),
        ('group_by = "model"', 'group_by = "channels"', "peers.group_by"),
        ("min_companies = 10", "min_companies = 1", "peers.min_companies"),
        ("low = 25", "low = 80", "peers.low"),
    ],
)
def test_the_limits_are_data_and_checked_like_the_rest_of_the_bank(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    folder = make_bank(tmp_path / "bank")
    edit(folder, "settings.toml", lambda text: text.replace(old, new))
    with pytest.raises(BankError, match=rf"settings\.toml, field '{re.escape(field)}'"):
        load_bank(folder)
