"""The built site as files: both languages complete, every link resolves, nothing loaded from elsewhere."""

from __future__ import annotations

from pathlib import Path

from brandsite import BRAND, page_file, prefix, published

from sitekit.links import broken_links, css_urls, is_external, read_pages, served_under

ROOT = Path(__file__).resolve().parents[1]
NOT_CONTENT = ("assets/", "search/", "404.html")


def content_pages(site: Path) -> set[str]:
    return {url for url in read_pages(site) if not url.startswith(NOT_CONTENT)}


def test_every_docs_page_has_a_chinese_counterpart_and_vice_versa() -> None:
    docs = ROOT / "docs"
    english = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if not p.name.endswith(".zh.md")}
    chinese = {p.relative_to(docs).as_posix().replace(".zh.md", ".md") for p in docs.rglob("*.zh.md")}
    assert english == chinese


def test_the_built_site_has_the_same_pages_in_both_languages(site_dir: Path) -> None:
    pages = content_pages(site_dir)
    others = BRAND.languages[1:]  # the first is at the root
    elsewhere = tuple(prefix(lang) for lang in others)
    root = {url for url in pages if not url.startswith(elsewhere)}
    for lang in others:
        assert {url.removeprefix(prefix(lang)) for url in pages if url.startswith(prefix(lang))} == root, lang
    expected = {"", "loop/", "metrics/", "about/", "assessment/", "assessment/reference/", "guide/fork-and-brand/"}
    expected |= {f"pillars/{p}/" for p in ("product", "traffic", "inquiry", "closing")}
    hidden = {url for url in expected if not published(url)}
    assert expected - hidden <= root and not hidden & root
    assert len([url for url in root if url.startswith("cases/") and url != "cases/"]) >= 8


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    checked, broken = broken_links(site_dir, served_under(BRAND.site_url))
    assert checked > 1000
    assert broken == []


def test_the_link_check_finds_a_broken_link_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="here">x</h2><a href="#here">ok</a><a href="#gone">x</a>', "utf-8"
    )
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">missing</a>', "utf-8")
    checked, broken = broken_links(tmp_path)
    assert checked == 4 and broken == ["a/: #gone (no #gone)", ": b/ (no b/index.html)"]
    # Served under /shop/: the switcher's absolute links are pages of the site, others are not.
    (tmp_path / "index.html").write_text('<a href="/shop/a/#here">ok</a><a href="/a/">outside</a>', "utf-8")
    checked, broken = broken_links(tmp_path, served_under("https://example.com/shop"))
    assert checked == 4 and [b for b in broken if b.startswith(": ")] == [": /a/ (no ../a/index.html)"]


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
    for name in ("worker.js", "worker-boot.js"):  # the worker, and its start (what it fetches)
        worker = (site_dir / "assets/javascripts/assessment" / name).read_text("utf-8")
        assert "cdn" not in worker.lower() and "http" not in worker


def test_the_scoring_reference_is_generated_from_the_bank(site_dir: Path) -> None:
    from assessment.bank.loader import load_bank

    bank = load_bank(None, BRAND.questions)  # the site's bank: upstream's, with the brand's overlay
    reference = page_file(site_dir, "assessment/reference/").read_text("utf-8")
    for question in bank.questions:
        assert question.id in reference
    for hidden in bank.hidden:
        assert f"<code>{hidden}</code>" not in reference
    chinese = page_file(site_dir, "assessment/reference/", "zh").read_text("utf-8")
    assert bank.questions[0].text["zh"] in chinese


def test_every_case_study_links_to_its_own_diagnosis_in_the_assessment(site_dir: Path) -> None:
    """'Run this case' opens the assessment with the case's calibration answers, which give the case's root."""
    import json
    import re

    from assessment import assess_document, get_bank
    from assessment.answers.sharelink import decode

    for calibration in sorted((ROOT / "calibration").glob("*.json")):
        case = json.loads(calibration.read_text("utf-8"))
        for lang in BRAND.languages:
            html = page_file(site_dir, f"cases/{calibration.stem}/", lang).read_text("utf-8")
            links = re.findall(r'href="\.\./\.\./assessment/#(s=[A-Za-z0-9_-]+)"', html)
            assert len(links) == 1, f"{lang} {calibration.stem}: expected one 'run this case' link"
            document = decode(links[0], get_bank())
            assert document["answers"] == case["answers"]
            assert {k: set(v) if isinstance(v, list) else {v} for k, v in document["profile"].items()} == {
                k: set(v) if isinstance(v, list) else {v} for k, v in case["profile"].items()
            }
            result = assess_document(document, lang)
            assert result["root"] == case["expect"]["root"]
            for pillar in result["pillars"]:  # the diagnosis table states the scores the link produces
                score = "–" if pillar["score"] is None else str(pillar["score"])
                assert re.search(rf'{re.escape(pillar["page"])}[^<]*"[^>]*>[^<]*</a></td>\s*<td>{score}</td>', html), (
                    f"{lang} {calibration.stem}: {pillar['id']} {score} not in the diagnosis table"
                )
