// @ts-check
// Notices: a stack at the bottom of the window, where the reader is. A notice
// is data (types.js Notice: a UI string's key, its values, its buttons); this
// renders it as text (never HTML), runs a button's action, and removes notices
// that no longer hold (a welcome once the reader moves on).

import { format, h } from "../dom.js";

/** @typedef {import("../types.js").Notice} Notice */
/** @typedef {import("../types.js").Action} Action */

/**
 * @param {HTMLElement} box #rf-notices
 * @param {(key: string) => string} t the page's UI strings
 * @param {(action: Action) => void} act what a notice's button does
 */
export function noticeBoard(box, t, act) {
  /** A refusal's reason is itself a UI string, naming an id only when it looks like one. @param {Record<string, string | number>} values */
  const words = (values) => {
    if (!("reason" in values)) return values;
    const reason = format(t(String(values.reason)), { id: values.id ?? t("unnamed_id") });
    return { ...values, reason };
  };

  /** @param {Notice} notice @param {HTMLElement} [where] another place than the stack @returns {HTMLElement} */
  function show(notice, where = box) {
    const element = h(
      "div",
      { class: `rf-notice rf-notice--${notice.kind}`, role: notice.kind === "error" ? "alert" : "status", dataset: { notice: notice.kind } },
      h("p", {}, notice.text ?? format(t(notice.key), words(notice.values || {}))),
      (notice.actions || []).map((action) =>
        h("button", { type: "button", class: "md-button", onclick: () => { element.remove(); act(action); } }, format(t(action.label), action.values || {})),
      ),
      h("button", { type: "button", class: "rf-notice__close", "aria-label": t("dismiss"), onclick: () => element.remove() }, "×"),
    );
    if (notice.tag) element.dataset[notice.tag] = "true";
    element.dataset.key = notice.key;
    where.append(element);
    return element;
  }

  return {
    show,
    /** @param {Notice[]} notices */
    showAll: (notices) => notices.map((notice) => show(notice)),
    /** Remove the notices marked with a tag (data-welcome ...). @param {string} tag */
    drop(tag) {
      for (const element of document.querySelectorAll(`.rf-notice[data-${tag}]`)) element.remove();
    },
  };
}

/** Hand the reader a file (an export): a download, made and revoked here. @param {{name: string, text: string}} file */
export function download({ name, text }) {
  const blob = new Blob([text], { type: "application/json" });
  const link = h("a", { href: URL.createObjectURL(blob), download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
