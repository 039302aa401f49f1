"""A workshop in the browser: several people's answers merged in the team view, two snapshots compared over
time, and what a workshop records beside the answers (notes, action states, who answered for which company)
kept through a reload, an export and import, and a share link. The team view and the comparison must say what
`python -m assessment merge` and `compare` say for the same files; a note is text wherever it is shown."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    BRAND,
    ENGINE_TIMEOUT,
    LANGUAGES,
    at,
    no_engine,
    saved_record,
    set_palette,
    violations,
    wait_for_engine,
    wait_for_results,
    wait_until_stored,
)
from playwright.sync_api import Page, expect

from assessment.answers.document import read_document
from assessment.answers.plaintext import clean
from assessment.answers.sharelink import encode_link
from assessment.bank.loader import load_bank
from assessment.scoring.result import build_result

pytestmark = [pytest.mark.browser, pytest.mark.engine_cached]

ROOT = Path(__file__).resolve().parents[2]
BANK = load_bank(None, BRAND.questions)
"""The bank the built site scores with: upstream's and the built brand's overlay."""
XSS = '<img src=x onerror="window.__pwned=1">'


# -- Answers of one company, as different people see it ----------------------------------------------


def document(strength: dict[str, float], **extra: Any) -> dict[str, Any]:
    """A complete answers file: each pillar answered at a level near its `strength` (0 to 1), varied by question."""
    profile: dict[str, Any] = {}
    for dimension in BANK.dimensions:
        values = list(dimension.values())
        profile[dimension.id] = values[:2] if dimension.multiple else values[0]
    answers: dict[str, Any] = {}
    for index, question in enumerate(BANK.questions):
        level = min(1.0, max(0.0, strength[question.pillar] + (index % 3 - 1) * 0.15))
        if question.kind == "choice":
            options = sorted(question.options, key=lambda o: o.level)
            answers[question.id] = options[round(level * (len(options) - 1))].value
        else:
            low, high = question.min, question.min + (question.max - question.min) / 4
            good = level if question.better != "lower" else 1 - level
            answers[question.id] = round(low + (high - low) * good, 1)
    return {"profile": profile, "answers": answers, **extra}


def write(folder: Path, name: str, content: dict[str, Any] | str) -> Path:
    path = folder / name
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), "utf-8")
    return path


def cli(*args: str, lang: str) -> dict[str, Any]:
    """The command line's JSON for the same inputs, with the built brand's overlay."""
    command = [sys.executable, "-m", "assessment", *args, "--json", "--lang", lang]
    if BRAND.questions:
        command += ["--overlay", str(BRAND.questions)]
    return json.loads(subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True).stdout)


def share_link_of(page: Page, path: Path, lang: str) -> str:
    """A share link made the way a respondent makes one: import the answers, press "Copy share link"."""
    no_engine(page)
    page.goto(at("assessment/", lang))
    page.set_input_files("#rf-import-file", str(path))
    page.click("#rf-share")
    return page.input_value("#rf-share-url")


def drop_file(page: Page, path: Path) -> None:
    """Drop a file on the team view's drop zone, as a file dragged from the desktop arrives."""
    transfer = page.evaluate_handle(
        """([name, text]) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], name, { type: "application/json" }));
            return transfer;
        }""",
        [path.name, path.read_text("utf-8")],
    )
    page.dispatch_event("#rf-team-drop", "drop", {"dataTransfer": transfer})


# -- The team view -----------------------------------------------------------------------------------


def team_on_page(page: Page) -> dict[str, Any]:
    body = page.locator("#rf-team-body")
    return {
        "root": body.locator("[data-root]").first.get_attribute("data-root"),
        "pillars": body.locator("tr[data-pillar]").evaluate_all(
            "rows => rows.map(r => [r.dataset.pillar, r.dataset.median, r.dataset.low, r.dataset.high, r.dataset.team])"
        ),
        "discuss_first": body.locator(".rf-discuss__item").evaluate_all(
            """items => items.map(item => [item.dataset.question,
                [...item.querySelectorAll('.rf-discuss__answers > li')].map(a => [a.dataset.respondent,
                    a.querySelector('.rf-discuss__value').textContent,
                    a.querySelector('.rf-note-text bdi')?.textContent ?? null])])"""
        ),
        "respondents": body.locator("tr[data-respondent]").evaluate_all(
            "rows => rows.map(r => [r.dataset.respondent, r.dataset.root])"
        ),
    }


