// @ts-check
// The team view's respondents, without DOM: files and share links read on the
// page (all or nothing each, as the engine reads them), named uniquely, and a
// second copy of the same answers flagged instead of counted twice. Then the
// merge in batches: each batch read and scored by the engine on its own
// (team_read_json), with progress, then one merge of what was read
// (team_merge_json) - the same team view as `python -m assessment merge`.

import { decodeShare, parseDocument } from "../answers.js";
import { canonical } from "../session/reports.js";
import { documentOf, stateFrom } from "../state.js";
import { fileStem, fragmentOf, uniqueName } from "../workshop.js";
import { clean } from "../plaintext.js";

/** @typedef {import("../types.js").Contract} Contract */
/** @typedef {import("../types.js").Checked} Checked */
/**
 * @typedef {object} Source
 * @property {string} name unique, for messages ("owner.json", "owner.json (2)", "Link 3")
 * @property {string} label what the engine calls the respondent when the document names nobody
 * @property {"file" | "link"} kind
 * @property {string} key the answers' content: two sources with one key are one respondent
 * @property {Record<string, any>} [document] a file's document as written
 * @property {string} [link]
 * @property {string} [company]
 * @property {string} [respondent]
 * @property {string} [shown] the engine's label for it, once merged
 */
/** @typedef {{name: string, reason: import("../types.js").Refusal | {error: "reason_duplicate", id: string}}} Refused */

export const BATCH = 50;

/** @param {Checked} checked */
const contentKey = (checked) => canonical({ ...documentOf(stateFrom(checked)), date: checked.date ?? null });

export class TeamSources {
  /** @param {Contract} contract @param {(n: number) => string} linkName "Link 1", "链接 1" ... */
  constructor(contract, linkName) {
    this.contract = contract;
    this.linkName = linkName;
    /** @type {Source[]} */
    this.sources = [];
    this.links = 0; // links are named by their place among the links added
  }

  /** @param {Source} source @returns {Refused | null} a duplicate of one already here */
  add(source) {
    const first = this.sources.find((s) => s.key === source.key);
    if (first) return { name: source.name, reason: { error: "reason_duplicate", id: first.name } };
    this.sources.push(source);
    return null;
  }

  /** A file's text; `size` in bytes. @param {string} fileName @param {string} text @param {number} size @returns {Refused | null} */
  addFile(fileName, text, size) {
    const name = uniqueName(clean(fileName, false) || "?", new Set(this.sources.map((s) => s.name)));
    if (size > this.contract.limits.file_bytes) return { name, reason: { error: "reason_too_large" } };
    const body = text.replace(/^\uFEFF/, "");
    const checked = parseDocument(body, this.contract);
    if ("error" in checked) return { name, reason: checked };
    // The file as written goes to the engine, as it would on the command line.
    const source = { name, label: fileStem(fileName), kind: /** @type {const} */ ("file"), key: contentKey(checked), document: JSON.parse(body) };
    return this.add({ ...source, company: checked.company, respondent: checked.respondent });
  }

  /** A pasted line. @param {string} line @param {Record<string, any>} layouts earlier banks' link layouts @returns {Refused | null | "unknown_version"} */
  addLink(line, layouts) {
    const decoded = decodeShare(fragmentOf(line), this.contract, layouts);
    if (decoded && "error" in decoded && decoded.error === "reason_unknown_version" && !Object.keys(layouts).length) return "unknown_version";
    this.links += 1;
    const name = this.linkName(this.links);
    if (!decoded) return { name, reason: { error: "reason_not_a_link" } };
    if ("error" in decoded) return { name, reason: decoded };
    return this.add({ name, label: name, kind: "link", key: contentKey(decoded), link: line });
  }

  /** @param {string} name */
  remove(name) {
    this.sources = this.sources.filter((s) => s.name !== name);
  }
}

/**
 * The team view of `sources`, read in batches with progress, then merged.
 * @param {{call: (fn: string, ...args: string[]) => Promise<import("../protocol.js").Payload>, callScaled: (times: number, fn: string, ...args: string[]) => Promise<import("../protocol.js").Payload>}} engine
 * @param {Source[]} sources @param {string} lang
 * @param {{onProgress?: (done: number, total: number) => void, current?: () => boolean, size?: number}} [how]
 * @returns {Promise<{team: any, errors: {name: string, error: string}[]} | {error: string, errors: {name: string, error: string}[]} | null>} null: no longer current
 */
export async function mergeInBatches(engine, sources, lang, { onProgress = () => {}, current = () => true, size = BATCH } = {}) {
  const read = [];
  const errors = [];
  for (let start = 0; start < sources.length; start += size) {
    const batch = sources.slice(start, start + size).map(({ name, label, kind, document, link }) => (kind === "link" ? { name, label, link } : { name, label, document }));
    const payload = await engine.call("team_read_json", JSON.stringify(batch), lang);
    if (!current()) return null;
    if (!payload.ok) return { error: String(payload.error), errors };
    read.push(...payload.read);
    errors.push(...payload.errors);
    onProgress(Math.min(start + size, sources.length), sources.length);
  }
  if (!read.length) return { error: errors.map((e) => `${e.name}: ${e.error}`).join("; "), errors };
  // One merge of everything read: as long as reading it took, not one request's time (a slow phone, a busy machine).
  const merged = await engine.callScaled(Math.ceil(read.length / size), "team_merge_json", JSON.stringify(read), lang);
  if (!current()) return null;
  return merged.ok ? { team: merged.team, errors } : { error: String(merged.error), errors };
}
