"""Phones as they are (issue 25, item 4): a slow CPU never turns a running start into a restart;
going back and forth never stacks engines; in WeChat the page says what works and offers it,
and no page claims a print dialog or a file that did not come; a browser without the fast
path's features starts the normal way.

Each test here pays one engine start (two for back and forth's snapshot restores)."""

from __future__ import annotations

import pytest
from helpers import (
    PageWatch,
    answer_by_clicking,
    at,
    questions_on,
    wait_for_engine,
    wait_for_results,
)
from playwright.sync_api import Browser, BrowserType, Page, expect

pytestmark = pytest.mark.browser

WECHAT_IOS = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN"
)
RECORD_STATES = """() => {
    window.rfStates = [document.documentElement.dataset.engine];
    new MutationObserver(() => window.rfStates.push(document.documentElement.dataset.engine))
        .observe(document.documentElement, { attributes: true, attributeFilter: ["data-engine"] });
}"""
# What an app's web view does with print() and a file: nothing, and no error either.
PRINT_DOES_NOTHING = """() => {
    const frameWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, "contentWindow");
    Object.defineProperty(HTMLIFrameElement.prototype, "contentWindow", { get() {
        const view = frameWindow.get.call(this);
        if (view) view.print = () => {};
        return view;
    } });
    window.print = () => {};
}"""
DOWNLOAD_DOES_NOTHING = "() => { HTMLAnchorElement.prototype.click = function () {}; }"
DOWNLOAD_REFUSED = "() => { URL.createObjectURL = () => { throw new Error('blocked by the app'); }; }"


def answered(page: Page, count: int = 3) -> None:
    questions = [q for q in questions_on(page) if q["kind"] == "choice"][:count]
    answer_by_clicking(page, {q["id"]: q["options"][1] for q in questions})
    wait_for_engine(page)
    wait_for_results(page, count)


def test_a_first_visit_on_a_quarter_of_a_core_reaches_ready_without_a_restart(page: Page, watch) -> None:
    # Chromium held to a quarter of a core, the page and its workers alike (DevTools' CPU throttling).
    session = page.context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(at("assessment/"))
    page.evaluate(RECORD_STATES)
    wait_for_engine(page)
    states = page.evaluate("() => window.rfStates")
    assert "restarting" not in states and "failed" not in states, states
    assert page.evaluate("() => document.documentElement.dataset.engineFrom") == "boot"


def test_five_visits_back_and_forth_leave_one_engine_alive(
    browser_type: BrowserType, browser_type_launch_args: dict, base_url: str
) -> None:
    # Playwright switches the back/forward cache off; a phone's browser has it on.
    browser = browser_type.launch(**browser_type_launch_args, ignore_default_args=["--disable-back-forward-cache"])
    try:
        context = browser.new_context(base_url=base_url)
        page = context.new_page()
        watch = PageWatch(page, base_url)
        devtools = browser.new_browser_cdp_session()

        def engines() -> int:
            targets = devtools.send("Target.getTargets")["targetInfos"]
            return sum(1 for t in targets if t["type"] == "worker" and t["url"].endswith("/assessment/worker.js"))

        page.goto(at("assessment/"))
        wait_for_engine(page)
        for _ in range(5):
            page.goto(at("pillars/product/"))
            page.go_back(wait_until="commit")
            wait_for_engine(page)
            assert page.evaluate("() => document.documentElement.dataset.engine") == "ready"
        # The docs page's own search worker is kept once per cached visit: the cache held the pages.
        assert sum(1 for t in devtools.send("Target.getTargets")["targetInfos"] if "search" in t["url"]) > 1
        assert engines() == 1
        assert watch.errors == [] and watch.foreign == []
    finally:
        browser.close()