def team_of_cli(team: dict[str, Any]) -> dict[str, Any]:
    shown = lambda value: "" if value is None else str(value)  # noqa: E731  (as a data attribute holds it)
    return {
        "root": team["root"] or "",
        "pillars": [[p["id"], *(shown(p[k]) for k in ("median", "low", "high", "team"))] for p in team["pillars"]],
        "discuss_first": [
            [item["question"], [[a["respondent"], a["value"], a["note"]] for a in item["answers"]]]
            for item in team["discuss_first"]
        ],
        "respondents": [[r["label"], r["root"] or ""] for r in team["respondents"]],
    }


def wait_for_team(page: Page, count: int) -> None:
    wait_for_engine(page)
    expect(page.locator("#rf-team-body")).to_have_attribute("data-count", str(count), timeout=ENGINE_TIMEOUT)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_team_view_merges_files_and_links_as_the_command_line_does(
    page: Page, watch, tmp_path: Path, lang: str
) -> None:
    code = lang
    owner = document(
        {"product": 0.2, "traffic": 0.7, "inquiry": 0.6, "closing": 0.5},
        respondent="Owner",
        company="Oak & Pine",
        notes={BANK.questions[0].id: "Fix log 2025: 1 in 16 " + XSS},
    )
    ops = document({"product": 0.7, "traffic": 0.4, "inquiry": 0.6, "closing": 0.9}, company="Oak & Pine")
    ads = document({"product": 0.5, "traffic": 0.9, "inquiry": 0.3, "closing": 0.5})
    files = [write(tmp_path, "owner.json", owner), write(tmp_path, "ops.json", ops)]
    broken = write(tmp_path, "broken.json", {"answers": {"product.no-such-question": "yes"}})
    link = share_link_of(page, write(tmp_path, "ads.json", ads), lang)

    page.unroute("**/assets/pyodide/**")
    page.goto(at("assessment/team/", lang))
    page.set_input_files("#rf-team-files", [str(files[0]), str(broken)])  # several files at once
    expect(page.locator("#rf-team-list > li")).to_have_count(1)
    drop_file(page, files[1])  # or dropped on the page
    expect(page.locator("#rf-team-list > li")).to_have_count(2)
    page.fill("#rf-team-links", f"{link}\nhttps://example.invalid/not-a-share-link\n")
    page.click("#rf-team-add-links")
    wait_for_team(page, 3)

    # A bad file and a bad link are each named; the three good sources all count.
    expect(page.locator(".rf-notice--error[data-source='broken.json']")).to_be_visible()
    second_link = "链接 2" if lang == "zh" else "Link 2"
    expect(page.locator(f".rf-notice--error[data-source='{second_link}']")).to_be_visible()
    expect(page.locator("#rf-team-links")).to_have_value("https://example.invalid/not-a-share-link")
    expected = cli("merge", str(files[0]), str(files[1]), link, lang=code)
    assert team_on_page(page) == team_of_cli(expected)
    assert expected["discuss_first"], "the three respondents should disagree somewhere"
    expect(page.locator("#rf-team-result-title")).to_have_text(
        f"团队视图：{expected['count']} 位填写人" if lang == "zh" else f"Team view: {expected['count']} respondents"
    )
    expect(page.locator("#rf-team-list > li")).to_have_count(3)
    expect(page.locator("#rf-team-list > li").first).to_contain_text("Owner · Oak & Pine")
    assert page.evaluate("() => window.__pwned") is None and page.locator("img[src=x]").count() == 0

    # The table and the discuss-first list pass axe in both colour schemes.
    for scheme in ("default", "slate"):
        set_palette(page, scheme)
        page.mouse.move(0, 0)
        assert violations(page) == []

    # Remove a respondent: the view is the command line's for the other two.
    page.locator("#rf-team-list > li", has_text="ops").get_by_role("button").click()
    wait_for_team(page, 2)
    assert team_on_page(page) == team_of_cli(cli("merge", str(files[0]), link, lang=code))

    # The merged answers open in the assessment as a shared view, to be made one's own there.
    opened = page.locator("#rf-team-open")
    expect(opened).to_be_visible()
    merged = cli("merge", str(files[0]), link, lang=code)["document"]
    no_engine(page)
    page.goto(opened.get_attribute("href") or "")
    expect(page.locator("#rf-shared-view")).to_be_visible()
    for qid, value in list(merged["answers"].items())[:5]:
        if isinstance(value, str):
            expect(page.locator(f"[data-question-id='{qid}'] input[value='{value}']")).to_be_checked()


