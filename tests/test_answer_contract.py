"""One file contract: the engine (and its CLI) accept and refuse exactly the answers files the browser's
import does, for the same reasons. The cases are one table, tests/cases/answer-contract.json; the
browser's side runs it with `node --test tests/js/` (tests/js/answer-contract.test.mjs)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from assessment import AnswerError, get_bank
from assessment.answers.document import Submission, parse_document, read_document
from assessment.cli import run

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = json.loads((ROOT / "tests" / "cases" / "answer-contract.json").read_text("utf-8"))
bank = get_bank()
MULTIPLE = {d.id for d in bank.dimensions if d.multiple}


def current(value: Any) -> Any:
    """The case with '<current>' replaced by this bank's version."""
    if value == "<current>":
        return bank.version
    if isinstance(value, dict):
        return {k: current(v) for k, v in value.items()}
    if isinstance(value, list):
        return [current(v) for v in value]
    return value


def built(build: dict[str, Any]) -> bytes:
    """The generated inputs of the table (described in its 'about'); the node test builds the same bytes."""
    kind = build["kind"]
    if kind == "large":
        frame = b'{"answers": {}, "lang": ""}'
        return frame[:-2] + b"x" * (build["bytes"] - len(frame)) + frame[-2:]
    if kind == "many_answers":
        entries = ", ".join(f'"product.q-{i}": null' for i in range(1, build["count"] + 1))
        return ('{"answers": {' + entries + "}}").encode()
    if kind == "nested":
        return ('{"answers": {}, "lang": ' + "[" * (build["depth"] - 1) + "]" * (build["depth"] - 1) + "}").encode()
    if kind == "digits":
        return ('{"answers": {"' + build["question"] + '": ' + "9" * build["digits"] + "}}").encode()
    raise AssertionError(f"unknown build {kind!r}")


def file_bytes(case: dict[str, Any]) -> bytes:
    if "document" in case:
        return json.dumps(current(case["document"]), ensure_ascii=False).encode("utf-8")
    if "text" in case:
        return case["text"].replace("<current>", bank.version).encode("utf-8")
    if "base64" in case:
        return base64.b64decode(case["base64"])
    return built(case["build"])


def outcome(submission: Submission) -> dict[str, Any]:
    """A checked submission in the table's (and the browser's) form."""
    recorded = {
        "notes": submission.notes,
        "actions": submission.actions,
        "respondent": submission.respondent,
        "company": submission.company,
        "date": submission.date,
    }
    return {
        "profile": {k: list(v) if k in MULTIPLE else v[0] for k, v in submission.profile.items()},
        "answers": submission.answers,
        "set_aside": list(submission.set_aside),
        "migrated": [list(m) for m in submission.migrated],
        # What a workshop records beside the answers, when there is any.
        **{key: value for key, value in recorded.items() if value},
    }


def check(case: dict[str, Any], read: Any) -> None:
    try:
        submission = read()
    except AnswerError as error:
        assert "reject" in case, f"refused ({error.reason}: {error}), the browser accepts it"
        assert error.reason == case["reject"], f"refused as {error.reason!r}: {error}"
        if "id" in case:
            assert error.item == case["id"]
        return
    assert "accept" in case, f"accepted, the browser refuses it ({case.get('reject')})"
    assert outcome(submission) == case["accept"]


def name(case: dict[str, Any]) -> str:
    return str(case["name"])


@pytest.mark.parametrize("case", CONTRACT["cases"], ids=name)
def test_the_engine_reads_a_file_as_the_browser_does(case: dict[str, Any]) -> None:
    check(case, lambda: read_document(bank, parse_document(file_bytes(case))))


@pytest.mark.parametrize("case", [c for c in CONTRACT["cases"] if "document" in c], ids=name)
def test_the_engine_checks_a_document_as_the_browser_does(case: dict[str, Any]) -> None:
    """The same document handed over as data (assess_document, the worker) rather than as a file."""
    check(case, lambda: read_document(bank, current(case["document"])))


@pytest.mark.parametrize("case", CONTRACT["cases"], ids=name)
def test_the_cli_accepts_and_refuses_the_same_files(
    case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(file_bytes(case))
    status = run(["score", str(path), "--json"])
    out, err = capsys.readouterr()
    if "reject" in case:
        assert status == 2 and out == "", err
        assert err.startswith(f"error: {path}: ") and err.count("\n") == 1, err
        return
    assert status == 0, err
    result = json.loads(out)
    expected = case["accept"]
    assert result["set_aside"] == expected["set_aside"]
    assert [[m["from"], m["to"]] for m in result["migrated"]] == expected["migrated"]
    assert result["profile"] == {k: v if isinstance(v, list) else [v] for k, v in expected["profile"].items()}
    assert result["answered"] == len(expected["answers"])


def test_the_table_covers_every_reason_and_both_outcomes() -> None:
    reasons = {c["reject"] for c in CONTRACT["cases"] if "reject" in c}
    assert reasons == {"too_large", "encoding", "json", "shape", "unknown_question", "bad_value"} | {
        "unknown_profile",
        "bad_profile",
        "bad_note",
        "bad_action",
        "bad_label",
        "bad_date",
    }
    assert sum("accept" in c for c in CONTRACT["cases"]) >= 15
    assert len({c["name"] for c in CONTRACT["cases"]}) == len(CONTRACT["cases"])
