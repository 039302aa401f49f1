"""Print how fast the site and the in-browser assessment are in headless Chromium (figures only).

    .venv/bin/python scripts/bench_browser.py [--runs 5] [--changes 10]

Builds the site into a temporary folder (mkdocs build --strict), adds a bare
page that only runs `loadPyodide()` from the same vendored files in a module
worker (bench/bare.html), serves it on 127.0.0.1 with Python's http.server, and
measures, each visit in a fresh browser context (cold HTTP cache) unless stated.
Times are from navigation start (performance.now()), medians of --runs visits:

(a) /assessment/: first question visible and enabled, against a docs page
    (/pillars/product/): main content (.md-content) visible. Both are checked
    once per animation frame. Goal ratio <= 1.2.
(b) engine ready (html[data-engine=ready]) on a first visit against the bare
    page's loadPyodide() resolving. Goal ratio <= 1.0 (issue 10).
(c) engine warm, every question answered by clicking: click on an answer ->
    results re-rendered (a MutationObserver on #rf-results-body, installed
    before the click; the click's event.timeStamp), median of --changes.
    Goal <= 100 ms.
(d) bytes the server sent for /assessment/ and for the docs page (workers'
    requests included; medians), and whether the docs page fetched the engine.
(e) engine ready on a second visit in the same context against the first.
    Measured in a fresh on-disk profile per run (a browser's normal cache);
    the same in an incognito context is printed too. Between the two visits the
    benchmark waits until the service worker has cached the engine's snapshot,
    so the second visit restores it (which start it used is counted).
(f) that second visit against the bare page's cold loadPyodide(): goal <= 0.4.
(g) bytes the server sent before the engine was ready on a first visit, and
    after it (the service worker's precache and the snapshot, in the background).
(h) with the network off after those two visits, a third visit: does the
    engine start and score (yes/no per run)?

The server sends Last-Modified but no Cache-Control and no compression (like a
bare static host): on a second visit the browser revalidates (304) or, by its
Last-Modified heuristics, uses its cache without asking; byte counts are
uncompressed, with a gzip estimate of the same responses beside them.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import mimetypes
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from benchlib import COMPRESSIBLE, Served, Site, build_site, chromium, median, print_table
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Request, sync_playwright

DOCS = "/pillars/product/"
ASSESSMENT = "/assessment/"
BARE = "/bench/bare.html"
RUNTIME = "/assets/pyodide/"
ENGINE_PATHS = (RUNTIME, "/assets/engine/")
TIMEOUT = 120_000
VIEWPORT = {"width": 1280, "height": 900}

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title>
<link rel="icon" href="data:,">
<script type="module" src="bare.js"></script></head>
<body><p>loadPyodide() in a module worker, nothing else.</p></body></html>
"""
# The engine's worker up to loadPyodide(): a module worker, a dynamic import of
# pyodide.mjs, loadPyodide({indexURL}). It reports the way the site does.
BARE_PAGE_JS = """\
const worker = new Worker(new URL("./bare-worker.js", import.meta.url), { type: "module" });
worker.addEventListener("message", ({ data }) => { document.documentElement.dataset.engine = data; });
worker.postMessage(new URL("../assets/pyodide/", import.meta.url).href);
"""
BARE_WORKER_JS = """\
self.addEventListener("message", async ({ data: base }) => {
  try {
    const { loadPyodide } = await import(`${base}pyodide.mjs`);
    await loadPyodide({ indexURL: base });
    self.postMessage("ready");
  } catch (error) {
    self.postMessage("failed");
  }
});
"""
# Runs before any page script. Records, in performance.now() ms: when .md-content
# and the first question's input are visible (checked once per frame: a frame is
# not produced while render-blocking styles load), when the form is enhanced, and
# when the engine is ready.
MARKS_JS = """\
(() => {
  const marks = (window.__rfBench = {});
  const visible = (el) => {
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const checks = {
    content: () => visible(document.querySelector(".md-content")),
    question: () => {
      const input = document.querySelector("[data-question-id] input");
      return visible(input) && !input.disabled;
    },
    enhanced: () => document.getElementById("assessment")?.dataset.enhanced === "true",
  };
  const until = performance.now() + 20000;
  function frame() {
    const now = performance.now();
    for (const [name, check] of Object.entries(checks)) if (!(name in marks) && check()) marks[name] = now;
    const done = "content" in marks && "question" in marks && "enhanced" in marks;
    if (now < until && !done) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
  new MutationObserver(() => {
    if (!("engine" in marks) && document.documentElement.dataset.engine === "ready") marks.engine = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-engine"] });
})();
"""
LATENCY_JS = """\
() => {
  const reset = () => { window.__rfLatency = { click: null, update: null, frame: null }; };
  reset();
  window.__rfLatencyReset = reset;
  window.addEventListener("click", (event) => {
    if (window.__rfLatency.click === null) window.__rfLatency.click = event.timeStamp;
  }, true);
  new MutationObserver(() => {
    const l = window.__rfLatency;
    if (l.click === null || l.update !== null) return;
    l.update = performance.now();
    requestAnimationFrame(() => { l.frame = performance.now(); });
  }).observe(document.getElementById("rf-results-body"), { attributes: true, childList: true, subtree: true });
}
"""


