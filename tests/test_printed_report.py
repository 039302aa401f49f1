"""The printed report (`python -m assessment report`): one self-contained page a client takes to the board.

Page 1 is the summary: logo and brand name, company and respondent, date, bank version, the four
scores with a chart (and a table), the root with its reason, the three "do now" actions with
targets, the borderline note, the contact written out, the credit to 盟接之桥 and the legal line. The
appendix follows with every answer, note and action. The HTML needs no other file and may make no
request; Chromium prints it to PDF on A4 and Letter with the summary alone on page 1. The browser
renders the same report from the same function.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from answerfiles import fixtures, synthetic, write
from bankfactory import edit, make_bank
from pdftext import appears, pdf_pages
from pypdf import PdfReader

from assessment import BankError, assess_document, get_bank
from assessment.answers.document import read_document
from assessment.bank.loader import load_bank
from assessment.browser import report_json
from assessment.render.brand import ReportBrand, brand_from_data, written_address
from assessment.render.pdf import find_chromium
from assessment.render.printed import render_report
from sitekit.brand import UPSTREAM_BRAND, load_brand
from sitekit.brand.assets import report_brand, write_report_files

ROOT = Path(__file__).resolve().parents[1]
ACME = ROOT / "examples" / "acme-brand"
ACME_BRAND = report_brand(load_brand(ACME))
UPSTREAM = report_brand(load_brand(UPSTREAM_BRAND))
bank = get_bank()
FIXTURES = fixtures()
EXPORTER = {
    **FIXTURES["audio-exporter"],
    "company": "Acme Audio Co.",
    "respondent": "Ops lead",
    "date": "2026-03-01",
    "notes": {"inquiry.response-time": "<script>alert(1)</script> from the Alibaba.com dashboard"},
    "actions": {"inquiry.response-time.cover-inboxes": "done"},
}
BORDERLINE = "custom-furniture"  # a calibration case whose root turns on one answer (returns on a band edge)


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args], capture_output=True, text=True, cwd=ROOT, timeout=300, env=env
    )


def report(document: dict[str, Any], lang: str = "en", brand: ReportBrand | None = None, **options: Any) -> str:
    return render_report(bank, read_document(bank, document), lang, brand or UPSTREAM, "2026-03-01", **options)


def summary(page: str) -> str:
    return page.split('<section class="appendix"')[0]


def visible(page: str) -> str:
    """The text of a page, as a reader sees it (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_page_one_carries_everything_a_board_needs() -> None:
    result = assess_document(EXPORTER)
    brand = ACME_BRAND
    page = report({**EXPORTER, "answers": {**EXPORTER["answers"]}}, brand=brand)
    first = visible(summary(page))
    assert 'class="logo" src="data:image/svg+xml;base64,' in page
    assert "Northwind Growth Lab" in first and "Acme Audio Co." in first and "Ops lead" in first
    assert "2026-03-01" in first and bank.version in first
    for pillar in result["pillars"]:
        assert re.search(rf'data-pillar="{pillar["id"]}".*?class="score">{pillar["score"]}<', summary(page))
    assert "Fix first" in first and result["root_reason"] in first
    now = [a for a in result["plan"] if a["phase"] == "now"]
    assert len(now) == 3
    for action in now:
        # what the target measures stands beside it, as on the results page
        assert action["title"] in first and action["target"] in first
        # a figure's target says what it measures; a written goal is its own target
        planned = bank.action(action["id"])
        label = action["metric"] if planned is not None and planned.target is not None else "Target"
        assert re.search(rf"{re.escape(label)}:\s+{re.escape(action['target'])}", first), action
    assert "hello@northwind.example" in first  # the mailto: link, written out for paper
    assert 'class="qr" src="data:image/svg+xml;base64,' in summary(page)
    assert "盟接之桥" in first and brand.legal["en"] in first
    assert "✓ Done" in first  # the action marked done, in the plan on page 1


def test_the_borderline_note_is_on_page_one() -> None:
    document = FIXTURES[BORDERLINE]
    result = assess_document(document)
    assert result["borderline_note"]
    assert result["borderline_note"] in visible(summary(report(document)))


def test_ads_losing_money_on_every_order_lead_page_one() -> None:
    document = FIXTURES["short-video-fmcg"]  # ROAS 1.3 on a break-even of about 1.8
    result = assess_document(document)
    assert result["stop_loss"] and result["plan"][0]["id"] == "traffic.roas.stop-loss"
    page_one = visible(summary(report(document)))
    assert result["stop_loss"]["text"] in page_one
    assert page_one.index(result["stop_loss"]["text"]) < page_one.index(result["root_reason"])
    assert not assess_document(FIXTURES["custom-furniture"])["stop_loss"]  # ads that pay: no stop-loss


def test_the_appendix_has_every_answer_note_and_action() -> None:
    result = assess_document(EXPORTER)
    appendix = report(EXPORTER).split('<section class="appendix"')[1]
    rows = re.findall(r'<tr data-question="([^"]+)">', appendix)
    assert set(rows) == {r["question"] for r in result["answers"]} | set(result["unanswered"])
    assert set(re.findall(r'<li class="action" data-action-id="([^"]+)">', appendix)) == {
        a["id"] for a in result["plan"]
    }
    assert "&lt;script&gt;alert(1)&lt;/script&gt; from the Alibaba.com dashboard" in appendix
    assert "<script" not in report(EXPORTER)


def test_the_report_makes_no_request_and_needs_no_other_file() -> None:
    page = report(EXPORTER, brand=ACME_BRAND)
    assert "default-src 'none'" in page and "img-src data:" in page
    assert not re.search(r'(?:src|href)="(?!data:)', page)
    assert "url(" not in page and "@import" not in page and "<link" not in page and "<script" not in page


def test_chinese_reports_use_chinese_texts_and_a_chinese_font_stack() -> None:
    page = report(EXPORTER, lang="zh")
    assert '<html lang="zh-Hans">' in page and bank.fonts["zh"] in page
    text = visible(summary(page))
    assert "电商四大板块评估报告" in text and "先修" in text and "马上做" in text
    assert "方法：盟接之桥提出的四大板块模型" in text


def test_hostile_labels_and_notes_are_text_in_their_own_direction() -> None:
    page = report(
        {
            **EXPORTER,
            "company": '<img src=x onerror="alert(1)">',
            "notes": {"product.quality": "שלום \u202eevil\u202c\n<b>x</b>"},
        }
    )
    assert "<img src=x" not in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert '<bdi class="note">שלום evil\n&lt;b&gt;x&lt;/b&gt;</bdi>' in page
    assert "\u202e" not in page


def test_peer_bands_show_where_each_pillar_stands() -> None:
    from assessment.render.terminal import csv_table
    from assessment.workshop.peers import build_bands, companies_from_csv

    rows = [(f"c{i}.json", assess_document(d)) for i, d in enumerate(synthetic(12, models=["b2b-export"]))]
    table = csv_table(rows, [d.id for d in bank.dimensions])
    bands = build_bands(bank, companies_from_csv(bank, table, "scores.csv"))
    page = report(EXPORTER, bands=bands)
    assert "Companies like you" in summary(page) and 'class="band"' in summary(page)
    assert "Against companies like you" in page and "nothing was sent" in page


def test_the_browser_renders_the_same_report() -> None:
    """Same engine, same numbers: the browser's entry point returns the page the command line writes."""
    brand = ACME_BRAND
    data = {
        "name": brand.name,
        "logo": brand.logo,
        "legal": brand.legal,
        "color": brand.color,
        "accent": brand.accent,
        "site_url": brand.site_url,
        "contact": {
            "label": brand.contact.label if brand.contact else {},
            "text": brand.contact.text if brand.contact else {},
            "url": brand.contact.url if brand.contact else None,
            "qr": brand.contact.qr if brand.contact else None,
            "qr_alt": brand.contact.qr_alt if brand.contact else {},
        },
    }
    answer = json.loads(report_json(json.dumps(EXPORTER), "zh", json.dumps(data), "2026-03-01"))
    assert answer["ok"]
    assert answer["html"] == report(EXPORTER, lang="zh", brand=brand_from_data(data))
    assert answer["html"] == report(EXPORTER, lang="zh", brand=brand)


def test_a_contact_is_written_out_for_paper() -> None:
    assert written_address("mailto:hello@x.example?subject=Hi", None) == "hello@x.example"
    assert written_address("tel:+86 755 1234 5678", None) == "+86 755 1234 5678"
    assert written_address("https://x.example/book/", None) == "https://x.example/book/"
    assert written_address("assessment/", "https://x.example/site/") == "https://x.example/site/assessment/"
    assert written_address("assessment/", None) is None  # a page of the site without the site's address


def test_every_report_text_is_needed_in_every_language(tmp_path: Path) -> None:
    folder = make_bank(tmp_path / "bank")
    edit(folder, "reports.toml", lambda text: text.replace('report_credit.zh = "方法', 'report_credit.fr = "方法'))
    with pytest.raises(BankError, match=r"reports\.toml, field 'texts\.report_credit"):
        load_bank(folder)


def test_a_batch_over_a_folder_of_20_answer_files_writes_20_reports(tmp_path: Path) -> None:
    write(tmp_path / "clients", synthetic(20))
    run = cli("report", str(tmp_path / "clients"), "--lang", "zh", "--out", str(tmp_path / "reports"), "--no-pdf")
    assert run.returncode == 0, run.stderr
    pages = sorted((tmp_path / "reports").glob("*.html"))
    assert len(pages) == 20 and "wrote 20 reports" in run.stdout
    assert all('<html lang="zh-Hans">' in p.read_text("utf-8") for p in pages)


def test_a_bad_file_in_a_batch_is_named_and_the_others_still_written(tmp_path: Path) -> None:
    write(tmp_path / "clients", synthetic(3))
    (tmp_path / "clients" / "broken.json").write_text('{"answers": {"nope.nope": 1}}', "utf-8")
    run = cli("report", str(tmp_path / "clients"), "--out", str(tmp_path / "out"), "--no-pdf")
    assert run.returncode == 2 and "broken.json: unknown question id 'nope.nope'" in run.stderr
    assert len(list((tmp_path / "out").glob("*.html"))) == 3


def test_a_brand_folder_is_not_its_data_and_the_line_says_how_to_get_it(tmp_path: Path) -> None:
    """The engine never reads brand.yml: a report takes the brand as the build publishes it."""
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "brand.yml").write_text("name: {en: X}\n", "utf-8")
    (answers,) = write(tmp_path, {"a": EXPORTER})
    run = cli("report", str(answers), "--out", str(tmp_path / "out"), "--brand", str(tmp_path / "brand"))
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "a brand folder, not its report data" in run.stderr and "python -m sitekit.brand" in run.stderr


