"""Compact share links: a complete assessment fits in a short link, decodes to exactly what was
encoded, reads links made with an earlier bank, carries notes and action states (notes only as far
as the link stays short, saying which were left out), and the browser's code agrees with the engine's."""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path

import pytest

from assessment import AnswerError, assess_document, get_bank
from assessment.answers.document import check_submission, read_document
from assessment.answers.sharelink import action_key, decode, encode, encode_link, known_layouts, layout, read_link
from assessment.render.export import answer_contract

ROOT = Path(__file__).resolve().parents[1]
bank = get_bank()
DOCUMENTS = [
    json.loads(p.read_text("utf-8"))
    for p in sorted((ROOT / "calibration").glob("*.json")) + sorted((ROOT / "tests" / "companies").glob("*.json"))
]


def checked(document: dict) -> tuple[dict, dict]:
    submission = check_submission(bank, document["answers"], document["profile"])
    return submission.profile, submission.answers


def with_workshop(document: dict, notes: dict | None = None, actions: dict | None = None) -> dict:
    """A fixture with the evidence notes its file quotes (calibration files carry them) and some action states."""
    evidence = document.get("evidence", {})
    first_actions = [a.id for a in bank.actions if a.question in document["answers"]][:3]
    states = dict(zip(first_actions, ["done", "in-progress", "done"], strict=False))
    return {
        "profile": document["profile"],
        "answers": document["answers"],
        "notes": notes if notes is not None else evidence,
        "actions": actions if actions is not None else states,
    }


WORKSHOP = [with_workshop(d) for d in DOCUMENTS]


def plain(profile: dict) -> dict:
    """A profile as documents write it: one value, or a list where several are allowed."""
    multiple = {d.id for d in bank.dimensions if d.multiple}
    return {k: list(v) if k in multiple else v[0] for k, v in profile.items()}


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: str(len(d["answers"])))
def test_a_link_decodes_to_exactly_the_profile_and_answers_it_was_made_from(document: dict) -> None:
    profile, answers = checked(document)
    decoded = decode(encode(bank, profile, answers), bank)
    assert decoded["answers"] == answers and decoded["bank_version"] == bank.version
    assert read_document(bank, decoded).profile == profile


