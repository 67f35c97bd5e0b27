import type { Candidate, Tuning } from './types.js';

/**
 * Applies an organisation's settings: disabled categories, allow-listed phrases, severity overrides.
 * An allow-listed phrase silences every candidate inside any occurrence of it, not only a candidate
 * with exactly that span: "total idiot" allowed must not leave "idiot" behind to take its place.
 */
export function applyTuning(candidates: Candidate[], text: string, tuning: Tuning | undefined): Candidate[] {
  if (!tuning) return candidates;
  const disabled = new Set(tuning.disabledCategories ?? []);
  const allowedRanges = allowListRanges(text, tuning.allowList ?? []);
  const overrides = tuning.severityOverrides ?? {};
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (disabled.has(c.category)) continue;
    if (allowedRanges.some(([s, e]) => c.start >= s && c.end <= e)) continue;
    const severity = overrides[c.category];
    out.push(severity ? { ...c, severity } : c);
  }
  return out;
}

/** Where allow-listed phrases occur as whole words (case-insensitive), as [start, end) ranges. */
function allowListRanges(text: string, allowList: readonly string[]): [number, number][] {
  const phrases = allowList.map((p) => p.trim().toLowerCase()).filter((p) => p.length > 0);
  if (phrases.length === 0) return [];
  // toLowerCase keeps UTF-16 offsets for everything but a few special letters (e.g. "İ"); fall back to exact-case search there.
  const lower = text.toLowerCase();
  const haystack = lower.length === text.length ? lower : text;
  const ranges: [number, number][] = [];
  const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  for (const phrase of phrases) {
    for (let at = haystack.indexOf(phrase); at !== -1; at = haystack.indexOf(phrase, at + 1)) {
      const end = at + phrase.length;
      if (!isWord(haystack[at - 1]) && !isWord(haystack[end])) ranges.push([at, end]);
    }
  }
  return ranges;
}
