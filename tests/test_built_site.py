"""The built site as files: both languages complete, every link resolves, nothing loaded from elsewhere."""

from __future__ import annotations

from pathlib import Path

from sitecrawl import css_urls, is_external, read_pages, resolve

ROOT = Path(__file__).resolve().parents[1]
NOT_CONTENT = ("assets/", "search/", "404.html")
SHARE_STATE = ("s=", "answers=")  # fragments the assessment page reads answers from (assessment/sharelink.py)


def content_pages(site: Path) -> set[str]:
    return {url for url in read_pages(site) if not url.startswith(NOT_CONTENT)}


def test_every_docs_page_has_a_chinese_counterpart_and_vice_versa() -> None:
    docs = ROOT / "docs"
    english = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if not p.name.endswith(".zh.md")}
    chinese = {p.relative_to(docs).as_posix().replace(".zh.md", ".md") for p in docs.rglob("*.zh.md")}
    assert english == chinese


def test_the_built_site_has_the_same_pages_in_both_languages(site_dir: Path) -> None:
    pages = content_pages(site_dir)
    english = {url for url in pages if not url.startswith("zh/")}
    chinese = {url.removeprefix("zh/") for url in pages if url.startswith("zh/")}
    assert english == chinese
    expected = {"", "loop/", "metrics/", "about/", "assessment/", "assessment/reference/", "guide/fork-and-brand/"}
    expected |= {f"pillars/{p}/" for p in ("product", "traffic", "inquiry", "closing")}
    assert expected <= english
    assert len([url for url in english if url.startswith("cases/") and url != "cases/"]) >= 8


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    pages = read_pages(site_dir)
    by_file = {page.path.resolve(): page for page in pages.values()}
    broken = []
    checked = 0
    for page in pages.values():
        for href in page.links:
            target = resolve(site_dir, page, href)
            if target is None:
                continue
            file, fragment = target
            checked += 1
            if not file.exists():
                broken.append(f"{page.url}: {href} (no {file.relative_to(site_dir)})")
            elif fragment.startswith(SHARE_STATE):
                # a case study's "run this case" link: the fragment is answers for the assessment, not an anchor
                if file.parent.name != "assessment":
                    broken.append(f"{page.url}: {href} (answers for a page that is not the assessment)")
            elif fragment and file.suffix == ".html" and fragment not in by_file[file.resolve()].ids:
                broken.append(f"{page.url}: {href} (no #{fragment})")
    assert checked > 1000
    assert broken == []


def test_nothing_is_loaded_from_another_origin(site_dir: Path) -> None:
    offenders = []
    for page in read_pages(site_dir).values():
        for url in page.resources + [u for css in page.inline_css for u in css_urls(css)]:
            if is_external(url):
                offenders.append(f"{page.url}: {url}")
    for stylesheet in site_dir.rglob("*.css"):
        offenders += [f"{stylesheet.name}: {u}" for u in css_urls(stylesheet.read_text("utf-8")) if is_external(u)]
    assert offenders == []


def test_pyodide_and_the_engine_are_vendored_not_fetched_from_a_cdn(site_dir: Path) -> None:
    assert (site_dir / "assets/pyodide/pyodide.asm.wasm").stat().st_size > 1_000_000
    wheels = list((site_dir / "assets/engine").glob("*/*.whl"))
    assert len(wheels) == 1 and wheels[0].name.endswith("-py3-none-any.whl")
    worker = (site_dir / "assets/javascripts/assessment/worker.js").read_text("utf-8")
    assert "cdn" not in worker.lower() and "http" not in worker


def test_the_scoring_reference_is_generated_from_the_bank(site_dir: Path) -> None:
    from assessment import get_bank

    reference = (site_dir / "assessment/reference/index.html").read_text("utf-8")
    for question in get_bank().questions:
        assert question.id in reference
    chinese = (site_dir / "zh/assessment/reference/index.html").read_text("utf-8")
    assert get_bank().questions[0].text["zh"] in chinese


def test_every_case_study_links_to_its_own_diagnosis_in_the_assessment(site_dir: Path) -> None:
    """'Run this case' opens the assessment with the case's calibration answers, which give the case's root."""
    import json
    import re

    from assessment import assess_document, get_bank
    from assessment.sharelink import decode

    for calibration in sorted((ROOT / "calibration").glob("*.json")):
        case = json.loads(calibration.read_text("utf-8"))
        for prefix in ("", "zh/"):
            html = (site_dir / prefix / "cases" / calibration.stem / "index.html").read_text("utf-8")
            links = re.findall(r'href="\.\./\.\./assessment/#(s=[A-Za-z0-9_-]+)"', html)
            assert len(links) == 1, f"{prefix}{calibration.stem}: expected one 'run this case' link"
            document = decode(links[0], get_bank())
            assert document["answers"] == case["answers"]
            assert {k: set(v) if isinstance(v, list) else {v} for k, v in document["profile"].items()} == {
                k: set(v) if isinstance(v, list) else {v} for k, v in case["profile"].items()
            }
            result = assess_document(document, "zh" if prefix else "en")
            assert result["root"] == case["expect"]["root"]
            for pillar in result["pillars"]:  # the diagnosis table states the scores the link produces
                score = "–" if pillar["score"] is None else str(pillar["score"])
                assert re.search(rf'{re.escape(pillar["page"])}[^<]*"[^>]*>[^<]*</a></td>\s*<td>{score}</td>', html), (
                    f"{prefix}{calibration.stem}: {pillar['id']} {score} not in the diagnosis table"
                )