def test_two_thousand_files_merge_in_batches_with_progress_and_the_command_lines_medians(
    page: Page, watch, tmp_path: Path
) -> None:
    """One request for all once timed out near 500 files and cleared the list; the command line merges 2,000."""
    folder = tmp_path / "team"
    folder.mkdir()
    strengths = [0.1, 0.3, 0.5, 0.7, 0.9]
    files = []
    for n in range(2000):
        strength = {p: strengths[(n + i * 3) % 5] for i, p in enumerate(("product", "traffic", "inquiry", "closing"))}
        strength["product"] = min(1.0, strength["product"] + (n % 11) / 50)
        files.append(write(folder, f"r{n:04}.json", document(strength, respondent=f"R{n}")))
    copy = write(tmp_path, "r0000 copy.json", files[0].read_text("utf-8"))  # the same answers, another name
    page.goto(at("assessment/team/"))
    wait_for_engine(page)
    page.set_input_files("#rf-team-files", [str(f) for f in files])
    expect(page.locator("#rf-team-progress")).to_be_visible(timeout=60_000)  # how far the batches have got
    expect(page.locator("#rf-team-body")).to_have_attribute("data-count", "2000", timeout=600_000)
    expect(page.locator("#rf-team-progress")).to_be_hidden()
    expected = cli("merge", str(folder), lang="en")
    shown = team_on_page(page)
    assert shown["pillars"] == team_of_cli(expected)["pillars"] and shown["root"] == (expected["root"] or "")
    page.set_input_files("#rf-team-files", str(copy))
    expect(page.locator(".rf-notice--warning[data-source='r0000 copy.json']")).to_contain_text("r0000.json")
    expect(page.locator("#rf-team-list > li")).to_have_count(2000)


# -- Comparing two assessments -----------------------------------------------------------------------


def comparison_on_page(page: Page) -> dict[str, Any]:
    body = page.locator("#rf-compare-body")
    root = body.locator(".rf-compare-root")
    items = lambda kind: body.locator(f".rf-change--{kind} li[data-question]").evaluate_all(  # noqa: E731
        "items => items.map(i => i.dataset.question)"
    )
    return {
        "pillars": body.locator("tr[data-pillar]").evaluate_all(
            "rows => rows.map(r => [r.dataset.pillar, r.dataset.old, r.dataset.new, r.dataset.change])"
        ),
        "root": [root.get_attribute("data-root-moved"), root.get_attribute("data-root")],
        "improved": items("improved"),
        "slipped": items("slipped"),
        "changed": items("changed"),
        "gone": body.locator(".rf-change--gone li").evaluate_all(
            "items => items.map(i => [i.dataset.action, i.dataset.reason, i.dataset.markedDone])"
        ),
        "new": body.locator(".rf-change--new li").evaluate_all("items => items.map(i => i.dataset.action)"),
    }


def comparison_of_cli(comparison: dict[str, Any]) -> dict[str, Any]:
    shown = lambda value: "" if value is None else str(value)  # noqa: E731
    return {
        "pillars": [[p["id"], shown(p["old"]), shown(p["new"]), shown(p["change"])] for p in comparison["pillars"]],
        "root": [str(comparison["root"]["moved"]).lower(), comparison["root"]["new"] or ""],
        "improved": [e["question"] for e in comparison["improved"]],
        "slipped": [e["question"] for e in comparison["slipped"]],
        "changed": [e["question"] for e in comparison["changed"]],
        "gone": [[a["id"], a["reason"], str(a["marked_done"]).lower()] for a in comparison["actions_gone"]],
        "new": [a["id"] for a in comparison["actions_new"]],
    }


def snapshots(page: Page) -> list[dict[str, Any]]:
    key = BRAND.storage_key + ":snapshots"
    return json.loads(page.evaluate("key => localStorage.getItem(key) || '[]'", key))


