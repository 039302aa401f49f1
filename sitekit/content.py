"""Values the content states that come from data at build time, never typed into a page.

A page writes `{rf:threshold}` or, on a case study, `{rf:score:inquiry}`; the build
replaces each token with the value from the question bank or the case's
calibration file, so a fork that changes the threshold, or a recalibrated bank,
can never leave a page stating an old number. An unknown token fails the build.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Collection, Mapping
from pathlib import Path

from assessment import assess_bank, get_bank
from assessment.answers.document import check_submission
from assessment.answers.sharelink import encode
from assessment.bank.model import Bank
from assessment.bank.quick import load_quick

from .brand import MAX_BRAND_BYTES
from .figures import figure_values
from .timing import load as load_timing
from .timing import minutes, stated, workload

TOKEN = re.compile(r"\{rf:([a-z-]+)(?::([a-z0-9.-]+))?\}")
ABOUT_PAGE = re.compile(r"<!-- rf:if-page (?P<page>\S+\.md) -->\n(?P<body>.*?)<!-- rf:end -->\n?", re.S)
PAGE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]+)\]\((?P<target>[^)\s#]+\.md)(?:#[^)\s]*)?\)")
CALIBRATION = Path(__file__).resolve().parents[1] / "calibration"


class ContentError(Exception):
    """A page uses a token the build cannot fill; the message names the page and the token."""


def number(value: float) -> str:
    return f"{value:g}"


def bank_values(bank: Bank, lang: str = "en") -> dict[str, str]:
    """Values any page may state: the rules of the bank as they are in this build."""
    scoring = bank.scoring
    quick = load_quick(bank)
    longest = max(quick.sets.values(), key=lambda ids: minutes(bank, lang, only=ids), default=())
    timing = load_timing()
    units, figures = workload(bank, lang)
    fast, slow = timing["lookup_minutes"]
    return {
        "minutes": stated(minutes(bank, lang)),
        "quick-minutes": stated(minutes(bank, lang, only=longest)),
        # The reading model, as the scoring reference documents it (sitekit/data/timing.toml).
        "reading-rate": number(timing["reading_rate"][lang]),
        "reading-units": f"{units:,}",
        "lookup-figures": str(figures),
        "lookup-minutes": f"{number(fast)}–{number(slow)}",
        "quick-questions": str(len(bank.dimensions) + max(map(len, quick.sets.values()), default=0)),
        "threshold": number(scoring.health_threshold),
        "brand-file-kb": str(MAX_BRAND_BYTES // 1024),
        "bands-min-companies": str(bank.peers.min_companies),
        "failing-cap": number(scoring.failing_cap),
        "root-step": number(scoring.root_step),
        "outcome-share": number(round(100 * scoring.outcome_share)),
        "questions": str(len(bank.questions)),
        "profile-questions": str(len(bank.dimensions)),
        # What a workshop records and shows (settings.toml, [workshop]).
        "note-chars": str(bank.workshop.note_chars),
        "discuss-first": str(bank.workshop.discuss_first),
    }


def case_values(slug: str, lang: str, folder: Path = CALIBRATION, bank: Bank | None = None) -> dict[str, str]:
    """Values of one case study: from its calibration file (scores, root, the link to run it) and
    from its figures file (the before/after table, sitekit/figures.py).

    Scored with `bank`: by default upstream's, which the cases are calibrated against.
    """
    path = folder / f"{slug}.json"
    if not path.is_file():
        return {}
    document = json.loads(path.read_text("utf-8"))
    bank = bank or get_bank()
    submission = check_submission(bank, document["answers"], document.get("profile"))
    result = assess_bank(bank, document["answers"], lang, document.get("profile"))
    values = {f"score:{p['id']}": "–" if p["score"] is None else str(p["score"]) for p in result["pillars"]}
    values["case-link"] = "../../assessment/#" + encode(bank, submission.profile, submission.answers)
    values["root"] = next((p["name"] for p in result["pillars"] if p["id"] == result["root"]), "")
    return values | figure_values(slug, lang, folder)


def keep_published(markdown: str, published: Collection[str]) -> str:
    """Drop the passages that only make sense with a page the site does not publish.

    A passage that leads to a page a brand may hide (the consultant guide above
    all) is wrapped in `<!-- rf:if-page guide/fork-and-brand.md -->` and
    `<!-- rf:end -->`: it stays when the page is published and goes, with its
    link, when it is not, so hiding a page never leaves a broken link behind.
    """
    return ABOUT_PAGE.sub(lambda m: m["body"] if m["page"] in published else "", markdown)


def unlink_hidden(markdown: str, source: str, hidden: Collection[str]) -> str:
    """Keep the words of an inline link to a page the brand hides, and drop the link.

    A sentence that mentions the calculator in passing ("the [calculator](../unit-economics.md#calculator) has
    a line for it") still reads when a fork hides the page; only the link would break. `source` is the page's
    path in docs/ (links are relative to its folder); `hidden` are docs/ paths with English file names.
    """

    def unlink(match: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), match["target"]))
        return match["text"] if target in hidden else match.group(0)

    return PAGE_LINK.sub(unlink, markdown) if hidden else markdown


def expand(markdown: str, values: Mapping[str, str], where: str) -> str:
    """Replace every `{rf:name}` / `{rf:name:arg}` token; an unknown one is an error naming the page."""

    def fill(match: re.Match[str]) -> str:
        key = match.group(1) + (f":{match.group(2)}" if match.group(2) else "")
        if key not in values:
            known = ", ".join(sorted(values))
            raise ContentError(f"{where}: unknown value {match.group(0)!r} (known here: {known})")
        return values[key]

    return TOKEN.sub(fill, markdown)
