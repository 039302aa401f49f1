"""Private peer bands: "your score against the middle half of companies like you", without collecting anyone's answers.

A consultant who has scored many clients (the batch CSV of `python -m assessment
score FOLDER`) writes bands from it: per group of companies (by one profile
question, settings.toml [peers] group_by, and "all" companies) and per pillar,
the median and the middle half (the `low` and `high` percentiles, inclusive
method, rounded to whole points), with the number of companies behind each.
Only these aggregates leave the consultant's machine, in the brand's bands.json;
the site and the report compare a company's own scores with them on the page,
and send nothing.

What protects the clients behind the bands:

- a company counts once: rows naming the same company (several respondents, or
  several assessments over time) are one company, its latest row;
- no group and no pillar is written from fewer than `min_companies` companies
  (default 10); below that for all companies together, nothing is written at all;
- only the median and two inner percentiles are written, never a minimum, a
  maximum or a single company's score, and no names, files, dates or profiles.

Scores are read as the CSV states them: bands from CSVs of different bank
versions are allowed (their versions are listed in the file), but a consultant
should re-score old answers with the current bank first.
"""

from __future__ import annotations

import csv
import io
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..bank.model import PILLAR_IDS, Bank
from ..errors import AssessmentError

BANDS_FORMAT = 1
ALL = "all"


class PeerError(AssessmentError):
    """Peer bands cannot be written or read; the message names the file (and line, column or field)."""


@dataclass(frozen=True)
class Company:
    """One company as peer bands see it: who (to count it once), its group and its pillar scores."""

    key: str  # the company's name where the CSV gives one, otherwise its answers file
    group: str | None  # its answer to the grouping profile question
    date: str | None
    bank_version: str | None
    scores: dict[str, int | None]


def companies_from_csv(bank: Bank, text: str, name: str) -> list[Company]:
    """Rows of a batch CSV (`python -m assessment score FOLDER`); an unusable cell names its line and column."""
    reader = csv.DictReader(io.StringIO(text))
    columns = set(reader.fieldnames or ())
    group_by = bank.peers.group_by
    needed = ["file", *PILLAR_IDS, group_by]
    missing = [c for c in needed if c not in columns]
    if missing:
        raise PeerError(
            f"{name}: no {missing[0]!r} column; write the CSV with this version: "
            "python -m assessment score FOLDER > scores.csv"
        )
    companies = []
    for line, row in enumerate(reader, start=2):
        scores: dict[str, int | None] = {}
        for pillar in PILLAR_IDS:
            cell = (row.get(pillar) or "").strip()
            if not cell:
                scores[pillar] = None
                continue
            if not cell.isdigit() or not 0 <= int(cell) <= 100:
                raise PeerError(
                    f"{name}: line {line}, column {pillar!r}: expected a score 0-100 or nothing, got {cell!r}"
                )
            scores[pillar] = int(cell)
        company = (row.get("company") or "").strip()
        companies.append(
            Company(
                key=f"company:{company.casefold()}" if company else f"file:{row.get('file') or line}",
                group=(row.get(group_by) or "").strip() or None,
                date=(row.get("date") or "").strip() or None,
                bank_version=(row.get("bank_version") or "").strip() or None,
                scores=scores,
            )
        )
    return companies


def distinct(companies: Sequence[Company]) -> list[Company]:
    """One row per company: the latest by date (a row without a date counts as oldest), else the last given."""
    latest: dict[str, Company] = {}
    for company in companies:
        kept = latest.get(company.key)
        if kept is None or (company.date or "") >= (kept.date or ""):
            latest[company.key] = company
    return list(latest.values())


def build_bands(bank: Bank, companies: Sequence[Company], min_companies: int | None = None) -> dict[str, Any]:
    """Peer bands from companies' scores (see the module's rules); refuses fewer than `min_companies` companies.

    `min_companies` may raise the bank's minimum, never lower it.
    """
    rules = bank.peers
    least = max(rules.min_companies, min_companies or 0)
    unique = distinct(companies)
    if len(unique) < least:
        raise PeerError(
            f"only {len(unique)} different companies; peer bands need at least {least}, "
            "so that no client's score can be read from them"
        )
    groups: dict[str, Any] = {}
    members = {ALL: unique}
    dimension = bank.dimension(rules.group_by)
    for value in dimension.values() if dimension else ():
        members[value] = [c for c in unique if c.group == value]
    for group, chosen in members.items():
        if len(chosen) < least:
            continue
        pillars = {}
        for pillar in PILLAR_IDS:
            scores = sorted(s for c in chosen if (s := c.scores[pillar]) is not None)
            if len(scores) >= least:
                cuts = statistics.quantiles(scores, n=100, method="inclusive")
                pillars[pillar] = {
                    "companies": len(scores),
                    "low": _whole(cuts[rules.low - 1]),
                    "median": _whole(statistics.median(scores)),
                    "high": _whole(cuts[rules.high - 1]),
                }
        if pillars:
            groups[group] = {"companies": len(chosen), "pillars": pillars}
    return {
        "format": BANDS_FORMAT,
        "about": "Peer bands of Root First: aggregates only (median and middle half per pillar), see peers.py",
        "group_by": rules.group_by,
        "percentiles": [rules.low, rules.high],
        "min_companies": least,
        "bank_versions": sorted({c.bank_version for c in unique if c.bank_version}),
        "groups": groups,
    }


