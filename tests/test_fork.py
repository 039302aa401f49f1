"""The fork walk, as a test: a consultant forks the project, brands it and raises the threshold.

Issue 13 walked this path by hand and found what a client would see: pages
stating the old threshold, a pillar labelled "Solid" while named the root, the
consultant guide in the client's menu, the brand's case missing from the case
index, an engine package carrying upstream's README, a contact URL that broke
every page, a half-built site, a test suite that failed in the fork. Here the
same walk runs on a copy of this repository with the example brand in brand/,
a health threshold of 70, and each defect is looked for again. The last test
runs the README's test command in that copy.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from raised_threshold import LEVELS, THRESHOLD

ROOT = Path(__file__).resolve().parents[1]
INSIDE_A_FORK_TEST = "RF_FORK_TEST"
"""Set while the fork's own suite runs, so this file does not copy the copy."""

pytestmark = pytest.mark.skipif(bool(os.environ.get(INSIDE_A_FORK_TEST)), reason="already inside the fork walk")

ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "SKIP_BROWSER_SETUP": "1",
    "GIT_AUTHOR_NAME": "consultant",
    "GIT_AUTHOR_EMAIL": "c@example.com",
    "GIT_COMMITTER_NAME": "consultant",
    "GIT_COMMITTER_EMAIL": "c@example.com",
}
ENV.pop("BRAND_DIR", None)


