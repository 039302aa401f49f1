// @ts-check
// The printed report in the browser, and the peer bands the results show.
//
// The report is rendered by the engine (assessment/render/printed.py through
// report_json), the same function `python -m assessment report` runs, from the
// same document (profile, answers, notes, labels, action states) and the same
// brand: the build publishes the brand as data (assets/brand/report.json, made
// by sitekit/brand/assets.py, images inlined as data: URIs) and, when the brand ships
// peer bands, assets/brand/bands.json. Both are fetched from this origin, once:
// the brand when a report is first asked for, the bands as the page starts (the
// results show them); a site without bands has no data-bands and fetches none.
// The result is one self-contained HTML page whose own policy
// (default-src 'none') forbids any request.
//
// How it reaches the reader, and why:
// - "Download report" saves it as an .html file. The simplest robust path: it
//   works on every browser and phone, is not a popup (the engine answers
//   asynchronously, after the click's user activation may have lapsed), and the
//   file opens later, offline, anywhere. It never renders in this origin.
// - "Print or save as PDF" prints the same report from a hidden iframe
//   (srcdoc, sandboxed without scripts), so one click gives the print dialog
//   and its "Save as PDF". A srcdoc document inherits this page's CSP, which
//   allows what the report uses (inline styles, data: images) and nothing
//   more; a blob: tab would inherit the same policy but be a popup. Where a
//   browser prints the whole page instead of the frame (some mobile browsers),
//   the page's own print stylesheet still gives the results on paper.

import { format, h } from "./dom.js";

const fetched = new Map();
const PRINT_WAIT_MS = 1500; // how long a print dialog that does not block may take to open

function fetchText(url) {
  if (!fetched.has(url)) {
    const text = fetch(url, { credentials: "same-origin" }).then((response) => {
      if (!response.ok) throw new Error(`${new URL(url, document.baseURI).pathname}: HTTP ${response.status}`);
      return response.text();
    });
    fetched.set(url, text);
    text.catch(() => fetched.delete(url)); // a failed fetch is tried again next time
  }
  return fetched.get(url);
}

// Today in the reader's own time zone, as the report prints it (2026-03-01).
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export class Reports {
  // engine: engine.js's Engine; lang: the page's language; brand, bands: URLs from the
  // results section's data-report-brand and data-bands (bands absent: no peer bands).
  /** @param {{engine: import("./engine.js").Engine, lang: string, brand?: string, bands?: string, t: (key: string) => string}} options */
  constructor({ engine, lang, brand, bands, t }) {
    this.engine = engine;
    this.lang = lang;
    this.brandUrl = brand || "";
    this.bandsUrl = bands || null;
    this.t = t;
    /** @type {HTMLIFrameElement | null} */
    this.frame = null;
    this.bands(); // fetched while the engine loads, so the first results need not wait for it
  }

  // The brand's bands.json as text, or null: none shipped, or not readable (then the
  // results simply show no comparison, and the report none either).
  async bands() {
    if (!this.bandsUrl) return null;
    try {
      return await fetchText(this.bandsUrl);
    } catch {
      return null;
    }
  }

  // Where each pillar stands against companies like this one (place_json), or null.
  async placement(document) {
    const bands = await this.bands();
    if (bands === null || this.engine.state !== "ready") return null;
    const answer = await this.engine.call("place_json", JSON.stringify(document), bands, this.lang);
    return answer.ok ? answer.placement : null;
  }

  // -> {html} or {error}
  async render(document) {
    if (this.engine.state !== "ready") return { error: this.t("engine_loading") };
    let brand;
    try {
      brand = await fetchText(this.brandUrl);
    } catch (error) {
      return { error: String((error instanceof Error && error.message) || error) };
    }
    const bands = await this.bands();
    // paper null: the printer's own paper (page 1 fits A4 and US Letter alike).
    const answer = await this.engine.call("report_json", JSON.stringify(document), this.lang, brand, today(), bands, null);
    return answer.ok ? { html: answer.html } : { error: answer.error };
  }

  // -> {file} or {error} (a browser that refuses the file's link: an error, never "saved")
  async download(document) {
    const made = await this.render(document);
    if (made.error) return made;
    const file = format(this.t("report_file"), { date: today() });
    try {
      const blob = new Blob([made.html], { type: "text/html;charset=utf-8" });
      const link = h("a", { href: URL.createObjectURL(blob), download: file, hidden: true });
      window.document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    } catch (error) {
      return { error: String((error instanceof Error && error.message) || error), refused: true };
    }
    return { file };
  }

  // -> {} once a print dialog opened, {noDialog: true} when none did (an app's web view
  // ignores print()), or {error}. The dialog is known by the frame's `beforeprint`: at
  // once where print() blocks, a moment later where it does not (PRINT_WAIT_MS).
  async print(document) {
    const made = await this.render(document);
    if (made.error) return made;
    this.frame?.remove();
    const frame = h("iframe", {
      class: "rf-report-frame",
      title: this.t("report_frame"),
      sandbox: "allow-same-origin allow-modals", // no scripts in the report; the page may print it
      "aria-hidden": "true",
      tabindex: "-1",
      dataset: { report: "print" },
    });
    const loaded = new Promise((resolve) => frame.addEventListener("load", resolve, { once: true }));
    frame.srcdoc = made.html;
    window.document.body.append(frame);
    this.frame = frame;
    await loaded;
    const view = /** @type {Window} */ (frame.contentWindow);
    let opened = false;
    const seen = () => (opened = true);
    view.addEventListener("beforeprint", seen, { once: true });
    view.focus();
    view.print();
    if (!opened) await new Promise((resolve) => setTimeout(resolve, PRINT_WAIT_MS));
    view.removeEventListener("beforeprint", seen);
    return opened ? {} : { noDialog: true };
  }
}

// The results' two report buttons. document(): the document shown now (state.js
// documentOf); status: the line that says what happened; onError(text): a notice
// that keeps the answers at hand (export). Print falls back to printing the page
// while the engine is not ready (its print stylesheet gives the results on paper).
// offer(text): the ways to keep the results that need no file or printer (views/alternatives.js),
// with why; unsure: the browser is an app's web view, where a download may silently do nothing.
export function wireReportButtons(reports, { download, print, status, document, hasAnswers, onError, offer, unsure = false }) {
  const t = reports.t;
  async function make(kind) {
    if (!hasAnswers()) {
      status.textContent = t("results_empty");
      return;
    }
    status.textContent = t("report_making");
    const made = kind === "print" ? await reports.print(document()) : await reports.download(document());
    if (made.error) {
      status.textContent = "";
      onError(format(t("report_failed"), { reason: made.error }));
      if (made.refused) offer(t("report_download_unsure")); // the browser would not hand over a file
      return;
    }
    if (made.noDialog || (kind === "download" && unsure)) {
      status.textContent = "";
      offer(t(made.noDialog ? "report_print_none" : "report_download_unsure"));
      return;
    }
    status.textContent = kind === "print" ? t("report_printing") : format(t("report_downloaded"), { file: made.file });
  }
  download.addEventListener("click", () => make("download"));
  print.addEventListener("click", () => (reports.engine.state === "ready" ? make("print") : window.print()));
}
