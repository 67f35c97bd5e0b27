import { SEVERITY_RANK } from '../core/categories.js';
import type { Candidate } from './types.js';

/**
 * Keeps a non-overlapping set of candidates, deterministically: identifiers (validated
 * detectors) and higher severity first, then higher confidence, then the longer span, then the
 * earlier start, then rule id. The result is sorted by start.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  if (candidates.length < 2) return [...candidates];
  const ranked = [...candidates].sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      b.confidence - a.confidence ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.every((k) => k.end <= c.start || k.start >= c.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
