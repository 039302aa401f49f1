"""Escape by default (issue 15, finding 1): bank, brand and overlay texts are text wherever they appear.

A hostile text (script tags, event handlers, <meta>, <base>, <title>) fails validation with a message
naming the file and field (test_brand.py, test_bank_validation.py); a text that only holds characters
HTML and Markdown care about (quotes, <1%, &, *stars*, [links](...), `<title>` in backticks) is valid
and must render exactly as written, with the whole form and every pillar. The CSP hook allows only the
inline scripts the templates emit, and the build fails on any other, on <meta http-equiv> and on <base>.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import escape
from trickybrand import ACTION_STEP, AREA, BRAND, GUIDANCE, OPTION_LABEL, QUESTION_TEXT

from assessment.bank.loader import load_bank
from assessment.bank.markup import html_found, to_html, to_markdown

ROOT = Path(__file__).resolve().parents[1]


def csp_hook():
    from sitekit import csp

    return csp


# -- The markup of bank and brand texts -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("<script>alert(1)</script>", "<script"),
        ('<img src=x onerror="alert(1)">', "<img"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "<meta"),
        ('<base href="https://evil.example/">', "<base"),
        ("</title><script>", "</title"),
        ("<!-- hidden", "<!--"),
        ("fine `<title>` but <b>bold</b>", "<b"),
        ("Returns below <1% & a < b > c", None),
        ("put the name in each listing's `<title>`", None),
        ("<", None),
    ],
)
def test_raw_html_is_found_outside_code_spans(text: str, tag: str | None) -> None:
    assert html_found(text) == tag


def test_a_text_renders_as_html_text_with_code_spans() -> None:
    assert to_html('a `<title>` & <1% "q"') == "a <code>&lt;title&gt;</code> &amp; &lt;1% &quot;q&quot;"


@pytest.mark.parametrize(
    "text",
    [
        "[x](javascript:alert(1))",
        "*bold* _it_ **b**",
        '*x*{: onclick="alert(1)"}',
        "# heading",
        "1. a list",
        "- a list",
        "> a quote",
        "    indented code",
        "a | b",
        ":smile:",
        "!!! note",
        "*[HTML]: abbreviation",
        "<1% & `<title>`",
    ],
)
def test_a_text_in_generated_markdown_forms_no_markdown(text: str) -> None:
    import markdown

    rendered = markdown.markdown(
        to_markdown(text), extensions=["abbr", "admonition", "attr_list", "tables", "pymdownx.emoji"]
    )
    inner = re.fullmatch(r"<p>(.*)</p>", rendered, re.S)
    assert inner, rendered  # one paragraph: no heading, list, quote, code block, table or admonition
    assert not re.search(r"<(?!/?code>)", inner.group(1)), rendered  # no element but <code>
    shown = html.unescape(re.sub(r"</?code>", "", inner.group(1)))
    assert shown == " ".join(text.replace("`", "").split())


# -- A tricky but valid brand and overlay, built ----------------------------------------------------


def test_the_form_is_complete_and_every_text_shows_as_written(tricky_site: Path, tricky_brand: Path) -> None:
    bank = load_bank(None, tricky_brand / "questions.toml")
    page = (tricky_site / "assessment" / "index.html").read_text("utf-8")
    assert page.count("data-question-id=") == len(bank.questions)
    for pillar in ("profile", "product", "traffic", "inquiry", "closing"):
        assert f'id="pillar-{pillar}"' in page
    for part in ('id="rf-results"', 'id="rf-share"', 'id="rf-export"', 'id="rf-import"', "</html>"):
        assert part in page
    assert to_html(GUIDANCE) in page and "<code>&lt;title&gt;</code>" in page
    assert to_html(QUESTION_TEXT) in page and to_html(OPTION_LABEL) in page
    assert to_html(BRAND["contact_text"]) in page and escape(BRAND["qr_alt"]) in page


def test_brand_texts_are_escaped_on_every_page(tricky_site: Path) -> None:
    home = (tricky_site / "index.html").read_text("utf-8")
    assert f'<meta name="description" content="{escape(BRAND["description"])}">' in home
    assert to_html(BRAND["footer"]) in home and to_html(BRAND["legal"]) in home and "<code>&lt;b&gt;</code>" in home
    assert to_html(BRAND["contact_label"]) in home
    assert 'href="mailto:hello@northwind.example?subject=A&amp;b=c"' in home  # escaped once, not twice
    assert "Smith &amp; Co" in home or "Smith & Co" in home


def test_the_reference_page_shows_bank_texts_as_written(tricky_site: Path) -> None:
    reference = (tricky_site / "assessment" / "reference" / "index.html").read_text("utf-8")
    for text in (GUIDANCE, QUESTION_TEXT, OPTION_LABEL, ACTION_STEP, AREA):
        assert to_markdown(text).strip() in reference, text
    assert "<code>&#60;title&#62;</code>" in reference
    assert "<code>&#60;meta name&#61;&#34;description&#34;&#62;</code>" in reference


def test_nothing_in_the_site_became_markup(tricky_site: Path) -> None:
    for path in tricky_site.rglob("*.html"):
        text = path.read_text("utf-8")
        assert not re.search(r"""href=["']?javascript:""", text, re.I), path
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", text, re.I), path
        assert "<img src=x" not in text and "<b>bold" not in text, path
        assert not re.search(r"<em>not bold</em>|<em>samples</em>", text), path


