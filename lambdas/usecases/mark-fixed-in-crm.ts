import { ConflictError } from '../core/errors.js';
import type { Channel, StoredFinding, StoredNote } from '../core/model.js';
import type { UseCaseDeps } from './deps.js';
import { withNote } from './note-commit-loop.js';

/**
 * The rep says "I fixed it in the CRM": open findings become `pending`; the next webhook for the
 * record confirms (they become `fixed`) or re-opens them if the words are still there.
 */
export async function markFixedInCrm(
  deps: UseCaseDeps,
  noteId: string,
  by: { actor: string; channel: Channel },
): Promise<{ note: StoredNote; pending: StoredFinding[] }> {
  return withNote(deps, noteId, async ({ note, findings }) => {
    const open = findings.filter((f) => f.status === 'open');
    if (open.length === 0) {
      if (findings.some((f) => f.status === 'pending')) return { note, pending: [] };
      throw new ConflictError(`note ${noteId} has no open findings`);
    }
    const now = deps.clock.now().toISOString();
    const pending = open.map((f) => ({ ...f, status: 'pending' as const, updatedAt: now }));
    const next: StoredNote = { ...note, rev: note.rev + 1 };
    await deps.repo.commit({
      expectedRev: note.rev,
      note: next,
      raw: 'keep',
      findings: pending,
      audit: [
        {
          noteId,
          at: now,
          actor: by.actor,
          action: 'pending',
          channel: by.channel,
          findingIds: pending.map((f) => f.findingId),
        },
      ],
    });
    return { note: next, pending };
  });
}