def wait_for_comparison(page: Page, pair: str) -> None:
    wait_for_engine(page)
    expect(page.locator("#rf-compare-body")).to_have_attribute("data-pair", pair, timeout=ENGINE_TIMEOUT)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_two_snapshots_compare_as_the_command_line_compares_them(page: Page, watch, tmp_path: Path, lang: str) -> None:
    code = lang
    march = document({"product": 0.1, "traffic": 0.5, "inquiry": 0.5, "closing": 0.4}, company="Oak & Pine")
    plan = build_result(BANK, read_document(BANK, march), code)["plan"]
    done = plan[0]["id"]
    june = document({"product": 0.9, "traffic": 0.3, "inquiry": 0.5, "closing": 0.6}, company="Oak & Pine")
    june["actions"] = {done: "done"}
    last_year = document({"product": 0.3, "traffic": 0.1, "inquiry": 0.2, "closing": 0.2}, date="2025-06-01")

    # Snapshots are saved on the assessment page, as a company saves them from its results.
    no_engine(page)
    page.goto(at("assessment/", lang))
    for answers in (march, june):
        page.set_input_files("#rf-import-file", str(write(tmp_path, "answers.json", answers)))
        page.click("#rf-snapshot")
        expect(page.locator("[data-snapshot]").last).to_be_visible()
    later, earlier = snapshots(page)
    expect(page.locator("#rf-compare-link")).to_be_visible()

    page.unroute("**/assets/pyodide/**")
    page.goto(at("assessment/compare/", lang))
    wait_for_comparison(page, f"snapshot:{earlier['id']}|snapshot:{later['id']}")
    old = write(tmp_path, "earlier.json", earlier["document"])
    new = write(tmp_path, "later.json", later["document"])
    expected = cli("compare", str(old), str(new), lang=code)
    assert comparison_on_page(page) == comparison_of_cli(expected)
    assert expected["improved"] and [done, "done", "true"] in comparison_on_page(page)["gone"]

    # A snapshot against an older exported file, added here.
    page.set_input_files("#rf-compare-file", str(write(tmp_path, "last-year.json", last_year)))
    wait_for_comparison(page, f"file:1|snapshot:{later['id']}")
    older = cli("compare", str(tmp_path / "last-year.json"), str(new), lang=code)
    assert comparison_on_page(page) == comparison_of_cli(older)

    for scheme in ("default", "slate"):
        set_palette(page, scheme)
        page.mouse.move(0, 0)
        assert violations(page) == []

    # A snapshot can be deleted here, and the deletion undone.
    snapshot_list = page.locator("#rf-snapshot-list > li")
    expect(snapshot_list).to_have_count(2)
    snapshot_list.nth(1).get_by_role("button").click()
    expect(snapshot_list).to_have_count(1)
    assert [s["saved_at"] for s in snapshots(page)] == [later["saved_at"]]
    page.locator("[data-undo]").get_by_role("button", name="撤销" if lang == "zh" else "Undo").click()
    expect(snapshot_list).to_have_count(2)
    assert snapshots(page) == [later, earlier]


# -- What a workshop records beside the answers ------------------------------------------------------


