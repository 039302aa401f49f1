"""The build package's steps one by one, on small inputs: staging, navigation, HTML fixes, publishing.

None of these needs a site build; each module is plain Python (sitekit/).
"""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from sitekit import a11y, csp, navigation, search_index, theme
from sitekit.brand import UPSTREAM_BRAND, Brand, BrandError, NavEntry, Palette, load_brand, upstream_pages
from sitekit.publish import build_into
from sitekit.staging import language_of, stage_docs, variant

ROOT = Path(__file__).resolve().parents[1]
CODES = ("en", "zh")


def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    for name, text in {
        "index.md": "# Home",
        "index.zh.md": "# 首页",
        "about.md": "# About",
        "about.zh.md": "# 关于",
        "guide/fork-and-brand.md": "# Guide",
        "guide/fork-and-brand.zh.md": "# 指南",
        "cases/index.md": "# Cases",
        "img/diagram.svg": "<svg/>",
    }.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, "utf-8")
    return folder


def a_brand(tmp_path: Path, **fields: object) -> Brand:
    pages = tmp_path / "brand" / "pages"
    for name, text in dict(fields.pop("files", {})).items():  # type: ignore[call-overload]
        (pages / name).parent.mkdir(parents=True, exist_ok=True)
        (pages / name).write_text(text, "utf-8")
    values: dict[str, object] = {
        "folder": tmp_path / "brand",
        "name": {"en": "B", "zh": "B"},
        "short_name": "B",
        "description": {"en": "d", "zh": "d"},
        "logo": tmp_path / "logo.svg",
        "logo_dark": None,
        "favicon": tmp_path / "logo.svg",
        "colors": {"light": Palette("#000000", "#000000"), "dark": Palette("#ffffff", "#ffffff")},
        "footer": {"en": "f", "zh": "f"},
        "legal": {"en": "l", "zh": "l"},
        "languages": ("en", "zh"),
        "pages": pages if pages.exists() else None,
    }
    return Brand(**{**values, **fields})  # type: ignore[arg-type]


# -- Staging --------------------------------------------------------------------------------------


def test_pages_are_named_by_their_english_file(tmp_path: Path) -> None:
    assert language_of("cases/index.zh.md", CODES) == ("cases/index.md", "zh")
    assert language_of("cases/index.md", CODES) == ("cases/index.md", "en")
    assert variant("about.md", "zh", "en") == "about.zh.md" and variant("about.md", "zh", "zh") == "about.md"
    assert {"guide/fork-and-brand.md", "about.md"} <= upstream_pages(docs(tmp_path))


def test_a_hidden_page_is_left_out_in_every_language(tmp_path: Path) -> None:
    staged = stage_docs(docs(tmp_path), a_brand(tmp_path, hide=("guide/fork-and-brand.md",)), tmp_path / "s", CODES)
    assert not (staged.docs / "guide").exists() or not list((staged.docs / "guide").glob("*.md"))
    assert "guide/fork-and-brand.md" not in staged.pages and "about.md" in staged.pages
    assert (staged.docs / "img" / "diagram.svg").is_file()  # everything else comes along


def test_brand_pages_join_upstreams_and_a_clash_is_named(tmp_path: Path) -> None:
    brand = a_brand(tmp_path, files={"cases/client.md": "# Client", "about.md": "# Ours"})
    with pytest.raises(BrandError, match=re.escape("would replace the upstream page docs/about.md")):
        stage_docs(docs(tmp_path), brand, tmp_path / "s", CODES)
    staged = stage_docs(docs(tmp_path), a_brand(tmp_path, replace=("about.md",)), tmp_path / "s", CODES)
    assert (staged.docs / "about.md").read_text("utf-8") == "# Ours"
    assert not (staged.docs / "about.zh.md").exists(), "a replaced page is the brand's in every language"
    assert "cases/client.md" in staged.pages


def test_chinese_first_makes_the_chinese_files_the_unsuffixed_ones(tmp_path: Path) -> None:
    staged = stage_docs(docs(tmp_path), a_brand(tmp_path, languages=("zh", "en")), tmp_path / "s", CODES)
    assert (staged.docs / "index.md").read_text("utf-8") == "# 首页"
    assert (staged.docs / "index.en.md").read_text("utf-8") == "# Home"
    assert (staged.docs / "cases" / "index.en.md").is_file() and not (staged.docs / "cases" / "index.md").exists()
    assert "about.md" in staged.pages


def test_staging_never_writes_to_docs(tmp_path: Path) -> None:
    source = docs(tmp_path)
    before = {p: p.read_bytes() for p in source.rglob("*") if p.is_file()}
    stage_docs(source, a_brand(tmp_path, languages=("zh", "en"), hide=("about.md",)), tmp_path / "s", CODES)
    assert {p: p.read_bytes() for p in source.rglob("*") if p.is_file()} == before


# -- Navigation -----------------------------------------------------------------------------------

NAV = [
    {"Home": "index.md"},
    {"Case studies": ["cases/index.md", {"Early Xiaomi": "cases/early-xiaomi.md"}]},
    {"For consultants": "guide/fork-and-brand.md"},
    {"Empty soon": [{"Only": "only.md"}]},
]


def test_hidden_pages_leave_the_navigation_with_sections_left_empty() -> None:
    kept = navigation.without(NAV, {"guide/fork-and-brand.md", "only.md"})
    assert navigation.pages_of(kept) == ["index.md", "cases/index.md", "cases/early-xiaomi.md"]
    assert all("Empty soon" not in item for item in kept if isinstance(item, dict))


