"""Compact share links: a complete assessment fits in a short link, decodes to exactly what was
encoded, reads links made with an earlier bank, and the browser's code agrees with the engine's."""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path

import pytest

from assessment import AnswerError, get_bank
from assessment.answers import check_submission, read_document
from assessment.export import answer_contract
from assessment.sharelink import decode, encode, known_layouts, layout

ROOT = Path(__file__).resolve().parents[1]
bank = get_bank()
DOCUMENTS = [
    json.loads(p.read_text("utf-8"))
    for p in sorted((ROOT / "calibration").glob("*.json")) + sorted((ROOT / "tests" / "companies").glob("*.json"))
]


def checked(document: dict) -> tuple[dict, dict]:
    submission = check_submission(bank, document["answers"], document["profile"])
    return submission.profile, submission.answers


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
    url = "https://example.github.io/root-first/zh/assessment/#" + encode(bank, profile, answers)
    assert len(url) <= 300, len(url)


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        ("s=***", "not correctly encoded"),
        ("s=AQ", "not a link this site makes"),
        ("s=AgAAAAAA", "not a link this site makes"),  # an unknown format
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
    from assessment.loader import load_bank

    upstream = load_bank()
    assert known_layouts().get(upstream.version) == layout(upstream), (
        "the bank changed: run `python -m assessment layout --add` so today's share links stay readable"
    )


def test_the_browsers_share_links_agree_with_the_engines(tmp_path: Path) -> None:
    documents = [{"profile": plain(p), "answers": a} for p, a in map(checked, DOCUMENTS)]
    fragments = [encode(bank, *checked(d)) for d in DOCUMENTS]
    damaged = [fragments[0][:-3], "s=AgAAAAAA", "s=AQAAAAAA", fragments[1] + "AA"]
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
    for fragment, result in zip(fragments, output["decoded"], strict=True):
        expected = decode(fragment, bank)
        assert result["document"]["answers"] == expected["answers"]
        assert result["document"]["profile"] == expected["profile"]
    assert all(output["damaged"]), output["damaged"]  # every damaged link is refused by the browser too