def test_notes_labels_and_action_states_survive_reload_export_import_and_a_share_link(
    page: Page, watch, tmp_path: Path
) -> None:
    answers = document({"product": 0.2, "traffic": 0.4, "inquiry": 0.5, "closing": 0.5})
    answers["profile"] = {}
    plan = build_result(BANK, read_document(BANK, answers), "en")["plan"]
    first, second = plan[0], plan[1]
    limit = BANK.workshop.note_chars
    others = [q.id for q in BANK.questions if q.id not in (first["question"], second["question"])]
    typed = {
        first["question"]: XSS,  # markup: shown as text beside its action
        second["question"]: "Ads\u202e report\u200b, Q1\u2066 (RTL override, zero-width space, isolate)",
        others[0]: "x" * 10_000,  # far over the limit
        # Chinese takes four characters of a link each: notes this long do not all fit in one.
        others[1]: ("仓库每周盘点一次，数字来自 ERP 导出表。" * 30)[:limit],
        others[2]: ("客服后台的月度报表。" * 30)[:limit],
    }
    page.goto(at("assessment/"))
    page.set_input_files("#rf-import-file", str(write(tmp_path, "start.json", answers)))
    page.fill("#rf-respondent", "Ops lead")
    page.fill("#rf-company", "Oak & Pine <b>Ltd</b>")
    for qid, text in typed.items():
        fieldset = page.locator(f"[data-question-id='{qid}']")
        page.click(f".rf-step[data-step='{fieldset.get_attribute('data-pillar')}']")
        fieldset.locator("[data-note-toggle]").click()
        field = fieldset.locator("textarea")
        expect(field).to_have_attribute("maxlength", str(limit))  # the limit is the bank's, from the contract
        field.fill(text)
    wait_for_engine(page)
    wait_for_results(page, len(answers["answers"]))

    # Action states are set in the plan.
    page.select_option(f"select[data-action-state='{first['id']}']", "done")
    page.select_option(f"select[data-action-state='{second['id']}']", "in-progress")
    expect(page.locator(f".rf-action[data-action-id='{second['id']}']")).to_have_attribute("data-state", "in-progress")
    # A note is text where it is shown, and bounded: cleaned as the engine cleans it, never over the limit.
    expect(page.locator(f".rf-action[data-action-id='{first['id']}'] .rf-note-text bdi")).to_have_text(XSS)
    # The page saves a moment after each change: wait for the last ones before reading what it saved.
    wait_until_stored(page, ["actions", second["id"]], "in-progress")
    wait_until_stored(page, ["company"], "Oak & Pine <b>Ltd</b>")
    wait_until_stored(page, ["notes", others[2]], clean(typed[others[2]], True)[:limit])
    record = saved_record(page)
    notes = {qid: clean(text, True)[:limit] for qid, text in typed.items()}
    assert record["notes"] == {qid: notes[qid] for qid in record["notes"]} and record["notes"]
    assert set(record["notes"]) >= set(typed) - {others[0]} and all(len(n) <= limit for n in record["notes"].values())
    assert record["actions"] == {first["id"]: "done", second["id"]: "in-progress"}
    assert (record["respondent"], record["company"]) == ("Ops lead", "Oak & Pine <b>Ltd</b>")
    kept = {key: record[key] for key in ("answers", "notes", "actions", "respondent", "company")}

    # A reload keeps everything (the engine is not needed to show the form).
    no_engine(page)
    page.reload()
    assert {key: saved_record(page)[key] for key in kept} == kept
    for qid, text in kept["notes"].items():
        expect(page.locator(f"[data-question-id='{qid}'] textarea")).to_have_value(text)
    expect(page.locator("#rf-company")).to_have_value("Oak & Pine <b>Ltd</b>")

    # An export holds the notes, the action states and the labels, and an import brings them all back.
    with page.expect_download() as download:
        page.click("#rf-export")
    exported = tmp_path / "exported.json"
    download.value.save_as(exported)
    assert {key: json.loads(exported.read_text("utf-8"))[key] for key in kept} == kept
    page.click("#rf-reset")
    assert saved_record(page) == {}
    page.set_input_files("#rf-import-file", str(exported))
    wait_until_stored(page, ["company"], kept["company"])  # the file is read, then saved
    assert {key: saved_record(page)[key] for key in kept} == kept

    # A share link carries the notes that fit and says how many did not; the labels stay on the device.
    submission = read_document(BANK, kept)
    _, left_out = encode_link(BANK, submission.profile, submission.answers, submission.notes, submission.actions)
    assert left_out, "the long notes should not all fit in a link"
    page.click("#rf-share")
    expect(page.locator("#rf-share-status")).to_contain_text(f"{len(left_out)} notes did not fit in the link")
    link = page.input_value("#rf-share-url")
    page.click("#rf-reset")
    page.goto(link)
    page.get_by_role("button", name="Make these my answers").click()
    carried = next(qid for qid in kept["notes"] if qid not in left_out)
    wait_until_stored(page, ["notes", carried], kept["notes"][carried])
    adopted = saved_record(page)
    assert adopted["notes"] == {qid: text for qid, text in kept["notes"].items() if qid not in left_out}
    assert adopted["actions"] == kept["actions"] and adopted["answers"] == kept["answers"]
    assert "respondent" not in adopted and "company" not in adopted
    assert page.evaluate("() => window.__pwned") is None and page.locator("img[src=x]").count() == 0
