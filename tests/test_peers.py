"""Private peer bands (`python -m assessment bands CSV... --out brand/bands.json`).

From the batch CSV a consultant already writes (`score FOLDER`): per group of companies like this
one (by business model) and per pillar, the median and the middle half, nothing else. A company
counts once; nothing is written from fewer than 10 companies (settings.toml [peers]); the command
line may raise that minimum, never lower it. A pure function places a result within the bands, so
the browser can say "your score against the middle half of companies like you" without sending it.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from answerfiles import synthetic, write

from assessment import assess_document, get_bank
from assessment.bank.model import PILLAR_IDS
from assessment.browser import place_json
from assessment.render.terminal import csv_table
from assessment.workshop.peers import Company, PeerError, build_bands, check_bands, companies_from_csv, place

ROOT = Path(__file__).resolve().parents[1]
bank = get_bank()
MINIMUM = bank.peers.min_companies
DIMENSIONS = [d.id for d in bank.dimensions]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def scores_csv(documents: list[dict[str, Any]]) -> str:
    return csv_table([(f"clients/c{i}.json", assess_document(d)) for i, d in enumerate(documents)], DIMENSIONS)


def company(key: str, scores: list[int | None], group: str = "b2b-export", date: str | None = None) -> Company:
    return Company(key, group, date, bank.version, dict(zip(PILLAR_IDS, scores, strict=True)))


def test_the_minimum_is_ten_companies_as_data() -> None:
    assert MINIMUM == 10


def test_bands_refuse_nine_companies_and_accept_ten() -> None:
    nine = [company(f"c{i}", [10 * i, 50, 50, 50]) for i in range(9)]
    with pytest.raises(PeerError, match="only 9 different companies; peer bands need at least 10"):
        build_bands(bank, nine)
    bands = build_bands(bank, [*nine, company("c9", [90, 50, 50, 50])])
    assert bands["groups"]["all"]["pillars"]["product"] == {"companies": 10, "low": 23, "median": 45, "high": 68}


def test_a_company_counts_once_however_many_rows_it_has() -> None:
    rows = [company(f"c{i}", [50, 50, 50, 50]) for i in range(9)]
    rows += [company("c0", [80, 80, 80, 80], date="2026-06-01")]  # c0 again, ninety days later
    with pytest.raises(PeerError, match="only 9 different companies"):
        build_bands(bank, rows)
    bands = build_bands(bank, [*rows, company("c9", [50, 50, 50, 50])])
    assert bands["groups"]["all"]["pillars"]["product"]["companies"] == 10
    assert bands["groups"]["all"]["pillars"]["product"]["high"] == 50  # c0 counts with its latest scores only ...
    assert build_bands(bank, [*rows[::-1], company("c9", [50] * 4)])["groups"] == bands["groups"]  # ... in any order


def test_groups_and_pillars_below_the_minimum_are_left_out() -> None:
    rows = [company(f"e{i}", [50, 50, None, 50]) for i in range(10)]
    rows += [company(f"d{i}", [60, 60, 60, 60], group="dtc") for i in range(4)]
    bands = build_bands(bank, rows)
    assert set(bands["groups"]) == {"all", "b2b-export"}  # 4 DTC brands are too few for a group of their own
    assert "inquiry" not in bands["groups"]["b2b-export"]["pillars"]  # no exporter answered it
    assert "inquiry" not in bands["groups"]["all"]["pillars"]  # 4 answers of 14 companies: too few


def test_the_file_holds_aggregates_only() -> None:
    documents = synthetic(12)
    for document in documents:
        document["respondent"] = "Wang Xiaoming"
    bands = build_bands(bank, companies_from_csv(bank, scores_csv(documents), "scores.csv"))
    text = json.dumps(bands)
    assert "Company 0" not in text and "Wang" not in text and "clients/" not in text and "2026-01" not in text
    assert set(bands) == {"format", "about", "group_by", "percentiles", "min_companies", "bank_versions", "groups"}
    for group in bands["groups"].values():
        assert set(group) == {"companies", "pillars"}
        for band in group["pillars"].values():
            assert set(band) == {"companies", "low", "median", "high"}


def test_the_command_line_refuses_nine_and_writes_ten(tmp_path: Path) -> None:
    for count in (9, 10):
        (tmp_path / f"scores-{count}.csv").write_text(scores_csv(synthetic(count)), "utf-8")
    out = tmp_path / "brand" / "bands.json"
    run = cli("bands", str(tmp_path / "scores-9.csv"), "--out", str(out))
    assert run.returncode == 2 and "only 9 different companies" in run.stderr and not out.exists()
    assert run.stderr.count("\n") == 1
    run = cli("bands", str(tmp_path / "scores-10.csv"), "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert check_bands(bank, json.loads(out.read_text("utf-8")))["groups"]["all"]["companies"] == 10
    raised = cli("bands", str(tmp_path / "scores-10.csv"), "--out", str(out), "--min-companies", "11")
    assert raised.returncode == 2 and "need at least 11" in raised.stderr
    lowered = cli("bands", str(tmp_path / "scores-9.csv"), "--out", str(out), "--min-companies", "5")
    assert lowered.returncode == 2 and "can only be raised" in lowered.stderr


def test_bands_come_from_the_csv_that_score_writes(tmp_path: Path) -> None:
    write(tmp_path / "clients", synthetic(12, models=["b2b-export", "dtc"]))
    scored = cli("score", str(tmp_path / "clients"))
    assert scored.returncode == 0, scored.stderr
    rows = list(csv.DictReader(io.StringIO(scored.stdout)))
    assert rows[0]["model"] == "b2b-export" and rows[0]["company"] == "Company 00" and rows[0]["bank_version"]
    (tmp_path / "scores.csv").write_text(scored.stdout, "utf-8")
    run = cli("bands", str(tmp_path / "scores.csv"), "--out", str(tmp_path / "bands.json"))
    assert run.returncode == 0 and "all (12)" in run.stdout


def test_a_csv_without_the_grouping_column_or_with_a_bad_score_is_named(tmp_path: Path) -> None:
    old = tmp_path / "old.csv"
    old.write_text("file,answered,total,product,traffic,inquiry,closing\na.json,1,1,50,,,\n", "utf-8")
    run = cli("bands", str(old), "--out", str(tmp_path / "b.json"))
    assert run.returncode == 2 and "old.csv: no 'model' column" in run.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("file,product,traffic,inquiry,closing,model\na.json,50,high,,,dtc\n", "utf-8")
    run = cli("bands", str(bad), "--out", str(tmp_path / "b.json"))
    assert run.returncode == 2 and "bad.csv: line 2, column 'traffic'" in run.stderr


def test_a_result_is_placed_within_the_bands_of_companies_like_it() -> None:
    rows = [company(f"e{i}", [40 + 2 * i, 50, 50, 50]) for i in range(10)]
    rows += [company(f"d{i}", [70, 70, 70, 70], group="dtc") for i in range(10)]
    bands = build_bands(bank, rows)
    exporter = {"profile": {"model": "b2b-export"}, "answers": {"product.positioning": "written"}}
    result = assess_document(exporter)
    placed = place(bank, result, bands, "en")
    assert placed is not None and placed["group"] == "b2b-export" and placed["group_name"] == "companies like you"
    product = placed["pillars"][0]
    band = bands["groups"]["b2b-export"]["pillars"]["product"]
    expected = "below" if product["score"] < band["low"] else "above" if product["score"] > band["high"] else "within"
    assert product["position"] == expected and product["band"] == band
    assert product["text"].startswith(f"{product['score']}: {expected} the middle half of companies like you")
    assert placed["pillars"][2]["position"] is None  # inquiry not assessed: nothing to place
    unknown_model = place(bank, assess_document({"answers": exporter["answers"]}), bands, "zh")
    assert unknown_model is not None and unknown_model["group"] == "all" and unknown_model["group_name"] == "所有企业"


def test_the_browser_places_a_result_without_sending_it() -> None:
    bands = build_bands(bank, [company(f"e{i}", [40 + 2 * i, 50, 50, 50]) for i in range(10)])
    document = {"profile": {"model": "b2b-export"}, "answers": {"product.positioning": "written"}}
    answer = json.loads(place_json(json.dumps(document), json.dumps(bands), "zh"))
    assert answer["ok"] and answer["placement"]["pillars"][0]["position"] in ("below", "within", "above")


def test_a_hand_edited_bands_file_below_the_minimum_is_refused() -> None:
    bands = build_bands(bank, [company(f"e{i}", [50, 50, 50, 50]) for i in range(10)])
    bands["groups"]["all"]["pillars"]["product"]["companies"] = 3
    with pytest.raises(PeerError, match=r"field 'groups\.all\.pillars\.product': made from 3 companies"):
        check_bands(bank, bands)
    with pytest.raises(PeerError, match="not a peer bands file"):
        check_bands(bank, {"groups": {}})
