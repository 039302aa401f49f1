"""What the build publishes for the browser's printed report (sitekit/brand/assets.py): no site build, fast.

The brand as data (assets/brand/report.json) is made by `report_brand`, and both
the browser and `python -m assessment report --brand` read that data, so they
render from the same brand. A brand's peer bands (bands.json) are checked against the
site's bank before anything is built, and published with their aggregates only.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from answerfiles import fixtures

from assessment.answers.document import read_document
from assessment.bank.loader import load_bank
from assessment.render.brand import BANDS_FILE, brand_from_data, read_brand
from assessment.render.printed import render_report
from assessment.workshop.peers import check_bands
from sitekit.brand import UPSTREAM_BRAND, BrandError, load_brand
from sitekit.brand.assets import BAND_FIELDS, REPORT_FILE, read_bands, report_files, write_report_files
from sitekit.site import check

ROOT = Path(__file__).resolve().parents[1]
ACME = ROOT / "examples" / "acme-brand"
ACME_BANK = load_bank(None, ACME / "questions.toml")


def copy_of_acme(tmp_path: Path, bands: Any) -> Path:
    folder = tmp_path / "brand"
    shutil.copytree(ACME, folder)
    (folder / BANDS_FILE).write_text(bands if isinstance(bands, str) else json.dumps(bands), "utf-8")
    return folder


def acme_bands() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ACME / BANDS_FILE).read_text("utf-8"))
    return data


def test_the_command_line_renders_the_report_from_the_brand_the_build_publishes(tmp_path: Path) -> None:
    brand = load_brand(ACME)
    write_report_files(tmp_path, brand, read_bands(brand, ACME_BANK))
    published = json.loads((tmp_path / REPORT_FILE).read_text("utf-8"))
    assert published["logo"].startswith("data:image/svg+xml;base64,")
    assert published["contact"]["qr"].startswith("data:image/svg+xml;base64,")
    command_line = read_brand(tmp_path)  # the folder, as a built site's assets/brand/ holds it
    assert command_line.bands == read_bands(brand, ACME_BANK)
    assert read_brand(tmp_path / REPORT_FILE).bands is None  # the file alone carries no bands
    document = fixtures()["audio-exporter"]
    submission = read_document(ACME_BANK, document)
    for lang in ("en", "zh"):
        in_browser = render_report(ACME_BANK, submission, lang, brand_from_data(published), "2026-03-01")
        assert in_browser == render_report(ACME_BANK, submission, lang, command_line, "2026-03-01")
    assert "hello@northwind.example" in in_browser  # the contact, written out from the mailto: link


def test_the_examples_bands_are_published_checked_and_without_anything_else(tmp_path: Path) -> None:
    bands = read_bands(load_brand(ACME), ACME_BANK)
    assert bands == check_bands(ACME_BANK, acme_bands())
    assert all(group["companies"] >= ACME_BANK.peers.min_companies for group in bands["groups"].values())
    published = json.loads(report_files(load_brand(ACME), bands)[BANDS_FILE])
    assert published == bands
    with_more = {**acme_bands(), "clients": ["Acme Audio Co.", "Lotus Valves"]}
    kept = read_bands(load_brand(copy_of_acme(tmp_path, with_more)), ACME_BANK)
    assert kept is not None and "clients" not in kept and set(kept) <= set(BAND_FIELDS)


def test_a_brand_without_bands_publishes_none() -> None:
    brand = load_brand(UPSTREAM_BRAND)
    assert read_bands(brand, ACME_BANK) is None
    assert set(report_files(brand, None)) == {REPORT_FILE}


def thin(bands: dict[str, Any]) -> dict[str, Any]:
    bands["groups"]["all"]["pillars"]["product"]["companies"] = 3
    return bands


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ("{not json", r"bands\.json: not a readable JSON file"),
        ({"groups": {}}, r"bands\.json: not a peer bands file \(format 1\)"),
        (thin(acme_bands()), r"bands\.json, field 'groups\.all\.pillars\.product': made from 3 companies, fewer"),
    ],
)
def test_bands_the_site_cannot_show_stop_the_build_naming_the_file_and_field(
    tmp_path: Path, bands: Any, message: str
) -> None:
    with pytest.raises(BrandError, match=message) as caught:
        read_bands(load_brand(copy_of_acme(tmp_path, bands)), ACME_BANK)
    assert "\n" not in str(caught.value)


def test_the_build_check_names_broken_bands_before_building(tmp_path: Path) -> None:
    problem = check(ROOT, copy_of_acme(tmp_path, thin(acme_bands())))
    assert problem is not None and problem.startswith("error: ") and "bands.json, field 'groups.all" in problem
