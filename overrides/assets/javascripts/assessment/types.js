// @ts-check
// The shapes the page's modules pass each other, declared once (JSDoc, checked
// by `tsc --noEmit`; see tsconfig.json). No code: importing this is free.

/**
 * One answer: an option's value, a figure in the question's base unit, "na" or "unknown".
 * @typedef {string | number} Answer
 */

/**
 * What the page holds for one company: the profile and answers, and what a
 * workshop records beside them. One shape for storage, exports, links, history
 * and the engine.
 * @typedef {object} State
 * @property {Record<string, string | string[]>} profile
 * @property {Record<string, Answer>} answers
 * @property {Record<string, string>} notes evidence notes by question id
 * @property {Record<string, string>} actions plan action states: "in-progress" | "done"
 * @property {string} [respondent]
 * @property {string} [company]
 */

/**
 * A document as answers.js checkDocument returns it.
 * @typedef {object} Checked
 * @property {Record<string, string | string[]>} profile
 * @property {Record<string, Answer>} answers
 * @property {Record<string, string>} notes
 * @property {Record<string, string>} actions
 * @property {[string, string][]} migrated
 * @property {string[]} setAside
 * @property {string[]} hidden
 * @property {string[]} [profileSetAside] profile answers a bank or brand change removed (saved records only)
 * @property {[string, string, string][]} [profileMigrated] profile values of an earlier bank moved to their successor
 * @property {string} [respondent]
 * @property {string} [company]
 * @property {string} [date]
 */

/** @typedef {{error: string, id?: string}} Refusal */

/** What a write to storage came to. @typedef {"ok" | "full" | "unavailable"} Outcome */

/**
 * The part of the Web Storage API the page uses (window.localStorage, or a fake in tests).
 * @typedef {object} StorageLike
 * @property {(key: string) => string | null} getItem
 * @property {(key: string, value: string) => void} setItem
 * @property {(key: string) => void} removeItem
 */

/**
 * The answer contract (contract.js readContract): the bank's rules, exported at build time.
 * @typedef {object} Contract
 * @property {string} version
 * @property {Map<string, {multiple: boolean, values: Set<string>}>} dimensions
 * @property {Map<string, Question>} questions
 * @property {Map<string, any>} retired
 * @property {Map<string, Record<string, string>>} renamed
 * @property {string[]} actions
 * @property {Limits} limits
 * @property {Set<string>} hidden
 * @property {{dimension: string, value: string, by?: string, map: Record<string, string>, default: string}[]} retiredProfile
 */

/**
 * The limits of what a page accepts; the engine's own (assessment/render/export.py answer_contract).
 * @typedef {object} Limits
 * @property {number} note_chars
 * @property {number} label_chars
 * @property {number} link_chars
 * @property {number} file_bytes
 * @property {number} share_chars
 * @property {number} answers
 * @property {number} depth
 * @property {number} id_chars
 * @property {number} date_chars
 */

/**
 * @typedef {object} Question
 * @property {string} id
 * @property {string} pillar
 * @property {"choice" | "number"} kind
 * @property {Set<string>} values
 * @property {number} min
 * @property {number} max
 * @property {boolean} na
 * @property {boolean} unknown
 * @property {Record<string, string[]>} applies
 * @property {string | null} break_even_from
 * @property {{when: Record<string, string[]>, unit: string, factor: number, note: string}[]} scales
 * @property {string} unit
 */

/**
 * Something the page should say: a UI string's key, its values, and what the
 * reader can do about it. An action names a session operation (Session.run).
 * @typedef {object} Notice
 * @property {"info" | "warning" | "error"} kind
 * @property {string} key
 * @property {string} [text] already in words (an engine's message), instead of a key
 * @property {Record<string, string | number>} [values]
 * @property {Action[]} [actions]
 * @property {string} [tag] "undo", "welcome", "snapshot" ...: what the view marks it with
 */

/**
 * @typedef {object} Action
 * @property {string} label a UI string's key
 * @property {Record<string, string | number>} [values] what the label's words name
 * @property {string} op a Session operation's name
 * @property {any[]} [args]
 */

/**
 * What an operation did: what to say, whether the answers shown changed, and a
 * file to hand the reader (an export).
 * @typedef {object} Report
 * @property {Notice[]} notices
 * @property {boolean} changed
 * @property {{file: string, date: string, text: string} | null} [download] its name: session/reports.js fileName
 * @property {string} [refused] a UI string's key: the input was not taken
 */

export {};
