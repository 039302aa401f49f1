// @ts-check
// Compact share links, the same format as assessment/answers/sharelink.py (see there):
// "#s=" + base64url(format, bank version, profile, answer codes, numbers), and in
// format 2 the action states (by a hash of the action id) and as many notes as fit
// in the contract's link_chars.
// A link made with an earlier bank is decoded with that bank's layout, kept in
// layouts.json and fetched only when needed; its answers are then checked and
// migrated like any other document.

export const PREFIX = "s=";
const FORMAT = 1;
const FORMAT_NOTES = 2;
const DEFAULT_LINK_CHARS = 2000;
const SCALE = 1_000_000;
const MAX_CHOICES = 12;
const NA = 13;
const UNKNOWN = 14;
const NUMBER = 15;

// The layout of the bank in this page, from the answer contract.
export function currentLayout(contract) {
  return {
    questions: [...contract.questions.values()].map((q) => [q.id, q.kind, [...q.values]]),
    profile: [...contract.dimensions.entries()].map(([id, d]) => [id, d.multiple, [...d.values]]),
  };
}

function toBase64Url(bytes) {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function varint(value, out) {
  let zigzag = value >= 0 ? value * 2 : -value * 2 - 1; // arithmetic: values exceed 32 bits
  do {
    const byte = zigzag % 128;
    zigzag = Math.floor(zigzag / 128);
    out.push(zigzag ? byte | 0x80 : byte);
  } while (zigzag);
}

// FNV-1a (32 bits) of the action id's UTF-8 bytes, lowest bit cleared: the bit carries the state.
export function actionKey(id) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return (hash & 0xfffffffe) >>> 0;
}

function fragmentLength(size) {
  return PREFIX.length + Math.floor((4 * size + 2) / 3);
}

function varintBytes(value) {
  const out = [];
  varint(value, out);
  return out;
}

// The link, and the question ids whose notes did not fit within the contract's link_chars.
// -> {link, omitted}
export function encodeLinkDetailed(contract, { profile, answers, notes = {}, actions = {} }) {
  const body = answersBytes(contract, { profile, answers });
  const actionIds = contract.actions || [];
  const tracked = actionIds.filter((id) => actions[id] === "in-progress" || actions[id] === "done");
  const states = [];
  for (const id of tracked) {
    const word = (actionKey(id) | (actions[id] === "done" ? 1 : 0)) >>> 0;
    states.push((word >>> 24) & 255, (word >>> 16) & 255, (word >>> 8) & 255, word & 255);
  }
  const questionIds = [...contract.questions.keys()];
  const given = questionIds
    .map((id, position) => [position, notes[id]])
    .filter(([, text]) => typeof text === "string" && text !== "");
  if (!tracked.length && !given.length) return { link: PREFIX + toBase64Url([FORMAT, ...body]), omitted: [] };
  const budget = (contract.limits && contract.limits.link_chars) || DEFAULT_LINK_CHARS;
  const head = [FORMAT_NOTES, ...body, ...varintBytes(tracked.length), ...states];
  const kept = [];
  const omitted = [];
  let keptSize = 0;
  for (const [position, text] of given) {
    const encoded = new TextEncoder().encode(text);
    const entry = [...varintBytes(position), ...varintBytes(encoded.length), ...encoded];
    const size = head.length + varintBytes(kept.length + 1).length + keptSize + entry.length;
    if (fragmentLength(size) <= budget) {
      kept.push(entry);
      keptSize += entry.length;
    } else omitted.push(questionIds[position]);
  }
  if (!tracked.length && !kept.length) return { link: PREFIX + toBase64Url([FORMAT, ...body]), omitted };
  return { link: PREFIX + toBase64Url([...head, ...varintBytes(kept.length), ...kept.flat()]), omitted };
}

export function encodeLink(contract, document) {
  return encodeLinkDetailed(contract, document).link;
}

// Everything after the format byte of a format-1 link: bank version, profile, answers, numbers.
function answersBytes(contract, { profile, answers }) {
  const layout = currentLayout(contract);
  const bytes = [];
  for (let i = 0; i < 8; i += 2) bytes.push(parseInt(contract.version.slice(i, i + 2), 16));
  for (const [id, multiple, values] of layout.profile) {
    const chosen = profile[id];
    if (multiple) {
      const picked = Array.isArray(chosen) ? chosen : [];
      const length = Math.ceil(values.length / 8);
      const mask = new Array(length).fill(0);
      for (const value of picked) {
        const index = values.indexOf(value);
        mask[length - 1 - Math.floor(index / 8)] |= 1 << (index % 8);
      }
      bytes.push(...mask);
    } else {
      bytes.push(chosen === undefined ? 0 : values.indexOf(chosen) + 1);
    }
  }
  const codes = [];
  const numbers = [];
  for (const [id, kind, values] of layout.questions) {
    const value = answers[id];
    if (value === undefined) codes.push(0);
    else if (value === "na") codes.push(NA);
    else if (value === "unknown") codes.push(UNKNOWN);
    else if (kind === "number") {
      codes.push(NUMBER);
      varint(Math.round(value * SCALE), numbers);
    } else {
      const index = values.indexOf(value);
      if (index < 0 || index >= MAX_CHOICES) throw new Error(`cannot encode ${id}`);
      codes.push(index + 1);
    }
  }
  if (codes.length % 2) codes.push(0);
  for (let i = 0; i < codes.length; i += 2) bytes.push((codes[i] << 4) | codes[i + 1]);
  bytes.push(...numbers);
  return bytes;
}