def wechat_page(browser: Browser, base_url: str) -> tuple[Page, PageWatch]:
    context = browser.new_context(
        base_url=base_url,
        user_agent=WECHAT_IOS,
        viewport={"width": 390, "height": 844},
        service_workers="block",  # WeChat on iOS has none
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    return page, PageWatch(page, base_url)


def test_in_wechat_the_page_says_what_works_and_offers_the_link_and_the_text(browser: Browser, base_url: str) -> None:
    page, watch = wechat_page(browser, base_url)
    page.goto(at("assessment/"))
    notice = page.locator(".rf-notice[data-appview]")
    expect(notice).to_contain_text("WeChat")
    expect(notice).to_contain_text("Open in Browser")
    expect(page.locator("#rf-alternatives")).to_be_visible()
    answered(page)

    page.click("#rf-copy-link")
    expect(page.locator("#rf-copy-status")).to_have_text("Copied.")
    link = page.evaluate("() => navigator.clipboard.readText()")
    assert link.startswith(page.url.split("#")[0]) and "#s=" in link
    page.click("#rf-copy-text")
    text = page.evaluate("() => navigator.clipboard.readText()")
    first_line = page.locator("#rf-results-body").inner_text().strip().splitlines()[0]
    assert text.startswith(first_line) and text.endswith(link)
    assert watch.errors == [] and watch.foreign == []
    page.context.close()


def test_in_wechat_neither_a_print_nor_a_download_is_claimed_when_none_happened(
    browser: Browser, base_url: str
) -> None:
    page, watch = wechat_page(browser, base_url)
    page.goto(at("assessment/"))
    answered(page)
    page.evaluate(PRINT_DOES_NOTHING)
    page.evaluate(DOWNLOAD_DOES_NOTHING)
    status = page.locator("#rf-report-status")
    why = page.locator("#rf-alternatives-why")

    page.click("#rf-print")
    expect(why).to_contain_text("No print dialog opened")
    expect(status).to_have_text("")
    page.click("#rf-report")
    expect(why).to_contain_text("may not save files")
    expect(status).to_have_text("")
    assert watch.errors == [] and watch.foreign == []
    page.context.close()


def test_a_browser_whose_print_opens_nothing_or_refuses_the_file_is_told_so_and_offered_the_rest(
    page: Page, watch
) -> None:
    page.goto(at("assessment/"))
    answered(page)
    expect(page.locator("#rf-alternatives")).to_be_hidden()  # a normal browser: nothing offered up front
    page.evaluate(PRINT_DOES_NOTHING)
    page.evaluate(DOWNLOAD_REFUSED)
    page.click("#rf-print")
    expect(page.locator("#rf-alternatives-why")).to_contain_text("No print dialog opened")
    expect(page.locator("#rf-report-status")).not_to_contain_text("print dialog")
    page.click("#rf-report")
    expect(page.locator(".rf-notice--error")).to_contain_text("blocked by the app")
    expect(page.locator("#rf-report-status")).not_to_contain_text("saved")
    expect(page.locator("#rf-alternatives")).to_be_visible()


# The fast path's features (inflating a stream: the gzipped runtime; Cache Storage: the snapshot), taken
# away before the worker's first module runs. Streaming compilation is not among them: Pyodide needs it.
NO_FAST_PATH = "delete self.DecompressionStream; Object.defineProperty(self, 'caches', { value: undefined });\n"


def test_a_browser_without_the_fast_paths_features_starts_the_normal_way(page: Page, watch) -> None:
    def older_browser(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=NO_FAST_PATH + response.text())

    page.route("**/assessment/worker-fetch.js", older_browser)
    page.goto(at("assessment/"))
    answered(page)
    fetched = [url.rsplit("/", 1)[-1] for url in watch.requests]
    assert "pyodide.asm.wasm" in fetched and "pyodide.asm.wasm.gz" not in fetched
    assert page.evaluate("() => document.documentElement.dataset.engineFrom") == "boot"


def test_the_home_page_fetches_the_runtime_only_once_the_reader_heads_for_the_assessment(page: Page, watch) -> None:
    page.goto(at(""))
    page.wait_for_load_state("load")
    assert not [url for url in watch.requests if "/assets/pyodide/" in url]  # no intent yet: nothing fetched
    link = page.locator(f"article a[href$='{at('assessment/').rstrip('/').rsplit('/', 1)[-1]}/']").first
    with page.expect_request("**/pyodide.asm.wasm.gz"):
        link.hover()
    fetched = {url.rsplit("/", 1)[-1] for url in watch.requests}
    assert {"pyodide.mjs", "pyodide.asm.mjs"} <= fetched and any(n.startswith("stdlib-") for n in fetched)
    assert all(url.startswith(watch.origin) for url in watch.requests)
    # A docs page has no such script: hovering its links fetches nothing of the engine's.
    page.goto(at("pillars/product/"))
    watch.requests.clear()
    page.locator("article a[href]").first.hover()
    page.wait_for_timeout(500)
    assert not [url for url in watch.requests if "/assets/pyodide/" in url or "warm-engine" in url]
