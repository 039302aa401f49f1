"""Command line: `python -m assessment questions|score|validate|merge|compare|report|bands|layout`.

Bad input (unknown question, invalid option, malformed JSON, an unreadable,
oversized or non-regular file, closed stdin, a broken bank) prints one line on
stderr and exits with status 2, never a traceback. Many files give one CSV of the
good ones, and one error line per bad one. merge, compare and report read answers
files or share links alike.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .. import assess_document, load_questionnaire
from ..answers.document import Submission
from ..answers.sharelink import LAYOUTS, known_layouts, layout
from ..bank.files import NotRegularFile, read_limited
from ..bank.loader import load_bank
from ..bank.model import Bank
from ..errors import AssessmentError
from ..render.terminal import compare_report, csv_table, team_report, text_report
from ..workshop.compare import compare
from ..workshop.team import read_source, respondents_from, team_result
from .inputs import InputError, _is_link, _read_json, shown_name

PDF_WORKERS = 4

EXIT_BAD_INPUT = 2
MAX_CSV_BYTES = 20 * 1024 * 1024
"""The largest batch CSV read for peer bands: some 100,000 companies, far beyond any consultant's."""
OVERLAY_ENV = "ASSESSMENT_OVERLAY"
"""Environment variable naming a brand overlay (TOML) for the command line when --overlay is not given."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assessment", description="Four-pillar e-commerce self-assessment.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", default="en", help="language of the texts: en or zh (default: en)")
    common.add_argument("--overlay", help="a brand overlay (TOML) to apply; default: $ASSESSMENT_OVERLAY")
    commands = parser.add_subparsers(dest="command", required=True)
    questions = commands.add_parser("questions", parents=[common], help="print the question bank")
    questions.add_argument("--json", action="store_true", help="print JSON instead of text")
    score = commands.add_parser("score", parents=[common], help="score answers and print the root-first plan")
    score.add_argument(
        "paths",
        nargs="+",
        metavar="FILE",
        help='answers JSON {"profile": {...}, "answers": {...}}, "-" for stdin, or a folder',
    )
    score.add_argument("--json", action="store_true", help="print JSON instead of a report")
    commands.add_parser("validate", parents=[common], help="check the question bank (and overlay) and exit")
    merge = commands.add_parser(
        "merge", parents=[common], help="merge several respondents' answers into the team view (workshop)"
    )
    merge.add_argument("sources", nargs="+", metavar="FILE_OR_LINK", help="answers files, folders or share links")
    merge.add_argument("--json", action="store_true", help="print JSON instead of a report")
    merge.add_argument("--out", metavar="FILE", help="also write the merged answers as an answers file")
    comparison = commands.add_parser("compare", parents=[common], help="what changed between two assessments")
    comparison.add_argument("old", metavar="OLD", help="the earlier answers file or share link")
    comparison.add_argument("new", metavar="NEW", help="the later answers file or share link")
    comparison.add_argument("--json", action="store_true", help="print JSON instead of a report")
    report = commands.add_parser(
        "report", parents=[common], help="write a printable report (HTML, and PDF with Chromium) per answers file"
    )
    report.add_argument("sources", nargs="+", metavar="FILE_OR_FOLDER", help="answers files, folders or share links")
    report.add_argument("--out", required=True, metavar="DIR", help="folder to write the reports to")
    report.add_argument(
        "--brand",
        metavar="DIR_OR_FILE",
        help="the brand's report data: a built site's assets/brand/ (python -m sitekit.brand writes it); default: none",
    )
    report.add_argument("--paper", choices=["a4", "letter"], default="a4", help="page size (default: a4)")
    report.add_argument("--bands", metavar="FILE", help="peer bands to compare with (default: the brand's bands.json)")
    report.add_argument("--date", help="date printed on the reports (default: each file's own date, else today)")
    report.add_argument("--no-pdf", action="store_true", help="write HTML only, even when Chromium is available")
    bands = commands.add_parser("bands", help="write private peer bands from batch CSVs of many companies")
    bands.add_argument("csvs", nargs="+", metavar="CSV", help="CSV files written by `score FOLDER`")
    bands.add_argument("--out", required=True, metavar="FILE", help="where to write the bands, e.g. brand/bands.json")
    bands.add_argument("--overlay", help="a brand overlay (TOML) to apply; default: $ASSESSMENT_OVERLAY")
    bands.add_argument(
        "--min-companies", type=int, metavar="N", help="refuse fewer companies than this (can raise the bank's minimum)"
    )
    layout = commands.add_parser(
        "layout", help="keep share links of this bank version readable after the bank changes (bank/layouts.json)"
    )
    layout.add_argument("--add", action="store_true", help="add the current bank's layout to bank/layouts.json")
    return parser


def _sources(arguments: list[str], lang: str, overlay: str | None) -> list[tuple[str, str, Any]]:
    """(name for messages, default label, document or link) per answers file or link; folders expanded."""
    bank = _bank(overlay)
    lang = _check_lang(bank.languages, lang)
    sources: list[tuple[str, str, Any]] = []
    links = 0
    for argument in arguments:
        if _is_link(argument):
            links += 1
            name = bank.texts["link_n"][lang].format(n=links)
            sources.append((name, name, argument))
            continue
        for path in _expand([argument]):
            shown = "stdin" if path == "-" else path
            sources.append((shown, Path(path).stem if path != "-" else shown, _read_json(path)))
    return sources


def _submission(name: str, source: Any, overlay: str | None) -> Submission:
    try:
        return read_source(_bank(overlay), source)
    except AssessmentError as exc:
        raise InputError(f"{name}: {exc}") from None


def _merge(sources: list[str], lang: str, overlay: str | None, as_json: bool, out: str | None) -> int:
    """All or nothing: a file or link that does not read is named and nothing is merged."""
    bank = _bank(overlay)
    read = _sources(sources, lang, overlay)
    respondents, errors = respondents_from(bank, [(n, s) for n, _, s in read], [label for _, label, _ in read])
    if errors:
        raise InputError(f"{errors[0]['name']}: {errors[0]['error']}")
    team = team_result(bank, respondents, lang)
    if out:
        _write(Path(out), json.dumps(team["document"], ensure_ascii=False, indent=2) + "\n")
    _output(json.dumps(team, ensure_ascii=False, indent=2) + "\n" if as_json else team_report(bank, team))
    return 0


def _compare(old: str, new: str, lang: str, overlay: str | None, as_json: bool) -> int:
    bank = _bank(overlay)
    read = _sources([old, new], lang, overlay)
    if len(read) != 2:
        raise InputError("compare takes two answers files or share links: OLD and NEW (not folders)")
    (old_name, _, old_source), (new_name, _, new_source) = read
    before = _submission(old_name, old_source, overlay)
    after = _submission(new_name, new_source, overlay)
    comparison = compare(bank, before, after, lang)
    text = json.dumps(comparison, ensure_ascii=False, indent=2) + "\n" if as_json else compare_report(bank, comparison)
    _output(text)
    return 0


def _report(args: argparse.Namespace) -> int:
    """One report per answers file; a file that does not read is named and the rest still written."""
    from ..render.brand import read_brand
    from ..render.pdf import PdfError, find_chromium, print_pdf
    from ..render.printed import render_report
    from ..workshop.peers import check_bands

    brand = read_brand(args.brand)
    overlay = args.overlay
    bank = _bank(overlay)
    lang = _check_lang(bank.languages, args.lang)
    bands = None
    if args.bands:
        bands = check_bands(bank, _read_json(args.bands), args.bands)
    elif brand.bands is not None:
        bands = check_bands(bank, brand.bands, "the brand's bands.json")
    if args.date is not None:
        check_date_argument(args.date)
    out = Path(args.out)
    written: list[Path] = []
    failed = 0
    links = 0
    used: set[str] = set()
    for argument in args.sources:
        if _is_link(argument):
            links += 1
            items: list[tuple[str, str, Any]] = [
                (bank.texts["link_n"][lang].format(n=links), f"link-{links}", argument)
            ]
        else:
            try:
                items = [
                    ("stdin" if p == "-" else p, Path(p).stem if p != "-" else "stdin", p) for p in _expand([argument])
                ]
            except InputError as exc:
                _error(exc)
                failed += 1
                continue
        for name, stem, source in items:
            try:
                document = source if _is_link(argument) else _read_json(source)
                submission = _submission(name, document, overlay)
            except InputError as exc:
                _error(exc)
                failed += 1
                continue
            date = args.date or submission.date or dt.date.today().isoformat()
            page = render_report(bank, submission, lang, brand, date, bands, args.paper)
            target = out / f"{_unique(stem, used)}.html"
            _write(target, page)
            written.append(target)
    chromium = None if args.no_pdf else find_chromium()
    pdfs = 0
    if chromium and written:
        with ThreadPoolExecutor(max_workers=min(PDF_WORKERS, os.cpu_count() or 1)) as pool:
            jobs = [pool.submit(print_pdf, chromium, page, page.with_suffix(".pdf")) for page in written]
        for job in jobs:
            try:
                job.result()
                pdfs += 1
            except PdfError as exc:
                _error(exc)
                failed += 1
    if args.no_pdf:
        kind = "HTML only, as --no-pdf asks"
    elif chromium:
        kind = f"HTML and {pdfs} PDF"
    else:
        kind = "HTML only: no PDF engine found (install Chromium, or set CHROMIUM to its path)"
    print(f"wrote {len(written)} report{'s' if len(written) != 1 else ''} to {out} ({kind})")
    return EXIT_BAD_INPUT if failed else 0


def check_date_argument(value: str) -> None:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date: expected a date such as 2026-03-01, got {value!r}") from None


def _unique(stem: str, used: set[str]) -> str:
    """A file name not used yet in this run: 'owner', then 'owner-2', 'owner-3' ..."""
    name, n = stem, 1
    while name.casefold() in used:
        n += 1
        name = f"{stem}-{n}"
    used.add(name.casefold())
    return name


def _bands(csvs: list[str], out: str, overlay: str | None, min_companies: int | None) -> int:
    """Peer bands from batch CSVs: only aggregates, and nothing from fewer than the minimum of companies."""
    from ..workshop.peers import build_bands, companies_from_csv

    bank = _bank(overlay)
    companies = []
    for path in csvs:
        name = shown_name(path)
        try:
            data = read_limited(path, MAX_CSV_BYTES)
            if len(data) > MAX_CSV_BYTES:
                raise InputError(f"{name}: too large (more than {MAX_CSV_BYTES // 1024 // 1024} MB)")
            text = data.decode("utf-8-sig")
        except NotRegularFile as exc:
            raise InputError(f"{name}: {exc}") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read file ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise InputError(f"{name}: not UTF-8 text") from None
        companies += companies_from_csv(bank, text, path)
    if min_companies is not None and min_companies < bank.peers.min_companies:
        raise InputError(
            f"--min-companies: {min_companies} is below the bank's minimum of {bank.peers.min_companies}; "
            "it can only be raised"
        )
    bands = build_bands(bank, companies, min_companies)
    _write(Path(out), json.dumps(bands, ensure_ascii=False, indent=1) + "\n")
    groups = ", ".join(f"{g} ({v['companies']})" for g, v in bands["groups"].items())
    print(f"wrote peer bands to {out}: {groups}")
    return 0


def _check_lang(languages: tuple[str, ...], lang: str) -> str:
    if lang not in languages:
        raise InputError(f"unknown language {lang!r} (available: {', '.join(languages)})")
    return lang


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write file ({exc.strerror or exc})") from None


def _expand(paths: list[str]) -> list[str]:
    files: list[str] = []
    for path in paths:
        if path != "-" and Path(path).is_dir():
            found = sorted(str(p) for p in Path(path).glob("*.json"))
            if not found:
                raise InputError(f"{shown_name(path)}: folder holds no .json files")
            files += found
        else:
            files.append(path)
    return files


def _bank(overlay: str | None) -> Bank:
    """The bank to use: upstream's, with the overlay from --overlay or $ASSESSMENT_OVERLAY merged in."""
    chosen = overlay if overlay is not None else os.environ.get(OVERLAY_ENV) or None
    return load_bank(None, chosen)


