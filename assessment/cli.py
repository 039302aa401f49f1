"""Command line: `python -m assessment questions|score|validate`.

Bad input (unknown question, invalid option, malformed JSON, unreadable file, a
broken bank) prints one line on stderr and exits with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from . import assess_document, load_questionnaire
from .errors import AssessmentError
from .loader import load_bank
from .model import Bank
from .report import csv_table, text_report
from .sharelink import LAYOUTS, known_layouts, layout

EXIT_BAD_INPUT = 2
OVERLAY_ENV = "ASSESSMENT_OVERLAY"
"""Environment variable naming a brand overlay (TOML) for the command line when --overlay is not given."""


class InputError(Exception):
    """A file given on the command line cannot be used; the message names it."""


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
    layout = commands.add_parser(
        "layout", help="keep share links of this bank version readable after the bank changes (bank/layouts.json)"
    )
    layout.add_argument("--add", action="store_true", help="add the current bank's layout to bank/layouts.json")
    return parser


def _read_json(path: str) -> Any:
    name = "stdin" if path == "-" else path
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{name}: cannot read file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: malformed JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{name}: malformed JSON (nested too deeply)") from None


def _expand(paths: list[str]) -> list[str]:
    files: list[str] = []
    for path in paths:
        if path != "-" and Path(path).is_dir():
            found = sorted(str(p) for p in Path(path).glob("*.json"))
            if not found:
                raise InputError(f"{path}: folder holds no .json files")
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
        raise InputError(f"{'stdin' if path == '-' else path}: {exc}") from None


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


def run(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "questions":
            data = load_questionnaire(args.lang, _bank(args.overlay))
            sys.stdout.write(
                json.dumps(data, ensure_ascii=False, indent=2) + "\n" if args.json else _print_questions(data)
            )
        elif args.command == "layout":
            return _layout(add=args.add)
        elif args.command == "validate":
            bank = _bank(args.overlay)
            print(f"ok: {len(bank.questions)} questions, {len(bank.actions)} actions, bank version {bank.version}")
        else:
            files = _expand(args.paths)
            if len(files) == 1 and not any(Path(p).is_dir() for p in args.paths if p != "-"):
                result = _score_file(files[0], args.lang, _bank(args.overlay))
                sys.stdout.write(
                    json.dumps(result, ensure_ascii=False, indent=2) + "\n" if args.json else text_report(result)
                )
            else:
                return _score_batch(files, args.lang, _bank(args.overlay))
    except (InputError, AssessmentError) as exc:
        print(f"error: {exc}", file=sys.stderr)
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
            rows.append((path, _score_file(path, lang, bank)))
        except InputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
    sys.stdout.write(csv_table(rows))
    return EXIT_BAD_INPUT if failed else 0


def main() -> None:
    sys.exit(run())
