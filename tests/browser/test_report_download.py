"""The printed report from the results: one click, the very report the command line writes.

On the example brand's site (a logo, a contact with a QR code, peer bands), an
assessment finished with a company name, a respondent, a note and an action
marked done gives, from "Download report", an HTML file identical to what
`python -m assessment report` writes for the exported answers (the paper size
aside: the browser leaves it to the printer). Printed to PDF, its page 1 holds
the logo, the four scores, the root, the three actions to do now, the contact
written out and the credit to 盟接之桥, and rendering it makes no request at all.
"Print or save as PDF" prints the same report. The results show, in the engine's
words, where each pillar stands against the brand's peer bands; a brand without
bands shows none and fetches none.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from helpers import (
    BRAND,
    EXAMPLE_BRAND,
    LANGUAGES,
    PageWatch,
    answer_by_clicking,
    at,
    pick,
    questions_on,
    saved_record,
    serve,
    settle,
    wait_for_engine,
    wait_for_results,
)
from pdftext import appears, pdf_pages
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from assessment.answers.document import read_document
from assessment.bank.loader import load_bank
from assessment.render.brand import BANDS_FILE
from assessment.scoring.result import build_result
from assessment.workshop.peers import check_bands, place
from sitekit.brand import Brand, load_brand

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
OVERLAY = EXAMPLE_BRAND / "questions.toml"
ACME_BANK = load_bank(None, OVERLAY)
ACME = load_brand(EXAMPLE_BRAND)
PROFILE = {"model": "b2b-export"}  # a group the example's bands have a band of its own for
LABELS = {"en": ("Lotus Valves Ltd.", "Ops lead"), "zh": ("莲花阀门有限公司", "运营负责人")}
NOTE = {"en": "Checked against the Alibaba.com dashboard", "zh": "已与阿里巴巴国际站后台核对"}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def acme(acme_site: Path) -> str:
    return serve(str(acme_site))


@pytest.fixture
def acme_watch(page: Page, acme: str) -> Iterator[PageWatch]:
    """Nothing leaves the example site's origin, no script error, no CSP violation."""
    watcher = PageWatch(page, acme)
    yield watcher
    assert watcher.foreign == [], f"requests left the site's origin: {watcher.foreign}"
    assert watcher.errors == [], watcher.errors


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=True
    )


def engine_result(document: Path, lang: str) -> dict[str, Any]:
    """The command line's result for an answers file, with the example brand's questions."""
    result: dict[str, Any] = json.loads(
        cli("score", str(document), "--json", "--lang", lang, "--overlay", str(OVERLAY)).stdout
    )
    return result


def finish(page: Page, site: str, lang: str, brand: Brand = ACME) -> dict[str, Any]:
    """Answer every question through the form, on the language's assessment page; return the answers."""
    page.goto(f"{site}/{at('assessment/', lang, brand)}")
    questions = questions_on(page)
    answers = {q["id"]: pick(q, i) for i, q in enumerate(questions)}
    answer_by_clicking(page, answers, PROFILE)
    wait_for_engine(page)
    page.wait_for_selector("#rf-results-body:not([hidden])")
    return answers


def download(page: Page, button: str) -> tuple[str, Path]:
    with page.expect_download() as info:
        page.click(button)
    return info.value.suggested_filename, Path(info.value.path())


