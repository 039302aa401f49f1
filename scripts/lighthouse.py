"""Print Lighthouse scores (x100) for the home page, a pillar page and the assessment.

    .venv/bin/python scripts/lighthouse.py [--desktop-only] [--gzip] [--json-dir DIR]

Installs lighthouse@12.2.3 with npm into .cache/lighthouse/ the first time
(Lighthouse 13 needs Node 22), builds the site into a temporary folder
(mkdocs build --strict), serves it on 127.0.0.1 with Python's http.server, and
runs the Lighthouse CLI in headless Chromium on each page for the performance,
accessibility, best-practices and SEO categories: desktop preset, then the
default mobile form factor. Goals: >= 95 on docs pages, >= 90 on the assessment.
Then lists every failing audit by id, with the pages it failed on.

The server sends no compression (unless --gzip), no Cache-Control and speaks
HTTP/1.0, so the audits about those (uses-text-compression, uses-long-cache-ttl,
uses-http2) describe the test server more than the site.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchlib import ROOT, Site, build_site, chromium, print_table

VERSION = "12.2.3"
PREFIX = ROOT / ".cache" / "lighthouse"
CLI = PREFIX / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {"/": 95, "/pillars/product/": 95, "/assessment/": 90}  # path -> goal for every category
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SKIPPED_MODES = ("informative", "notApplicable", "manual", "error")
SERVER_AUDITS = ("uses-text-compression", "uses-long-cache-ttl", "uses-http2")
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
}
RUN_TIMEOUT = 300


@dataclass
class Result:
    origin: str
    path: str
    form_factor: str
    report: dict[str, Any]

    def score(self, category: str) -> int | None:
        value = self.report["categories"][category]["score"]
        return None if value is None else round(value * 100)


@dataclass
class Failure:
    category: str
    audit: str
    title: str
    where: list[tuple[str, str]]  # ("path (form factor)", display value)

    def places(self) -> str:
        shown = {value for _, value in self.where}
        if len(shown) == 1:
            value = shown.pop()
            return ", ".join(place for place, _ in self.where) + (f": {value}" if value else "")
        return "; ".join(f"{place}: {value}" for place, value in self.where)


def ensure_lighthouse() -> None:
    """Install the pinned Lighthouse into .cache/lighthouse/ unless that version is there already."""
    package = PREFIX / "node_modules" / "lighthouse" / "package.json"
    if package.is_file() and json.loads(package.read_text("utf-8")).get("version") == VERSION:
        return
    print(f"installing lighthouse@{VERSION} into {PREFIX.relative_to(ROOT)}/ ...", flush=True)
    PREFIX.mkdir(parents=True, exist_ok=True)
    command = ["npm", "install", "--prefix", str(PREFIX), f"lighthouse@{VERSION}", "--no-audit", "--no-fund"]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def run_lighthouse(url: str, form_factor: str, executable: str, flags: list[str]) -> dict[str, Any]:
    command = [
        "node",
        str(CLI),
        url,
        "--output=json",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(['--headless=new', *flags])}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": executable}
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    if run.returncode != 0:
        sys.exit(f"lighthouse failed on {url} ({form_factor}):\n{run.stderr[-3000:]}")
    report = json.loads(run.stdout)
    if report.get("runtimeError"):
        sys.exit(f"lighthouse could not audit {url} ({form_factor}): {report['runtimeError']}")
    return report


def failing(result: Result) -> list[tuple[str, str, str, str]]:
    """(category, audit id, title, display value) of the scored audits below 1.

    Performance metrics are left out (they have a table of their own), and so are
    performance audits scoring 0.9 or more.
    """
    found = []
    for category in CATEGORIES:
        for ref in result.report["categories"][category]["auditRefs"]:
            audit = result.report["audits"][ref["id"]]
            if audit["score"] is None or audit["scoreDisplayMode"] in SKIPPED_MODES or audit["score"] >= 1:
                continue
            if category == "performance" and (ref.get("group") == "metrics" or audit["score"] >= 0.9):
                continue
            found.append((category, ref["id"], audit["title"], audit.get("displayValue", "")))
    return found


def failures(results: list[Result]) -> list[Failure]:
    """Failing audits, each once, with where it failed."""
    grouped: dict[tuple[str, str], Failure] = {}
    for result in results:
        for category, audit, title, shown in failing(result):
            failure = grouped.setdefault((category, audit), Failure(category, audit, title, []))
            failure.where.append(
                (f"{result.path} ({result.form_factor})", shown.replace("Potential savings of ", "could save "))
            )
    return sorted(grouped.values(), key=lambda f: (CATEGORIES.index(f.category), f.audit))


def offenders(results: list[Result], audit: str) -> list[str]:
    """What an audit points at (element selectors or URLs), biggest first where it weighs them."""
    weights: dict[str, float] = {}
    for result in results:
        details = result.report["audits"][audit].get("details") or {}
        for item in details.get("items", []):
            target = (item.get("node") or {}).get("selector") or item.get("url") or ""
            weight = item.get("totalBytes") or item.get("wastedBytes") or 0
            if target:
                weights[target] = max(weight, weights.get(target, 0))
    return sorted(weights, key=lambda target: -weights[target])


def errored(results: list[Result]) -> list[str]:
    """Audits Lighthouse could not run (for example, a trace format newer than it knows)."""
    return sorted({k for r in results for k, a in r.report["audits"].items() if a["scoreDisplayMode"] == "error"})


def score_rows(results: list[Result]) -> list[list[str]]:
    rows = []
    for result in results:
        scores = [result.score(c) for c in CATEGORIES]
        goal = PAGES[result.path]
        verdict = "met" if all(s is not None and s >= goal for s in scores) else "MISSED"
        rows.append([result.path, result.form_factor, *(str(s) for s in scores), f">= {goal}", verdict])
    return rows


def metric_rows(results: list[Result]) -> list[list[str]]:
    return [
        [r.path, r.form_factor, *(r.report["audits"][m].get("displayValue", "-") for m in METRICS.values())]
        for r in results
    ]


def print_failures(results: list[Result]) -> None:
    print("Failing audits (accessibility, best practices, SEO: score < 1; performance: < 0.9):")
    for failure in failures(results):
        note = "  [a test-server matter]" if failure.audit in SERVER_AUDITS else ""
        print(f"  {failure.category} / {failure.audit}: {failure.title}{note}")
        print(f"      on {failure.places()}")
        for target in offenders(results, failure.audit)[:4]:
            print(f"      -> {target.replace(results[0].origin, '')}")


def report(results: list[Result], server: str) -> None:
    first = results[0].report
    print(f"Lighthouse {first['lighthouseVersion']}, {first['environment']['hostUserAgent']}; {server}")
    print()
    print_table(["page", "form factor", *CATEGORIES, "goal", "verdict"], score_rows(results))
    print()
    print_table(["page", "form factor", *METRICS], metric_rows(results))
    print()
    print_failures(results)
    broken = errored(results)
    if broken:
        print(f"Audits Lighthouse could not run (not scored): {', '.join(broken)}")
    for warning in sorted({w for r in results for w in r.report.get("runWarnings", [])}):
        print(f"Lighthouse warning: {warning}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--desktop-only", action="store_true", help="skip the mobile form factor")
    parser.add_argument("--gzip", action="store_true", help="serve text and WebAssembly gzipped, as most hosts do")
    parser.add_argument("--json-dir", type=Path, help="also save each Lighthouse report (JSON) in this folder")
    args = parser.parse_args()
    ensure_lighthouse()
    executable, flags = chromium()
    form_factors = ["desktop"] if args.desktop_only else ["desktop", "mobile"]
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="rf-lighthouse-") as tmp:
        site = Site(build_site(Path(tmp) / "site"), gzip=args.gzip)
        for form_factor in form_factors:
            for path in PAGES:
                lighthouse = run_lighthouse(site.url + path, form_factor, executable, flags)
                results.append(Result(site.url, path, form_factor, lighthouse))
        site.close()
    if args.json_dir:
        save(results, args.json_dir)
    server = "http.server, gzip" if args.gzip else "http.server, no compression, no Cache-Control"
    report(results, server)
    return 0


def save(results: list[Result], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for result in results:
        name = (result.path.strip("/").replace("/", "-") or "home") + f".{result.form_factor}.json"
        (folder / name).write_text(json.dumps(result.report), "utf-8")


if __name__ == "__main__":
    sys.exit(main())