def test_every_inline_script_of_the_site_is_one_the_templates_emit(tricky_site: Path) -> None:
    hook = csp_hook()
    for path in tricky_site.rglob("*.html"):
        text = path.read_text("utf-8")
        allowed = set(re.findall(r"'(sha256-[^']+)'", re.search(r"script-src ([^;]*);", text).group(1)))
        for match in hook.INLINE_SCRIPT.finditer(text):
            if hook.SRC.search(match["attrs"]) or hook.DATA_BLOCK.search(match["attrs"]):
                continue
            assert hook.digest(match["body"]).strip("'") in allowed, path


# -- The CSP hook ----------------------------------------------------------------------------------

KNOWN = "var palette = 1"
PAGE = '<html><head><meta charset="utf-8"><script>{known}</script>{extra}</head><body></body></html>'


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("<script>window.__pwned = 1</script>", "an inline <script> that no template of the site emits"),
        ("<SCRIPT type=module>import('x')</SCRIPT>", "an inline <script> that no template of the site emits"),
        ('<script type="application/json" id="other">{}</script>', "an inline <script>"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "<meta http-equiv"),
        ('<base href="https://evil.example/">', "<base"),
    ],
)
def test_the_csp_hook_refuses_what_no_template_emits(extra: str, expected: str) -> None:
    hook = csp_hook()
    with pytest.raises(hook.CspError, match=re.escape(expected)) as error:
        hook.checked_hashes(PAGE.format(known=KNOWN, extra=extra), {KNOWN}, "docs/page.md")
    assert "docs/page.md" in str(error.value)


def test_the_csp_hook_hashes_the_known_scripts_only() -> None:
    hook = csp_hook()
    extra = '<script src="x.js"></script><script type="application/json" id="rf-contract">{"a": 1}</script>'
    assert hook.checked_hashes(PAGE.format(known=KNOWN, extra=extra), {KNOWN}, "p") == [hook.digest(KNOWN)]


@pytest.mark.site
def test_a_script_in_a_brand_page_fails_the_build(tmp_path: Path, tricky_brand: Path) -> None:
    folder = tmp_path / "brand"
    shutil.copytree(tricky_brand, folder)
    page = folder / "pages" / "cases" / "northwind-valve-maker.md"
    page.write_text(page.read_text("utf-8") + "\n<script>window.__pwned = 1</script>\n", "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRAND_DIR": str(folder)}
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode != 0
    assert "cases/northwind-valve-maker.md" in run.stderr and "no template of the site emits" in run.stderr
