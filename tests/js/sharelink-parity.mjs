// Run by tests/test_sharelink.py: the browser's share-link code on the cases the
// Python engine encoded, so the two implementations can never drift.
// stdin: {contract, documents: [{profile, answers, notes?, actions?}], fragments: [...], damaged: [...]}
// stdout: {encoded: [...], omitted: [[question ids]], decoded: [...], damaged: [...]}
import { readFileSync } from "node:fs";
import { readContract } from "../../overrides/assets/javascripts/assessment/contract.js";
import { decodeLink, encodeLinkDetailed } from "../../overrides/assets/javascripts/assessment/sharelink.js";

const input = JSON.parse(readFileSync(0, "utf-8"));
const contract = readContract(input.contract);
const detailed = input.documents.map((document) => encodeLinkDetailed(contract, document));
const output = {
  encoded: detailed.map((d) => d.link),
  omitted: detailed.map((d) => d.omitted),
  decoded: input.fragments.map((fragment) => decodeLink(fragment, contract, input.layouts || {})),
  damaged: input.damaged.map((fragment) => decodeLink(fragment, contract, input.layouts || {}).error || null),
};
process.stdout.write(JSON.stringify(output));
