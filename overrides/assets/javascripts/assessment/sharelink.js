// Compact share links, the same format as assessment/sharelink.py (see there):
// "#s=" + base64url(format, bank version, profile, answer codes, numbers).
// A link made with an earlier bank is decoded with that bank's layout, kept in
// layouts.json and fetched only when needed; its answers are then checked and
// migrated like any other document.

export const PREFIX = "s=";
const FORMAT = 1;
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

export function encodeLink(contract, { profile, answers }) {
  const layout = currentLayout(contract);
  const bytes = [FORMAT];
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
  return PREFIX + toBase64Url(bytes);
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
  if (bytes.length < 5 || bytes[0] !== FORMAT) return { error: "reason_encoding" };
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
    if (codes.slice(layout.questions.length).some(Boolean) || reader.at !== bytes.length) throw new Error("extra");
    return { document: { profile, answers, bank_version: version } };
  } catch {
    return { error: "reason_damaged" };
  }
}
