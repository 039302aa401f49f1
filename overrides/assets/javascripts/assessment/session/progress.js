// @ts-check
// How far the company has got: which questions count (the profile rules some
// out, the quick check asks only a few), how many are answered per pillar, where
// to go on, and whether everything is answered. No DOM: the page's counters,
// welcome notice and quick-check offer all read these numbers, so they agree.

import { appliesTo } from "../contract.js";

/** @typedef {import("../types.js").State} State */
/** @typedef {import("../types.js").Contract} Contract */
/** @typedef {{by: string, sets: [string, string[]][]}} Quick the quick check's questions per business model */
/** @typedef {{answered: number, total: number, byPillar: Record<string, {answered: number, total: number}>}} Counts */

/** The questions the quick check asks for this profile (the first set is the default). @param {Quick} quick @param {State} state */
export function quickSet(quick, state) {
  const sets = new Map(quick.sets);
  const chosen = [state.profile[quick.by] ?? []].flat();
  const key = chosen.find((value) => sets.has(value)) ?? quick.sets[0]?.[0];
  return new Set((key !== undefined && sets.get(key)) || []);
}

/**
 * Whether a question counts: answered, or applying to the profile; in the quick check, only its own.
 * @param {Contract} contract @param {State} state @param {Set<string> | null} asked null: the full assessment
 * @param {string} id
 */
export function counts(contract, state, asked, id) {
  const question = contract.questions.get(id);
  if (!question || (asked && !asked.has(id))) return false;
  return state.answers[id] !== undefined || appliesTo(question, state.profile);
}

/** @param {Contract} contract @param {State} state @param {Set<string> | null} asked @returns {Counts} */
export function progress(contract, state, asked) {
  /** @type {Counts["byPillar"]} */
  const byPillar = {};
  let answered = 0;
  let total = 0;
  for (const [id, question] of contract.questions) {
    const pillar = (byPillar[question.pillar] ??= { answered: 0, total: 0 });
    if (!counts(contract, state, asked, id)) continue;
    pillar.total += 1;
    total += 1;
    if (state.answers[id] !== undefined) {
      pillar.answered += 1;
      answered += 1;
    }
  }
  return { answered, total, byPillar };
}

/**
 * Where to go on: the profile while it is empty, else the first pillar with a question
 * still open; null when every question that counts is answered.
 * @param {Contract} contract @param {State} state @param {Set<string> | null} asked @returns {string | null}
 */
export function whereNext(contract, state, asked) {
  if (!Object.keys(state.profile).length) return "profile";
  for (const [id, question] of contract.questions) {
    if (state.answers[id] === undefined && counts(contract, state, asked, id)) return question.pillar;
  }
  return null;
}

/** Every question that counts is answered (and there is at least one). @param {Counts} counted */
export function complete(counted) {
  return counted.total > 0 && counted.answered === counted.total;
}
