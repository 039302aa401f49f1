"""The build's engine snapshot and offline files (issue 10): made and checked at build time, failing
with one clear line, and the service worker's list and manifest as the built site needs them."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from brandsite import BRAND, at, page_file

from sitekit import snapshot as snapshots
from sitekit.brand import load_brand
from sitekit.engine import COMPRESSED_WASM, PYODIDE_DIR
from sitekit.site import prepare


@pytest.fixture(scope="module")
def site():
    built = prepare()
    yield built
    built.close()


def service_worker_list(site_dir: Path) -> dict:
    text = (site_dir / "sw.js").read_text("utf-8")
    match = re.match(r"const OFFLINE = (\{.*?\});\n", text, re.S)
    assert match, "sw.js starts with the build's list"
    return json.loads(match.group(1))


def test_the_snapshot_is_published_under_its_content_hash_and_named_by_the_pages(site_dir: Path) -> None:
    offline = service_worker_list(site_dir)
    snapshot = site_dir / offline["snapshot"]
    sha = hashlib.sha256(snapshot.read_bytes()).hexdigest()
    assert snapshot.name == f"snapshot-{sha[:16]}.bin.gz"
    for lang in BRAND.languages:
        html = page_file(site_dir, "assessment/", lang).read_text("utf-8")
        assert f'data-snapshot-sha256="{sha}"' in html
        assert snapshot.name in html


def test_the_service_worker_precaches_both_assessment_pages_the_runtime_and_the_engine(site_dir: Path) -> None:
    offline = service_worker_list(site_dir)
    files = set(offline["files"])
    assert {at("assessment/", lang) for lang in BRAND.languages} <= files
    # The runtime as the worker fetches it: gzipped WebAssembly and the trimmed standard library, never the
    # full library nor the plain binary a second time (a phone would download 12 MB more after the first visit).
    assert {f"{PYODIDE_DIR}/{name}" for name in ("pyodide.mjs", "pyodide.asm.mjs", COMPRESSED_WASM)} <= files
    unused = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
    assert not {f"{PYODIDE_DIR}/{name}" for name in unused} & files
    assert any(f.startswith("assets/engine/") and "/stdlib-" in f for f in files)
    assert any(f.endswith(".whl") for f in files)
    assert "assets/javascripts/assessment/worker.js" in files
    assert all((site_dir / f).is_file() or (site_dir / f / "index.html").is_file() for f in files)
    assert not [f for f in files if f.endswith("/") and "assessment" not in f], "only the assessment pages"
    version = json.loads((site_dir / "assets/engine/layouts.json").read_text("utf-8"))
    assert offline["cache"].split("-")[2] in version  # the cache is named by the bank's version


def test_the_manifest_names_the_brand_and_its_icons_exist(site_dir: Path) -> None:
    brand = load_brand()
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text("utf-8"))
    assert manifest["name"] == brand.name[brand.default_language]
    assert manifest["short_name"] == brand.short_name
    assert manifest["icons"] and all((site_dir / icon["src"]).is_file() for icon in manifest["icons"])
    assert 'rel="manifest"' in page_file(site_dir, "pillars/product/").read_text("utf-8")


def test_a_pyodide_that_cannot_make_snapshots_fails_the_build_with_one_line(site, tmp_path, monkeypatch) -> None:
    engine = site.build_engine()  # its trimmed runtime made with the real script
    script = tmp_path / "snapshot.mjs"
    script.write_text(
        'process.stderr.write("Can only use pyodide.makeMemorySnapshot if the _makeSnapshot option is passed\\n");'
        "process.exit(1);\n",
        "utf-8",
    )
    monkeypatch.setattr(snapshots, "SCRIPT", script)
    monkeypatch.setattr(snapshots, "CACHE", tmp_path / "cache")
    with pytest.raises(snapshots.SnapshotError) as caught:
        snapshots.make_snapshot(engine, site.bank)
    message = str(caught.value)
    assert "\n" not in message
    assert "the engine snapshot could not be made with the pinned Pyodide" in message and "_makeSnapshot" in message


def test_a_snapshot_that_scores_differently_from_cpython_fails_the_build(site, tmp_path, monkeypatch) -> None:
    engine = site.build_engine()
    monkeypatch.setattr(snapshots, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(snapshots, "_cpython_answer", lambda project, document, lang: '{"ok": true, "result": {}}')
    with pytest.raises(snapshots.SnapshotError, match="does not reproduce CPython's result"):
        snapshots.make_snapshot(engine, site.bank)
    assert not list((tmp_path / "cache").glob("*")), "nothing unverified is kept"


def test_without_node_the_build_says_what_to_install(site, tmp_path, monkeypatch) -> None:
    engine = site.build_engine()
    monkeypatch.setattr(snapshots, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(snapshots.shutil, "which", lambda name: None)
    with pytest.raises(snapshots.SnapshotError, match=r"needs Node\.js"):
        snapshots.make_snapshot(engine, site.bank)