def test_broken_brand_data_is_one_line_naming_the_file_and_field(tmp_path: Path) -> None:
    data = tmp_path / "brand-data"
    write_report_files(data, load_brand(ACME), None)
    report_file = data / "report.json"
    report_file.write_text(report_file.read_text("utf-8").replace('"color":"#', '"color":"not #'), "utf-8")
    (answers,) = write(tmp_path, {"a": EXPORTER})
    run = cli("report", str(answers), "--out", str(tmp_path / "out"), "--brand", str(data))
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "report.json" in run.stderr and "'color' must be a colour" in run.stderr


def test_without_a_brand_a_report_carries_nothing_of_one(tmp_path: Path) -> None:
    (answers,) = write(tmp_path, {"a": EXPORTER})
    run = cli("report", str(answers), "--out", str(tmp_path / "out"), "--no-pdf")
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "out" / "a.html").read_text("utf-8")
    masthead = page.split('<header class="masthead">')[1].split("</header>")[0]
    assert 'class="logo"' not in page and 'class="brand-name"></p>' in masthead


def test_without_a_pdf_engine_it_says_so_and_writes_html(tmp_path: Path) -> None:
    (answers,) = write(tmp_path, {"a": EXPORTER})
    env = {**os.environ, "CHROMIUM": str(tmp_path / "no-chromium-here")}
    run = cli("report", str(answers), "--out", str(tmp_path / "out"), env=env)
    assert run.returncode == 0, run.stderr
    assert "no PDF engine found" in run.stdout and (tmp_path / "out" / "a.html").is_file()
    assert not (tmp_path / "out" / "a.pdf").exists()


