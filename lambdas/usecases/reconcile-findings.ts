import type { Finding } from '../classifier/types.js';
import type { FindingStatus, StoredFinding } from '../core/model.js';

/** A finding's identity across deliveries: same field, rule and n-th occurrence (offsets move when the rep edits). */
function identity(f: { field?: string; ruleId: string }, occurrence: number): string {
  return `${f.field ?? ''}\u0000${f.ruleId}\u0000${occurrence}`;
}

function keyed<T extends { field?: string; ruleId: string }>(items: readonly T[]): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  for (const item of items) {
    const base = `${item.field ?? ''}\u0000${item.ruleId}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.set(identity(item, n), item);
  }
  return out;
}

export interface Reconciled {
  /** Findings the new delivery still has, paired with the stored one they continue (if any). */
  kept: { finding: Finding; previous: StoredFinding }[];
  added: Finding[];
  /** Stored open/pending findings the new text no longer has: the rep fixed them. */
  fixed: StoredFinding[];
}

const LIVE: ReadonlySet<FindingStatus> = new Set(['open', 'pending', 'dismissed']);

/**
 * Compares a new scan with the stored findings of the same note. A dismissed finding that is
 * still there stays dismissed (no second nudge); a redacted or fixed one that comes back is new.
 */
export function reconcileFindings(
  previous: readonly StoredFinding[],
  current: readonly Finding[],
): Reconciled {
  const live = keyed(previous.filter((f) => LIVE.has(f.status)));
  const now = keyed(current);
  const kept: Reconciled['kept'] = [];
  const added: Finding[] = [];
  for (const [key, finding] of now) {
    const before = live.get(key);
    if (before) kept.push({ finding, previous: before });
    else added.push(finding);
  }
  const fixed = [...live.entries()]
    .filter(([key, f]) => !now.has(key) && (f.status === 'open' || f.status === 'pending'))
    .map(([, f]) => f);
  return { kept, added, fixed };
}
