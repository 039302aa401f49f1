"""Write the example brand's peer bands (examples/acme-brand/bands.json) from made-up companies.

A real consultant runs the same two commands on their clients' answers files:

    python -m assessment score clients/ > scores.csv
    python -m assessment bands scores.csv --out brand/bands.json

Here the clients are 36 fictional companies (12 each of three business models,
so each model has a band of its own as well as all companies together), with
answers drawn around a maturity of their own so that the scores spread as real
ones do. Reproducible: the same seed gives the same file.

    .venv/bin/python scripts/example_bands.py
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assessment.bank.loader import load_bank  # noqa: E402
from assessment.bank.model import Question  # noqa: E402

BRAND = ROOT / "examples" / "acme-brand"
OVERLAY = BRAND / "questions.toml"
MODELS = ("b2b-export", "made-to-order", "taobao-tmall-jd")
PER_MODEL = 12
SEED = 2026


def figure(question: Question, profile: dict[str, object], answers: dict[str, object], level: int) -> float:
    """A figure that just reaches `level` of the question's scale (thresholds run from worst to best)."""
    scale = question.scale_for(profile)
    steps = scale.thresholds
    if level <= 0:
        typed = steps[0] * (0.6 if question.better == "higher" else 1.6)
    else:
        typed = steps[min(level, len(steps)) - 1]
    if question.break_even_from:  # thresholds in multiples of break-even ROAS (100 / margin)
        typed *= 100 / float(answers[question.break_even_from])  # type: ignore[arg-type]
    return round(min(question.max, max(question.min, typed * scale.factor)), 1)


def companies() -> list[dict[str, object]]:
    bank = load_bank(None, OVERLAY)
    rng = random.Random(SEED)
    documents = []
    for index in range(PER_MODEL * len(MODELS)):
        maturity = rng.betavariate(2.2, 2.2)  # most companies in the middle, a few far ahead or behind
        profile: dict[str, object] = {"model": MODELS[index % len(MODELS)]}
        answers: dict[str, object] = {"traffic.margin": round(rng.uniform(20, 45))}
        for question in bank.questions:
            level = rng.gauss(maturity * question.max_level, 0.8)  # the level this company reaches here
            if question.kind == "choice":
                closest = min(question.options, key=lambda option: abs(option.level - level))
                answers[question.id] = closest.value
            elif question.scored:
                answers[question.id] = figure(question, profile, answers, round(level))
        documents.append(
            {
                "profile": profile,
                "answers": answers,
                "company": f"Example company {index + 1:02d}",
                "date": "2026-01-15",
            }
        )
    return documents


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "clients"
        folder.mkdir()
        for index, document in enumerate(companies(), start=1):
            (folder / f"company-{index:02d}.json").write_text(json.dumps(document), "utf-8")
        python = [sys.executable, "-m", "assessment"]
        scores = subprocess.run(
            [*python, "score", str(folder), "--overlay", str(OVERLAY)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        table = Path(work) / "scores.csv"
        table.write_text(scores, "utf-8")
        run = subprocess.run(
            [*python, "bands", str(table), "--overlay", str(OVERLAY), "--out", str(BRAND / "bands.json")],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    print(run.stdout.strip() or run.stderr.strip())
    return run.returncode


if __name__ == "__main__":
    raise SystemExit(main())
