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
  // Kept spans are disjoint, so sorted by start they are also sorted by end: one binary search
  // finds the only neighbours that could overlap (a scan of every kept span was quadratic).
  const kept: Candidate[] = [];
  for (const c of ranked) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((kept[mid] as Candidate).start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > c.start) || (after && after.start < c.end)) continue;
    kept.splice(lo, 0, c);
  }
  return kept;
}