@pytest.mark.browser
@pytest.mark.skipif(find_chromium() is None, reason="no Chromium to print PDFs with")
def test_chromium_prints_the_summary_alone_on_page_one_in_a4_and_letter(tmp_path: Path) -> None:
    (answers,) = write(tmp_path, {"acme": EXPORTER})
    acme_bank = load_bank(None, ACME / "questions.toml")
    result = {lang: assess_document(EXPORTER, lang, bank=acme_bank) for lang in ("en", "zh")}
    sizes = {"a4": (595, 842), "letter": (612, 792)}
    write_report_files(tmp_path / "brand", load_brand(ACME), None)
    brand = ("--brand", str(tmp_path / "brand"), "--overlay", str(ACME / "questions.toml"))
    report_command = [sys.executable, "-m", "assessment", "report", *brand]
    runs = {
        (paper, lang): subprocess.Popen(
            [
                *report_command,
                str(answers),
                "--lang",
                lang,
                "--paper",
                paper,
                "--out",
                str(tmp_path / f"{paper}-{lang}"),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for paper in sizes
        for lang in ("en", "zh")
    }
    for (paper, lang), run in runs.items():
        stdout, stderr = run.communicate(timeout=300)
        out = tmp_path / f"{paper}-{lang}"
        assert run.returncode == 0 and "1 PDF" in stdout, stderr
        box = PdfReader(out / "acme.pdf").pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == sizes[paper]
        pages = pdf_pages(out / "acme.pdf")
        first = pages[0].replace("\n", " ")
        assert appears({"en": "Northwind Growth Lab", "zh": "北风增长实验室"}[lang], first)
        for pillar in result[lang]["pillars"]:
            assert appears(f"{pillar['letter']}. {pillar['name']}", first)
            assert re.search(rf"{pillar['letter']}\. {pillar['name']}[^0-9]*{pillar['score']}", first)
        assert appears(result[lang]["root_reason"][:20], first)
        for action in (a for a in result[lang]["plan"] if a["phase"] == "now"):
            assert appears(action["title"][:12], first), action["title"]
        assert "hello@northwind.example" in first and appears("盟接之桥", first)
        assert ("Appendix" in pages[1]) or ("附录" in pages[1]), (paper, lang, pages[1][:80])
        assert "Appendix" not in first and "附录" not in first
