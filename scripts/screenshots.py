"""Screenshots of the assessment as an owner meets it on a phone, to look at before calling a page change done.

    .venv/bin/python scripts/screenshots.py [SITE_DIR] [OUT_DIR]     # defaults: site/ and screenshots/

For English and Chinese, at 390x844: after a pillar change, on return with saved answers, with every question
answered (the welcome back), and the results' first screen. Builds nothing: build the site first
(scripts/build.py). Uses the browser the tests use (scripts/find_chromium.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts"), str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from find_chromium import playwright_chromium, system_chromium  # noqa: E402
from helpers import answer_by_clicking, pick, questions_on, serve, wait_for_engine  # noqa: E402
from playwright.sync_api import Page, sync_playwright  # noqa: E402

PHONE = {"width": 390, "height": 844}
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def walk(page: Page, lang: str, out: Path) -> None:
    page.goto(lang + "assessment/")
    questions = questions_on(page)
    answer_by_clicking(page, {q["id"]: pick(q, i) for i, q in enumerate(questions[:9])}, {"model": "dtc"})
    page.click(".rf-step[data-step='product']")
    page.mouse.wheel(0, 900)
    page.click(".rf-pillar.is-current .rf-next")
    page.wait_for_timeout(600)
    tag = lang.strip("/") or "en"
    page.screenshot(path=out / f"{tag}-after-a-pillar-change.png")
    page.reload()
    page.wait_for_timeout(800)
    page.screenshot(path=out / f"{tag}-on-return.png")
    answer_by_clicking(page, {q["id"]: pick(q, i) for i, q in enumerate(questions)})
    wait_for_engine(page)
    # The dtc profile chosen above sets some questions aside, so the count scored is below the count asked.
    page.wait_for_selector("#rf-results-body[data-answered]:not([data-answered='0'])", state="attached")
    page.evaluate("() => window.scrollTo(0, 0)")
    page.reload()
    page.wait_for_timeout(1500)
    page.screenshot(path=out / f"{tag}-all-answered.png")
    page.locator("[data-welcome] button").first.click()
    page.wait_for_timeout(1500)
    page.screenshot(path=out / f"{tag}-results.png")


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    base = serve(str(site))
    executable = None if playwright_chromium() else system_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=FLAGS if executable else [])
        for lang in ("", "zh/"):
            context = browser.new_context(base_url=base, viewport=PHONE)
            walk(context.new_page(), lang, out)
            context.close()
        browser.close()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
