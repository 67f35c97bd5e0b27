import { SEVERITY_RANK } from '../core/categories.js';
import type { Candidate } from './types.js';

/**
 * Keeps a non-overlapping set of candidates, deterministically: identifiers (validated
 * detectors) and higher severity first, then higher confidence, then the longer span, then the
 * earlier start, then rule id. The result is sorted by start.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  if (candidates.length < 2) return [...candidates];
  const ranked = byRank(candidates);
  // Kept spans are disjoint, so sorted by start they are also sorted by end: one binary search
  // finds the only neighbours that could overlap (a scan of every kept span was quadratic).
  const kept: Candidate[] = [];
  for (const c of ranked) {
    const at = placeFor(kept, c);
    if (at >= 0) {
      kept.splice(at, 0, c);
      continue;
    }
    // Two identifier hits of one category that overlap in part ("pw is Summer2024!AKIA…": a
    // password cue's value run into an access key) are two secrets: keep the loser's remainder.
    const rest = remainder(kept, c);
    if (rest) {
      const restAt = placeFor(kept, rest);
      if (restAt >= 0) kept.splice(restAt, 0, rest);
    }
  }
  return kept;
}

function compareRank(a: Candidate, b: Candidate): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    b.confidence - a.confidence ||
    b.end - b.start - (a.end - a.start) ||
    a.start - b.start ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Below this many, an insertion sort: a note has a handful of candidates, and `sort` costs more to set up. */
const FEW = 16;

/** The candidates best first, a copy; stable, as `Array.prototype.sort` is, so both orders agree. */
function byRank(candidates: readonly Candidate[]): Candidate[] {
  const ranked = candidates.slice();
  if (ranked.length > FEW) return ranked.sort(compareRank);
  for (let i = 1; i < ranked.length; i++) {
    const c = ranked[i] as Candidate;
    let j = i - 1;
    for (; j >= 0 && compareRank(ranked[j] as Candidate, c) > 0; j--) ranked[j + 1] = ranked[j] as Candidate;
    ranked[j + 1] = c;
  }
  return ranked;
}

/** Where `c` goes in the start-sorted, disjoint `kept`, or -1 when it overlaps a kept span. */
function placeFor(kept: readonly Candidate[], c: Candidate): number {
  const lo = lowerBound(kept, c.start);
  const before = kept[lo - 1];
  const after = kept[lo];
  if ((before && before.end > c.start) || (after && after.start < c.end)) return -1;
  return lo;
}

/** The first index whose start is not below `start`. */
function lowerBound(kept: readonly Candidate[], start: number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((kept[mid] as Candidate).start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const MIN_REMAINDER = 4;

/** The part of a detector hit left over beside a same-category detector hit it overlaps, if any. */
function remainder(kept: readonly Candidate[], c: Candidate): Candidate | null {
  if (!c.ruleId.startsWith('pii.')) return null;
  const overlapping: Candidate[] = [];
  // Only the neighbours around c's place can overlap it (kept is start-sorted and disjoint).
  for (let i = Math.max(0, lowerBound(kept, c.start) - 1); i < kept.length; i++) {
    const k = kept[i] as Candidate;
    if (k.start >= c.end) break;
    if (k.end > c.start) overlapping.push(k);
    if (overlapping.length > 1) return null;
  }
  if (overlapping.length !== 1) return null;
  const k = overlapping[0] as Candidate;
  if (k.category !== c.category || !k.ruleId.startsWith('pii.')) return null;
  const left = k.start - c.start;
  const right = c.end - k.end;
  if (Math.max(left, right) < MIN_REMAINDER) return null;
  return left >= right ? { ...c, end: k.start } : { ...c, start: k.end };
}