def words(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_click_gives_the_command_lines_report_with_everything_on_page_one(
    page: Page, acme: str, acme_site: Path, acme_watch: PageWatch, tmp_path: Path, lang: str
) -> None:
    finish(page, acme, lang)
    company, respondent = LABELS[lang]
    page.click(".rf-step[data-step='profile']")
    page.fill("#rf-company", company)
    page.fill("#rf-respondent", respondent)
    first = questions_on(page)[0]["id"]
    page.click(".rf-step[data-step='product']")
    page.click(f"[data-note-toggle='{first}']")
    page.fill(f"textarea[data-note='{first}']", NOTE[lang])
    done = page.locator(".rf-now select[data-action-state]").first
    done_id = done.get_attribute("data-action-state")
    done.select_option("done")
    page.wait_for_selector(f".rf-now li[data-action-id='{done_id}'][data-state='done']")

    name, path = download(page, "#rf-report")
    expect(page.locator("#rf-report-status")).to_contain_text(name)
    date = re.fullmatch(r".*-(\d{4}-\d{2}-\d{2})\.html", name)
    assert date, name
    report = path.read_text("utf-8")

    # The same answers, exported, make the same report on the command line.
    exported = tmp_path / "answers.json"
    download(page, "#rf-export")[1].replace(exported)
    document = json.loads(exported.read_text("utf-8"))
    assert document["company"] == company and document["respondent"] == respondent
    assert document["notes"] == {first: NOTE[lang]} and document["actions"] == {done_id: "done"}
    # The command line reads the brand as the build published it, and the brand's questions as its overlay.
    brand = ("--brand", str(acme_site / "assets" / "brand"), "--overlay", str(OVERLAY))
    cli("report", str(exported), *brand, "--lang", lang, "--date", date[1], "--out", str(tmp_path), "--no-pdf")
    command_line = (tmp_path / "answers.html").read_text("utf-8")
    assert report == command_line.replace("@page { size: A4; margin", "@page { margin", 1)

    # Opened and printed as a reader would: no request at all, the logo drawn, page 1 complete.
    viewer = page.context.new_page()
    requests: list[str] = []
    console: list[str] = []
    viewer.route("**/*", lambda route: (requests.append(route.request.url), route.abort()))
    viewer.on("console", lambda message: console.append(message.text))
    viewer.set_content(report)
    logo = viewer.locator("img.logo")
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")  # a data: image the report's CSP allows
    pdf = viewer.pdf(format="A4", print_background=True)
    viewer.close()
    assert requests == [] and console == []

    pages = pdf_pages(pdf)
    page_one = words(pages[0])
    result = engine_result(exported, lang)
    on_page_one = [company, respondent, result["root_reason"][:30], "hello@northwind.example", "盟接之桥"]
    root = next(p for p in result["pillars"] if p["id"] == result["root"])
    on_page_one.append(f"{root['letter']}. {root['name']}")
    now = [a for a in result["plan"] if a["phase"] == "now"]
    assert len(now) == 3
    on_page_one += [a["title"] for a in now] + [a["target"] for a in now]
    on_page_one.append(ACME_BANK.texts["state_done"][lang])
    for text in on_page_one:
        assert appears(words(text), page_one), text
    for pillar in result["pillars"]:  # the score table: each pillar, then (after the root's badge) its score
        assert re.search(rf"{re.escape(words(pillar['letter'] + '. ' + pillar['name']))}\D*{pillar['score']}", page_one)
    assert appears(words(ACME_BANK.texts["report_appendix"][lang]), words(pages[1]))
    assert not appears(words(ACME_BANK.texts["report_appendix"][lang]), page_one)
    if lang == "zh":
        assert appears("电商四大板块评估报告", page_one) and appears("马上做", page_one)
    logo_path = re.search(r'\bd="M\s*([\d.]+)[ ,]([\d.]+)', (EXAMPLE_BRAND / "logo.svg").read_text("utf-8"))
    assert logo_path and f"{logo_path[1]} {logo_path[2]} m" in page_one_drawing(pdf)


def page_one_drawing(pdf: bytes) -> str:
    """Page 1's drawing operations: an SVG logo is drawn there as the paths of its own file."""
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents()
    assert content is not None
    return content.get_data().decode("latin-1")


def test_print_or_save_as_pdf_prints_the_same_report(page: Page, acme: str, acme_watch: PageWatch) -> None:
    finish(page, acme, "en")
    _, path = download(page, "#rf-report")
    page.click("#rf-print")
    frame = page.locator("iframe[data-report='print']")
    expect(frame).to_have_attribute("sandbox", "allow-same-origin allow-modals")  # no script runs in it
    assert frame.get_attribute("srcdoc") == path.read_text("utf-8")
    expect(page.frame_locator("iframe[data-report='print']").locator("h1")).to_have_text(
        ACME_BANK.texts["report_title"]["en"]
    )
    expect(page.locator("#rf-report-status")).to_contain_text("Save as PDF")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_results_place_each_pillar_among_companies_like_you(
    page: Page, acme: str, acme_watch: PageWatch, lang: str
) -> None:
    finish(page, acme, lang)
    saved = {key: saved_record(page)[key] for key in ("profile", "answers")}  # as the page holds them
    bands = check_bands(ACME_BANK, json.loads((EXAMPLE_BRAND / BANDS_FILE).read_text("utf-8")))
    result = build_result(ACME_BANK, read_document(ACME_BANK, saved), lang)
    placement = place(ACME_BANK, result, bands, lang)
    assert placement is not None and placement["group"] == PROFILE["model"]
    wait_for_results(page, result["answered"])
    letters = {p["id"]: p["letter"] for p in result["pillars"]}
    expected = [f"{letters[p['id']]}. {p['name']} · {p['text']}" for p in placement["pillars"] if p["position"]]
    assert len(expected) == 4
    expect(page.locator(".rf-peers__list li")).to_have_text(expected)
    expect(page.locator(".rf-peers__intro")).to_contain_text(f"{placement['group_name']}")
    expect(page.locator(".rf-peers__intro")).to_contain_text(str(placement["companies"]))
    bands_fetched = [url for url in acme_watch.requests if url.endswith("/assets/brand/bands.json")]
    assert len(bands_fetched) == 1  # once, from the site itself, however often the results are redrawn
    page.mouse.move(0, 0)  # nothing hovered
    settle(page)  # the theme's colour transitions finish before axe reads contrast
    violations = Axe().run(page, options=WCAG_AA).response["violations"]
    assert [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []


@pytest.mark.skipif((BRAND.folder / BANDS_FILE).is_file(), reason="the brand ships peer bands")
def test_without_peer_bands_the_results_show_none_and_fetch_none(page: Page, watch: PageWatch, site_dir: Path) -> None:
    assert not (site_dir / "assets" / "brand" / BANDS_FILE).exists()
    finish(page, watch.origin, "en", BRAND)
    _, path = download(page, "#rf-report")
    assert "<html" in path.read_text("utf-8")
    expect(page.locator(".rf-peers")).to_have_count(0)
    assert not [url for url in watch.requests if BANDS_FILE in url]
    assert [url for url in watch.requests if url.endswith("/assets/brand/report.json")]
