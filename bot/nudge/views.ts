import { CATEGORIES, SEVERITY_RANK } from '../../lambdas/core/categories.js';
import type { RawNote, StoredFinding, StoredNote } from '../../lambdas/core/model.js';
import type { NudgeView, ReviewView } from '../blocks/view-models.js';

const bySeverity = (a: StoredFinding, b: StoredFinding) =>
  SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.start - b.start;

/** The rep's DM for a note: the flagged words come from the raw text the rep wrote (their own DM only). */
export function nudgeViewOf(
  note: StoredNote,
  findings: readonly StoredFinding[],
  raw: RawNote | null,
  notice?: string,
): NudgeView {
  const live = findings.filter((f) => f.status === 'open' || f.status === 'pending').sort(bySeverity);
  const textOf = (f: StoredFinding) => (f.field === undefined ? raw?.body : raw?.fields?.[f.field]);
  return {
    noteId: note.noteId,
    ...(note.title ? { title: note.title } : {}),
    ...(note.url ? { url: note.url } : {}),
    state:
      live.length > 0
        ? 'open'
        : note.status === 'resolved' && findings.some((f) => f.status !== 'fixed')
          ? 'resolved'
          : 'clean',
    findings: live.map((f) => ({
      findingId: f.findingId,
      category: f.category,
      categoryLabel: CATEGORIES[f.category].label,
      severity: f.severity,
      // Without the raw text (past retention) the rep sees the masked preview instead.
      flagged: textOf(f)?.slice(f.start, f.end) ?? f.preview,
      ...(f.field !== undefined ? { field: f.field } : {}),
      message: f.message,
      suggestion: f.suggestion,
      status: f.status,
    })),
    droppedFindings: note.droppedFindings,
    ...(notice ? { notice } : {}),
  };
}

/** The review-channel post: masked previews only. */
export function reviewViewOf(
  note: StoredNote,
  findings: readonly StoredFinding[],
  owner: { slackUserId: string | null },
  reason: ReviewView['reason'],
  outcome?: ReviewView['outcome'],
): ReviewView {
  const shown = findings
    .filter((f) => (outcome ? true : f.status === 'open' || f.status === 'pending'))
    .filter((f) => reason !== 'high_severity' || f.severity === 'high' || f.dispute)
    .sort(bySeverity);
  return {
    noteId: note.noteId,
    ...(note.title ? { title: note.title } : {}),
    ...(note.url ? { url: note.url } : {}),
    owner: owner.slackUserId ?? note.ownerEmail ?? note.ownerName ?? 'unknown owner',
    ownerIsSlackUser: owner.slackUserId !== null,
    findings: shown.map((f) => ({
      findingId: f.findingId,
      category: f.category,
      categoryLabel: CATEGORIES[f.category].label,
      severity: f.severity,
      preview: f.preview,
      message: f.message,
      status: f.status,
      ...(f.dispute ? { dispute: { by: f.dispute.by, reason: f.dispute.reason } } : {}),
    })),
    reason,
    ...(outcome ? { outcome } : {}),
  };
}
