import { redactText } from '../classifier/redact.js';
import { ConflictError } from '../core/errors.js';
import type { Channel, StoredFinding, StoredNote } from '../core/model.js';
import type { UseCaseDeps } from './deps.js';
import { withNote } from './note-commit-loop.js';

export interface RedactResult {
  note: StoredNote;
  redacted: StoredFinding[];
  crm: 'written' | 'skipped' | 'failed';
}

/**
 * Replaces every open finding's span with [REDACTED:category] in the stored note, resolves those
 * findings, drops the raw text, records who did it, and writes the redacted text back to the CRM.
 */
export async function redactNote(
  deps: UseCaseDeps,
  noteId: string,
  by: { actor: string; channel: Channel },
): Promise<RedactResult> {
  const result = await withNote(deps, noteId, async ({ note, findings }) => {
    const targets = findings.filter((f) => f.status === 'open' || f.status === 'pending');
    if (targets.length === 0) {
      if (note.redactedBody !== undefined || note.redactedFields)
        return { note, redacted: [] as StoredFinding[], changed: false };
      throw new ConflictError(`note ${noteId} has no open findings to redact`);
    }
    const raw = await deps.repo.getRaw(noteId);
    if (!raw)
      throw new ConflictError(
        `the text of note ${noteId} is no longer held (past retention); redact it in the CRM`,
      );
    const now = deps.clock.now().toISOString();
    const redacted: Partial<StoredNote> = {};
    if (raw.body !== undefined)
      redacted.redactedBody = redactText(
        raw.body,
        targets.filter((f) => f.field === undefined),
      );
    if (raw.fields) {
      redacted.redactedFields = Object.fromEntries(
        Object.entries(raw.fields).map(([name, value]) => [
          name,
          redactText(
            value,
            targets.filter((f) => f.field === name),
          ),
        ]),
      );
    }
    const changed = targets.map((f) => ({
      ...f,
      status: 'redacted' as const,
      resolvedBy: by.actor,
      updatedAt: now,
    }));
    const next: StoredNote = { ...note, ...redacted, rev: note.rev + 1, status: 'resolved', openFindings: 0 };
    await deps.repo.commit({
      expectedRev: note.rev,
      note: next,
      raw: 'delete',
      findings: changed,
      audit: [
        {
          noteId,
          at: now,
          actor: by.actor,
          action: 'redacted',
          channel: by.channel,
          findingIds: changed.map((f) => f.findingId),
        },
      ],
    });
    return { note: next, redacted: changed, changed: true };
  });
  let crm: RedactResult['crm'] = 'skipped';
  if (result.changed) {
    try {
      crm = await deps.crm.writeBack(result.note, {
        ...(result.note.redactedBody !== undefined ? { body: result.note.redactedBody } : {}),
        ...(result.note.redactedFields ? { fields: result.note.redactedFields } : {}),
      });
    } catch (err) {
      crm = 'failed';
      deps.logger.warn('CRM write-back failed; the redacted text is stored and can be written again', {
        noteId,
        crm: deps.crm.name,
        error: (err as Error).name,
      });
    }
  }
  return { note: result.note, redacted: result.redacted, crm };
}