def test_brand_entries_go_into_their_section_or_at_the_end() -> None:
    entries = [
        NavEntry("cases/client.md", {"en": "Our client", "zh": "我们的客户"}, "Case studies"),
        NavEntry("services.md", {"en": "Services", "zh": "服务"}, None),
    ]
    nav = navigation.with_entries(NAV, entries)
    assert navigation.pages_of(navigation.section(nav, "Case studies") or []) == [
        "cases/index.md",
        "cases/early-xiaomi.md",
        "cases/client.md",
    ]
    assert nav[-1] == {"Services": "services.md"} and NAV[-1] == {"Empty soon": [{"Only": "only.md"}]}
    titles = navigation.translations("zh", {"Home": "首页"}, entries)
    assert titles == {"Home": "首页", "Our client": "我们的客户", "Services": "服务"}


def test_the_navigation_is_read_from_mkdocs_yml_without_running_its_python_tags() -> None:
    nav = navigation.read_nav(ROOT / "mkdocs.yml")
    assert "guide/fork-and-brand.md" in navigation.pages_of(nav)
    assert "cases/early-xiaomi.md" in navigation.pages_of(navigation.section(nav, "Case studies") or [])


# -- Finished HTML --------------------------------------------------------------------------------

PAGE = """<html><head><meta charset="utf-8">
      <link rel="alternate" href="/" hreflang="en">
      <link rel="alternate" href="/zh/" hreflang="zh">
<script>console.log(1)</script><script id="rf-strings" type="application/json">{"a": 1}</script>
<script src="x.js"></script>
</head><body>
<div class="md-search" data-md-component="search" role="dialog"><input class="md-search__input" aria-label="Search">
<script id="__config" type="application/json">{"annotate": null, "base": "../..", "features": []}</script>
</body></html>"""


def test_language_alternates_go_and_search_starts_from_the_languages_home() -> None:
    html = theme.search_from_language_home(theme.drop_language_alternates(PAGE), "zh/")
    assert "hreflang" not in html
    assert json.loads(html.split('type="application/json">')[2].split("</script>")[0])["base"] == "../../zh/"
    assert theme.search_from_language_home(PAGE, "") == PAGE  # the default language keeps the root


def test_the_policy_allows_exactly_the_pages_own_inline_scripts() -> None:
    scripts = [m for m in csp.INLINE_SCRIPT.finditer(PAGE) if not csp.SRC.search(m["attrs"])]
    known = {m["body"] for m in scripts if not csp.DATA_BLOCK.search(m["attrs"])}  # as if the templates emit them
    hashes = csp.checked_hashes(PAGE, known, "docs/page.md")
    assert len(hashes) == 1, "the JSON blocks and the external script need no hash"
    html = csp.add_policy(PAGE, known, "docs/page.md")
    assert f"script-src 'self' 'wasm-unsafe-eval' {hashes[0]}" in html
    assert html.index("Content-Security-Policy") > html.index('<meta charset="utf-8">')


def test_checkboxes_and_the_search_dialog_get_names() -> None:
    task = '<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled>'
    labelled = a11y.label_tasks(
        task + '<span class="task-list-indicator"></span></label> Tag <em>every</em> return</li>'
    )
    assert 'aria-label="Tag every return"' in labelled
    assert 'role="dialog" aria-label="Search"' in a11y.label_search(PAGE)


def test_each_language_gets_its_own_search_index(tmp_path: Path) -> None:
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    docs_ = [{"location": "loop/"}, {"location": "zh/loop/"}, {"location": "zh/"}]
    index.write_text(json.dumps({"config": {"separator": "[\\s]+"}, "docs": docs_}), "utf-8")
    assert search_index.find_index(tmp_path / "zh") == index
    search_index.split_index(index, ["zh"], {"zh": {"separator": "[\\s、]+"}})
    assert json.loads(index.read_text("utf-8")) == {"config": {"separator": "[\\s]+"}, "docs": [{"location": "loop/"}]}
    chinese = json.loads((tmp_path / "zh" / "search" / "search_index.json").read_text("utf-8"))
    assert chinese["docs"] == [{"location": "loop/"}, {"location": ""}]
    assert chinese["config"] == {"separator": "[\\s、]+"}, "its own language's search settings"


# -- Publishing -----------------------------------------------------------------------------------


def test_a_failed_build_leaves_the_last_site_in_place(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good", "utf-8")

    def half_built(folder: Path) -> int:
        (folder / "index.html").write_text("half", "utf-8")
        return 1

    assert build_into(site, half_built) == 1
    assert (site / "index.html").read_text("utf-8") == "last good"
    assert [p.name for p in tmp_path.iterdir()] == ["site"], "nothing left beside it"


def test_a_successful_build_replaces_the_site_whole(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "stale.html").write_text("old", "utf-8")

    def build(folder: Path) -> int:
        (folder / "index.html").write_text("new", "utf-8")
        return 0

    assert build_into(site, build) == 0
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]


def test_two_builds_at_once_write_into_folders_of_their_own(tmp_path: Path) -> None:
    seen: list[Path] = []
    barrier = threading.Barrier(2)

    def build(folder: Path) -> int:
        seen.append(folder)
        barrier.wait(timeout=10)  # both are building at the same moment
        (folder / "index.html").write_text(str(folder), "utf-8")
        return 0

    threads = [threading.Thread(target=build_into, args=(tmp_path / name, build)) for name in ("site", "public")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(seen)) == 2
    assert (tmp_path / "site" / "index.html").is_file() and (tmp_path / "public" / "index.html").is_file()


def test_the_upstream_brand_stages_every_upstream_page(tmp_path: Path) -> None:
    brand = load_brand(UPSTREAM_BRAND)
    staged = stage_docs(ROOT / "docs", brand, tmp_path / "s", CODES)
    assert staged.pages == upstream_pages()