# -- What a visit records -------------------------------------------------------


@dataclass
class Fetched:
    """One finished request as the browser saw it (times in ms from navigation start)."""

    url: str
    content_type: str
    start: float
    end: float


@dataclass
class Visit:
    marks: dict[str, float]  # ms from navigation start
    fetched: list[Fetched]
    served: list[Served]
    before_ready: list[Served] = field(default_factory=list)  # what the server had sent when the engine was ready
    started_from: str = ""  # "snapshot" or "boot" (html[data-engine-from])

    def browser_saw(self, *parts: str) -> list[Fetched]:
        return [f for f in self.fetched if any(p in f.url for p in parts)]

    def server_sent(self, *parts: str) -> list[Served]:
        return [s for s in self.served if s.path.startswith(parts)]


@dataclass
class Runs:
    docs: list[Visit] = field(default_factory=list)
    cold: list[Visit] = field(default_factory=list)
    warm_incognito: list[Visit] = field(default_factory=list)
    bare: list[Visit] = field(default_factory=list)
    profile_cold: list[Visit] = field(default_factory=list)
    profile_warm: list[Visit] = field(default_factory=list)
    offline: list[bool] = field(default_factory=list)


@dataclass
class Watch:
    """Console errors and warnings, page errors and requests to other origins, across every visit."""

    origin: str
    problems: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self._request)
        context.on("page", self._page)

    def _request(self, request: Request) -> None:
        if not request.url.startswith((self.origin, "data:", "blob:")):
            self.problems.append(f"request to another origin: {request.url}")

    def _page(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.problems.append(f"page error on {page.url}: {error}"))
        page.on("console", lambda m: self._console(page, m.type, m.text))

    def _console(self, page: Page, kind: str, text: str) -> None:
        if kind in ("error", "warning"):
            self.problems.append(f"console {kind} on {page.url}: {text}")


# -- Visiting pages -------------------------------------------------------------


def add_bare_page(site: Path) -> None:
    bench = site / "bench"
    bench.mkdir()
    (bench / "bare.html").write_text(BARE_HTML, "utf-8")
    (bench / "bare.js").write_text(BARE_PAGE_JS, "utf-8")
    (bench / "bare-worker.js").write_text(BARE_WORKER_JS, "utf-8")


def prepare(context: BrowserContext, watch: Watch) -> BrowserContext:
    context.set_default_timeout(TIMEOUT)
    context.add_init_script(MARKS_JS)
    watch.attach(context)
    return context


def wait_engine(page: Page) -> None:
    # Functions, not expression strings: the site's CSP forbids the eval Playwright uses for those.
    page.wait_for_function("() => window.__rfBench && 'engine' in window.__rfBench", timeout=TIMEOUT)


def fetched(request: Request, origin: float) -> Fetched:
    response = request.response()
    kind = response.headers.get("content-type", "") if response else ""
    start = request.timing["startTime"]
    return Fetched(request.url, kind, start - origin, start + request.timing["responseEnd"] - origin)