def _whole(value: float) -> int:
    """Rounded half up, as people round a score (22.5 -> 23), not to even."""
    return math.floor(value + 0.5)


def check_bands(bank: Bank, data: Any, name: str = "bands.json") -> dict[str, Any]:
    """A bands file as the site or a report may show it: well formed, and no band from too few companies."""
    if not isinstance(data, Mapping) or data.get("format") != BANDS_FORMAT:
        raise PeerError(
            f"{name}: not a peer bands file (format {BANDS_FORMAT}) written by `python -m assessment bands`"
        )
    groups = data.get("groups")
    if not isinstance(groups, Mapping):
        raise PeerError(f"{name}, field 'groups': must be an object")
    least = bank.peers.min_companies
    checked: dict[str, Any] = {}
    for group, entry in groups.items():

        def where(path: str, group: str = str(group)) -> str:
            return f"{name}, field 'groups.{group}{path}'"

        if not isinstance(entry, Mapping) or not isinstance(entry.get("pillars"), Mapping):
            raise PeerError(f"{where('')}: must have companies and pillars")
        pillars = {}
        for pillar, band in entry["pillars"].items():
            if pillar not in PILLAR_IDS:
                raise PeerError(f"{where('.pillars')}: unknown pillar {pillar!r}")
            raw = [band.get(k) if isinstance(band, Mapping) else None for k in ("companies", "low", "median", "high")]
            values = [v for v in raw if isinstance(v, int) and not isinstance(v, bool)]
            if len(values) != len(raw):
                raise PeerError(f"{where('.pillars.' + pillar)}: needs whole numbers companies, low, median, high")
            companies, low, median, high = values
            if companies < least:
                raise PeerError(f"{where('.pillars.' + pillar)}: made from {companies} companies, fewer than {least}")
            if not 0 <= low <= median <= high <= 100:
                raise PeerError(f"{where('.pillars.' + pillar)}: needs 0 <= low <= median <= high <= 100")
            pillars[pillar] = {"companies": companies, "low": low, "median": median, "high": high}
        checked[str(group)] = {"companies": entry.get("companies"), "pillars": pillars}
    return {**data, "groups": checked}


def place(bank: Bank, result: Mapping[str, Any], bands: Mapping[str, Any], lang: str) -> dict[str, Any] | None:
    """Where each pillar's score sits against the middle half of companies like this one.

    The group is the company's own (its answer to the grouping question) when the
    bands have it, else all companies; None when the bands have neither.
    """
    groups = bands.get("groups") or {}
    chosen = list(result.get("profile", {}).get(bands.get("group_by", bank.peers.group_by), []))
    group = chosen[0] if chosen and chosen[0] in groups else ALL
    if group not in groups:
        return None
    texts = bank.texts

    def t(key: str) -> str:
        return texts[key][lang]

    group_name = t("peers_like_you") if group != ALL else t("peers_all")
    pillars = []
    for pillar in result["pillars"]:
        band = groups[group]["pillars"].get(pillar["id"])
        score = pillar["score"]
        if band is None or score is None:
            pillars.append({"id": pillar["id"], "name": pillar["name"], "score": score, "band": band, "position": None})
            continue
        position = "below" if score < band["low"] else "above" if score > band["high"] else "within"
        line = t("peers_line").format(
            score=score,
            position=t(f"peers_{position}"),
            group=group_name,
            low=band["low"],
            high=band["high"],
            companies=band["companies"],
        )
        cell = t("peers_cell").format(low=band["low"], high=band["high"], position=t(f"peers_{position}"))
        pillars.append(
            {
                "id": pillar["id"],
                "name": pillar["name"],
                "score": score,
                "band": band,
                "position": position,
                "text": line,  # the whole sentence: "52: within the middle half of companies like you (41–68, ...)"
                "short": cell,  # beside the score in a table: "41–68: within the middle half"
            }
        )
    return {"group": group, "group_name": group_name, "companies": groups[group].get("companies"), "pillars": pillars}
