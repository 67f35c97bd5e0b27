import type { Finding } from '../classifier/types.js';
import type { StoredFinding } from '../core/model.js';
import { findingIdFor } from './ids.js';

/** A newly opened finding as stored: the classifier's finding with its id, masked preview and owner. */
export function newStoredFinding(
  noteId: string,
  seq: number,
  finding: Finding,
  preview: string,
  ownerEmail: string | undefined,
  at: string,
): StoredFinding {
  return {
    findingId: findingIdFor(noteId, seq),
    noteId,
    category: finding.category,
    start: finding.start,
    end: finding.end,
    ...(finding.field !== undefined ? { field: finding.field } : {}),
    severity: finding.severity,
    confidence: finding.confidence,
    ruleId: finding.ruleId,
    message: finding.message,
    suggestion: finding.suggestion,
    preview,
    status: 'open',
    ...(ownerEmail ? { ownerEmail } : {}),
    createdAt: at,
    updatedAt: at,
  };
}
