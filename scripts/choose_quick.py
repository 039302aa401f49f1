"""Choose the quick check's questions from data: the ones that most often decide the root.

    .venv/bin/python scripts/choose_quick.py [--companies 6000] [--seed 7] [--write]

A population of synthetic companies is drawn: a random business profile, a
latent strength per pillar, and every applicable question answered near that
strength (figures drawn inside the band of the company's own scale, some left
unknown). Starting from nothing, the chooser adds one question at a time, the
one with which the root found from the chosen answers alone agrees most often
with the root of the full assessment, until the quick check's budget is spent
(its question limit minus the profile's questions). It prints each step, then
how often the quick root agrees with the full root on the calibrated case
studies and the test companies. `--write` stores the choice in
assessment/bank/quick.toml, the file the engine and the page read.

Greedy forward selection is not guaranteed optimal; it is transparent, repeatable
(seeded) and cheap, and the agreement it reaches is printed, not assumed.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assessment import get_bank
from assessment.answers.values import Answer
from assessment.bank.model import Bank, Profile, Question
from assessment.bank.quick import QUICK_FILE, load_quick
from assessment.scoring.root import root_of as root_rule
from assessment.scoring.scores import score_pillars

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Company:
    profile: Profile
    answers: dict[str, Answer]


def root_of(bank: Bank, company: Company, only: Iterable[str] | None = None) -> str | None:
    """The root pillar from all of a company's answers, or from only some of them."""
    answers = company.answers if only is None else {q: company.answers[q] for q in only if q in company.answers}
    pillars = score_pillars(bank, answers, company.profile)
    return root_rule(pillars, bank.scoring).pillar


def draw_profile(bank: Bank, rng: random.Random, fixed: Profile | None = None) -> Profile:
    profile: Profile = dict(fixed or {})
    for dim in bank.dimensions:
        if dim.id in profile:
            continue
        values = dim.values()
        if dim.multiple:
            profile[dim.id] = tuple(rng.sample(values, rng.randint(1, min(3, len(values)))))
        else:
            profile[dim.id] = (rng.choice(values),)
    return profile


def _level_near(strength: float, top: int, rng: random.Random) -> int:
    return max(0, min(top, round(strength * top + rng.gauss(0, 0.8))))


def _figure(question: Question, level: int, profile: Profile, break_even: float | None, rng: random.Random) -> float:
    """A value in the question's base unit that falls in the band `level` on the company's scale."""
    scale = question.scale_for(profile)
    cuts = sorted(scale.thresholds)
    edges = [cuts[0] * 0.5, *cuts, cuts[-1] * 1.5]
    if question.better == "lower":
        edges = edges[::-1]
        low, high = sorted((edges[level], edges[level + 1]))
    else:
        low, high = edges[level], edges[level + 1]
    judged = rng.uniform(low, high)
    value = judged * break_even if break_even is not None else judged
    lo, hi = question.min, question.max if question.max > question.min else float("inf")
    return round(min(max(value * scale.factor, lo), hi), 4)


def draw_company(bank: Bank, rng: random.Random, fixed: Profile | None = None) -> Company:
    profile = draw_profile(bank, rng, fixed)
    strength = {p.id: rng.random() for p in bank.pillars}
    answers: dict[str, Answer] = {}
    # Inputs first: a figure judged against break-even needs the margin it comes from.
    for question in sorted(bank.questions, key=lambda q: q.role != "input"):
        if not question.applies_to(profile):
            continue
        if question.allows_unknown and rng.random() < 0.1:
            answers[question.id] = "unknown"
        elif question.role == "input":
            answers[question.id] = round(rng.uniform(max(question.min, 15), min(question.max or 80, 80)), 1)
        elif question.kind == "choice":
            level = _level_near(strength[question.pillar], question.max_level, rng)
            answers[question.id] = rng.choice([o.value for o in question.options if o.level == level] or ["na"])
        else:
            level = _level_near(strength[question.pillar], question.max_level, rng)
            break_even = None
            if question.break_even_from:
                margin = answers.get(question.break_even_from)
                if not isinstance(margin, float):
                    answers[question.id] = "unknown"
                    continue
                break_even = 100 / margin
            answers[question.id] = _figure(question, level, profile, break_even, rng)
    return Company(profile, answers)


def agreement(bank: Bank, companies: list[Company], full: list[str | None], chosen: list[str]) -> float:
    return sum(root_of(bank, c, chosen) == r for c, r in zip(companies, full, strict=True)) / len(companies)


