"""Print how fast the scoring engine is under CPython (figures only, no pass/fail).

    .venv/bin/python scripts/bench_engine.py [--runs 10] [--seconds 2]

(a) Throughput: varied random valid answer sets (built from
    `assessment.load_questionnaire()`) scored in-process by `assessment.assess`.
(b) Cold start: in a fresh interpreter, the CPU time (time.process_time) of
    `import assessment` + loading the bank + scoring one answer set; also the
    whole child process's CPU (rusage) beside a bare `python -c pass`. Median of N.
(c) CLI start-up: wall time of `python -m assessment score -` (answers on stdin)
    beside `python -c pass`. Median of N.
Goal printed beside (b): import + load + score under 50 ms of CPU.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from typing import Any

from benchlib import ROOT, median, print_table

import assessment

GOAL_COLD_CPU_MS = 50.0
# Prints three CPU times in seconds: import, load bank, score one answer set.
COLD_START = """\
import time
t0 = time.process_time()
import assessment
t1 = time.process_time()
assessment.get_bank()
t2 = time.process_time()
assessment.assess({answers!r})
t3 = time.process_time()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def random_answers(questions: list[dict[str, Any]], rng: random.Random) -> dict[str, Any]:
    """A valid answer set: most questions answered, a few "not applicable" where allowed."""
    answers: dict[str, Any] = {}
    for question in questions:
        if rng.random() < 0.15:
            continue
        if question["not_applicable"] and rng.random() < 0.1:
            answers[question["id"]] = "na"
        elif question["kind"] == "number":
            answers[question["id"]] = round(rng.uniform(question["min"], question["max"]), 1)
        else:
            answers[question["id"]] = rng.choice(question["options"])["value"]
    return answers


def answer_sets(count: int, seed: int = 1) -> list[dict[str, Any]]:
    questions = assessment.load_questionnaire()["questions"]
    rng = random.Random(seed)
    return [random_answers(questions, rng) for _ in range(count)]


def throughput(sets: list[dict[str, Any]], seconds: float) -> float:
    """Answer sets scored per second, cycling through `sets` for about `seconds`."""
    for answers in sets[:20]:
        assessment.assess(answers)  # warm-up: bank loaded and cached
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for answers in sets:
            assessment.assess(answers)
        done += len(sets)
    return done / (time.perf_counter() - start)


def run_child(args: list[str], stdin: str | None = None) -> tuple[float, float, str]:
    """Run a child Python to completion: (wall seconds, CPU seconds from rusage, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run([sys.executable, *args], input=stdin, capture_output=True, text=True, cwd=ROOT, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, run.stdout


def repeat(args: list[str], runs: int, stdin: str | None = None) -> list[tuple[float, float, str]]:
    run_child(args, stdin)  # warm-up: bytecode caches written, files in the page cache
    return [run_child(args, stdin) for _ in range(runs)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def versus(label: str, value: float, reference: float) -> list[str]:
    return [label, ms(value), ms(reference), f"{value / reference:.2f}x", ""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10, help="child processes per start-up figure (default 10)")
    parser.add_argument("--seconds", type=float, default=2.0, help="time spent on the throughput loop (default 2)")
    args = parser.parse_args()

    sets = answer_sets(200)
    per_second = throughput(sets, args.seconds)
    one = sets[0]

    bare = repeat(["-c", "pass"], args.runs)
    cold = repeat(["-c", COLD_START.format(answers=one)], args.runs)
    cli = repeat(["-m", "assessment", "score", "-"], args.runs, stdin=json.dumps({"answers": one}))

    steps = [[float(x) for x in out.split()] for _, _, out in cold]
    imported, loaded, scored = (median([s[i] for s in steps]) for i in range(3))
    in_process = median([sum(s) for s in steps])
    verdict = "met" if in_process * 1000 < GOAL_COLD_CPU_MS else "MISSED"

    print(f"Engine benchmark: Python {sys.version.split()[0]}, {len(sets)} random answer sets, median of {args.runs}")
    print()
    print_table(
        ["measure", "value", "python -c pass", "ratio", "goal"],
        [
            ["(a) answer sets scored in-process", f"{per_second:,.0f} /s", "", "", ""],
            ["    time per answer set", f"{1e6 / per_second:.0f} µs", "", "", ""],
            ["(b) import + load bank + score, CPU", ms(in_process), "", "", f"< 50 ms: {verdict}"],
            ["    import assessment", ms(imported), "", "", ""],
            ["    load the bank", ms(loaded), "", "", ""],
            ["    score one answer set (first call)", ms(scored), "", "", ""],
            versus("    whole child process, CPU", median([c for _, c, _ in cold]), median([c for _, c, _ in bare])),
            versus(
                "(c) `python -m assessment score -`, wall",
                median([w for w, _, _ in cli]),
                median([w for w, _, _ in bare]),
            ),
        ],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
