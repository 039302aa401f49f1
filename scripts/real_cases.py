"""Score the real cases (calibration/real/) and print how often the assessment agrees with the experts.

.venv/bin/python scripts/real_cases.py            # one line per case and variant, then the rates
.venv/bin/python scripts/real_cases.py --write    # also rewrite calibration/real/answers/*.json
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assessment import get_bank
from sitekit.realcases import assessable, load_cases, rates, score, write_answer_files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the generated answers files")
    args = parser.parse_args()
    bank = get_bank()
    for case in load_cases():
        if not assessable(bank, case):
            print(f"{case.id:50} set aside: its stated facts answer fewer than two scored questions")
            continue
        for outcome in score(bank, case):
            marks = ("root ok " if outcome.root_matches else "root -- ") + (
                "fix ok" if outcome.fix_matches else "fix --"
            )
            print(f"{case.id:50} {outcome.variant:6} {marks}  expert={case.pillar:8} root={outcome.root}", end="")
            print(f"  first={list(outcome.first)}")
    found = rates(bank)
    print(f"{found.cases} of {found.collected} cases assessable; by family: {found.families}")
    for variant in ("stated", "usual"):
        print(
            f"{variant}: root {found.root[variant]}/{found.cases} ({found.percent(found.root[variant])}%), "
            f"main fix in first three {found.fix[variant]}/{found.cases} ({found.percent(found.fix[variant])}%)"
        )
    if args.write:
        for path in write_answer_files(bank):
            print("wrote", path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