class Reader {
  constructor(bytes, at) {
    this.bytes = bytes;
    this.at = at;
  }

  take(count) {
    if (this.at + count > this.bytes.length) throw new Error("too short");
    const chunk = this.bytes.slice(this.at, this.at + count);
    this.at += count;
    return chunk;
  }

  varint() {
    let value = 0;
    let scale = 1;
    for (let i = 0; ; i += 1) {
      const [byte] = this.take(1);
      value += (byte & 0x7f) * scale;
      scale *= 128;
      if (!(byte & 0x80)) break;
      if (i > 9) throw new Error("number too long");
    }
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  }

  // A varint that must be a count, a position or a length: never negative, never past the data.
  count() {
    const value = this.varint();
    if (value < 0 || value > this.bytes.length) throw new Error("count");
    return value;
  }
}

// Action states (an unknown hash is set aside) and notes (by position in the layout).
function readExtension(reader, contract, questionIds) {
  const byKey = new Map((contract.actions || []).map((id) => [actionKey(id), id]));
  const actions = {};
  for (let i = reader.count(); i > 0; i -= 1) {
    const [a, b, c, d] = reader.take(4);
    const word = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
    const id = byKey.get((word & 0xfffffffe) >>> 0);
    if (id !== undefined) actions[id] = word & 1 ? "done" : "in-progress";
  }
  const notes = {};
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let i = reader.count(); i > 0; i -= 1) {
    const position = reader.count();
    const size = reader.count();
    if (position >= questionIds.length || questionIds[position] in notes) throw new Error("note");
    notes[questionIds[position]] = decoder.decode(reader.take(size));
  }
  const extension = {};
  if (Object.keys(actions).length) extension.actions = actions;
  if (Object.keys(notes).length) extension.notes = notes;
  return extension;
}

// The bank version a link was made with, or null when it is not a compact link.
export function linkVersion(fragment) {
  const text = fragment.replace(/^#/, "");
  if (!text.startsWith(PREFIX)) return null;
  try {
    const bytes = fromBase64Url(text.slice(PREFIX.length));
    return bytes.length >= 5 ? [...bytes.slice(1, 5)].map((b) => b.toString(16).padStart(2, "0")).join("") : "";
  } catch {
    return "";
  }
}

// -> {document} | {error}
export function decodeLink(fragment, contract, layouts = {}) {
  const text = fragment.replace(/^#/, "").slice(PREFIX.length);
  let bytes;
  try {
    bytes = fromBase64Url(text);
  } catch {
    return { error: "reason_encoding" };
  }
  if (bytes.length < 5 || (bytes[0] !== FORMAT && bytes[0] !== FORMAT_NOTES)) return { error: "reason_encoding" };
  const version = linkVersion(fragment);
  const layout = version === contract.version ? currentLayout(contract) : layouts[version];
  if (!layout) return { error: "reason_unknown_version" };
  try {
    const reader = new Reader(bytes, 5);
    const profile = {};
    for (const [id, multiple, values] of layout.profile) {
      if (multiple) {
        const mask = reader.take(Math.ceil(values.length / 8));
        const bit = (index) => mask[mask.length - 1 - Math.floor(index / 8)] & (1 << (index % 8));
        for (let index = values.length; index < mask.length * 8; index += 1) if (bit(index)) throw new Error("profile");
        const picked = values.filter((_, index) => bit(index));
        if (picked.length) profile[id] = picked;
      } else {
        const [index] = reader.take(1);
        if (index > values.length) throw new Error("profile");
        if (index) profile[id] = values[index - 1];
      }
    }
    const packed = reader.take(Math.ceil(layout.questions.length / 2));
    const codes = [...packed].flatMap((byte) => [byte >> 4, byte & 0x0f]);
    const answers = {};
    layout.questions.forEach(([id, kind, values], i) => {
      const code = codes[i];
      if (code === 0) return;
      if (code === NA) answers[id] = "na";
      else if (code === UNKNOWN) answers[id] = "unknown";
      else if (code === NUMBER) {
        if (kind !== "number") throw new Error("number for a choice");
        answers[id] = reader.varint() / SCALE;
      } else if (kind === "choice" && code <= values.length) answers[id] = values[code - 1];
      else throw new Error("option");
    });
    if (codes.slice(layout.questions.length).some(Boolean)) throw new Error("extra");
    const document = { profile, answers, bank_version: version };
    if (bytes[0] === FORMAT_NOTES) Object.assign(document, readExtension(reader, contract, layout.questions.map((q) => q[0])));
    if (reader.at !== bytes.length) throw new Error("extra");
    return { document };
  } catch {
    return { error: "reason_damaged" };
  }
}