def visit(context: BrowserContext, site: Site, path: str, engine: bool) -> Visit:
    """Open a page in a new tab; wait for the engine (if any) and a quiet network; close the tab."""
    requests: list[Request] = []
    first_logged = len(site.log)
    page = context.new_page()
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(site.url + path, wait_until="load")
    ready_at = len(site.log)
    started_from = ""
    if engine:
        wait_engine(page)
        ready_at = len(site.log)
        started_from = page.evaluate("() => document.documentElement.dataset.engineFrom || ''")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => 'content' in (window.__rfBench || {}) || !document.querySelector('.md-content')")
    marks = page.evaluate("""() => {
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        return { ...window.__rfBench, ...(fcp ? { fcp: fcp.startTime } : {}) };
    }""")
    origin = page.evaluate("() => performance.timeOrigin")
    result = Visit(
        marks,
        [fetched(r, origin) for r in requests],
        site.log[first_logged:],
        site.log[first_logged:ready_at],
        started_from,
    )
    page.close()
    return result


def run_docs(browser: Browser, site: Site, watch: Watch, runs: Runs) -> None:
    context = prepare(browser.new_context(viewport=VIEWPORT), watch)
    runs.docs.append(visit(context, site, DOCS, engine=False))
    context.close()


def run_assessment(browser: Browser, site: Site, watch: Watch, runs: Runs) -> None:
    """A cold visit, then a second visit in the same (incognito, memory-cached) context."""
    context = prepare(browser.new_context(viewport=VIEWPORT), watch)
    runs.cold.append(visit(context, site, ASSESSMENT, engine=True))
    runs.warm_incognito.append(visit(context, site, ASSESSMENT, engine=True))
    context.close()


def run_bare(browser: Browser, site: Site, watch: Watch, runs: Runs) -> None:
    context = prepare(browser.new_context(viewport=VIEWPORT), watch)
    runs.bare.append(visit(context, site, BARE, engine=True))
    context.close()


def measure_loads(browser: Browser, site: Site, watch: Watch, runs: Runs, count: int) -> None:
    """Interleave the three kinds of cold visit, rotating their order from run to run."""
    jobs: list[Callable[[Browser, Site, Watch, Runs], None]] = [run_docs, run_assessment, run_bare]
    for i in range(count):
        for job in jobs[i % 3 :] + jobs[: i % 3]:
            job(browser, site, watch, runs)


def snapshot_url(site: Site) -> str:
    """The snapshot's URL, as the built assessment page names it."""
    html = (site.directory / "assessment" / "index.html").read_text("utf-8")
    relative = html.split('data-snapshot="', 1)[1].split('"', 1)[0]
    return f"{site.url}{ASSESSMENT}{relative}"


def wait_for_snapshot(context: BrowserContext, site: Site) -> None:
    """Until the service worker registered by the first visit has cached the snapshot."""
    page = context.new_page()
    page.goto(site.url + DOCS)
    url = snapshot_url(site)
    for _ in range(400):
        if page.evaluate("async url => Boolean(await caches.match(url))", url):
            break
        page.wait_for_timeout(300)
    page.close()


def offline_visit(context: BrowserContext, site: Site) -> bool:
    """With the network off: does the assessment load and its engine start?"""
    context.set_offline(True)
    page = context.new_page()
    try:
        page.goto(site.url + ASSESSMENT, wait_until="load")
        page.wait_for_function("() => document.documentElement.dataset.engine === 'ready'", timeout=60_000)
        return True
    except Exception:  # a failed offline load is the answer "no"
        return False
    finally:
        page.close()
        context.set_offline(False)


def measure_second_visits(
    playwright: Playwright, launch: dict[str, Any], site: Site, watch: Watch, runs: Runs, count: int
) -> None:
    """First and second visit in a fresh on-disk profile, as a browser keeps its HTTP cache; then offline."""
    for _ in range(count):
        with tempfile.TemporaryDirectory(prefix="rf-profile-") as profile:
            context = playwright.chromium.launch_persistent_context(profile, viewport=VIEWPORT, **launch)
            prepare(context, watch)
            runs.profile_cold.append(visit(context, site, ASSESSMENT, engine=True))
            wait_for_snapshot(context, site)
            runs.profile_warm.append(visit(context, site, ASSESSMENT, engine=True))
            runs.offline.append(offline_visit(context, site))
            context.close()


