import type { Candidate, Tuning } from './types.js';

/** Applies an organisation's settings: disabled categories, allow-listed phrases, severity overrides. */
export function applyTuning(candidates: Candidate[], text: string, tuning: Tuning | undefined): Candidate[] {
  if (!tuning) return candidates;
  const disabled = new Set(tuning.disabledCategories ?? []);
  const allowed = new Set((tuning.allowList ?? []).map((p) => p.trim().toLowerCase()));
  const overrides = tuning.severityOverrides ?? {};
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (disabled.has(c.category)) continue;
    if (allowed.size > 0 && allowed.has(text.slice(c.start, c.end).trim().toLowerCase())) continue;
    const severity = overrides[c.category];
    out.push(severity ? { ...c, severity } : c);
  }
  return out;
}