def _score_file(path: str, lang: str, bank: Bank) -> dict[str, Any]:
    try:
        return assess_document(_read_json(path), lang=lang, bank=bank)
    except InputError:
        raise
    except AssessmentError as exc:
        raise InputError(f"{'stdin' if path == '-' else shown_name(path)}: {exc}") from None


def _print_questions(data: dict[str, Any]) -> str:
    lines = []
    lines.append("Profile")
    for dim in data["profile"]:
        lines.append(f"  profile.{dim['id']}: {dim['text']}{' (several allowed)' if dim['multiple'] else ''}")
        lines += [f"    {o['value']:<14} {o['label']}" for o in dim["options"]]
    for pillar in data["pillars"]:
        lines.append(f"{pillar['letter']}. {pillar['name']} ({pillar['role']})")
        for q in (q for q in data["questions"] if q["pillar"] == pillar["id"]):
            lines.append(f"  {q['id']}: {q['text']}")
            if q["kind"] == "choice":
                lines += [f"    {o['value']:<14} {o['label']}" for o in q["options"]]
            else:
                unit = f" {q['unit']}" if q["unit"] else ""
                lines.append(f"    number, {q['min']:g}-{q['max']:g}{unit} in the base unit ({q['better']} is better)")
            if q["unknown"]:
                lines.append("    unknown        (I don't know this figure)")
            if q["not_applicable"]:
                lines.append("    na             (not applicable)")
    return "\n".join(lines) + "\n"


