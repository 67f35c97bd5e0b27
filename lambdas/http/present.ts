import type { StoredFinding, StoredNote } from '../core/model.js';

/** The API's view of a finding: offsets, category, why and a masked preview; never the raw span. */
export function presentFinding(f: StoredFinding) {
  return {
    findingId: f.findingId,
    noteId: f.noteId,
    category: f.category,
    start: f.start,
    end: f.end,
    ...(f.field !== undefined ? { field: f.field } : {}),
    severity: f.severity,
    confidence: f.confidence,
    ruleId: f.ruleId,
    message: f.message,
    suggestion: f.suggestion,
    preview: f.preview,
    status: f.status,
    ...(f.ownerEmail ? { ownerEmail: f.ownerEmail } : {}),
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    ...(f.resolvedBy ? { resolvedBy: f.resolvedBy } : {}),
  };
}

export function presentNote(n: StoredNote) {
  const { redactedBody, redactedFields, ...rest } = n;
  return {
    ...rest,
    ...(redactedBody !== undefined ? { redactedBody } : {}),
    ...(redactedFields ? { redactedFields } : {}),
  };
}