def run(fork: Path, *command: str, timeout: int = 600, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(command), cwd=fork, env={**ENV, **env}, capture_output=True, text=True, timeout=timeout)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def fork(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of this repository, branded with the example and a threshold of 70, as the guide says."""
    fork = tmp_path_factory.mktemp("walk") / "fork"
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(ROOT), str(fork)], check=True, timeout=300)
    if digest(fork / "pyproject.toml") != digest(ROOT / "pyproject.toml"):
        pytest.skip("pyproject.toml has uncommitted changes: the copy shares this checkout's .venv; commit first")
    for installed in (".venv", "node_modules"):
        (fork / installed).symlink_to(ROOT / installed)
    shutil.rmtree(fork / "brand", ignore_errors=True)  # upstream's state, even when this checkout is a fork
    subprocess.run(["cp", "-r", "examples/acme-brand", "brand"], cwd=fork, check=True)  # the guide's step 1
    overlay = fork / "brand" / "questions.toml"
    text = overlay.read_text("utf-8")
    text = re.sub(r"health_threshold = \d+", f"health_threshold = {THRESHOLD}", text)
    text = re.sub(r"\n\[\[levels\]\].*?(?=\n# Exporters)", "\n" + LEVELS + "\n", text, flags=re.S)
    overlay.write_text(text, "utf-8")
    subprocess.run(["git", "add", "-A"], cwd=fork, env=ENV, check=True)
    subprocess.run(["git", "commit", "--quiet", "-m", "Our brand"], cwd=fork, env=ENV, check=True)
    built = run(fork, sys.executable, "scripts/build.py")
    assert built.returncode == 0, built.stderr[-3000:]
    return fork


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)))


def pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "assets" not in p.parts and p.name != "404.html"]


def test_no_page_states_the_old_threshold_as_this_sites(fork: Path) -> None:
    stated_old = []
    for page in pages(fork / "site"):
        text = text_of(page.read_text("utf-8"))
        relative = page.relative_to(fork / "site").as_posix()
        found = set(re.findall(r"(?:health threshold|threshold of|the line)\D{0,24}?(\d{2,3})\b", text, re.I))
        found |= set(re.findall(r"健康线[^\d的，。]{0,6}?(?<!满分 )(\d{2,3})", text))
        if "60" in found and not ("/cases/" in f"/{relative}" and "70" in found):
            stated_old.append(relative)
    assert stated_old == [], stated_old


def test_a_pillar_below_the_threshold_never_gets_a_healthy_level(fork: Path) -> None:
    script = (
        "from assessment.loader import load_bank; b = load_bank(None, 'brand/questions.toml');"
        "print(b.health_threshold, [b.level_for(s).name['en'] for s in (69, 70)])"
    )
    shown = run(fork, sys.executable, "-c", script)
    assert shown.stdout.strip() == "70.0 ['Developing', 'Solid']", shown.stderr
    reference = (fork / "site" / "assessment" / "reference" / "index.html").read_text("utf-8")
    assert "<strong>70</strong> / 100" in reference and "70 – 88" in reference


def test_the_consultant_guide_is_not_in_the_clients_site(fork: Path) -> None:
    site = fork / "site"
    assert not (site / "guide").exists()
    assert not [p for p in pages(site) if "fork-and-brand" in p.read_text("utf-8")]


def test_the_brands_case_study_is_in_the_case_index(fork: Path) -> None:
    for index in ("cases/index.html", "zh/cases/index.html"):
        assert '<td><a href="northwind-valve-maker/">' in (fork / "site" / index).read_text("utf-8")


def test_the_engine_visitors_download_says_nothing_of_upstream(fork: Path) -> None:
    (wheel,) = (fork / "site" / "assets" / "engine").glob("*/*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(archive.read(n) for n in archive.namelist() if n.endswith("METADATA")).decode("utf-8")
        bank = next(archive.read(n) for n in archive.namelist() if n.endswith("bank/bank.json")).decode("utf-8")
    assert "Root First" not in metadata and "Author" not in metadata and "root_first" not in wheel.name
    assert '"health_threshold":70' in bank, "the merged bank, not an overlay fetched later"


def test_the_credit_stays_on_every_page_and_the_report(fork: Path) -> None:
    missing = [p for p in pages(fork / "site") if 'class="rf-credit"' not in p.read_text("utf-8")]
    assert missing == []
    assessment = (fork / "site" / "assessment" / "index.html").read_text("utf-8")
    assert re.search(r'rf-report-credit">[^<]*盟接之桥', assessment)


def test_a_contact_url_without_a_scheme_is_refused_before_building(fork: Path) -> None:
    brand = fork / "brand" / "brand.yml"
    original = brand.read_text("utf-8")
    try:
        for url in ("hello@northwind.example", "联系我们"):
            brand.write_text(original.replace("mailto:hello@northwind.example", url), "utf-8")
            checked = run(fork, sys.executable, "scripts/build.py", "--check-only")
            assert checked.returncode == 2 and "field 'contact.url'" in checked.stderr, url
    finally:
        brand.write_text(original, "utf-8")


def test_a_failed_build_leaves_the_published_site_whole(fork: Path) -> None:
    before = sorted(p.relative_to(fork / "site").as_posix() for p in (fork / "site").rglob("*"))
    overlay = fork / "brand" / "questions.toml"
    original = overlay.read_text("utf-8")
    try:
        overlay.write_text(original + '\n[weights]\n"no.such-question" = 2\n', "utf-8")
        failed = run(fork, sys.executable, "scripts/build.py")
        assert failed.returncode != 0
    finally:
        overlay.write_text(original, "utf-8")
    assert sorted(p.relative_to(fork / "site").as_posix() for p in (fork / "site").rglob("*")) == before
    assert not [p.name for p in fork.iterdir() if ".building-" in p.name or ".old-" in p.name]


def test_chinese_can_be_the_default_language(fork: Path) -> None:
    brand = fork / "brand" / "brand.yml"
    original = brand.read_text("utf-8")
    try:
        brand.write_text(original.replace("languages: [en, zh]", "languages: [zh, en]"), "utf-8")
        checked = run(fork, sys.executable, "scripts/build.py", "--check-only")
        assert checked.returncode == 0, checked.stderr  # built and checked in tests/test_languages.py
    finally:
        brand.write_text(original, "utf-8")


def test_upstream_editing_its_own_brand_merges_into_the_fork(fork: Path, tmp_path: Path) -> None:
    upstream = tmp_path / "upstream"
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(ROOT), str(upstream)], check=True, timeout=300)
    if (upstream / "brand").exists():
        subprocess.run(["git", "rm", "-r", "--quiet", "brand"], cwd=upstream, env=ENV, check=True)
        subprocess.run(["git", "commit", "--quiet", "-m", "upstream"], cwd=upstream, env=ENV, check=True)
    brand = upstream / "brands" / "root-first" / "brand.yml"
    brand.write_text(brand.read_text("utf-8").replace("Root First", "Root First, renamed"), "utf-8")
    subprocess.run(["git", "commit", "--quiet", "-am", "Upstream renames its site"], cwd=upstream, env=ENV, check=True)
    clone = tmp_path / "fork"
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(fork), str(clone)], check=True, timeout=300)
    merged = run(clone, "git", "pull", "--no-rebase", "--no-edit", str(upstream), "HEAD")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert "Northwind" in (clone / "brand" / "brand.yml").read_text("utf-8")
    assert run(clone, "git", "status", "--porcelain").stdout == ""


def test_the_readmes_test_command_passes_in_the_fork(fork: Path) -> None:
    """ruff, mypy, node --test and the whole pytest suite, browser tests included, against the fork's brand."""
    shutil.rmtree(fork / "site")
    suite = run(
        fork, "bash", "scripts/test.sh", "-q", "-p", "no:cacheprovider", timeout=3600, **{INSIDE_A_FORK_TEST: "1"}
    )
    tail = (suite.stdout + suite.stderr)[-4000:]
    assert suite.returncode == 0, tail
    assert re.search(r"\d+ passed", suite.stdout), tail