def _output(text: str) -> None:
    """Write to stdout; a character the terminal's encoding lacks is replaced, never a traceback."""
    stream = sys.stdout
    if stream is None:
        raise InputError("stdout: closed, nowhere to write the result")
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = stream.encoding or "utf-8"
        stream.write(text.encode(encoding, "replace").decode(encoding))
    stream.flush()


def _error(message: object) -> None:
    """One line on stderr, printable characters only (messages may quote file names)."""
    line = "".join(c if c.isprintable() else "?" for c in f"error: {message}")
    if sys.stderr is not None:
        print(line, file=sys.stderr)


def run(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "questions":
            data = load_questionnaire(args.lang, _bank(args.overlay))
            _output(json.dumps(data, ensure_ascii=False, indent=2) + "\n" if args.json else _print_questions(data))
        elif args.command == "layout":
            return _layout(add=args.add)
        elif args.command == "merge":
            return _merge(args.sources, args.lang, args.overlay, args.json, args.out)
        elif args.command == "compare":
            return _compare(args.old, args.new, args.lang, args.overlay, args.json)
        elif args.command == "report":
            return _report(args)
        elif args.command == "bands":
            return _bands(args.csvs, args.out, args.overlay, args.min_companies)
        elif args.command == "validate":
            bank = _bank(args.overlay)
            _output(f"ok: {len(bank.questions)} questions, {len(bank.actions)} actions, bank version {bank.version}\n")
        else:
            files = _expand(args.paths)
            if len(files) == 1 and not any(Path(p).is_dir() for p in args.paths if p != "-"):
                result = _score_file(files[0], args.lang, _bank(args.overlay))
                _output(json.dumps(result, ensure_ascii=False, indent=2) + "\n" if args.json else text_report(result))
            else:
                return _score_batch(files, args.lang, _bank(args.overlay))
    except (InputError, AssessmentError) as exc:
        _error(exc)
        return EXIT_BAD_INPUT
    return 0


def _layout(add: bool) -> int:
    """Share links store answers by position: every released bank's layout must stay known."""
    bank = load_bank()
    known = known_layouts()
    current = layout(bank)
    if known.get(bank.version) == current:
        print(f"ok: the layout of bank version {bank.version} is in {LAYOUTS.name}")
        return 0
    if not add:
        print(
            f"error: bank version {bank.version} is not in {LAYOUTS}: run `python -m assessment layout --add`",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    known[bank.version] = current
    LAYOUTS.write_text(json.dumps(known, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"added the layout of bank version {bank.version} to {LAYOUTS}")
    return 0


def _score_batch(files: list[str], lang: str, bank: Bank) -> int:
    """Score many files into one CSV; a bad file is reported and the rest still scored."""
    rows, failed = [], 0
    for path in files:
        try:
            rows.append(("stdin" if path == "-" else shown_name(path), _score_file(path, lang, bank)))
        except InputError as exc:
            _error(exc)
            failed += 1
    _output(csv_table(rows, [d.id for d in bank.dimensions]))
    return EXIT_BAD_INPUT if failed else 0


def main() -> None:
    sys.exit(run())