def answer_everything(page: Page) -> None:
    from helpers import answer_by_clicking, pick, questions_on, wait_for_results  # tests/browser/helpers.py

    questions = questions_on(page)
    answer_by_clicking(page, {q["id"]: pick(q, i) for i, q in enumerate(questions)})
    wait_for_results(page, len(questions))


def measure_latency(browser: Browser, site: Site, watch: Watch, changes: int) -> list[tuple[float, float]]:
    """(click -> results re-rendered, click -> next frame) in ms, changing the first answer each time."""
    context = prepare(browser.new_context(viewport=VIEWPORT), watch)
    page = context.new_page()
    page.goto(site.url + ASSESSMENT)
    wait_engine(page)
    answer_everything(page)
    page.click(".rf-step[data-step='product']")
    first = page.locator("[data-question-id]").first
    values = first.locator("input[type=radio]").evaluate_all("els => els.map(e => e.value)")
    page.evaluate(LATENCY_JS)
    deltas = []
    for _ in range(changes):
        page.evaluate("() => window.__rfLatencyReset()")
        checked = first.locator("input[type=radio]:checked").get_attribute("value")
        target = values[-1] if checked == values[0] else values[0]  # always a different answer
        first.locator(f"label:has(input[value='{target}'])").click()
        page.wait_for_function("() => window.__rfLatency.frame !== null")
        latency = page.evaluate("() => window.__rfLatency")
        deltas.append((latency["update"] - latency["click"], latency["frame"] - latency["click"]))
    context.close()
    return deltas


# -- Report ----------------------------------------------------------------------


def ms(value: float) -> str:
    return f"{value:,.0f} ms"


def size(value: float) -> str:
    return f"{value / 1e6:.2f} MB" if value >= 100_000 else f"{value / 1e3:.1f} kB"


def verdict(value: float, goal: float) -> str:
    return "met" if value <= goal else "MISSED"


def mark(visits: list[Visit], name: str) -> float:
    return median([v.marks[name] for v in visits if name in v.marks])


@functools.cache
def gzipped_size(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), 6))


def gzip_estimate(site: Path, served: list[Served]) -> int:
    """The same responses if the host gzipped text, JavaScript, JSON, SVG and WebAssembly (headers as sent)."""
    total = 0
    for item in served:
        file = site / unquote(item.path).lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        kind = mimetypes.guess_type(file.name)[0] or ""
        if item.status == 200 and file.is_file() and kind.startswith(COMPRESSIBLE):
            total += item.bytes - file.stat().st_size + gzipped_size(file)
        else:
            total += item.bytes
    return total


def pad(rows: list[list[str]]) -> list[list[str]]:
    return [row + [""] * (5 - len(row)) for row in rows]


def load_rows(runs: Runs) -> list[list[str]]:
    question, docs = mark(runs.cold, "question"), mark(runs.docs, "content")
    fcp, docs_fcp = mark(runs.cold, "fcp"), mark(runs.docs, "fcp")
    cold, bare = mark(runs.cold, "engine"), mark(runs.bare, "engine")
    return pad(
        [
            ["(a) first question visible+enabled", ms(question), f"docs .md-content {ms(docs)}"],
            ["    ratio", f"{question / docs:.2f}", "", "<= 1.2", verdict(question / docs, 1.2)],
            ["    .md-content visible", ms(mark(runs.cold, "content")), f"docs {ms(docs)}"],
            ["    first contentful paint", ms(fcp), f"docs {ms(docs_fcp)}", f"ratio {fcp / docs_fcp:.2f}"],
            ["    form enhanced (page script ran)", ms(mark(runs.cold, "enhanced"))],
            ["(b) engine ready, first visit", ms(cold), f"bare loadPyodide {ms(bare)}"],
            ["    ratio", f"{cold / bare:.2f}", "", "<= 1.0", verdict(cold / bare, 1.0)],
        ]
    )


