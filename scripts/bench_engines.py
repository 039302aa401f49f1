"""Print the first and repeat visit and the peak memory in WebKitGTK and Firefox ESR, each against its own bare page.

    xvfb-run -a .venv/bin/python scripts/bench_engines.py [--runs 2] [--engines webkit,firefox] [--quarter-core]

The sibling of bench_browser.py (Chromium) for the engines iPhones (WebKit: Safari, and every app's web view on
iOS) and Firefox users have. WebKitGTK is driven through Debian's WebKitWebDriver with Selenium; Firefox ESR
through its own WebDriver BiDi (no geckodriver). Each run starts a new browser with a new profile, so the
first visit is cold. Times are from navigation start (the page's performance.now()) to html[data-engine=ready]
on the assessment page, and to loadPyodide() resolving on the bare page (bench/bare.html, the same vendored
files, as bench_browser.py writes it); medians of --runs, and their ratio, measured in the same run.

- first visit: the assessment page against the bare page, each in a fresh browser.
- repeat visit: the assessment page again in the same browser once its service worker has cached the engine's
  snapshot, against the bare page's first visit; which start it used is printed.
- peak memory: the largest peak resident size (VmHWM) of the browser's content processes (WebKitWebProcess,
  Firefox's tab processes) after the visit: the process the engine's worker runs in, which a phone kills.
- --quarter-core: the browser's processes run a quarter of the time (stopped and continued every 100 ms,
  SIGSTOP/SIGCONT, as cpulimit does): whether the first visit still reaches ready without a restart.

Figures only: ratios measured in one run, never a pass or fail. Run it on an idle machine and say the load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_browser import add_bare_page
from benchlib import Site, build_site

ASSESSMENT = "/assessment/"
OTHER = "/pillars/product/"
BARE = "/bench/bare.html"
TIMEOUT_S = 600
# Resolves once the engine is ready (or failed): [state, ms since navigation, which start, states seen].
READY_JS = """
return new Promise((resolve) => {
  const html = document.documentElement;
  const seen = [];
  const check = () => {
    const state = html.dataset.engine;
    if (seen[seen.length - 1] !== state) seen.push(state);
    if (state === "ready" || state === "failed") {
      resolve([state, performance.now(), html.dataset.engineFrom || null, seen]);
      return true;
    }
    return false;
  };
  if (!check()) new MutationObserver((_, observer) => check() && observer.disconnect())
    .observe(html, { attributes: true, attributeFilter: ["data-engine"] });
});
"""
SNAPSHOT_CACHED_JS = """
const root = document.getElementById("assessment");
if (!root || typeof caches === "undefined") return false;
return caches.match(new URL(root.dataset.snapshot, document.baseURI).href).then((found) => Boolean(found));
"""


@dataclass
class Visit:
    ms: float
    state: str
    start: str | None
    states: list[str]
    peak_kb: int


@dataclass
class Figures:
    first: list[Visit] = field(default_factory=list)
    repeat: list[Visit] = field(default_factory=list)
    bare: list[Visit] = field(default_factory=list)
    docs_kb: list[int] = field(default_factory=list)  # a docs page's peak: what the theme costs without the engine


def descendants(root: int) -> list[int]:
    """Every process under `root` (by /proc's parent links)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            found.append(child)
            todo.append(child)
    return found


def peak_kb(root: int, is_content: Callable[[str], bool]) -> int:
    """The largest VmHWM (peak resident, kB) among the content processes under `root`."""
    peaks = [0]
    for pid in descendants(root):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if is_content(command):
            peaks += [int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")]
    return max(peaks)


@contextmanager
def quarter_core(root: int, on: bool) -> Iterator[None]:
    """While inside: every process under `root` runs 25 ms of each 100 ms (SIGCONT, then SIGSTOP)."""
    if not on:
        yield
        return
    stop = threading.Event()

    def signal_all(number: int) -> None:
        for pid in descendants(root):
            with suppress(OSError):
                os.kill(pid, number)

    def cycle() -> None:
        while not stop.is_set():
            signal_all(signal.SIGCONT)
            time.sleep(0.025)
            signal_all(signal.SIGSTOP)
            time.sleep(0.075)
        signal_all(signal.SIGCONT)

    thread = threading.Thread(target=cycle, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


class Browser:
    """What the benchmark asks of a browser: go to a URL, run a script that may return a promise."""

    root: int
    name: str

    def get(self, url: str) -> None:
        raise NotImplementedError

    def run(self, script: str) -> Any:
        raise NotImplementedError

    def is_content(self, command: str) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class WebKit(Browser):
    name = "WebKitGTK"

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        options = Options()
        options.binary_location = next(
            str(p) for p in Path("/usr/lib").glob("*/webkit2gtk-4.*/MiniBrowser") if p.is_file()
        )
        options.add_argument("--automation")
        self.driver = webdriver.WebKitGTK(options=options, service=Service(shutil.which("WebKitWebDriver")))
        self.driver.set_script_timeout(TIMEOUT_S)
        self.driver.set_page_load_timeout(TIMEOUT_S)
        process = self.driver.service.process
        assert process is not None
        self.root = process.pid

    def get(self, url: str) -> None:
        self.driver.get(url)

    def run(self, script: str) -> Any:
        return self.driver.execute_script(script)

    def is_content(self, command: str) -> bool:
        return "WebKitWebProcess" in command

    def close(self) -> None:
        self.driver.quit()


class Firefox(Browser):
    """Firefox ESR over WebDriver BiDi, which it speaks itself (websocket-client comes with Selenium)."""

    name = "Firefox ESR"

    def __init__(self) -> None:
        import websocket

        self.profile = Path(tempfile.mkdtemp(prefix="rf-firefox-"))
        prefs = {
            "browser.shell.checkDefaultBrowser": False,
            "datareporting.policy.dataSubmissionEnabled": False,
            "toolkit.telemetry.reportingpolicy.firstRun": False,
            "browser.startup.homepage_override.mstone": "ignore",
            "app.update.disabledForTesting": True,
            "network.captive-portal-service.enabled": False,
        }
        (self.profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items()), "utf-8"
        )
        binary = shutil.which("firefox-esr") or shutil.which("firefox") or "firefox"
        command = [binary, "--headless", "--no-remote", "--profile", str(self.profile), "--remote-debugging-port=0"]
        self.process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.root = self.process.pid
        assert self.process.stderr is not None
        address = ""
        for line in self.process.stderr:
            if "WebDriver BiDi listening on" in line:
                address = line.rsplit(" ", 1)[1].strip()
                break
        threading.Thread(target=lambda: [None for _ in self.process.stderr or []], daemon=True).start()
        # Firefox refuses a handshake with an Origin header (a web page cannot drive it): send none.
        self.socket = websocket.create_connection(f"{address}/session", timeout=TIMEOUT_S, suppress_origin=True)
        self.next_id = 0
        self.command("session.new", {"capabilities": {}})
        tree = self.command("browsingContext.getTree", {})
        self.context = tree["contexts"][0]["context"]

    def command(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if message.get("type") == "error":
                    raise RuntimeError(f"{method}: {message.get('message')}")
                return message["result"]

    def get(self, url: str) -> None:
        self.command("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    def run(self, script: str) -> Any:
        result = self.command(
            "script.callFunction",
            {
                "functionDeclaration": f"async () => {{ {script} }}",
                "target": {"context": self.context},
                "awaitPromise": True,
                "resultOwnership": "none",
            },
        )
        if result.get("type") == "exception":
            raise RuntimeError(result["exceptionDetails"]["text"])
        return plain(result["result"])

    def is_content(self, command: str) -> bool:
        return "-contentproc" in command and " tab" in command

    def close(self) -> None:
        with suppress(Exception):
            self.command("browser.close", {})
        self.process.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def plain(value: dict[str, Any]) -> Any:
    """A BiDi remote value as Python."""
    kind = value["type"]
    if kind == "array":
        return [plain(item) for item in value["value"]]
    if kind in ("null", "undefined"):
        return None
    return value.get("value")


def visit(browser: Browser, url: str, quarter: bool) -> Visit:
    with quarter_core(browser.root, quarter):
        browser.get(url)
        state, ms, start, states = browser.run(READY_JS)
    return Visit(float(ms), state, start, list(states), peak_kb(browser.root, browser.is_content))


def wait_for_snapshot(browser: Browser) -> bool:
    until = time.monotonic() + 180
    while time.monotonic() < until:
        if browser.run(SNAPSHOT_CACHED_JS):
            return True
        time.sleep(1)
    return False


def measure(make: Callable[[], Browser], base: str, runs: int, quarter: bool) -> Figures:
    figures = Figures()
    for _ in range(runs):
        browser = make()
        try:
            figures.bare.append(visit(browser, base + BARE, quarter))
        finally:
            browser.close()
        if not quarter:
            browser = make()
            try:
                browser.get(base + OTHER)
                time.sleep(3)  # the theme's search worker loads its index
                figures.docs_kb.append(peak_kb(browser.root, browser.is_content))
            finally:
                browser.close()
        browser = make()
        try:
            figures.first.append(visit(browser, base + ASSESSMENT, quarter))
            if not quarter and wait_for_snapshot(browser):
                browser.get(base + OTHER)
                figures.repeat.append(visit(browser, base + ASSESSMENT, quarter))
        finally:
            browser.close()
    return figures


def median(visits: list[Visit], what: Callable[[Visit], float]) -> float:
    return statistics.median(what(v) for v in visits) if visits else float("nan")


def report(name: str, figures: Figures, quarter: bool) -> None:
    bare = median(figures.bare, lambda v: v.ms)
    first = median(figures.first, lambda v: v.ms)
    print(f"\n{name}{' (a quarter of a core)' if quarter else ''}")
    print(f"  bare loadPyodide()   {bare:8.0f} ms   peak {median(figures.bare, lambda v: v.peak_kb) / 1024:6.0f} MB")
    line = f"  first visit          {first:8.0f} ms   peak {median(figures.first, lambda v: v.peak_kb) / 1024:6.0f} MB"
    print(f"{line}   {first / bare:.2f}x bare")
    if figures.repeat:
        repeat = median(figures.repeat, lambda v: v.ms)
        starts = ", ".join(str(v.start) for v in figures.repeat)
        repeat_mb = median(figures.repeat, lambda v: v.peak_kb) / 1024
        line = f"  repeat visit         {repeat:8.0f} ms   peak {repeat_mb:6.0f} MB"
        print(f"{line}   {repeat / bare:.2f}x bare, {repeat / first:.2f}x first ({starts})")
    peak_ratio = median(figures.first, lambda v: v.peak_kb) / median(figures.bare, lambda v: v.peak_kb)
    print(f"  peak memory, first visit: {peak_ratio:.2f}x the bare page's (the repeat's includes the first's:")
    print("  one tab, one process)")
    if figures.docs_kb:
        docs_mb = statistics.median(figures.docs_kb) / 1024
        print(f"  a docs page alone (the theme, its search; no engine): peak {docs_mb:.0f} MB")
    for label, visits in (("first", figures.first), ("repeat", figures.repeat), ("bare", figures.bare)):
        for v in visits:
            if v.state != "ready" or "restarting" in v.states:
                print(f"  {label} visit did not go straight to ready: {' -> '.join(v.states)}")
    print("  engine states, first visits: " + "; ".join(" -> ".join(v.states) for v in figures.first))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=2, help="visits per figure (default 2)")
    parser.add_argument("--engines", default="webkit,firefox", help="webkit, firefox or both (default)")
    parser.add_argument("--quarter-core", action="store_true", help="hold the browser to a quarter of the CPU")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and "webkit" in args.engines:
        sys.exit("WebKitGTK needs a display: run under xvfb-run -a")
    with tempfile.TemporaryDirectory(prefix="rf-bench-engines-") as folder:
        target = args.site or build_site(Path(folder) / "site")
        add_bare_page(target)
        site = Site(target)
        try:
            print(f"machine: {os.cpu_count()} cores; load before: {os.getloadavg()[0]:.2f}")
            makers: dict[str, Callable[[], Browser]] = {"webkit": WebKit, "firefox": Firefox}
            for engine in args.engines.split(","):
                make = makers[engine.strip()]
                figures = measure(make, site.url, args.runs, args.quarter_core)
                report(make.name if isinstance(make, type) else engine, figures, args.quarter_core)  # type: ignore[attr-defined]
            print(f"\nload after: {os.getloadavg()[0]:.2f}")
        finally:
            site.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
