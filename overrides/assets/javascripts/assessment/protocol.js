// @ts-check
// The messages between the page (engine.js) and the engine's worker (worker.js),
// declared once. No code: importing this is free.
//
// page -> worker
/**
 * Start: the runtime's folder, the wheel, the trimmed standard library and the lock file's `info` (so the
 * worker fetches no lock file), and the snapshot to try first.
 * @typedef {{type: "init", pyodide: string, wheel: string, stdlib?: string, runtime?: Record<string, string>, snapshot?: string, snapshotSha256?: string, bankVersion: string}} InitMessage
 */
/** Score a document. @typedef {{type: "assess", id: number, document: Record<string, any>, lang: string}} AssessMessage */
/**
 * Call another entry point of assessment/browser.py by name (its CALLABLE list), arguments as strings.
 * @typedef {{type: "call", id: number, fn: string, args: (string | null)[]}} CallMessage
 */
//
// worker -> page
/** The load's step, and bytes while downloading. @typedef {{type: "progress", step: "download" | "python" | "engine", loaded?: number, total?: number}} ProgressMessage */
/** @typedef {{type: "ready", version: string, from: "snapshot" | "boot", fallback?: string}} ReadyMessage */
/** @typedef {{type: "failed", reason: string}} FailedMessage */
/** An answer: the entry point's JSON, or its error as data. @typedef {{type: "result", id: number, payload: Payload}} ResultMessage */
/** @typedef {{ok: boolean, error?: string, stale?: boolean, [key: string]: any}} Payload */
//
/** @typedef {InitMessage | AssessMessage | CallMessage} ToWorker */
/** @typedef {ProgressMessage | ReadyMessage | FailedMessage | ResultMessage} FromWorker */

export {};