def second_visit_rows(runs: Runs) -> list[list[str]]:
    cold, warm = mark(runs.profile_cold, "engine"), mark(runs.profile_warm, "engine")
    incognito_cold, incognito_warm = mark(runs.cold, "engine"), mark(runs.warm_incognito, "engine")
    bare = mark(runs.bare, "engine")
    restored = sum(v.started_from == "snapshot" for v in runs.profile_warm)
    offline = sum(runs.offline)
    return pad(
        [
            ["(e) engine ready, second visit", ms(warm), f"first visit {ms(cold)}"],
            ["    ratio (on-disk profile)", f"{warm / cold:.2f}", "", "<= 0.5", verdict(warm / cold, 0.5)],
            ["    started from the snapshot", f"{restored} of {len(runs.profile_warm)}"],
            ["    same, incognito context", ms(incognito_warm), f"first visit {ms(incognito_cold)}"],
            ["    ratio (incognito)", f"{incognito_warm / incognito_cold:.2f}"],
            [
                "(f) second visit against bare",
                f"{warm / bare:.2f}",
                f"bare {ms(bare)}",
                "<= 0.4",
                verdict(warm / bare, 0.4),
            ],
            [
                "(h) offline reload works",
                "yes" if offline == len(runs.offline) else "no",
                f"{offline} of {len(runs.offline)}",
                "yes",
                verdict(len(runs.offline) - offline, 0),
            ],
        ]
    )


def latency_rows(deltas: list[tuple[float, float]]) -> list[list[str]]:
    update, slowest = median([d[0] for d in deltas]), max(d[0] for d in deltas)
    return pad(
        [
            [
                "(c) click -> results re-rendered",
                ms(update),
                f"slowest {ms(slowest)}",
                "<= 100 ms",
                verdict(update, 100),
            ],
            ["    click -> next frame", ms(median([d[1] for d in deltas]))],
        ]
    )


def spread(values: list[int]) -> str:
    return str(values[0]) if min(values) == max(values) else f"{min(values)}-{max(values)}"


def bytes_row(label: str, visits: list[Visit], site: Path) -> list[str]:
    """Median bytes sent over the visits, the gzip estimate, and the range of request and 304 counts."""
    sent = median([sum(s.bytes for s in v.served) for v in visits])
    zipped = median([gzip_estimate(site, v.served) for v in visits])
    requests = spread([len(v.served) for v in visits])
    revalidated = [sum(s.status == 304 for s in v.served) for v in visits]
    note = f", {spread(revalidated)} x 304" if any(revalidated) else ""
    return [label, size(sent), f"gzip est. {size(zipped)}", f"{requests} req{note}"]


def bytes_rows(runs: Runs, site: Path) -> list[list[str]]:
    engine_on_docs = any(v.server_sent(*ENGINE_PATHS) for v in runs.docs)
    fetched_verdict = "MISSED" if engine_on_docs else "met"
    return pad(
        [
            bytes_row("(d) /assessment/, first visit", runs.cold, site),
            bytes_row("    /assessment/, second (profile)", runs.profile_warm, site),
            bytes_row("    /assessment/, second (incognito)", runs.warm_incognito, site),
            bytes_row(f"    docs {DOCS}", runs.docs, site),
            ["    docs page fetched the engine", "yes" if engine_on_docs else "no", "", "must not", fetched_verdict],
            before_ready_row(runs),
        ]
    )


def before_ready_row(runs: Runs) -> list[str]:
    """(g) A first visit's bytes before the engine is ready (the snapshot must not be among them), and after."""
    before = median([sum(s.bytes for s in v.before_ready) for v in runs.profile_cold])
    total = median([sum(s.bytes for s in v.served) for v in runs.profile_cold])
    snapshot_early = any("snapshot-" in s.path for v in runs.profile_cold for s in v.before_ready)
    return [
        "(g) first visit, bytes before ready",
        size(before),
        f"after: {size(total - before)} (precache)",
        "no snapshot",
        "MISSED" if snapshot_early else "met",
    ]


def first_start(visits: list[Visit], part: str) -> float | None:
    starts = [min(f.start for f in v.browser_saw(part)) for v in visits if v.browser_saw(part)]
    return median(starts) if starts else None


