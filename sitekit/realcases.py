"""The real cases (calibration/real/): public seller cases with an outside expert's diagnosis.

Each case answers the assessment twice: with the stated facts only, and with the stated
facts plus the practices the source does not mention, filled at the level most usual for
such a business (assessment/bank/usual.toml, written blind, before any case was scored).
The reference page states, computed here at build time, how often the assessment names
the experts' pillar and puts the experts' main fix among its first three actions.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessment import assess_bank
from assessment.answers.document import check_submission
from assessment.bank.model import Bank

FOLDER = Path(__file__).resolve().parents[1] / "calibration" / "real"
VARIANTS = ("stated", "usual")
FIRST = 3  # the experts' main fix counts when it is among this many first actions


@dataclass(frozen=True)
class Case:
    id: str
    family: str
    title: dict[str, str]
    url: str
    published: str
    pillar: str  # the experts' pillar
    fix_actions: tuple[str, ...]  # bank actions that carry out the experts' main fix
    profile: dict[str, Any]
    answers: dict[str, Any]


MIN_SCORED = 2  # a case is assessable when its stated facts answer at least this many scored questions


def assessable(bank: Bank, case: Case) -> bool:
    """Whether the stated facts answer enough scored questions (practices or figures) to assess the case."""
    submission = check_submission(bank, case.answers, case.profile)
    return sum(1 for qid in submission.answers if (q := bank.question(qid)) is not None and q.scored) >= MIN_SCORED


@dataclass(frozen=True)
class Outcome:
    case: Case
    variant: str
    root: str | None
    first: tuple[str, ...]  # ids of the plan's first actions

    @property
    def root_matches(self) -> bool:
        return self.root == self.case.pillar

    @property
    def fix_matches(self) -> bool:
        return any(a in self.first for a in self.case.fix_actions)


def load_cases(folder: Path = FOLDER) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        cases.append(
            Case(
                id=data["id"],
                family=data["family"],
                title=data["title"],
                url=data["source"]["url"],
                published=str(data["source"]["published"]),
                pillar=data["expert"]["pillar"],
                fix_actions=tuple(data["expert"].get("fix_actions", [])),
                profile=data.get("profile", {}),
                answers=data.get("answers", {}),
            )
        )
    return cases


def usual_practices(bank: Bank, profile: dict[str, Any]) -> dict[str, str]:
    """The practice answers most usual for a business of this model (bank/usual.toml), for the questions its
    profile asks."""
    checked = check_submission(bank, {}, profile).profile
    found = {}
    for question in bank.questions:
        value = bank.usual.value(question.id, checked)
        if question.role == "practice" and value is not None and question.applies_to(checked):
            found[question.id] = value
    return found


def documents(bank: Bank, case: Case, folder: Path = FOLDER) -> dict[str, dict[str, Any]]:
    """The case's two answers files: stated facts only, and with the usual practices filled in."""
    stated = {"profile": case.profile, "answers": case.answers}
    filled = {**usual_practices(bank, case.profile), **case.answers}
    return {"stated": stated, "usual": {"profile": case.profile, "answers": filled}}


def score(bank: Bank, case: Case, folder: Path = FOLDER) -> list[Outcome]:
    outcomes = []
    for variant, document in documents(bank, case, folder).items():
        result = assess_bank(bank, document["answers"], "en", document["profile"])
        first = tuple(a["id"] for a in result["plan"][:FIRST])
        outcomes.append(Outcome(case, variant, result["root"], first))
    return outcomes


@dataclass(frozen=True)
class Rates:
    collected: int  # every case in the folder
    cases: int  # the assessable ones, which the rates count
    families: dict[str, int]  # family -> assessable cases
    root: dict[str, int]  # variant -> cases whose root is the experts' pillar
    fix: dict[str, int]  # variant -> cases whose experts' main fix is among the first three actions

    def percent(self, count: int) -> int:
        return round(100 * count / self.cases) if self.cases else 0


def rates(bank: Bank, folder: Path = FOLDER) -> Rates:
    collected = load_cases(folder)
    cases = [case for case in collected if assessable(bank, case)]
    outcomes = [o for case in cases for o in score(bank, case, folder)]
    families: dict[str, int] = {}
    for case in cases:
        families[case.family] = families.get(case.family, 0) + 1
    return Rates(
        collected=len(collected),
        cases=len(cases),
        families=families,
        root={v: sum(o.root_matches for o in outcomes if o.variant == v) for v in VARIANTS},
        fix={v: sum(o.fix_matches for o in outcomes if o.variant == v) for v in VARIANTS},
    )


def write_answer_files(bank: Bank, folder: Path = FOLDER) -> list[Path]:
    """calibration/real/answers/<id>.<variant>.json: answers files the CLI scores and the browser imports."""
    out = folder / "answers"
    out.mkdir(exist_ok=True)
    written = []
    for case in load_cases(folder):
        for variant, document in documents(bank, case, folder).items():
            path = out / f"{case.id}.{variant}.json"
            path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", "utf-8")
            written.append(path)
    return written
