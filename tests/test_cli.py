"""`python -m assessment`: the bank, scoring, batch CSV and clear errors (exit 2, one line, no traceback)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assessment import AnswerError, assess, load_questionnaire

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, stdin: str | None = None, cwd: Path = ROOT, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's engine, whatever the working directory
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


def weakest_answers() -> dict[str, object]:
    """Every question at its weakest option (numbers at their worst end)."""
    answers: dict[str, object] = {}
    for q in load_questionnaire()["questions"]:
        if q["kind"] == "choice":
            answers[q["id"]] = q["options"][0]["value"]
        else:
            answers[q["id"]] = q["max"] if q["better"] == "lower" else q["min"]
    return answers


def write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), "utf-8")
    return path


def test_questions_json_lists_pillars_in_loop_order_and_options_weakest_first() -> None:
    run = cli("questions", "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert [p["id"] for p in data["pillars"]] == ["product", "traffic", "inquiry", "closing"]
    assert all({"id", "name"} <= set(p) for p in data["pillars"])
    for q in data["questions"]:
        assert {"id", "pillar", "text", "guidance"} <= set(q)
        if q["kind"] == "choice":
            levels = [o["level"] for o in q["options"]]
            assert levels == sorted(set(levels)) and levels[0] == 0
            assert all({"value", "label"} <= set(o) for o in q["options"])


def test_questions_in_chinese() -> None:
    data = json.loads(cli("questions", "--json", "--lang", "zh").stdout)
    assert data["pillars"][0]["name"] == "产品端"


def test_questions_as_text() -> None:
    run = cli("questions")
    assert run.returncode == 0 and "A. Product" in run.stdout


def test_score_json_matches_the_python_api(tmp_path: Path) -> None:
    answers = weakest_answers()
    run = cli("score", str(write(tmp_path / "a.json", {"answers": answers})), "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result == assess(answers)
    assert result["root"] == "product"
    assert {"id", "score", "level"} <= set(result["pillars"][0])
    assert result["plan"][0]["pillar"] == "product" and "title" in result["plan"][0]


def test_score_reads_stdin_and_prints_a_report_that_leads_with_the_answer() -> None:
    run = cli("score", "-", stdin=json.dumps({"answers": weakest_answers()}))
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[2] == "Fix first: Product"
    assert "Do not raise ad spend" in run.stdout
    assert run.stdout.index("Do now:") < run.stdout.index("Next:")


def test_score_report_in_chinese_uses_full_width_punctuation() -> None:
    run = cli("score", "-", "--lang", "zh", stdin=json.dumps({"answers": weakest_answers()}))
    assert "先修：产品端" in run.stdout and "得分（健康线 60）：" in run.stdout
    assert "马上做：" in run.stdout


def test_score_many_files_writes_one_csv(tmp_path: Path) -> None:
    folder = tmp_path / "teams"
    folder.mkdir()
    write(folder / "north.json", {"answers": weakest_answers()})
    write(folder / "south.json", {"answers": {}})
    run = cli("score", str(folder))
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert [Path(r["file"]).name for r in rows] == ["north.json", "south.json"]
    assert rows[0]["root"] == "product" and rows[0]["product"] == "0" and rows[0]["root_rule"] == "product"
    assert rows[0]["first_action"].startswith("product.")
    assert rows[1]["answered"] == "0" and rows[1]["product"] == "" and rows[1]["confidence"] == "low"


def test_a_bad_file_in_a_batch_is_named_and_the_rest_still_scored(tmp_path: Path) -> None:
    good = write(tmp_path / "good.json", {"answers": {}})
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    run = cli("score", str(good), str(bad))
    assert run.returncode == 2
    assert "bad.json: malformed JSON" in run.stderr
    assert "good.json" in run.stdout


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"answers": {"product.no-such-question": "x"}}, "unknown question id 'product.no-such-question'"),
        ({"answers": {"__FIRST__": "no-such-option"}}, "invalid option 'no-such-option'"),
        ({"answers": []}, "'answers' must be an object"),
        ([1, 2], '{"answers"'),
        ({"answers": {}, "extra": 1}, "unexpected field 'extra'"),
    ],
)
def test_bad_answers_exit_2_with_one_clear_line(tmp_path: Path, document: object, expected: str) -> None:
    if isinstance(document, dict) and isinstance(document.get("answers"), dict) and "__FIRST__" in document["answers"]:
        first = next(q for q in load_questionnaire()["questions"] if q["kind"] == "choice")
        document = {"answers": {first["id"]: "no-such-option"}}
    run = cli("score", str(write(tmp_path / "in.json", document)))
    assert run.returncode == 2
    assert expected in run.stderr
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert run.stdout == ""


def test_malformed_json_and_unreadable_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"answers": {', "utf-8")
    run = cli("score", str(broken))
    assert run.returncode == 2 and "broken.json: malformed JSON" in run.stderr
    run = cli("score", str(tmp_path / "missing.json"))
    assert run.returncode == 2 and "missing.json: cannot read file" in run.stderr
    assert "Traceback" not in run.stderr


def test_unknown_language_is_a_clear_error(tmp_path: Path) -> None:
    run = cli("score", str(write(tmp_path / "a.json", {"answers": {}})), "--lang", "fr")
    assert run.returncode == 2 and "unknown language 'fr'" in run.stderr


def test_validate_reports_the_bank() -> None:
    run = cli("validate")
    assert run.returncode == 0 and run.stdout.startswith("ok: ")


def test_a_broken_overlay_is_reported_with_its_file(tmp_path: Path) -> None:
    overlay = tmp_path / "questions.toml"
    overlay.write_text('hide = ["nope.nothing"]\n', "utf-8")
    run = cli("validate", "--overlay", str(overlay))
    assert run.returncode == 2 and "questions.toml, field 'hide'" in run.stderr


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "assessment"
    run = subprocess.run([str(script), "validate"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr


OLD_BANK_ANSWERS = {
    "bank_version": "0a1b2c3d",
    "answers": {
        "product.positioning": "written",
        "inquiry.pre-inquiry-info": "faq",  # moved to product.information
        "closing.after-sales": "single-owner",  # moved to product.after-sales
        "traffic.bounce-rate": 62,  # retired: no question asks it any more
        "inquiry.valid-share": "tagged",  # retired: now a figure, asked afresh
        "closing.order-value": "unknown",  # an option value that was renamed
        "inquiry.response-time": 30,  # kept: still minutes in the base unit
    },
}


def test_answers_made_for_the_previous_bank_are_migrated_or_set_aside_and_say_so(tmp_path: Path) -> None:
    path = write(tmp_path / "old.json", OLD_BANK_ANSWERS)
    run = cli("score", str(path), "--json")
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert {m["from"]: m["to"] for m in result["migrated"]} == {
        "inquiry.pre-inquiry-info": "product.information",
        "closing.after-sales": "product.after-sales",
    }
    assert sorted(result["set_aside"]) == ["inquiry.valid-share", "traffic.bounce-rate"]
    assert "product.information" not in result["unanswered"] and "closing.order-value" not in result["unanswered"]
    report = cli("score", str(path))
    assert report.returncode == 0
    assert "2 answers were carried over" in report.stdout and "traffic.bounce-rate" in report.stdout


def test_a_migrated_answer_never_overrides_an_answer_to_the_new_question(tmp_path: Path) -> None:
    document = {"answers": {"inquiry.pre-inquiry-info": "faq", "product.information": "slogans"}}
    result = json.loads(cli("score", str(write(tmp_path / "both.json", document)), "--json").stdout)
    assert result["set_aside"] == ["inquiry.pre-inquiry-info"] and result["migrated"] == []


def test_an_id_that_no_version_of_the_bank_ever_had_is_still_an_error(tmp_path: Path) -> None:
    run = cli("score", str(write(tmp_path / "typo.json", {"answers": {"inquiry.respons-time": 5}})))
    assert run.returncode == 2 and "unknown question id 'inquiry.respons-time'" in run.stderr


def test_a_profile_travels_in_the_answers_file(tmp_path: Path) -> None:
    document = {"profile": {"model": "b2b-export", "channels": ["alibaba"]}, "answers": {"inquiry.response-time": 300}}
    result = json.loads(cli("score", str(write(tmp_path / "b2b.json", document)), "--json").stdout)
    assert result["profile"] == {"model": ["b2b-export"], "channels": ["alibaba"]}
    figure = next(o for p in result["pillars"] for o in p["outcomes"] if o["question"] == "inquiry.response-time")
    assert figure["value"] == "5 working hours" and figure["band"] == "weak"
    run = cli("score", str(write(tmp_path / "bad.json", {"profile": {"model": "b2x"}, "answers": {}})))
    assert run.returncode == 2 and "profile 'model': invalid option 'b2x'" in run.stderr


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(tmp_path: Path, start: str) -> None:
    """Finding 8: a file named '=HYPERLINK(...).json' must not become a formula in Excel or WPS."""
    name = f'{start}HYPERLINK("https:evil.example","x").json'
    folder = tmp_path / "teams"
    folder.mkdir()
    write(folder / name, {"answers": {}})
    write(folder / "plain.json", {"answers": {}})
    run = cli("score", "--", name, "plain.json", cwd=folder)
    assert run.returncode == 0, run.stderr
    rows = list(csv.reader(io.StringIO(run.stdout)))
    assert len(rows) == 3, rows
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells), cells
    assert rows[1][0].endswith('HYPERLINK("https:evil.example","x").json'), "kept readable"
    assert rows[2][0] == "plain.json"


# -- Finding 7: no input, however odd, gives a traceback; a batch keeps its good files --------------


def one_clear_line(run: subprocess.CompletedProcess[str], expected: str) -> None:
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert "Traceback" not in run.stderr and run.stderr.startswith("error: "), run.stderr
    assert run.stderr.count("\n") == 1, run.stderr
    assert expected in run.stderr, run.stderr


@pytest.mark.parametrize("digits", [400, 5000])
def test_a_huge_integer_answer_is_one_clear_line(tmp_path: Path, digits: int) -> None:
    path = tmp_path / "big.json"
    path.write_text('{"answers": {"inquiry.response-time": ' + "9" * digits + "}}", "utf-8")
    one_clear_line(cli("score", str(path)), "big.json: question 'inquiry.response-time'")
    one_clear_line(cli("score", "-", stdin=path.read_text("utf-8")), "stdin: question 'inquiry.response-time'")


def test_a_huge_integer_in_a_batch_is_listed_and_the_good_files_still_scored(tmp_path: Path) -> None:
    folder = tmp_path / "teams"
    folder.mkdir()
    write(folder / "a-good.json", {"answers": {}})
    (folder / "b-huge.json").write_text('{"answers": {"product.rating": ' + "9" * 5000 + "}}", "utf-8")
    write(folder / "c-good.json", {"answers": weakest_answers()})
    run = cli("score", str(folder))
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert [Path(r["file"]).name for r in csv.DictReader(io.StringIO(run.stdout))] == ["a-good.json", "c-good.json"]
    assert run.stderr.count("\n") == 1 and "b-huge.json: question 'product.rating'" in run.stderr


def test_the_library_raises_the_documented_error_for_huge_and_odd_numbers() -> None:
    for answers, kwargs in [
        ({"inquiry.response-time": 10**5000}, {}),
        ({"inquiry.response-time": -(10**400)}, {}),
        ({"product.rating": float("inf")}, {}),
        ({"product.rating": float("nan")}, {}),
        ({"product.rating": 5.000000000000001}, {}),
        ({"product.positioning": 10**5000}, {}),
        ({}, {"profile": {"model": 10**5000}}),
        ({}, {"lang": 10**5000}),
        ({10**5000: "x"}, {}),
    ]:
        with pytest.raises(AnswerError) as error:
            assess(answers, **kwargs)
        assert len(str(error.value)) < 200


def test_closed_stdin_is_one_clear_line() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "assessment", "score", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    one_clear_line(run, "stdin: malformed JSON")  # empty stdin: nothing to read
    closed = subprocess.run(
        ["sh", "-c", f'exec "{sys.executable}" -m assessment score - <&-'],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    one_clear_line(closed, "stdin: closed")


def test_a_file_name_that_is_not_utf8_still_gets_its_csv_with_a_strict_stdout(tmp_path: Path) -> None:
    folder = tmp_path / "teams"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder) + b"/\xff\xfeteam.json"))).write_text('{"answers": {}}', "utf-8")
    write(folder / "plain.json", {"answers": {}})
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8:strict"}
    run = subprocess.run(
        [sys.executable, "-m", "assessment", "score", str(folder)],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0 and b"Traceback" not in run.stderr, run.stderr
    rows = list(csv.reader(io.StringIO(run.stdout.decode("utf-8"))))
    assert len(rows) == 3 and any(row[0].endswith("/\ufffd\ufffdteam.json") for row in rows)


def test_a_bad_name_in_an_error_line_is_printed_safely(tmp_path: Path) -> None:
    bad = Path(os.fsdecode(bytes(tmp_path) + b"/\xff\x1b[31mred.json"))
    bad.write_text("{not json", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8:strict"}
    run = subprocess.run(
        [sys.executable, "-m", "assessment", "score", os.fsencode(bad)], capture_output=True, cwd=ROOT, env=env
    )
    assert run.returncode == 2 and b"Traceback" not in run.stderr
    assert b"\x1b" not in run.stderr and b"malformed JSON" in run.stderr and run.stderr.count(b"\n") == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_non_regular_files_are_refused_without_hanging(tmp_path: Path) -> None:
    folder = tmp_path / "teams"
    folder.mkdir()
    os.mkfifo(folder / "fifo.json")
    (folder / "zero.json").symlink_to("/dev/zero")
    (folder / "folder.json").mkdir()
    write(folder / "good.json", {"answers": {}})
    one_clear_line(cli("score", str(folder / "fifo.json"), timeout=10), "fifo.json: not a regular file")
    one_clear_line(cli("score", str(folder / "zero.json")), "zero.json: not a regular file")
    run = cli("score", str(folder), timeout=10)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert [Path(r["file"]).name for r in csv.DictReader(io.StringIO(run.stdout))] == ["good.json"]
    assert sorted(line.split(": ")[1].rsplit("/", 1)[1] for line in run.stderr.splitlines()) == [
        "fifo.json",
        "folder.json",
        "zero.json",
    ]


def test_an_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_text('{"answers": {}, "lang": "' + "x" * 200_000 + '"}', "utf-8")
    one_clear_line(cli("score", str(path)), "huge.json: too large")
    one_clear_line(cli("score", "-", stdin=path.read_text("utf-8")), "stdin: too large")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_an_overlay_that_is_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "overlay.toml")
    one_clear_line(cli("validate", "--overlay", str(tmp_path / "overlay.toml"), timeout=10), "not a regular file")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    one_clear_line(cli("validate", "--overlay", str(tmp_path / "zero.toml")), "not a regular file")


# -- Finding 11: a message names an id only when the text looks like one ---------------------------

UNTRUSTED = [
    "YOUR ANSWERS WERE UPLOADED AND DELETED. To recover them call +1 555 0100",
    "\u202eproduct.positioning",
    '<img src=x onerror="window.__pwned=1">',
    "a" * 41,
]


@pytest.mark.parametrize("text", UNTRUSTED)
def test_messages_never_repeat_untrusted_text(tmp_path: Path, text: str) -> None:
    for answers, profile in [({text: "x"}, None), ({"product.positioning": text}, None), ({}, {text: "x"})]:
        with pytest.raises(AnswerError) as error:
            assess(answers, profile=profile)
        message = str(error.value)
        assert text not in message and "UPLOADED" not in message and "<" not in message and "aaaa" not in message
        assert error.value.item in (None, "product.positioning")
    run = cli("score", str(write(tmp_path / "a.json", {"answers": {text: "x"}})))
    assert run.returncode == 2 and "unknown question id (a text of" in run.stderr
    assert text not in run.stderr and "UPLOADED" not in run.stderr


def test_the_terminal_report_leads_with_the_stop_loss_when_ads_lose_money(tmp_path: Path) -> None:
    answers = {"traffic.margin": 40, "traffic.roas": 1.5, "traffic.clicks": 5000, "product.rating": 4.8}
    run = cli("score", str(write(tmp_path / "a.json", {"answers": answers})))
    assert run.returncode == 0, run.stderr
    first = run.stdout.splitlines()[2]
    assert first.startswith("! ") and "1.5" in first and "2.5" in first  # ROAS and its break-even
