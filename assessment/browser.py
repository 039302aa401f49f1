"""The entry points the browser's Web Worker calls through Pyodide.

Strings in, strings out: JSON crosses the JavaScript/Python boundary, so no
proxies leak and errors come back as data instead of exceptions. Every function
returns {"ok": true, ...} or {"ok": false, "error": "..."}. The bank is the one
inside this package: the site's build merged its brand's overlay into it.

A document is what an export holds: {"profile", "answers", "bank_version",
"respondent"?, "company"?, "date"?, "notes"?, "actions"?}. A source (for the team
view) is {"name": "owner.json", "document": {...}} or {"name": "Link 2", "link": "https://...#s=..."},
with an optional "label" ("owner", as the CLI labels a file) for a document that names no respondent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import assess_document, get_bank
from .answers.document import document_of, read_document
from .errors import AssessmentError

# The team view, comparison, report and peer bands are imported when first used:
# the worker imports this module before the first result, and only that is on the clock.

Failure = (AssessmentError, ValueError, TypeError, KeyError, RecursionError)

CALLABLE = (
    "check_document_json",
    "share_link_json",
    "read_link_json",
    "merge_json",
    "team_read_json",
    "team_merge_json",
    "compare_json",
    "report_json",
    "place_json",
)
"""What the page's worker may call by name (besides assess_json): read from here by the worker itself
(worker.js), so the list is written once."""


def _answer(work: Callable[[], dict[str, Any]]) -> str:
    try:
        payload = work()
    except Failure as error:
        return json.dumps({"ok": False, "error": str(error)}, ensure_ascii=False)
    return json.dumps({"ok": True, **payload}, ensure_ascii=False)


def assess_json(document_json: str, lang: str) -> str:
    """Score `{"profile", "answers"}` given as JSON text; return {"ok": true, "result"} or {"ok": false, "error"}."""
    return _answer(lambda: {"result": assess_document(json.loads(document_json), lang=lang)})


def bank_version() -> str:
    return get_bank().version


def check_document_json(document_json: str) -> str:
    """A document checked and cleaned (notes and labels as plain bounded text) -> {"ok", "document"}.

    What an import keeps: an older bank's answers migrated, the rest refused
    all or nothing with a message naming the field.
    """

    def work() -> dict[str, Any]:
        bank = get_bank()
        return {"document": document_of(read_document(bank, json.loads(document_json)), bank)}

    return _answer(work)


def share_link_json(document_json: str) -> str:
    """The share-link fragment of a document -> {"ok", "fragment": "s=...", "omitted_notes": [question ids]}.

    Notes that would take the link past `link_chars` are left out and named, so the
    page can say "3 notes did not fit in the link: export a file to keep them".
    """

    from .answers.sharelink import encode_link

    def work() -> dict[str, Any]:
        bank = get_bank()
        s = read_document(bank, json.loads(document_json))
        fragment, omitted = encode_link(bank, s.profile, s.answers, s.notes, s.actions)
        return {"fragment": fragment, "omitted_notes": list(omitted)}

    return _answer(work)


def read_link_json(link: str) -> str:
    """A share link (whole address or fragment) as a checked document -> {"ok", "document"}."""
    from .answers.sharelink import read_link

    def work() -> dict[str, Any]:
        bank = get_bank()
        return {"document": document_of(read_document(bank, read_link(link, bank)), bank)}

    return _answer(work)


def merge_json(sources_json: str, lang: str) -> str:
    """The team view of several sources -> {"ok", "team", "errors": [{"name", "error"}]}.

    Each source is read all or nothing; one that does not read is named (its
    "name") in `errors` and the others still count. {"ok": false} only when none
    reads. A respondent is labelled by the respondent its document names, else the
    source's "label", else its "name".
    """
    from .workshop.team import respondents_from, team_result

    def work() -> dict[str, Any]:
        bank = get_bank()
        sources = json.loads(sources_json)
        if not isinstance(sources, list):
            raise ValueError("expected a list of sources")
        pairs, labels = [], []
        for index, source in enumerate(sources, start=1):
            if not isinstance(source, dict):
                raise ValueError(f"source {index}: expected {{name, document}} or {{name, link}}")
            name = str(source.get("name") or index)
            pairs.append((name, source.get("link") if "link" in source else source.get("document")))
            labels.append(str(source.get("label") or name))
        respondents, errors = respondents_from(bank, pairs, labels)
        if not respondents:
            raise ValueError("; ".join(f"{e['name']}: {e['error']}" for e in errors) or "no answers to merge")
        return {"team": team_result(bank, respondents, lang), "errors": errors}

    return _answer(work)


def team_read_json(sources_json: str, lang: str) -> str:
    """One batch of the team view's sources, read and scored on their own -> {"ok", "read", "errors"}.

    `read`: [{"name", "label", "document", "own"}] for each source that reads: its
    document as checked (document_of) and its own scores (team.own_scores), the costly
    part of a team view. A page reads many sources in batches, showing progress, then
    merges what was read with `team_merge_json`; `merge_json` does both at once.
    """
    from .workshop.team import own_scores, read_source

    def work() -> dict[str, Any]:
        bank = get_bank()
        read, errors = [], []
        for index, source in enumerate(_sources(sources_json), start=1):
            name = str(source.get("name") or index)
            try:
                submission = read_source(bank, source.get("link") if "link" in source else source.get("document"))
            except Failure as error:
                errors.append({"name": name, "error": str(error)})
                continue
            label = submission.respondent or str(source.get("label") or name)
            document = document_of(submission, bank)
            read.append({"name": name, "label": label, "document": document, "own": own_scores(bank, submission, lang)})
        return {"read": read, "errors": errors}

    return _answer(work)


def team_merge_json(read_json: str, lang: str) -> str:
    """The team view of sources `team_read_json` read -> {"ok", "team"}; the same view as `merge_json`."""
    from .workshop.team import respondents_from, team_result

    def work() -> dict[str, Any]:
        bank = get_bank()
        read = _sources(read_json)
        respondents, errors = respondents_from(
            bank, [(str(r["name"]), r["document"]) for r in read], [str(r["label"]) for r in read]
        )
        if errors or not respondents:
            raise ValueError("; ".join(f"{e['name']}: {e['error']}" for e in errors) or "no answers to merge")
        return {"team": team_result(bank, respondents, lang, [r["own"] for r in read])}

    return _answer(work)


def _sources(text: str) -> list[dict[str, Any]]:
    sources = json.loads(text)
    if not isinstance(sources, list) or not all(isinstance(s, dict) for s in sources):
        raise ValueError("expected a list of sources: {name, document} or {name, link}")
    return sources


def compare_json(old_json: str, new_json: str, lang: str) -> str:
    """What changed from the `old` document to the `new` one -> {"ok", "comparison"}."""
    from .workshop.compare import compare

    def work() -> dict[str, Any]:
        bank = get_bank()
        old = read_document(bank, json.loads(old_json))
        new = read_document(bank, json.loads(new_json))
        return {"comparison": compare(bank, old, new, lang)}

    return _answer(work)


def report_json(
    document_json: str,
    lang: str,
    brand_json: str,
    date: str,
    bands_json: str | None = None,
    paper: str | None = None,
) -> str:
    """The printed report of a document as one self-contained HTML page -> {"ok", "html"}.

    `brand_json`: {"name": {...}, "logo": "data:image/...", "legal": {...}, "color"?,
    "accent"?, "contact"?: {"label", "text", "url", "qr"?: "data:image/...", "qr_alt"?},
    "site_url"?}. `bands_json`: the brand's bands.json, if it ships one. `paper`:
    "a4", "letter" or null (the printer's paper; page 1 fits both).
    """
    from .render.brand import brand_from_data
    from .render.printed import render_report
    from .workshop.peers import check_bands

    def work() -> dict[str, Any]:
        bank = get_bank()
        brand = brand_from_data(json.loads(brand_json))
        bands = check_bands(bank, json.loads(bands_json)) if bands_json else None
        submission = read_document(bank, json.loads(document_json))
        return {"html": render_report(bank, submission, lang, brand, date, bands, paper)}

    return _answer(work)


def place_json(document_json: str, bands_json: str, lang: str) -> str:
    """Where each pillar stands against the middle half of companies like this one -> {"ok", "placement"}.

    `placement` is null when the bands have neither this company's group nor all
    companies; else {"group", "group_name", "companies", "pillars": [{"id", "name",
    "score", "band", "position": "below" | "within" | "above" | null, "text", "short"}]}.
    """
    from .scoring.result import build_result
    from .workshop.peers import check_bands, place

    def work() -> dict[str, Any]:
        bank = get_bank()
        bands = check_bands(bank, json.loads(bands_json))
        result = build_result(bank, read_document(bank, json.loads(document_json)), lang)
        return {"placement": place(bank, result, bands, lang)}

    return _answer(work)