def choose(bank: Bank, companies: list[Company], budget: int, report: bool = False) -> list[str]:
    """Greedy forward selection of the questions whose answers best reproduce the full root."""
    full = [root_of(bank, c) for c in companies]
    candidates = [q.id for q in bank.questions if q.scored]
    chosen: list[str] = []
    # Agreement measured on a sample has noise of about one standard error; candidates
    # within it are treated as equal and the tie goes to the question that weighs more
    # in its pillar, then to a figure over a practice (a figure is harder to flatter).
    tolerance = 1 / math.sqrt(len(companies))
    pillars = {p.id for p in bank.pillars}
    while len(chosen) < budget:
        fits = [c for c in candidates if c not in chosen and len({*chosen, *_inputs_for(bank, c), c}) <= budget]
        # Every pillar gets at least one question: a candidate fits only if the slots left after it can still
        # cover the pillars not yet asked about (a quick check must say something about each).
        fits = [c for c in fits if _leaves_room(bank, [*chosen, *_inputs_for(bank, c), c], budget, pillars)]
        if not fits:
            break
        scores = {c: agreement(bank, companies, full, [*chosen, *_inputs_for(bank, c), c]) for c in fits}
        top = max(scores.values())
        best = min(
            (c for c, score in scores.items() if score >= top - tolerance),
            key=lambda c: (
                -_question(bank, c).weight,
                _question(bank, c).role != "outcome",
                -scores[c],
                candidates.index(c),
            ),
        )
        chosen = list(dict.fromkeys([*chosen, *_inputs_for(bank, best), best]))
        if report:
            print(f"  {len(chosen):2}  {best:40} agreement {agreement(bank, companies, full, chosen):.0%}")
    return chosen


def _question(bank: Bank, qid: str) -> Question:
    question = bank.question(qid)
    assert question is not None
    return question


def _leaves_room(bank: Bank, taken: list[str], budget: int, pillars: set[str]) -> bool:
    """Whether the questions left after `taken` can still give each pillar a question of its own."""
    asked = {_question(bank, q).pillar for q in taken}
    return budget - len(set(taken)) >= len(pillars - asked)


def _inputs_for(bank: Bank, qid: str) -> list[str]:
    """A figure judged against an input (ROAS against the margin) needs that input asked too."""
    question = bank.question(qid)
    return [question.break_even_from] if question and question.break_even_from else []


def known_companies() -> dict[str, Company]:
    """The calibrated case studies and the complete test companies, as the page or test states them."""
    found = {}
    for path in sorted([*(ROOT / "calibration").glob("*.json"), *(ROOT / "tests" / "companies").glob("*.json")]):
        data = json.loads(path.read_text("utf-8"))
        profile = {k: tuple(v) if isinstance(v, list) else (v,) for k, v in data["profile"].items()}
        found[path.stem] = Company(profile, data["answers"])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--companies", type=int, default=3000, help="synthetic companies per business model")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="store the choice in assessment/bank/quick.toml")
    args = parser.parse_args()
    bank = get_bank()
    quick = load_quick(bank)
    budget = quick.limit - len(bank.dimensions)
    dimension = next(d for d in bank.dimensions if d.id == quick.by)
    print(
        f"{args.companies} synthetic companies per {quick.by} (seed {args.seed}); "
        f"{budget} questions + the profile's {len(bank.dimensions)}"
    )
    sets: dict[str, list[str]] = {}
    for value in dimension.values():
        rng = random.Random(f"{args.seed}-{value}")
        companies = [draw_company(bank, rng, {quick.by: (value,)}) for _ in range(args.companies)]
        print(f"\n{quick.by} = {value}:")
        sets[value] = choose(bank, companies, budget, report=True)
    print("\nOn the calibrated cases and test companies (their stated answers):")
    agree = 0
    known = known_companies()
    for slug, company in known.items():
        value = next((v for v in company.profile.get(quick.by, ()) if v in sets), dimension.values()[0])
        full, short = root_of(bank, company), root_of(bank, company, sets[value])
        agree += full == short
        print(f"  {slug:24} full {full or '-':8} quick {short or '-':8} {'same' if full == short else 'DIFFERENT'}")
    print(f"  agreement: {agree} of {len(known)}")
    if args.write:
        lines = [
            "# The quick check's questions per business model, chosen by scripts/choose_quick.py",
            "# (do not edit by hand: rerun it with --write after changing the bank). See assessment/bank/quick.py.",
            f"# seed {args.seed}, {args.companies} synthetic companies per {quick.by}.",
            f"limit = {quick.limit}",
            f'by = "{quick.by}"',
            "",
            "[questions]",
            *(f"{value} = [{', '.join(f'{chr(34)}{q}{chr(34)}' for q in ids)}]" for value, ids in sets.items()),
        ]
        QUICK_FILE.write_text("\n".join(lines) + "\n", "utf-8")
        print(f"\nwrote {QUICK_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