def test_a_complete_assessment_fits_a_link_of_at_most_300_characters() -> None:
    complete = json.loads((ROOT / "tests" / "companies" / "audio-exporter.json").read_text("utf-8"))
    profile, answers = checked(complete)
    assert len(answers) == len([q for q in bank.questions if q.applies_to(profile)])
    url = "https://example.github.io/my-project/zh/assessment/#" + encode(bank, profile, answers)
    assert len(url) <= 300, len(url)


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        ("s=***", "not correctly encoded"),
        ("s=AQ", "not a link this site makes"),
        ("s=AwAAAAAA", "not a link this site makes"),  # an unknown format (1 and 2 exist)
        ("s=AQAAAAAA", "does not know"),  # a bank version nobody kept
    ],
)
def test_a_damaged_or_foreign_link_is_a_clear_error(fragment: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        decode(fragment, bank)


def test_a_cut_link_is_refused_not_half_read() -> None:
    profile, answers = checked(DOCUMENTS[0])
    fragment = encode(bank, profile, answers)
    with pytest.raises(AnswerError, match="damaged"):
        decode(fragment[:-3], bank)


def test_a_link_made_with_an_earlier_bank_is_read_with_that_banks_layout() -> None:
    """An earlier bank asked a question that has since moved, and asked the rest in another order."""
    current = layout(bank)
    moved = ["inquiry.pre-inquiry-info", "choice", ["copy-only", "specs-only", "faq", "top-ten-covered"]]
    earlier = {"profile": current["profile"], "questions": [moved, *reversed(current["questions"])]}
    order = [q[0] for q in earlier["questions"]]
    codes = [0] * (len(order) + len(order) % 2)
    codes[order.index("inquiry.pre-inquiry-info")] = 3  # its third option, "faq"
    codes[order.index("product.positioning")] = 3  # "written"
    data = bytes([1]) + bytes.fromhex("0badc0de") + bytes(len(current["profile"]) + 1)  # no profile given
    data += bytes(codes[i] << 4 | codes[i + 1] for i in range(0, len(codes), 2))
    fragment = "s=" + base64.urlsafe_b64encode(data).decode().rstrip("=")

    document = decode(fragment, bank, {"0badc0de": earlier})
    assert document["answers"] == {"inquiry.pre-inquiry-info": "faq", "product.positioning": "written"}
    submission = read_document(bank, document)  # then migrated like any document of an older bank
    assert submission.answers == {"product.information": "complete", "product.positioning": "written"}
    assert submission.migrated == (("inquiry.pre-inquiry-info", "product.information"),)


def test_the_layout_of_the_current_bank_is_kept_for_links_made_with_it() -> None:
    from assessment.bank.loader import load_bank

    upstream = load_bank()
    assert known_layouts().get(upstream.version) == layout(upstream), (
        "the bank changed: run `python -m assessment layout --add` so today's share links stay readable"
    )


def test_a_link_without_notes_or_action_states_is_the_format_links_always_had() -> None:
    profile, answers = checked(DOCUMENTS[0])
    fragment = encode(bank, profile, answers, notes={}, actions={})
    assert base64.urlsafe_b64decode(fragment[2:] + "==")[0] == 1
    assert fragment == encode(bank, profile, answers)


@pytest.mark.parametrize("document", WORKSHOP, ids=lambda d: str(len(d["notes"])))
def test_notes_and_action_states_travel_in_a_link(document: dict) -> None:
    submission = read_document(bank, document)
    fragment, omitted = encode_link(bank, submission.profile, submission.answers, submission.notes, submission.actions)
    assert omitted == ()
    back = read_document(bank, decode(fragment, bank))
    assert back.answers == submission.answers and back.profile == submission.profile
    assert back.notes == submission.notes and back.actions == submission.actions
    assert len(fragment) <= bank.workshop.link_chars


def test_notes_that_would_make_a_link_too_long_are_left_out_and_named() -> None:
    """Whole notes in bank order while the link stays within link_chars; the rest are named, never cut."""
    profile, answers = checked(DOCUMENTS[0])
    ids = [q.id for q in bank.questions]
    long_note = "依据上季度退货报表" * 30  # 270 characters, 810 bytes: over 1,000 characters of link
    notes = {ids[0]: long_note, ids[1]: long_note, ids[2]: "short", ids[3]: long_note}
    fragment, omitted = encode_link(bank, profile, answers, notes, {})
    assert len(fragment) <= bank.workshop.link_chars
    decoded = decode(fragment, bank)["notes"]
    assert decoded == {ids[0]: long_note, ids[2]: "short"}
    assert omitted == (ids[1], ids[3])


def test_an_action_state_of_an_action_the_bank_no_longer_has_is_set_aside() -> None:
    profile, answers = checked(DOCUMENTS[0])
    fragment = encode(bank, profile, answers, actions={bank.actions[0].id: "done"})
    data = bytearray(base64.urlsafe_b64decode(fragment[2:] + "=" * (-len(fragment[2:]) % 4)))
    key = action_key(bank.actions[0].id).to_bytes(4, "big")
    at = bytes(data).rindex(bytes([key[0], key[1], key[2], key[3] | 1]))
    data[at : at + 4] = (0x12345678).to_bytes(4, "big")  # a hash no action of this bank has
    stranger = "s=" + base64.urlsafe_b64encode(bytes(data)).decode().rstrip("=")
    assert "actions" not in decode(stranger, bank)


def test_no_two_actions_share_a_link_key() -> None:
    from assessment.bank.loader import load_bank

    for overlay in (None, str(ROOT / "examples" / "acme-brand" / "questions.toml")):
        actions = load_bank(None, overlay).actions
        assert len({action_key(a.id) for a in actions}) == len(actions)


@pytest.mark.parametrize(
    "text",
    [
        "https://example.github.io/my-project/zh/assessment/#{fragment}",
        "#{fragment}",
        "{fragment}",
    ],
)
def test_a_link_is_read_from_a_whole_address_or_its_fragment(text: str) -> None:
    profile, answers = checked(DOCUMENTS[0])
    fragment = encode(bank, profile, answers)
    assert read_link(text.format(fragment=fragment), bank)["answers"] == answers


def test_an_older_answers_link_still_opens() -> None:
    document = {"answers": {"product.positioning": "written"}}
    encoded = base64.urlsafe_b64encode(json.dumps(document).encode()).decode().rstrip("=")
    assert read_link(f"https://example.org/assessment/#answers={encoded}", bank) == document
    with pytest.raises(AnswerError, match="not a share link"):
        read_link("https://example.org/assessment/", bank)


def test_the_browsers_share_links_agree_with_the_engines(tmp_path: Path) -> None:
    ids = [q.id for q in bank.questions]
    long_note = "依据上季度退货报表" * 30
    overlong = with_workshop(DOCUMENTS[0], notes={ids[0]: long_note, ids[1]: long_note, ids[2]: "short"})
    workshop = [*WORKSHOP, overlong]
    documents = [{"profile": plain(p), "answers": a} for p, a in map(checked, DOCUMENTS)]
    fragments = [encode(bank, *checked(d)) for d in DOCUMENTS]
    submissions = [read_document(bank, d) for d in workshop]
    detailed = [encode_link(bank, s.profile, s.answers, s.notes, s.actions) for s in submissions]
    documents += [
        {"profile": plain(s.profile), "answers": s.answers, "notes": s.notes, "actions": s.actions} for s in submissions
    ]
    fragments += [fragment for fragment, _ in detailed]
    damaged = [fragments[0][:-3], "s=AwAAAAAA", "s=AQAAAAAA", fragments[1] + "AA", fragments[-1][:-5]]
    payload = {
        "contract": answer_contract(bank, "en"),
        "documents": documents,
        "fragments": fragments,
        "damaged": damaged,
    }
    run = subprocess.run(
        ["node", str(ROOT / "tests" / "js" / "sharelink-parity.mjs")],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    output = json.loads(run.stdout)
    assert output["encoded"] == fragments  # byte for byte the same link
    assert output["omitted"][-len(detailed) :] == [list(omitted) for _, omitted in detailed]
    assert output["omitted"][-1] == [ids[1]]
    for fragment, result in zip(fragments, output["decoded"], strict=True):
        expected = decode(fragment, bank)
        assert result["document"]["answers"] == expected["answers"]
        assert result["document"]["profile"] == expected["profile"]
        assert result["document"].get("notes") == expected.get("notes")
        assert result["document"].get("actions") == expected.get("actions")
    assert all(output["damaged"]), output["damaged"]  # every damaged link is refused by the browser too


# Made with the bank before the platform families (bank 3e14a36e): a Pinduoduo and Douyin seller on the old
# "marketplace" model, with a targeting answer whose option has since been renamed.
EARLIER_LINK = "s=AT4Uo24BAQAMAAAgAAAAAAACAAD_AAAAAA8AAAAAAACA6JImwKOGAYCS9AE"
EARLIER_FILE = ROOT / "tests" / "cases" / "earlier" / "bank-3e14a36e.json"


@pytest.mark.parametrize("source", ["link", "file"])
def test_links_and_files_made_with_the_bank_before_the_platform_families_still_open(source: str) -> None:
    document = decode(EARLIER_LINK, bank) if source == "link" else json.loads(EARLIER_FILE.read_text("utf-8"))
    result = assess_document(document)
    # The old model moves to the family of its first channel that names one, and the result says so.
    assert result["profile"]["model"] == ["pinduoduo"]
    assert "splits by platform" in result["migration_note"]
    # A renamed option is read under its new name, level for level.
    assert next(r for r in result["answers"] if r["question"] == "traffic.targeting")["answer"] == "rough-target"
    assert result["root"] is not None
