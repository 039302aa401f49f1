// The workshop views' own rules, without a browser: how a source is named and
// labelled, how a pasted link is read, which two assessments are compared first.
import assert from "node:assert/strict";
import { test } from "node:test";

import { defaultPair, fileStem, fragmentOf, linkLines, uniqueName } from "../../overrides/assets/javascripts/assessment/workshop.js";

test("a file is labelled by its name without the extension, as the command line labels it", () => {
  assert.equal(fileStem("ops lead.json"), "ops lead");
  assert.equal(fileStem("answers.2026-03.json"), "answers.2026-03");
  assert.equal(fileStem(".json"), ".json");
  assert.equal(fileStem("\u202Eevil\u202C.json"), "evil"); // a file name cannot turn text around
});

test("two sources never share a name, so a message names exactly one", () => {
  const taken = new Set(["owner.json", "owner.json (2)"]);
  assert.equal(uniqueName("owner.json", taken), "owner.json (3)");
  assert.equal(uniqueName("ops.json", taken), "ops.json");
});

test("pasted links are read one per line, blank lines and spaces left out", () => {
  assert.deepEqual(linkLines("  https://a/#s=1 \r\n\n#s=2\u2028s=3\n   "), ["https://a/#s=1", "#s=2", "s=3"]);
  assert.equal(fragmentOf("https://site/zh/assessment/#s=AbC"), "#s=AbC");
  assert.equal(fragmentOf("#s=AbC"), "#s=AbC");
  assert.equal(fragmentOf("s=AbC"), "#s=AbC");
});

test("the two newest snapshots are compared first", () => {
  const entries = [
    { key: "now", kind: "now" },
    { key: "s1", kind: "snapshot" },
    { key: "s2", kind: "snapshot" },
    { key: "s3", kind: "snapshot" },
  ];
  assert.deepEqual(defaultPair(entries), { old: "s2", new: "s1" });
});

test("otherwise the answers now are compared with the snapshot or file before them", () => {
  assert.deepEqual(defaultPair([{ key: "now", kind: "now" }, { key: "s1", kind: "snapshot" }, { key: "f1", kind: "file" }]), { old: "s1", new: "now" });
  assert.deepEqual(defaultPair([{ key: "now", kind: "now" }, { key: "f1", kind: "file" }]), { old: "f1", new: "now" });
  assert.deepEqual(defaultPair([{ key: "s1", kind: "snapshot" }, { key: "f1", kind: "file" }]), { old: "f1", new: "s1" });
  assert.equal(defaultPair([{ key: "s1", kind: "snapshot" }]), null);
});
