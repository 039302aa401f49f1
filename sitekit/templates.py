"""Downloadable templates (defect log, inquiry log …) as CSV, generated from sitekit/data/templates.toml.

The files are UTF-8 with a byte-order mark, so Excel and WPS open Chinese text
correctly, with CRLF line ends (RFC 4180). A cell that a spreadsheet would run
as a formula (one starting with = + - @, a tab or a carriage return) is
neutralised with a leading apostrophe, as the OWASP guidance on CSV injection
advises: a template a reader fills in and shares must never execute anything.
"""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path
from typing import Any

from assessment.render.strings import strings

TEMPLATES = Path(__file__).parent / "data" / "templates.toml"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FOLDER = "assets/templates"


class TemplateError(Exception):
    """A template whose rows do not match its columns, or that lacks a language."""


def load(path: Path = TEMPLATES) -> dict[str, dict[str, Any]]:
    templates = tomllib.loads(path.read_text("utf-8"))
    for slug, template in templates.items():
        for lang, columns in template["columns"].items():
            for row in template["rows"].get(lang, []):
                if len(row) != len(columns):
                    raise TemplateError(f"{slug} ({lang}): a row has {len(row)} cells for {len(columns)} columns")
    return templates


def neutralise(cell: str) -> str:
    """The cell as text a spreadsheet shows, never runs."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def csv_bytes(template: dict[str, Any], lang: str) -> bytes:
    """The template in one language, as the bytes of a CSV file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in [template["columns"][lang], *template["rows"][lang]]:
        writer.writerow([neutralise(str(cell)) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def path(slug: str, lang: str) -> str:
    """Where the site serves the file, relative to the site's root."""
    return f"{FOLDER}/{slug}.{lang}.csv"


def files(languages: list[str], templates: dict[str, dict[str, Any]] | None = None) -> dict[str, bytes]:
    """Every template in every language: site path -> content."""
    chosen = load() if templates is None else templates
    return {path(slug, lang): csv_bytes(t, lang) for slug, t in chosen.items() for lang in languages}


def for_actions(
    lang: str, action_ids: set[str], templates: dict[str, dict[str, Any]] | None = None
) -> dict[str, dict[str, str]]:
    """The template each plan action starts with: action id -> its site path, title and file name.

    Ids the bank does not have are skipped, so a fork whose overlay hides a question
    still builds; tests/test_templates.py holds upstream's ids to the upstream bank.
    """
    chosen = load() if templates is None else templates
    return {
        action: {"path": path(slug, lang), "title": t["title"][lang], "file": t["file"][lang]}
        for slug, t in chosen.items()
        for action in t.get("actions", [])
        if action in action_ids
    }


def links(lang: str, prefix: str, pillar: str | None = None, templates: dict[str, dict[str, Any]] | None = None) -> str:
    """A Markdown list of download links (all templates, or a pillar's), relative to the page by `prefix`."""
    chosen = load() if templates is None else templates
    items = []
    for slug, t in chosen.items():
        if pillar is None or pillar in t["pillars"]:
            link = f'[{t["title"][lang]}]({prefix}{path(slug, lang)}){{ download="{t["file"][lang]}" }}'
            punctuation = strings(lang, "punctuation")
            kind = punctuation["bracket"].format(text="CSV")
            items.append(f"- **{link}**{kind}{punctuation['colon']}{t['about'][lang]}")
    return "\n".join(items)


def template_values(lang: str, prefix: str) -> dict[str, str]:
    """Tokens: `{rf:templates}` lists every template, `{rf:templates:<pillar>}` a pillar's."""
    templates = load()
    pillars = sorted({p for t in templates.values() for p in t["pillars"]})
    values = {"templates": links(lang, prefix, None, templates)}
    values |= {f"templates:{p}": links(lang, prefix, p, templates) for p in pillars}
    return values
