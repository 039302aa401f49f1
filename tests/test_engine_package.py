"""The engine a site ships: one merged bank inside a wheel with neutral metadata (sitekit/engine.py).

The browser must score with exactly the bank the build checked (upstream's with
the brand's overlay merged and validated), without fetching an overlay; and
the wheel every visitor downloads must not carry upstream's README, name or
author.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assessment import assess_bank, get_bank
from assessment.bank.codec import dumps, loads
from assessment.bank.loader import load_bank
from assessment.errors import BankError
from sitekit.brand import UPSTREAM_BRAND, load_brand
from sitekit.engine import EngineError, build_engine, publish_engine, vendor_pyodide

ROOT = Path(__file__).resolve().parents[1]
OVERLAY = ROOT / "examples" / "acme-brand" / "questions.toml"


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example brand's engine: its wheel, and the wheel unpacked as Pyodide unpacks it."""
    work = tmp_path_factory.mktemp("engine")
    engine = build_engine(load_bank(None, OVERLAY), work)
    unpacked = work / "site-packages"
    with zipfile.ZipFile(engine.wheel) as wheel:
        wheel.extractall(unpacked)
    return engine.wheel, unpacked


def test_a_bank_survives_the_trip_through_json() -> None:
    for bank in (get_bank(), load_bank(None, OVERLAY)):
        assert loads(dumps(bank)) == bank


def test_a_file_of_another_format_is_refused() -> None:
    with pytest.raises(ValueError, match="not a bank file"):
        loads(json.dumps({"format": 99, "bank": {}}))


def test_the_wheel_carries_the_merged_bank_and_scores_like_the_cli(branded: tuple[Path, Path]) -> None:
    _, unpacked = branded
    assert (unpacked / "assessment" / "bank" / "bank.json").is_file()
    assert not list((unpacked / "assessment" / "bank").glob("*.toml")), "no bank to merge in the browser"
    document = {"answers": {"inquiry.sample-policy": "none", "inquiry.live-qa": "na", "product.positioning": "written"}}
    script = (
        "import json, sys; from assessment.browser import assess_json, bank_version;"
        "print(json.dumps([bank_version(), json.loads(assess_json(sys.argv[1], 'en'))]))"
    )
    run = subprocess.run(  # -S: no site-packages, so only the unpacked wheel can be imported
        [sys.executable, "-S", "-c", script, json.dumps(document)],
        env={"PYTHONPATH": str(unpacked)},
        cwd=unpacked,
        capture_output=True,
        text=True,
        check=True,
    )
    version, payload = json.loads(run.stdout)
    northwind = load_bank(None, OVERLAY)
    assert version == northwind.version != get_bank().version
    assert payload["ok"], payload
    expected = assess_bank(northwind, document["answers"])
    assert payload["result"]["pillars"] == expected["pillars"] and payload["result"]["threshold"] == 65
    assert payload["result"]["hidden"] == ["inquiry.live-qa"], "a hidden question's answer is set aside, not an error"


def test_the_wheel_says_nothing_about_upstream(branded: tuple[Path, Path]) -> None:
    wheel, unpacked = branded
    assert wheel.name.startswith("assessment-") and wheel.name.endswith("-py3-none-any.whl")
    metadata = next(unpacked.glob("*.dist-info/METADATA")).read_text("utf-8")
    upstream = load_brand(UPSTREAM_BRAND)
    assert upstream.name["en"] not in metadata and UPSTREAM_BRAND.name not in metadata.lower()
    assert "Author" not in metadata and "Description-Content-Type" not in metadata, "no README inside"
    readme_start = (ROOT / "README.md").read_text("utf-8").splitlines()[2]
    assert readme_start not in metadata
    assert not [n for n in zipfile.ZipFile(wheel).namelist() if n.lower().endswith(("readme.md", ".toml"))]


def test_the_wheels_address_changes_with_the_bank(tmp_path: Path) -> None:
    upstream = build_engine(get_bank(), tmp_path / "a")
    northwind = build_engine(load_bank(None, OVERLAY), tmp_path / "b")
    assert upstream.url != northwind.url and upstream.url.startswith("assets/engine/")


def test_the_site_gets_the_wheel_and_every_share_link_layout(tmp_path: Path) -> None:
    bank = load_bank(None, OVERLAY)
    engine = build_engine(bank, tmp_path / "work")
    publish_engine(tmp_path / "site", engine, bank)
    assert (tmp_path / "site" / engine.url).is_file()
    layouts = json.loads((tmp_path / "site" / "assets" / "engine" / "layouts.json").read_text("utf-8"))
    assert bank.version in layouts and get_bank().version in layouts


def test_a_missing_runtime_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match=r"run scripts/setup\.sh"):
        vendor_pyodide(tmp_path / "site", source=tmp_path / "nowhere")


def test_an_overlay_is_held_to_upstreams_rules_after_the_merge(tmp_path: Path) -> None:
    """Checks run on the merged bank: an overlay's question without an action does not load."""
    overlay = tmp_path / "questions.toml"
    question = OVERLAY.read_text("utf-8").split("[[actions]]")[0]  # the example's question, without its action
    overlay.write_text(question, "utf-8")
    with pytest.raises(BankError, match=r"inquiry\.sample-policy.*has no action"):
        load_bank(None, overlay)


def test_a_long_running_build_sees_an_edited_bank(tmp_path: Path) -> None:
    """`serve` keeps one process for hours: a bank edited on disk must load fresh, not from a cache."""
    from bankfactory import make_bank

    folder = make_bank(tmp_path / "bank")
    before = load_bank(folder)
    settings = folder / "settings.toml"
    settings.write_text(settings.read_text("utf-8").replace("health_threshold = 60", "health_threshold = 61"), "utf-8")
    text = settings.read_text("utf-8").replace("min = 60", "min = 61")
    settings.write_text(text, "utf-8")
    after = load_bank(folder)
    assert (before.health_threshold, after.health_threshold) == (60, 61)
    assert load_bank(folder) is after, "unchanged files are not read again"
