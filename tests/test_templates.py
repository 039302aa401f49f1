"""Downloadable templates: CSV that Excel and WPS open correctly, that never runs a formula, linked where they help."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from assessment import get_bank
from sitekit.templates import (
    TemplateError,
    csv_bytes,
    files,
    for_actions,
    links,
    load,
    neutralise,
    path,
    template_values,
)

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = load()
LANGS = ["en", "zh"]


def read(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_the_four_templates_the_method_needs_exist_in_both_languages() -> None:
    assert {"defect-log", "inquiry-log", "competitor-comparison", "plan-30-60-90"} <= set(TEMPLATES)
    for slug in TEMPLATES:
        assert set(files(LANGS)) >= {path(slug, lang) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", list(TEMPLATES))
def test_each_file_is_utf8_with_a_bom_crlf_and_the_columns_as_header(slug: str, lang: str) -> None:
    content = csv_bytes(TEMPLATES[slug], lang)
    assert content.startswith(b"\xef\xbb\xbf"), "Excel and WPS need the byte-order mark to read UTF-8"
    assert b"\r\n" in content and b"\n" not in content.replace(b"\r\n", b"")
    rows = read(content)
    assert rows[0] == TEMPLATES[slug]["columns"][lang]
    assert all(len(row) == len(rows[0]) for row in rows)


def test_the_inquiry_log_records_response_time_and_validity() -> None:
    header = " ".join(TEMPLATES["inquiry-log"]["columns"]["en"]).lower()
    assert "response time" in header and "valid" in header
    assert "响应时间" in "".join(TEMPLATES["inquiry-log"]["columns"]["zh"])


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_are_kept_as_text(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    template = {"columns": {"en": ["a"]}, "rows": {"en": [[cell]]}}
    assert read(csv_bytes(template, "en"))[1] == ["'" + cell]


@pytest.mark.parametrize("cell", ["0–30", "3.5%", "2025-03-04", "yes", ""])
def test_ordinary_cells_are_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell


def test_a_row_that_does_not_match_the_columns_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "t.toml"
    broken.write_text('[x]\ncolumns.en = ["a", "b"]\nrows.en = [["1"]]\n', "utf-8")
    with pytest.raises(TemplateError, match="1 cells for 2 columns"):
        load(broken)


@pytest.mark.parametrize("pillar", ["product", "traffic", "inquiry", "closing"])
@pytest.mark.parametrize("lang", LANGS)
def test_each_pillar_page_links_its_templates(pillar: str, lang: str) -> None:
    page = ROOT / "docs" / "pillars" / (f"{pillar}.md" if lang == "en" else f"{pillar}.zh.md")
    assert f"{{rf:templates:{pillar}}}" in page.read_text("utf-8")
    listed = template_values(lang, "../")[f"templates:{pillar}"]
    for slug, template in TEMPLATES.items():
        assert (f"](../{path(slug, lang)})" in listed) == (pillar in template["pillars"])


def test_the_templates_page_lists_every_template_with_its_download_name() -> None:
    for lang in LANGS:
        page = ROOT / "docs" / ("templates.md" if lang == "en" else "templates.zh.md")
        assert "{rf:templates}" in page.read_text("utf-8")
        listed = links(lang, "")
        for template in TEMPLATES.values():
            assert f'download="{template["file"][lang]}"' in listed


def test_every_action_a_template_names_is_in_the_bank_and_is_linked_in_its_language() -> None:
    bank_actions = {a.id for a in get_bank().actions}
    named = {a for t in TEMPLATES.values() for a in t.get("actions", [])}
    assert named and named <= bank_actions, sorted(named - bank_actions)
    zh = for_actions("zh", bank_actions)
    assert zh["product.quality.defect-log"] == {
        "path": path("defect-log", "zh"),
        "title": TEMPLATES["defect-log"]["title"]["zh"],
        "file": TEMPLATES["defect-log"]["file"]["zh"],
    }
    assert zh["inquiry.response-time.measure"]["path"] == path("inquiry-log", "zh")


def test_a_fork_that_hides_an_action_still_gets_links_for_the_rest() -> None:
    kept = {a.id for a in get_bank().actions} - {"product.quality.defect-log"}
    links_for = for_actions("en", kept)
    assert "product.quality.defect-log" not in links_for and "product.quality.factory-fix" in links_for