def timeline(label: str, visits: list[Visit], statuses: bool = False) -> str:
    """Medians: worker started, runtime downloaded, wheel requested, ready; optionally HTTP statuses."""
    worker, wheel = first_start(visits, "worker.js"), first_start(visits, "/assets/engine/")
    runtime = median([max(f.end for f in v.browser_saw(RUNTIME)) for v in visits])
    steps = [f"worker script requested at {ms(worker or 0)}", f"runtime files in by {ms(runtime)}"]
    if wheel is not None:
        steps.append(f"engine wheel requested at {ms(wheel)}")
    steps.append(f"ready at {ms(mark(visits, 'engine'))}")
    line = f"  {label}: {'; '.join(steps)}"
    if statuses:
        answered = Counter((s.path.rsplit("/", 1)[-1], s.status) for v in visits for s in v.server_sent(RUNTIME))
        listed = ", ".join(f"{name} {status} x{count}" for (name, status), count in sorted(answered.items()))
        line += f"\n    server's answers for the runtime over {len(visits)} visits: {listed or 'none (HTTP cache)'}"
    return line


def explain_engine(runs: Runs) -> list[str]:
    """Where the engine's start-up time goes: cold against the bare page, first against second visit."""
    lines = [
        "(b)",
        timeline("/assessment/ ", runs.cold),
        timeline("bare page    ", runs.bare),
        "(e)",
        timeline("first visit  ", runs.profile_cold, statuses=True),
        timeline("second visit ", runs.profile_warm, statuses=True),
        timeline("2nd incognito", runs.warm_incognito, statuses=True),
    ]
    cold, warm = mark(runs.profile_cold, "engine"), mark(runs.profile_warm, "engine")
    runtime_warm = median([max(f.end for f in v.browser_saw(RUNTIME)) for v in runs.profile_warm])
    if warm / cold > 0.5:
        lines.append(
            f"  (e) missed: on the second visit the runtime is in by {ms(runtime_warm)} from the HTTP cache, yet the"
            f" engine needs {ms(warm - runtime_warm)} more: WebAssembly compile/instantiate, Python start-up,"
            " unpacking and importing the engine. CPU work that an HTTP cache does not save."
        )
    return lines


def mime_problems(runs: Runs) -> list[str]:
    expected = {".wasm": "application/wasm", ".mjs": "text/javascript"}
    problems = []
    for item in runs.cold[0].browser_saw(*ENGINE_PATHS):
        for suffix, kind in expected.items():
            if item.url.endswith(suffix) and not item.content_type.startswith(kind):
                problems.append(f"{item.url} served as {item.content_type!r}, expected {kind}")
    return problems


def report(runs: Runs, deltas: list[tuple[float, float]], watch: Watch, site: Path) -> None:
    print(f"Browser benchmark: headless Chromium, {len(runs.cold)} visits per figure, {len(deltas)} answer changes")
    print()
    rows = load_rows(runs) + latency_rows(deltas) + bytes_rows(runs, site) + second_visit_rows(runs)
    print_table(["measure", "value", "reference", "goal", "verdict"], rows)
    print()
    print("Engine start-up, medians, ms from navigation start:")
    print("\n".join(explain_engine(runs)))
    problems = sorted(set(watch.problems)) + mime_problems(runs)
    print()
    print("Problems seen:" if problems else "Problems seen: none (no console errors, page errors or other origins)")
    for problem in problems:
        print(f"  - {problem}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="visits per figure (default 5)")
    parser.add_argument("--changes", type=int, default=10, help="answer changes timed in (c) (default 10)")
    args = parser.parse_args()
    executable, flags = chromium()
    launch: dict[str, Any] = {"executable_path": executable, "args": flags}
    with tempfile.TemporaryDirectory(prefix="rf-bench-") as tmp:
        site_dir = build_site(Path(tmp) / "site")
        add_bare_page(site_dir)
        site = Site(site_dir)
        watch = Watch(site.url)
        runs = Runs()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch)
            measure_loads(browser, site, watch, runs, args.runs)
            deltas = measure_latency(browser, site, watch, args.changes)
            browser.close()
            measure_second_visits(playwright, launch, site, watch, runs, args.runs)
        report(runs, deltas, watch, site_dir)
        site.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
