// @ts-check
// The answer contract: what counts as a valid answer, which questions a
// business profile rules out, and the scale (unit, factor, note) a figure is
// typed in. It is exported from the question bank at build time and travels in
// the page as JSON, so the form and the engine read the same rules.

export function readContract(data) {
  return {
    version: data.bank_version,
    dimensions: new Map(data.profile.map((d) => [d.id, { multiple: d.multiple, values: new Set(d.values) }])),
    questions: new Map(data.questions.map((q) => [q.id, { ...q, values: new Set(q.values) }])),
    retired: new Map(data.retired.map((r) => [r.id, r])),
    renamed: new Map(data.renamed.map((r) => [r.question, r.values])),
    retiredProfile: data.retired_profile || [],
    actions: data.actions || [],
    limits: data.limits || {},
    hidden: new Set(data.hidden || []),
  };
}

// A profile condition: every named dimension must have one of the listed values.
// `lenient` lets a dimension the profile leaves open match (a question applies
// until the profile rules it out).
export function conditionHolds(condition, profile, lenient = false) {
  return Object.entries(condition || {}).every(([dim, values]) => {
    const chosen = profile[dim];
    if (chosen === undefined || (Array.isArray(chosen) && chosen.length === 0)) return lenient;
    return (Array.isArray(chosen) ? chosen : [chosen]).some((v) => values.includes(v));
  });
}

export function appliesTo(question, profile) {
  return conditionHolds(question.applies, profile, true);
}

// The scale a figure is asked in for this profile: the first that matches; the last is the default.
export function scaleFor(question, profile) {
  if (!question.scales.length) return { unit: question.unit, factor: 1, note: "" };
  return question.scales.find((s) => conditionHolds(s.when, profile)) || question.scales[question.scales.length - 1];
}

// Break-even ROAS = 100 / margin (margin in %): below it, each ad-driven order loses money.
export function breakEven(margin) {
  if (typeof margin !== "number" || !Number.isFinite(margin)) return null;
  return margin <= 0 ? Infinity : 100 / margin;
}

// A figure as typed (in the scale's unit) and as stored (in the base unit).
export function toBase(typed, scale) {
  return typed * scale.factor;
}

export function toTyped(base, scale) {
  return Number((base / scale.factor).toFixed(4));
}
