// The answer contract the page carries, exported by this checkout's engine (as the build
// exports it): PYTHON, default .venv/bin/python. One export per test file.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { readContract } from "../../../overrides/assets/javascripts/assessment/contract.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const EXPORT =
  "import json; from assessment import get_bank; from assessment.render.export import answer_contract; print(json.dumps(answer_contract(get_bank(), 'en')))";

export const exported = JSON.parse(
  execFileSync(process.env.PYTHON || join(ROOT, ".venv", "bin", "python"), ["-c", EXPORT], { cwd: ROOT, encoding: "utf-8" }),
);
export const contract = readContract(exported);
