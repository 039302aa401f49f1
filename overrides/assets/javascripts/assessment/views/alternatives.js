// @ts-check
// Keeping or sending the results without a file or a printer: where an app's web view
// cannot print or save (WeChat, browsers.js), or a print() opened no dialog, the page
// says so and offers what works there: the share link and the results as text, copied
// to the clipboard, or shown selected to copy by hand where the page may not copy.

import { encodeShare } from "../answers.js";
import { format } from "../dom.js";

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * @param {{session: {shown: any}, contract: any, t: (key: string) => string}} page
 * @returns {{offer: (why: string) => void}}
 */
export function alternativesView(page) {
  const box = byId("rf-alternatives");
  const output = /** @type {HTMLTextAreaElement} */ (byId("rf-copy-output"));
  const said = byId("rf-copy-status");

  /** @param {string} text */
  async function copy(text) {
    output.value = text;
    try {
      await navigator.clipboard.writeText(text);
      output.hidden = true;
      said.textContent = page.t("copy_done");
    } catch {
      output.hidden = false; // shown and selected: copying is up to the reader
      output.focus();
      output.select();
      said.textContent = page.t("copy_selected");
    }
  }

  byId("rf-copy-link").addEventListener("click", () => {
    const { link } = encodeShare(page.session.shown, page.contract);
    copy(`${location.origin}${location.pathname}#${link}`);
  });
  byId("rf-copy-text").addEventListener("click", () => {
    const results = byId("rf-results-body");
    const link = `${location.origin}${location.pathname}#${encodeShare(page.session.shown, page.contract).link}`;
    // The results as the reader sees them (innerText keeps their lines), and the link that reopens them.
    const text = results.hidden ? "" : results.innerText.replace(/\n{3,}/g, "\n\n").trim();
    copy(text ? `${text}\n\n${link}` : link);
  });

  return {
    /** Show the alternatives, saying why they are offered. @param {string} why */
    offer(why) {
      byId("rf-alternatives-why").textContent = why;
      box.hidden = false;
    },
  };
}

const WECHAT = ["wechat", "wecom"]; // the apps named, with their own menu's words

/** How to open the page in a browser from this app. @param {string} app @param {(key: string) => string} t */
export function openInBrowserText(app, t) {
  return t(WECHAT.includes(app) ? "appview_open_wechat" : "appview_open_other");
}

/** The notice for an app's web view: what works, what does not, and how to open the page in a browser. @param {string} app @param {(key: string) => string} t */
export function appViewText(app, t) {
  const named = WECHAT.includes(app) ? t(`app_${app}`) : t("app_other");
  return format(t("appview_notice"), { app: named, open: openInBrowserText(app, t) });
}
