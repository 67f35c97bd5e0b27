import { maskSpan } from '../classifier/redact.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { Channel, StoredFinding, StoredNote } from '../core/model.js';
import type { UseCaseDeps } from './deps.js';
import { noteIdOfFinding } from './ids.js';
import { withNote } from './note-commit-loop.js';

/** The rep says a finding is not sensitive: it stays open, carries the reason, and goes to manager review. */
export async function disputeFinding(
  deps: UseCaseDeps,
  findingId: string,
  by: { actor: string; channel: Channel; reason: string },
): Promise<{ note: StoredNote; finding: StoredFinding }> {
  const noteId = noteIdOfFinding(findingId);
  if (!noteId) throw new NotFoundError(`finding ${findingId} not found`);
  return withNote(deps, noteId, async ({ note, findings }) => {
    const finding = findings.find((f) => f.findingId === findingId);
    if (!finding) throw new NotFoundError(`finding ${findingId} not found`);
    if (finding.status !== 'open' && finding.status !== 'pending')
      throw new ConflictError(`finding ${findingId} is already ${finding.status}`);
    const now = deps.clock.now().toISOString();
    // The reason is free text that goes to a review channel: anything sensitive in it is masked.
    const reason = maskFindings(deps, by.reason.slice(0, 500));
    const updated: StoredFinding = { ...finding, dispute: { by: by.actor, reason, at: now }, updatedAt: now };
    const next: StoredNote = { ...note, rev: note.rev + 1 };
    await deps.repo.commit({
      expectedRev: note.rev,
      note: next,
      raw: 'keep',
      findings: [updated],
      audit: [
        {
          noteId,
          at: now,
          actor: by.actor,
          action: 'disputed',
          channel: by.channel,
          findingIds: [findingId],
        },
      ],
    });
    return { note: next, finding: updated };
  });
}

/** `text` with every finding of the classifier replaced by its masked form. */
export function maskFindings(deps: Pick<UseCaseDeps, 'classifier'>, text: string): string {
  let out = '';
  let at = 0;
  for (const f of deps.classifier.scanText(text)) {
    out += text.slice(at, f.start) + maskSpan(text.slice(f.start, f.end), f.category);
    at = f.end;
  }
  return out + text.slice(at);
}
